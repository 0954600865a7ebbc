/**
 * Use cases of the identity module: staff sign-in with lockout and TOTP, resident sign-in, server-side
 * sessions with idle and absolute timeouts, staff account administration.
 */
import { createHash, randomBytes } from 'node:crypto';
import * as otp from 'otplib';
import type { Db } from '../../db/database.ts';
import { AppError, notFound } from '../../http/app-error.ts';
import type { Principal, ResidentPrincipal, StaffPrincipal } from '../../http/auth-context.ts';
import type { Clock } from '../../platform/clock.ts';
import type { PasswordHasher } from '../../platform/password.ts';
import type { Config } from '../../config.ts';
import type { AuditService } from '../audit/index.ts';
import type { SessionResponse, StaffProfile } from '../../../shared/contracts/identity.contract.ts';
import type { Role } from '../../../shared/kernel/permissions.ts';
import type { IdentityRepository, SessionRow, StaffAccountRow } from './identity.repository.ts';
import { createKeyedLookup } from '../../platform/batcher.ts';

export type { StaffAccountRow };

/** How the identity module finds a resident in the population register (wired in app.ts). */
export interface PersonDirectory {
  findByPersonalCode(personalCode: string): Promise<{ personId: string; displayName: string } | undefined>;
}

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

export interface IssuedSession {
  token: string;
  session: SessionResponse;
}

const TOTP_PERIOD_SECONDS = 30;
/**
 * How long a resolved session is reused without asking the database again (decision 0017): a partner
 * system sending thousands of requests a second on one session then costs one query a second. Sign-out,
 * the second factor and every end of a session drop the entry in this process at once; another process
 * of the same deployment sees such a change within this time.
 */
export const SESSION_CACHE_MS = 1_000;
const SESSION_CACHE_MAX = 10_000;
/** A dummy argon2id hash to verify against for unknown usernames, so timing does not reveal which exist. */
let dummyHash: string | undefined;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const newToken = (): string => randomBytes(32).toString('base64url');

export function toStaffProfile(a: StaffAccountRow): StaffProfile {
  return {
    id: a.id,
    username: a.username,
    displayName: a.displayName,
    roles: a.roles,
    branchId: a.branchId,
    branchCode: a.branchCode,
    institution: a.institution,
    isDemo: a.isDemo,
    totpEnabled: a.totpEnabled,
  };
}

export interface StaffMember {
  id: string;
  displayName: string;
  email: string | null;
  roles: Role[];
  branchId: string;
}

