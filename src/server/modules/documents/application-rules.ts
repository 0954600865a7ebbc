/**
 * The rules of a document application that do not depend on the database (DOMAIN.md §3.3): the state fee
 * in force on the application day (a dated table; reduced for under-20s, pensioners and disability groups
 * I–II), the ready day (10 or 2 working days, not counting the day of submission), and whether a photo
 * can be printed on the document. Pure.
 */
import { imageSize } from 'image-size';
import { addWorkingDays } from '../../../shared/kernel/working-days.ts';
import { yearsBetween, type PlainDate } from '../../../shared/kernel/plain-date.ts';
import type { DocumentType } from '../../../shared/contracts/documents.contract.ts';
import type { FeeRow } from './application-rule-versions/version.ts';
import { DOCUMENTS_2012 } from './application-rule-versions/2012-01-01.ts';
import { DOCUMENTS_2025 } from './application-rule-versions/2025-01-01.ts';
import { DOCUMENTS_2026 } from './application-rule-versions/2026-01-01.ts';

export type Tier = 'standard' | 'urgent';
export type ReducedGround = 'under-20' | 'pensioner' | 'disability';

export type { FeeRow } from './application-rule-versions/version.ts';

/** A fee table in force from a day (inclusive) until the next entry, and the act that set it. */
export interface FeePeriod {
  from: string;
  fees: Partial<Record<DocumentType, FeeRow>>;
  legalAct?: string | undefined;
}

/** The shipped fees: the rule versions of application-rule-versions/, one period each. */
export const DEFAULT_FEE_TABLE: readonly FeePeriod[] = [DOCUMENTS_2012, DOCUMENTS_2025, DOCUMENTS_2026].map((v) => ({
  from: v.validFrom,
  fees: v.fees,
  legalAct: v.legalAct,
}));

export interface Fee {
  amountCents: number;
  /** The table entry applied (its first day, the rules version), for the receipt and the rule trace. */
  tableFrom: string;
  reducedFor: ReducedGround | null;
}

/** The fee of a document, tier and reduction ground under one version of the fees; undefined when it has no fee for the type. */
export function feeUnder(
  version: { validFrom: string; fees: FeePeriod['fees'] },
  type: DocumentType,
  tier: Tier,
  reducedFor: ReducedGround | null,
): Fee | undefined {
  const row = version.fees[type];
  if (!row) return undefined;
  // The reduced urgent fee is unconfirmed: the full urgent one applies.
  if (tier === 'urgent') return { amountCents: row.urgent, tableFrom: version.validFrom, reducedFor: null };
  return { amountCents: reducedFor ? row.reduced : row.standard, tableFrom: version.validFrom, reducedFor };
}

/** The fee in force on the application day; undefined when the table has none for the type. */
export function feeFor(
  table: readonly FeePeriod[],
  input: {
    type: DocumentType;
    tier: Tier;
    appliedOn: PlainDate;
    birthDate: PlainDate;
    ground?: 'pensioner' | 'disability' | undefined;
  },
): Fee | undefined {
  const period = [...table].filter((p) => p.from <= input.appliedOn).sort((a, b) => (a.from < b.from ? 1 : -1))[0];
  if (!period) return undefined;
  return feeUnder({ validFrom: period.from, fees: period.fees }, input.type, input.tier, reducedGround(input));
}

/** Under 20 on the application day, else the ground the applicant gave (a pensioner, disability groups I–II). */
export function reducedGround(input: {
  appliedOn: PlainDate;
  birthDate: PlainDate;
  ground?: 'pensioner' | 'disability' | undefined;
}): ReducedGround | null {
  return yearsBetween(input.birthDate, input.appliedOn) < 20 ? 'under-20' : (input.ground ?? null);
}

/** The day the document is ready: 10 or 2 working days after the submission day (which does not count). */
export function readyDate(submittedOn: PlainDate, tier: Tier): PlainDate {
  return addWorkingDays(submittedOn, tier === 'urgent' ? 2 : 10);
}

export type PhotoProblem = 'photo-format' | 'photo-too-small' | 'photo-proportions';

/**
 * A document photo is 35 × 45 mm (7 : 9) and must print sharply: at least 413 × 531 pixels (300 dpi), in
 * proportion within 3 %. Only JPEG and PNG, read from the bytes.
 */
export function photoProblem(bytes: Uint8Array): PhotoProblem | null {
  let size: { width?: number; height?: number; type?: string };
  try {
    size = imageSize(bytes);
  } catch {
    return 'photo-format';
  }
  if ((size.type !== 'jpg' && size.type !== 'png') || !size.width || !size.height) return 'photo-format';
  if (size.width < 413 || size.height < 531) return 'photo-too-small';
  const ratio = size.width / size.height;
  if (Math.abs(ratio - 7 / 9) / (7 / 9) > 0.03) return 'photo-proportions';
  return null;
}
