/** Who is calling: resolved once per request from the session cookie (identity) or a partner's API key. */
import type { Role } from '../../shared/kernel/permissions.ts';

export interface StaffPrincipal {
  kind: 'staff';
  sessionId: string;
  csrfToken: string;
  mfaPending: boolean;
  accountId: string;
  username: string;
  displayName: string;
  roles: Role[];
  branchId: string;
  institution: string;
  isDemo: boolean;
  branchCode: string;
  /** The municipality the branch (or municipal office) serves: the jurisdiction of municipality officers. */
  branchMunicipalityCode: string;
  totpEnabled: boolean;
  expiresAt: string;
}

export interface ResidentPrincipal {
  kind: 'resident';
  sessionId: string;
  csrfToken: string;
  personId: string;
  personalCode: string | null;
  displayName: string;
  expiresAt: string;
}

/** `sessionProblem` tells why a presented cookie did not give a session (idle or expired). */
export interface AnonymousPrincipal {
  kind: 'anonymous';
  sessionProblem?: 'SESSION_EXPIRED';
}

/** A partner institution's system (border guard, police …), known by its API key: no session, no person. */
export interface PartnerPrincipal {
  kind: 'partner';
  name: string;
}

export type Principal = StaffPrincipal | ResidentPrincipal | AnonymousPrincipal | PartnerPrincipal;

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal;
  }
}
