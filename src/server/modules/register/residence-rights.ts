/**
 * Rights to reside, recorded as bitemporal facts like every other: a long-stay visa or a residence permit the
 * office granted holds over its validity (valid time), and the register knows it from the moment it was
 * recorded (recorded time). Rights run side by side (a D visa while a permit is examined), so a new one is
 * added beside the others; ending one early (an annulment, a cancelled permit) closes only that document's
 * period, keeping what was recorded before. Both run in the caller's transaction (the decision's), as a
 * life event with its audit entry.
 */
import type { DbExecutor } from '../../db/database.ts';
import { AppError } from '../../http/app-error.ts';
import { addDays, compareDates, type PlainDate } from '../../../shared/kernel/plain-date.ts';
import type { RESIDENCE_RIGHT_KINDS } from '../../../shared/contracts/register.contract.ts';
import { requireAlive, requirePerson, type RegisterContext } from './register-context.ts';
import { recordEvent } from './event-recording.ts';
import type { ActionContext } from './register-model.ts';

export type ResidenceRightKind = (typeof RESIDENCE_RIGHT_KINDS)[number];

export interface ResidenceRightInput {
  kind: ResidenceRightKind;
  documentNumber: string;
  validFrom: PlainDate;
  /** The last day of the right (inclusive); null while it has no end (a permanent permit). */
  validUntil: PlainDate | null;
  /** The case whose decision granted it. */
  issuedBy: string;
  legalBasis: string;
}

export async function recordResidenceRight(
  register: RegisterContext,
  trx: DbExecutor,
  ctx: ActionContext,
  personId: string,
  input: ResidenceRightInput,
) {
  const person = await requirePerson(register, trx, personId, true);
  requireAlive(person);
  return recordEvent(
    register,
    trx,
    ctx,
    {
      personId,
      kind: 'residence-right',
      effectiveDate: input.validFrom,
      legalBasis: input.legalBasis,
      sourceDocument: input.issuedBy,
      details: { kind: input.kind, documentNumber: input.documentNumber, validUntil: input.validUntil, granted: true },
    },
    [
      {
        personId,
        fact: 'residence',
        append: true,
        period: { validFrom: input.validFrom, validTo: input.validUntil ? addDays(input.validUntil, 1) : null },
        payload: {
          kind: input.kind,
          documentNumber: input.documentNumber,
          issuedBy: input.issuedBy,
          legalBasis: input.legalBasis,
        },
      },
    ],
  );
}

/** Ends the right a document carries from a day on (the day it was annulled or cancelled); earlier days keep it. */
export async function endResidenceRight(
  register: RegisterContext,
  trx: DbExecutor,
  ctx: ActionContext,
  personId: string,
  input: { documentNumber: string; endsOn: PlainDate; legalBasis: string; sourceDocument: string },
) {
  await requirePerson(register, trx, personId, true);
  const rows = (await register.repository.allFacts(trx, personId)).residence.filter(
    (r) => r.supersededAt === null && r.documentNumber === input.documentNumber,
  );
  const current = rows.find((r) => r.validTo === null || compareDates(r.validTo as PlainDate, input.endsOn) > 0);
  if (!current)
    throw new AppError('INVALID_STATE', `No right to reside under ${input.documentNumber} holds on ${input.endsOn}`, {
      rule: { id: 'register.no-fact-to-correct' },
    });
  // From the end day on the right no longer holds: the overlay keeps the days before and drops the rest.
  return recordEvent(
    register,
    trx,
    ctx,
    {
      personId,
      kind: 'residence-right',
      effectiveDate: input.endsOn,
      legalBasis: input.legalBasis,
      sourceDocument: input.sourceDocument,
      details: { kind: current.kind, documentNumber: input.documentNumber, endsOn: input.endsOn, granted: false },
    },
    [
      {
        personId,
        fact: 'residence',
        period: { validFrom: input.endsOn, validTo: current.validTo },
        scope: (r) => r['documentNumber'] === input.documentNumber,
      },
    ],
  );
}
