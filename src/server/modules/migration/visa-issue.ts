/**
 * Issuing a visa on an approved decision: the next sticker number of the issuing state (never reused), the
 * machine-readable zone (ICAO 9303 MRV-A, the Schengen sticker's format) and the visa's row, in the
 * decision's transaction.
 */
import type { DbExecutor } from '../../db/database.ts';
import type { HandledCase, HandlerAccess } from '../cases/index.ts';
import { buildMrv } from '../../../shared/kernel/mrv.ts';
import type { PlainDate } from '../../../shared/kernel/plain-date.ts';
import type { IssueTerms } from './visa.rules.ts';
import type { VisaData, VisaProcedureDeps } from './visa-data.ts';

/** The sticker number: the issuing state's code and nine digits (the zone carries the nine digits). */
export const visaNumberOf = (issuingState: string, serial: number): string =>
  `${issuingState}${String(serial).padStart(9, '0')}`;

/** `legalBasis`: the decision's, recorded with the right to reside a long-stay visa gives a registered person. */
export async function issueVisa(
  trx: DbExecutor,
  deps: VisaProcedureDeps,
  access: HandlerAccess,
  row: HandledCase,
  d: VisaData,
  terms: IssueTerms,
  decision: { decidedOn: PlainDate; legalBasis: string },
): Promise<string> {
  const issuedOn = decision.decidedOn;
  const serial = await deps.repository.nextVisaSerial(trx, deps.issuingState);
  const visaNumber = visaNumberOf(deps.issuingState, serial);
  const mrz = buildMrv({
    format: 'MRV-A',
    visaType: d.visaType,
    issuingState: deps.issuingState,
    surname: d.surname,
    givenNames: d.givenNames,
    visaNumber: String(serial).padStart(9, '0'),
    nationality: d.nationality,
    birthDate: d.birthDate,
    sex: d.sex,
    validUntil: terms.validUntil,
  });
  await deps.repository.insertVisa(trx, {
    visaNumber,
    caseId: row.id,
    caseReference: row.reference,
    personId: row.applicantPersonId ?? d.personId,
    visaType: d.visaType,
    territory: terms.territory,
    entries: terms.entries,
    validFrom: terms.validFrom,
    validUntil: terms.validUntil,
    durationDays: terms.durationDays,
    issuedOn,
    givenNames: d.givenNames,
    surname: d.surname,
    birthDate: d.birthDate,
    nationality: d.nationality,
    travelDocumentNumber: d.travelDocument.number,
    language: row.language,
    mrz: mrz.lines,
    ended: null,
    createdAt: new Date().toISOString(),
  });
  // A long-stay visa is a right to reside in Latvia: the register records it for a registered holder.
  const holder = row.applicantPersonId ?? d.personId;
  if (terms.territory === 'national' && holder) {
    await deps.residenceRights.record(trx, access, holder, {
      kind: 'long-stay-visa',
      documentNumber: visaNumber,
      validFrom: terms.validFrom,
      validUntil: terms.validUntil,
      issuedBy: row.reference,
      legalBasis: decision.legalBasis,
    });
  }
  return visaNumber;
}
