/**
 * Correction of a fact that was wrong from the start (a correction case's approval), as opposed to a
 * life event, which changes a fact from a date on.
 */
import type { DbExecutor } from '../../db/database.ts';
import { AppError } from '../../http/app-error.ts';
import type { CorrectableField } from '../../../shared/contracts/cases.contract.ts';
import { isKnownCountry } from './countries.ts';
import { auditAccess, invalid, requirePerson, type RegisterContext } from './register-context.ts';
import { recordEvent } from './event-recording.ts';
import { LEGAL_BASIS, payloadOf, type ActionContext, type FactKind } from './register-model.ts';

/** Where each correctable field lives: its fact table and column. */
const CORRECTABLE_FACT: Record<CorrectableField, [FactKind, string]> = {
  givenNames: ['name', 'givenNames'],
  surname: ['name', 'surname'],
  originalName: ['name', 'originalName'],
  birthPlace: ['core', 'birthPlace'],
  birthCountry: ['core', 'birthCountry'],
  ethnicity: ['core', 'ethnicity'],
};
type FactRow = Record<string, unknown> & {
  id: number;
  validFrom: string;
  validTo: string | null;
  supersededAt: string | null;
};
/** The row that holds now and is the register's current knowledge (the latest valid period). */
const currentRow = (rows: readonly FactRow[]): FactRow | undefined =>
  rows.filter((r) => r.supersededAt === null).sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1))[0];

/** The current value of a fact a correction case may correct, with who it belongs to. Read through the audit gate. */
export async function correctableValue(
  register: RegisterContext,
  trx: DbExecutor,
  ctx: ActionContext,
  personId: string,
  field: CorrectableField,
): Promise<{
  value: string | null;
  person: { id: string; personalCode: string; givenNames: string; surname: string };
}> {
  const person = await requirePerson(register, trx, personId);
  const [fact, column] = CORRECTABLE_FACT[field];
  const row = currentRow((await register.repository.allFacts(trx, personId))[fact] as unknown as FactRow[]);
  await auditAccess(register, trx, ctx, {
    action: 'read',
    purpose: 'case-processing',
    legalBasis: LEGAL_BASIS.register,
    subjectPersonId: personId,
    resource: 'register.person',
    touched: [field],
  });
  return {
    value: (row?.[column] as string | null | undefined) ?? null,
    person: {
      id: person.id,
      personalCode: person.personalCode,
      givenNames: person.givenNames,
      surname: person.surname,
    },
  };
}

/**
 * Corrects a fact that was wrong from the start: the current row keeps its valid period but its
 * recorded time closes, and a row with the corrected value and the same valid period is recorded
 * now. "As the register showed it" before today still gives the old value. Runs in the caller's
 * transaction (a correction case's approval), as a life event with its audit entry.
 */
export async function correctFact(
  register: RegisterContext,
  trx: DbExecutor,
  ctx: ActionContext,
  personId: string,
  input: { field: CorrectableField; value: string | null; legalBasis: string; sourceDocument: string },
): Promise<{ eventId: string; version: number }> {
  const person = await requirePerson(register, trx, personId, true);
  const [fact, column] = CORRECTABLE_FACT[input.field];
  if (input.field === 'birthCountry' && (!input.value || !isKnownCountry(input.value)))
    invalid('value', `Unknown country code ${input.value ?? ''}`, 'unknown-country');
  if ((input.field === 'givenNames' || input.field === 'surname') && !input.value?.trim())
    invalid('value', 'A name cannot be empty');
  const row = currentRow((await register.repository.allFacts(trx, personId))[fact] as unknown as FactRow[]);
  if (!row)
    throw new AppError('INVALID_STATE', `The person has no current ${fact} fact to correct`, {
      rule: { id: 'register.no-fact-to-correct' },
    });
  const before = (row[column] as string | null) ?? null;
  return recordEvent(
    register,
    trx,
    ctx,
    {
      personId,
      kind: 'correction',
      effectiveDate: row.validFrom,
      legalBasis: input.legalBasis,
      sourceDocument: input.sourceDocument,
      details: { field: input.field, from: before, to: input.value, personalCode: person.personalCode },
    },
    [
      {
        personId,
        fact,
        period: { validFrom: row.validFrom, validTo: row.validTo },
        payload: { ...payloadOf(row), [column]: input.value },
        scope: (r) => r.id === row.id,
      },
    ],
  );
}
