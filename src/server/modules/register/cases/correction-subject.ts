/**
 * What a correction case is about, read from the register in the case's transaction: the fact as it is now
 * and the value asked for. What the register would refuse at approval is refused here, while the applicant
 * can still fix it.
 */
import { AppError } from '../../../http/app-error.ts';
import type { DbExecutor } from '../../../db/database.ts';
import type { HandlerAccess } from '../../cases/index.ts';
import type { CorrectableField } from '../../../../shared/contracts/cases.contract.ts';
import type { FieldReason } from '../../../../shared/errors.ts';
import type { RegisterService } from '../register.service.ts';
import { isKnownCountry } from '../countries.ts';

/** A correction: one fact of a registered person, its value and the value asked for. */
export type CorrectionSubjectData = {
  personId: string;
  personalCode: string;
  personName: string;
  field: CorrectableField;
  currentValue: string | null;
  requestedValue: string | null;
  explanation: string;
};

/** Entries a correction may change but not empty. */
const REQUIRED_FIELDS: ReadonlySet<CorrectableField> = new Set(['givenNames', 'surname', 'birthCountry']);

function invalid(path: string, message: string, reason?: FieldReason): never {
  throw new AppError('VALIDATION_FAILED', message, [{ path, message, ...(reason ? { reason } : {}) }]);
}

export async function correctionSubject(
  register: RegisterService,
  trx: DbExecutor,
  access: HandlerAccess,
  channel: 'portal' | 'desk',
  input: { personId: string; field: CorrectableField; requestedValue: string | null; explanation: string },
): Promise<CorrectionSubjectData> {
  // A country is an ISO 3166 alpha-3 code, whatever case it was typed in.
  const requestedValue =
    input.field === 'birthCountry' && input.requestedValue ? input.requestedValue.toUpperCase() : input.requestedValue;
  const current = await register.correctableValue(
    trx,
    { actor: access.actor, channel, caseReference: access.caseReference, requestId: access.requestId },
    input.personId,
    input.field,
  );
  if ((current.value ?? null) === (requestedValue ?? null))
    invalid('requestedValue', 'The register already holds this value', 'same-as-current');
  if (REQUIRED_FIELDS.has(input.field) && !requestedValue) invalid('requestedValue', 'This entry cannot be empty');
  if (input.field === 'birthCountry' && requestedValue && !isKnownCountry(requestedValue))
    invalid('requestedValue', `Unknown country code ${requestedValue}`, 'unknown-country');
  return {
    personId: input.personId,
    personalCode: current.person.personalCode,
    personName: `${current.person.givenNames} ${current.person.surname}`,
    field: input.field,
    currentValue: current.value,
    requestedValue,
    explanation: input.explanation,
  };
}
