/**
 * The documents the office issues and the rules that do not change per application (DOMAIN.md §3):
 * who may hold which document, how long it is valid by age at issue, and its machine-readable zone.
 * Pure: the day and the configuration are passed in.
 */
import { addDays, addMonthsClamped, yearsBetween, type PlainDate } from '../../../shared/kernel/plain-date.ts';
import { buildMrz, type MrzFormat } from '../../../shared/kernel/mrz.ts';
import type { LegalStatus } from '../../../shared/kernel/legal-status.ts';
import { DOCUMENT_TYPES, type DocumentType } from '../../../shared/contracts/documents.contract.ts';

export interface DocumentTypeRule {
  /** ICAO 9303 layout: TD3 booklets, TD1 cards. */
  format: MrzFormat;
  /** The MRZ document code (the first one or two characters). */
  mrzCode: string;
  /** Legal statuses whose holders may have this document (Cabinet Reg. No. 134). */
  holders: readonly LegalStatus[];
  /** How the validity is set: by age at issue (§3.2), or by the decision behind it (a residence permit's term). */
  validity: 'by-age' | 'by-decision';
}

export const DOCUMENT_RULES: Record<DocumentType, DocumentTypeRule> = {
  passport: { format: 'TD3', mrzCode: 'P', holders: ['citizen'], validity: 'by-age' },
  'identity-card': { format: 'TD1', mrzCode: 'I', holders: ['citizen', 'non-citizen'], validity: 'by-age' },
  'non-citizen-passport': { format: 'TD3', mrzCode: 'P', holders: ['non-citizen'], validity: 'by-age' },
  'stateless-travel-document': { format: 'TD3', mrzCode: 'P', holders: ['stateless'], validity: 'by-age' },
  'refugee-travel-document': { format: 'TD3', mrzCode: 'P', holders: ['refugee'], validity: 'by-age' },
  'alternative-status-travel-document': {
    format: 'TD3',
    mrzCode: 'P',
    holders: ['alternative-status'],
    validity: 'by-age',
  },
  // Foreigners, stateless persons and those under international protection live here on a residence permit (DOMAIN-PROCEDURES §6).
  'residence-permit-card': {
    format: 'TD1',
    mrzCode: 'IR',
    holders: ['foreigner', 'stateless', 'refugee', 'alternative-status'],
    validity: 'by-decision',
  },
};

/** The document types a person of this legal status may hold. */
export function documentTypesFor(status: string): DocumentType[] {
  return DOCUMENT_TYPES.filter((t) => (DOCUMENT_RULES[t].holders as readonly string[]).includes(status));
}

/**
 * Validity by age at issue (DOMAIN.md §3.2): under 5, two years; 5 to 19, five years; from 20, ten years.
 * The document is valid up to and including the day before the same date that many years later.
 */
export function validUntilByAge(birthDate: PlainDate, issuedOn: PlainDate): PlainDate {
  const age = yearsBetween(birthDate, issuedOn);
  const years = age < 5 ? 2 : age < 20 ? 5 : 10;
  return addDays(addMonthsClamped(issuedOn, years * 12), -1);
}

/**
 * The MRZ nationality for a legal status (DOMAIN.md §2.5): citizens LVA, stateless XXA, refugees XXB; the
 * others come from configuration because the sources do not settle them (a non-citizen's is unconfirmed).
 */
export function mrzNationality(
  status: string,
  citizenships: readonly string[],
  configured: Readonly<Record<string, string>>,
): string {
  if (status === 'citizen') return 'LVA';
  if (status === 'stateless') return 'XXA';
  if (status === 'refugee') return 'XXB';
  const fromConfig = configured[status];
  if (fromConfig) return fromConfig;
  // A foreigner's document carries their (first) citizenship.
  return citizenships[0] ?? 'XXX';
}

/** The MRZ of a document: TD3 carries the personal code in its personal-number field, TD1 in optional data. */
export function documentMrz(input: {
  type: DocumentType;
  number: string;
  surname: string;
  givenNames: string;
  nationality: string;
  birthDate: PlainDate;
  sex: 'M' | 'F';
  validUntil: PlainDate;
  personalCode: string;
}): string[] {
  const rule = DOCUMENT_RULES[input.type];
  return buildMrz({
    format: rule.format,
    documentCode: rule.mrzCode,
    issuingState: 'LVA',
    surname: input.surname,
    givenNames: input.givenNames,
    documentNumber: input.number,
    nationality: input.nationality,
    birthDate: input.birthDate,
    sex: input.sex,
    expiryDate: input.validUntil,
    optionalData: input.personalCode.replace('-', ''),
  }).lines;
}

/** Whether a document is valid on a day, and if not, since when: the day after it expired, or the day it was invalidated. */
export function validityOn(
  doc: { validUntil: string; invalidatedOn: string | null },
  on: PlainDate,
): { status: 'valid' } | { status: 'invalid'; since: string; expired: boolean } {
  const expiredSince = addDays(doc.validUntil as PlainDate, 1);
  if (doc.invalidatedOn && doc.invalidatedOn <= on && doc.invalidatedOn < expiredSince)
    return { status: 'invalid', since: doc.invalidatedOn, expired: false };
  if (expiredSince <= on) return { status: 'invalid', since: expiredSince, expired: true };
  return { status: 'valid' };
}
