/**
 * Legal statuses a person in the register can have (DOMAIN.md "Reference data to ship"). The MRZ
 * nationality of a non-citizen is configuration, not code (DOMAIN.md §2.5: UNCONFIRMED).
 */
import { z } from 'zod';

export const LEGAL_STATUSES = [
  'citizen',
  'non-citizen',
  'stateless',
  'foreigner',
  'refugee',
  'alternative-status',
  'temporary-protection',
  'asylum-seeker',
] as const;
export type LegalStatus = (typeof LEGAL_STATUSES)[number];
export const LegalStatusSchema = z.enum(LEGAL_STATUSES);

/** Statuses that come with protection granted by the office (asylum law). */
export const PROTECTION_STATUSES: readonly LegalStatus[] = ['refugee', 'alternative-status', 'temporary-protection'];
