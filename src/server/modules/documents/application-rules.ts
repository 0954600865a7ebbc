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

export type Tier = 'standard' | 'urgent';
export type ReducedGround = 'under-20' | 'pensioner' | 'disability';

/** Fees in euro cents per tier; `reduced` is the reduced standard fee (the reduced urgent fee is unconfirmed: the full urgent one applies). */
export interface FeeRow {
  standard: number;
  urgent: number;
  reduced: number;
}

/** A fee table in force from a day (inclusive) until the next entry. */
export interface FeePeriod {
  from: string;
  fees: Partial<Record<DocumentType, FeeRow>>;
}

/** Cabinet Reg. No. 133 as amended (DOMAIN.md §3.3); other document types' fees come from configuration. */
const RESIDENCE_CARD = { standard: 4500, urgent: 9000, reduced: 4500 };

export const DEFAULT_FEE_TABLE: readonly FeePeriod[] = [
  {
    from: '2012-01-01',
    fees: {
      passport: { standard: 3400, urgent: 6000, reduced: 1500 },
      'identity-card': { standard: 1500, urgent: 3000, reduced: 500 },
    },
  },
  // 2025: the reduced categories are unchanged; their 2025 amounts are not in the sources, so the earlier ones stay.
  // The residence permit card: 45 EUR in 10 working days from 2025 (DOMAIN.md); the 2-working-day fee and any
  // reduction are not in the sources, so urgent is set at twice the standard and nothing is reduced (configurable).
  {
    from: '2025-01-01',
    fees: {
      passport: { standard: 4400, urgent: 7000, reduced: 1500 },
      'identity-card': { standard: 2500, urgent: 4000, reduced: 500 },
      'residence-permit-card': RESIDENCE_CARD,
    },
  },
  {
    from: '2026-01-01',
    fees: {
      passport: { standard: 5000, urgent: 7500, reduced: 2500 },
      'identity-card': { standard: 3000, urgent: 4500, reduced: 1500 },
      'residence-permit-card': RESIDENCE_CARD,
    },
  },
];

export interface Fee {
  amountCents: number;
  /** The table entry applied (its first day), for the receipt and the rule trace. */
  tableFrom: string;
  reducedFor: ReducedGround | null;
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
  const row = period?.fees[input.type];
  if (!period || !row) return undefined;
  const ground: ReducedGround | null =
    yearsBetween(input.birthDate, input.appliedOn) < 20 ? 'under-20' : (input.ground ?? null);
  if (input.tier === 'urgent') return { amountCents: row.urgent, tableFrom: period.from, reducedFor: null };
  return { amountCents: ground ? row.reduced : row.standard, tableFrom: period.from, reducedFor: ground };
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