export function createIdentityService(deps: {
  db: Db;
  config: Config;
  clock: Clock;
  hasher: PasswordHasher;
  audit: AuditService;
  repository: IdentityRepository;
  persons: PersonDirectory;
}) {
  const { db, config, clock, hasher, audit, repository: repo, persons } = deps;
  // Every request resolves its session: those arriving together share one query (decision 0014).
  const sessionByTokenHash = createKeyedLookup<string, SessionRow>((hashes) =>
    repo.findSessionsByTokenHashes(db, hashes),
  );
  const sessions = createSessionCache(() => clock.now().getTime());
  const idleMs = (kind: 'staff' | 'resident'): number =>
    (kind === 'staff' ? config.staffIdleMinutes : config.residentIdleMinutes) * 60_000;

  async function createSession(input: {
    kind: 'staff' | 'resident';
    staffAccountId?: string;
    personId?: string;
    personalCode?: string | null;
    displayName: string;
    authMethod: 'password' | 'password+totp' | 'demo-eid' | 'oidc';
    mfaPending: boolean;
    client: ClientInfo;
  }): Promise<{ token: string; sessionId: string; csrfToken: string; expiresAt: string }> {
    const now = clock.now();
    const token = newToken();
    const csrfToken = newToken();
    const expiresAt = new Date(now.getTime() + config.sessionMaxHours * 3_600_000).toISOString();
    const sessionId = await repo.insertSession(db, {
      tokenHash: hashToken(token),
      kind: input.kind,
      staffAccountId: input.staffAccountId ?? null,
      personId: input.personId ?? null,
      personalCode: input.personalCode ?? null,
      displayName: input.displayName,
      authMethod: input.authMethod,
      csrfToken,
      mfaPending: input.mfaPending,
      createdAt: now.toISOString(),
      lastSeenAt: now.toISOString(),
      expiresAt,
      ip: input.client.ip,
      userAgent: input.client.userAgent?.slice(0, 500) ?? null,
    });
    return { token, sessionId, csrfToken, expiresAt };
  }

  function staffSession(
    account: StaffAccountRow,
    csrfToken: string,
    mfaPending: boolean,
    expiresAt: string,
  ): SessionResponse {
    return {
      authenticated: !mfaPending,
      kind: 'staff',
      csrfToken,
      mfaPending,
      staff: toStaffProfile(account),
      idleTimeoutSeconds: idleMs('staff') / 1000,
      expiresAt,
    };
  }

  async function registerFailure(account: StaffAccountRow): Promise<never> {
    const failures = await repo.incrementLoginFailures(db, account.id);
    if (failures >= config.loginMaxFailures) {
      const until = new Date(clock.now().getTime() + config.loginLockoutMinutes * 60_000).toISOString();
      await repo.setLoginFailures(db, account.id, 0, until);
      throw new AppError(
        'ACCOUNT_LOCKED',
        `Too many failed attempts: the account is locked for ${config.loginLockoutMinutes} minutes`,
      );
    }
    throw new AppError('UNAUTHENTICATED', 'Wrong username or password');
  }

  function assertNotLocked(account: StaffAccountRow): void {
    if (account.lockedUntil && new Date(account.lockedUntil) > clock.now()) {
      const minutes = Math.ceil((new Date(account.lockedUntil).getTime() - clock.now().getTime()) / 60_000);
      throw new AppError(
        'ACCOUNT_LOCKED',
        `The account is locked after too many failed attempts; try again in ${minutes} minute(s) or ask an administrator`,
      );
    }
  }

  /** The current TOTP time step of the injected clock. */
  const totpEpoch = (): number => Math.floor(clock.now().getTime() / 1000);

  async function sessionFromAccount(account: StaffAccountRow, client: ClientInfo, authMethod: 'password' | 'oidc') {
    // The national eID is itself two-factor (card or app plus PIN), so OIDC sign-in owes no TOTP code.
    const demoSkip = (account.isDemo && config.demoMode) || authMethod === 'oidc';
    if (account.totpEnabled && !demoSkip) {
      const s = await createSession({
        kind: 'staff',
        staffAccountId: account.id,
        displayName: account.displayName,
        authMethod,
        mfaPending: true,
        client,
      });
      return {
        token: s.token,
        status: 'totp-required' as const,
        session: staffSession(account, s.csrfToken, true, s.expiresAt),
      };
    }
    if (config.staffTotpRequired && !demoSkip) {
      const secret = otp.generateSecret();
      await repo.setTotp(db, account.id, { totpSecret: secret, totpEnabled: false });
      const s = await createSession({
        kind: 'staff',
        staffAccountId: account.id,
        displayName: account.displayName,
        authMethod,
        mfaPending: true,
        client,
      });
      return {
        token: s.token,
        status: 'totp-enrolment-required' as const,
        session: staffSession(account, s.csrfToken, true, s.expiresAt),
        enrolment: { secret, otpauthUri: otp.generateURI({ issuer: 'Civitas', label: account.username, secret }) },
      };
    }
    const s = await createSession({
      kind: 'staff',
      staffAccountId: account.id,
      displayName: account.displayName,
      authMethod,
      mfaPending: false,
      client,
    });
    return {
      token: s.token,
      status: 'signed-in' as const,
      session: staffSession(account, s.csrfToken, false, s.expiresAt),
    };
  }

  return {
    /**
     * Password sign-in. Unknown users, disabled accounts and wrong passwords get the same answer;
     * `loginMaxFailures` wrong answers in a row lock the account for `loginLockoutMinutes`.
     */
    async signInStaff(username: string, password: string, client: ClientInfo) {
      const account = await repo.findStaffByUsername(db, username);
      if (!account || account.disabledAt) {
        dummyHash ??= await hasher.hash('not-a-real-password');
        await hasher.verify(dummyHash, password);
        throw new AppError('UNAUTHENTICATED', 'Wrong username or password');
      }
      assertNotLocked(account);
      if (!(await hasher.verify(account.passwordHash, password))) return registerFailure(account);
      if (account.failedLoginCount > 0 || account.lockedUntil) await repo.setLoginFailures(db, account.id, 0, null);
      return sessionFromAccount(account, client, 'password');
    },

    /** Second factor: checks a TOTP code once per time step; the first good code also completes enrolment. */
    async verifyTotp(principal: StaffPrincipal, code: string): Promise<SessionResponse> {
      if (!principal.mfaPending)
        throw new AppError('INVALID_STATE', 'This session needs no second factor', {
          rule: { id: 'identity.no-second-factor-pending' },
        });
      const account = await repo.findStaffById(db, principal.accountId);
      if (!account || !account.totpSecret)
        throw new AppError('INVALID_STATE', 'No second factor is set up for this account', {
          rule: { id: 'identity.no-second-factor-set-up' },
        });
      assertNotLocked(account);
      let accepted = false;
      const result = await otp.verify({
        secret: account.totpSecret,
        token: code,
        epoch: totpEpoch(),
        epochTolerance: TOTP_PERIOD_SECONDS,
      });
      const step = result.valid ? (result as { timeStep: number }).timeStep : undefined;
      await db.transaction().execute(async (trx) => {
        if (step === undefined || !(await repo.claimTotpStep(trx, account.id, step))) return;
        await repo.setLoginFailures(trx, account.id, 0, null);
        await repo.completeMfa(trx, principal.sessionId);
        accepted = true;
      });
      sessions.forget(principal.sessionId);
      if (!accepted) await registerFailure(account);
      return this.describeSession({ ...principal, mfaPending: false, totpEnabled: true });
    },

    /** Resident sign-in through the demo eID page (demo mode only): the chosen synthetic person. */
    async signInDemoResident(personId: string, client: ClientInfo, requestId: string): Promise<IssuedSession> {
      if (!config.demoMode) throw notFound('Demo eID');
      const person = await repo.findDemoPerson(db, personId);
      if (!person) throw notFound('Demo person');
      return this.startResidentSession(
        { personId, personalCode: person.personalCode, displayName: `${person.givenNames} ${person.surname}` },
        'demo-eid',
        client,
        requestId,
      );
    },

    /** Opens a resident session and records the sign-in in the resident's own "who used my data" log. */
    async startResidentSession(
      person: { personId: string; personalCode: string | null; displayName: string },
      method: 'demo-eid' | 'oidc',
      client: ClientInfo,
      requestId: string,
    ): Promise<IssuedSession> {
      const s = await createSession({
        kind: 'resident',
        personId: person.personId,
        personalCode: person.personalCode,
        displayName: person.displayName,
        authMethod: method,
        mfaPending: false,
        client,
      });
      await db.transaction().execute((trx) =>
        audit.record(trx, {
          actor: { type: 'resident', id: person.personId, name: null, role: 'resident', institution: 'Civitas' },
          action: 'sign-in',
          purpose: 'authentication',
          legalBasis: 'Fizisko personu elektroniskās identifikācijas likums',
          subjectPersonId: person.personId,
          resource: 'identity.session',
          touched: ['personalCode', 'name'],
          requestId,
        }),
      );
      return {
        token: s.token,
        session: {
          authenticated: true,
          kind: 'resident',
          csrfToken: s.csrfToken,
          resident: person,
          idleTimeoutSeconds: idleMs('resident') / 1000,
          expiresAt: s.expiresAt,
        },
      };
    },

    /** Resident arriving from the eID provider: found in the register by personal code, or refused. */
    async signInOidcResident(
      personalCode: string,
      fallbackName: string,
      client: ClientInfo,
      requestId: string,
    ): Promise<IssuedSession> {
      const person = await persons.findByPersonalCode(personalCode);
      if (!person)
        throw new AppError('FORBIDDEN', 'The eID provider confirmed a person who is not in the population register', {
          rule: { id: 'identity.not-in-register' },
        });
      return this.startResidentSession(
        { personId: person.personId, personalCode, displayName: person.displayName || fallbackName },
        'oidc',
        client,
        requestId,
      );
    },

    /** Staff arriving from the identity provider: matched by the account's OIDC subject. */
    async signInOidcStaff(subject: string, client: ClientInfo) {
      const account = await repo.findStaffByOidcSubject(db, subject);
      if (!account || account.disabledAt)
        throw new AppError('FORBIDDEN', 'No staff account is linked to this identity', {
          rule: { id: 'identity.no-staff-account' },
        });
      assertNotLocked(account);
      return sessionFromAccount(account, client, 'oidc');
    },

    async signOut(principal: Principal): Promise<void> {
      if (principal.kind === 'anonymous' || principal.kind === 'partner') return;
      await repo.endSession(db, principal.sessionId, clock.now().toISOString(), 'signed-out');
      sessions.forget(principal.sessionId);
    },

    /**
     * The principal behind a session token. Ends sessions past their idle or absolute limit and says so
     * (SESSION_EXPIRED), so the UI can tell "your session ended" from "please sign in".
     */
    async resolvePrincipal(token: string | undefined): Promise<Principal> {
      if (!token) return { kind: 'anonymous' };
      const tokenHash = hashToken(token);
      const s =
        sessions.get(tokenHash) ??
        sessions.keep(tokenHash, await sessions.fetching(() => sessionByTokenHash(tokenHash)));
      if (!s) return { kind: 'anonymous' };
      if (s.endedAt)
        return s.endReason === 'signed-out'
          ? { kind: 'anonymous' }
          : { kind: 'anonymous', sessionProblem: 'SESSION_EXPIRED' };
      const now = clock.now();
      if (new Date(s.expiresAt) <= now) {
        await repo.endSession(db, s.id, now.toISOString(), 'expired');
        sessions.forget(s.id);
        return { kind: 'anonymous', sessionProblem: 'SESSION_EXPIRED' };
      }
      if (now.getTime() - new Date(s.lastSeenAt).getTime() > idleMs(s.kind)) {
        await repo.endSession(db, s.id, now.toISOString(), 'idle');
        sessions.forget(s.id);
        return { kind: 'anonymous', sessionProblem: 'SESSION_EXPIRED' };
      }
      if (s.kind === 'staff' && (!s.username || s.disabledAt)) {
        await repo.endSession(db, s.id, now.toISOString(), 'revoked');
        sessions.forget(s.id);
        return { kind: 'anonymous', sessionProblem: 'SESSION_EXPIRED' };
      }
      // Write the activity mark at most every 15 s: one UPDATE per burst of requests, not per request.
      if (now.getTime() - new Date(s.lastSeenAt).getTime() > 15_000) {
        await repo.touchSession(db, s.id, now.toISOString());
        s.lastSeenAt = now.toISOString();
      }
      if (s.kind === 'resident') {
        return {
          kind: 'resident',
          sessionId: s.id,
          csrfToken: s.csrfToken,
          personId: s.personId as string,
          personalCode: s.personalCode,
          displayName: s.displayName,
          expiresAt: s.expiresAt,
        } satisfies ResidentPrincipal;
      }
      return {
        kind: 'staff',
        sessionId: s.id,
        csrfToken: s.csrfToken,
        mfaPending: s.mfaPending,
        accountId: s.staffAccountId as string,
        username: s.username as string,
        displayName: s.accountDisplayName as string,
        roles: s.roles as Role[],
        branchId: s.branchId as string,
        branchCode: s.branchCode as string,
        branchMunicipalityCode: s.branchMunicipalityCode as string,
        institution: s.institution as string,
        isDemo: Boolean(s.isDemo),
        totpEnabled: Boolean(s.totpEnabled),
        expiresAt: s.expiresAt,
      } satisfies StaffPrincipal;
    },

    /** The session as the web apps see it (from the principal: no further queries). */
    describeSession(principal: Principal): SessionResponse {
      if (principal.kind === 'anonymous' || principal.kind === 'partner') return { authenticated: false };
      if (principal.kind === 'resident') {
        return {
          authenticated: true,
          kind: 'resident',
          csrfToken: principal.csrfToken,
          idleTimeoutSeconds: idleMs('resident') / 1000,
          expiresAt: principal.expiresAt,
          resident: {
            personId: principal.personId,
            personalCode: principal.personalCode,
            displayName: principal.displayName,
          },
        };
      }
      return {
        authenticated: !principal.mfaPending,
        kind: 'staff',
        csrfToken: principal.csrfToken,
        mfaPending: principal.mfaPending,
        idleTimeoutSeconds: idleMs('staff') / 1000,
        expiresAt: principal.expiresAt,
        staff: {
          id: principal.accountId,
          username: principal.username,
          displayName: principal.displayName,
          roles: principal.roles,
          branchId: principal.branchId,
          branchCode: principal.branchCode,
          institution: principal.institution,
          isDemo: principal.isDemo,
          totpEnabled: principal.totpEnabled,
        },
      };
    },

    async listDemoPersons() {
      if (!config.demoMode) throw notFound('Demo eID');
      return repo.listDemoPersons(db);
    },

    listBranches: () => repo.listBranches(db),

    /** Where the resident wants the office's reminders (null: nowhere). Their own data: the read is audited. */
    async residentContact(personId: string): Promise<{ email: string | null; language: 'lv' | 'en' }> {
      return db.transaction().execute(async (trx) => {
        await audit.record(trx, {
          actor: { type: 'resident', id: personId, name: null, role: 'resident', institution: 'Civitas' },
          action: 'read',
          purpose: 'data-subject-access',
          legalBasis: 'Fizisko personu datu apstrādes likums',
          subjectPersonId: personId,
          resource: 'identity.resident_contact',
          touched: ['email'],
        });
        const c = await repo.contactOf(trx, personId);
        return { email: c?.email ?? null, language: c?.language ?? 'lv' };
      });
    },

    /** Sets or (with null) removes the resident's contact address, audited. */
    async saveResidentContact(
      personId: string,
      input: { email: string | null; language: 'lv' | 'en' },
    ): Promise<{ email: string | null; language: 'lv' | 'en' }> {
      await db.transaction().execute(async (trx) => {
        if (input.email)
          await repo.saveContact(trx, {
            personId,
            email: input.email,
            language: input.language,
            updatedAt: clock.now().toISOString(),
          });
        else await repo.deleteContact(trx, personId);
        await audit.record(trx, {
          actor: { type: 'resident', id: personId, name: null, role: 'resident', institution: 'Civitas' },
          action: input.email ? 'update' : 'delete',
          purpose: 'data-subject-access',
          legalBasis: 'Fizisko personu datu apstrādes likums',
          subjectPersonId: personId,
          resource: 'identity.resident_contact',
          touched: ['email'],
        });
      });
      return input;
    },

    /** Contact addresses of persons, for the office's reminders (read in the sending job's own trail). */
    residentContacts: async (personIds: readonly string[]) =>
      new Map(
        (await repo.contactsOf(db, personIds)).map((c) => [c.personId, { email: c.email, language: c.language }]),
      ),

    /** Supervisors see their own branch; administrators and auditors see every account. */
    /** The active staff of a branch, without secrets: whom a case may be assigned to, and who hears of its deadline. */
    async branchStaff(branchId: string): Promise<StaffMember[]> {
      const rows = await repo.listStaff(db, branchId);
      return rows
        .filter((r) => !r.disabledAt)
        .map((r) => ({
          id: r.id,
          displayName: r.displayName,
          email: r.email,
          roles: r.roles as Role[],
          branchId: r.branchId,
        }));
    },

    async listStaff(principal: StaffPrincipal): Promise<StaffAccountRow[]> {
      const seesAll = principal.roles.some((r: Role) => r === 'administrator' || r === 'auditor');
      return repo.listStaff(db, seesAll ? undefined : principal.branchId);
    },

    async createStaff(input: {
      username: string;
      displayName: string;
      email: string | null;
      roles: Role[];
      branchId: string;
      initialPassword: string;
    }): Promise<StaffAccountRow> {
      if (!(await repo.findBranch(db, input.branchId)))
        throw new AppError('VALIDATION_FAILED', 'Unknown branch', [{ path: 'branchId', message: 'No such branch' }]);
      if (await repo.findStaffByUsername(db, input.username))
        throw new AppError('DUPLICATE', `The username ${input.username} is taken`, {
          details: [{ path: 'username', message: 'Already taken' }],
          rule: { id: 'identity.username-taken', values: { username: input.username } },
        });
      const id = await repo.insertStaff(db, {
        username: input.username,
        displayName: input.displayName,
        email: input.email,
        roles: [...new Set(input.roles)],
        branchId: input.branchId,
        passwordHash: await hasher.hash(input.initialPassword),
      });
      return (await repo.findStaffById(db, id)) as StaffAccountRow;
    },

    async unlockStaff(id: string): Promise<StaffAccountRow> {
      const account = await repo.findStaffById(db, id);
      if (!account) throw notFound('Staff account');
      await repo.setLoginFailures(db, id, 0, null);
      return (await repo.findStaffById(db, id)) as StaffAccountRow;
    },
  };
}
export type IdentityService = ReturnType<typeof createIdentityService>;

