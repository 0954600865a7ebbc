/**
 * The vocabulary the register's use cases share: legal bases, who acts, what a life event and a change
 * of facts are, and the payload shapes written to the fact tables. A file of its own (not the service)
 * so that the use-case files and the service that composes them import it without an import cycle.
 */
import type { DbExecutor } from '../../db/database.ts';
import type { AuditActor } from '../audit/index.ts';
import type { AddressInput, LifeEventKind } from '../../../shared/contracts/register.contract.ts';
import type { ValidPeriod } from './bitemporal.ts';
import { FACT_COLUMN_NAMES, type FactRows, type PersonRow } from './register.repository.ts';
import { domesticAddressLine } from '../../../shared/kernel/address-format.ts';

export const LEGAL_BASIS = {
  register: 'Fizisko personu reģistra likums',
  civilStatus: 'Civilstāvokļa aktu reģistrācijas likums',
  residence: 'Dzīvesvietas deklarēšanas likums',
  citizenship: 'Pilsonības likums',
  immigration: 'Imigrācijas likums',
} as const;

export const TIME_ZONE = 'Europe/Riga';

/** Who acts, through which channel, and why (the audit gate's fields). */
export interface ActionContext {
  actor: AuditActor;
  channel: 'desk' | 'portal' | 'system';
  caseReference?: string | undefined;
  reason?: string | undefined;
  requestId?: string | undefined;
}

export type FactKind = keyof FactRows;

/** One change to one person's facts: over `period` the fact is `payload` (or, without one, did not hold). */
export interface FactChange {
  personId: string;
  fact: FactKind;
  period: ValidPeriod;
  payload?: Record<string, unknown>;
  /** Which current rows are the same fact (default: every current row of that table for the person). */
  scope?: (row: Record<string, unknown>) => boolean;
  /** Add the row without superseding anything (additional addresses run in parallel). */
  append?: boolean;
}

export interface EventSpec {
  personId: string;
  kind: LifeEventKind;
  effectiveDate: string;
  legalBasis: string;
  sourceDocument: string | null;
  details?: Record<string, unknown>;
}

/**
 * Another module's reaction to a life event, in the event's own transaction (documents: a death or a
 * change of name, code or status invalidates the person's documents). `facts` says which facts of which
 * persons the event changed.
 */
export type LifeEventHook = (
  trx: DbExecutor,
  ctx: ActionContext,
  event: { kind: string; personId: string; effectiveDate: string; facts: ReadonlyMap<string, ReadonlySet<string>> },
) => Promise<void>;

export type NewPersonPayload = {
  kind: 'birth' | 'arrival';
  givenNames: string;
  surname: string;
  originalName?: string | undefined;
  sex: 'M' | 'F';
  birthDate: string;
  birthCountry: string;
  birthMunicipality?: string | undefined;
  birthPlace?: string | undefined;
  legalStatus: string;
  citizenships: string[];
  address: AddressInput | null;
  housingBasis: string;
  parents: string[];
  legalBasis: string;
  sourceDocument: string;
  /** A birth close to a sibling's that the officer confirmed, and why (kept on the birth's life event). */
  closeBirthConfirmation?: { reason: string } | undefined;
};

/** A fact row without the columns every fact table shares: what a new row for the same fact carries over. */
export const payloadOf = (row: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(row).filter(([k]) => !(FACT_COLUMN_NAMES as readonly string[]).includes(k)));

export function addressPayload(
  address: AddressInput,
  legalBasis: string | null,
  isAdditional = false,
): Record<string, unknown> {
  if (address.kind === 'abroad') {
    return {
      isAdditional,
      country: address.country,
      municipalityCode: null,
      settlement: null,
      street: null,
      building: null,
      flat: null,
      postcode: null,
      addressLine: address.addressLine,
      legalBasis,
    };
  }
  const line = domesticAddressLine(address);
  return {
    isAdditional,
    country: 'LVA',
    municipalityCode: address.municipalityCode,
    settlement: address.settlement ?? null,
    street: address.street,
    building: address.building,
    flat: address.flat ?? null,
    postcode: address.postcode,
    addressLine: line,
    legalBasis,
  };
}

export function summaryOf(
  p: Pick<
    PersonRow,
    | 'id'
    | 'personalCode'
    | 'givenNames'
    | 'surname'
    | 'birthDate'
    | 'sex'
    | 'legalStatus'
    | 'municipalityCode'
    | 'deathDate'
  >,
) {
  return {
    id: p.id,
    personalCode: p.personalCode,
    givenNames: p.givenNames,
    surname: p.surname,
    birthDate: p.birthDate,
    sex: p.sex,
    legalStatus: p.legalStatus,
    municipalityCode: p.municipalityCode,
    deathDate: p.deathDate,
  };
}