/**
 * Live sessions by token hash for SESSION_CACHE_MS (decision 0017). Only live sessions are kept, never a
 * miss (random tokens cannot fill it), and at most SESSION_CACHE_MAX, oldest out first. A row fetched
 * while a session of this process was being ended is not kept, so an ended session never comes back
 * from the cache.
 */
function createSessionCache(nowMs: () => number) {
  const entries = new Map<string, { row: SessionRow; until: number }>();
  let forgets = 0;
  return {
    get(tokenHash: string): SessionRow | undefined {
      const e = entries.get(tokenHash);
      if (!e) return undefined;
      if (e.until > nowMs()) return e.row;
      entries.delete(tokenHash);
      return undefined;
    },
    /** Runs a fetch and remembers whether a session was forgotten meanwhile. */
    async fetching(
      fetch: () => Promise<SessionRow | undefined>,
    ): Promise<{ row: SessionRow | undefined; fresh: boolean }> {
      const before = forgets;
      const row = await fetch();
      return { row, fresh: forgets === before };
    },
    keep(tokenHash: string, fetched: { row: SessionRow | undefined; fresh: boolean }): SessionRow | undefined {
      const { row, fresh } = fetched;
      if (row && fresh && !row.endedAt) {
        if (entries.size >= SESSION_CACHE_MAX) entries.delete(entries.keys().next().value as string);
        entries.set(tokenHash, { row, until: nowMs() + SESSION_CACHE_MS });
      }
      return row;
    },
    forget(sessionId: string): void {
      forgets++;
      for (const [hash, e] of entries) if (e.row.id === sessionId) entries.delete(hash);
    },
  };
}
