/**
 * Builds what a person card shows from the fact rows: the person as true on `validOn`, as the register
 * showed it at `recordedAt`; also the current projection stored on the person row. Pure.
 */
import { addDays, type PlainDate } from '../../../shared/kernel/plain-date.ts';
import type { AddressView, HistoryRow, PersonCard } from '../../../shared/contracts/register.contract.ts';
import { holdsOn, knownAt, type ValidPeriod } from './bitemporal.ts';
import { populationPeriods, type PopulationPeriod } from './population-periods.ts';
import {
  FACT_COLUMN_NAMES,
  type AddressFactRow,
  type FactRows,
  type LifeEventRow,
  type PersonRow,
  type RelationFactRow,
} from './register.repository.ts';
import { nameFold, personSearchHashes } from './search-keys.ts';
import { surnameStem } from '../../../shared/kernel/name-keys.ts';

export interface AsOf {
  validOn: string;
  recordedAt: string;
}

/** Inclusive last day of a half-open period (what people read on a card). */
export function lastDay(validTo: string | null): string | null {
  return validTo === null ? null : addDays(validTo as PlainDate, -1);
}

/** The row holding on `date`, or failing that the latest one that began before it. */
function atDate<R extends ValidPeriod>(rows: readonly R[], date: string): R | undefined {
  return (
    rows.find((r) => holdsOn(r, date)) ??
    [...rows].filter((r) => r.validFrom <= date).sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1))[0]
  );
}

function addressView(a: AddressFactRow): AddressView {
  return {
    country: a.country,
    municipalityCode: a.municipalityCode,
    settlement: a.settlement,
    street: a.street,
    building: a.building,
    flat: a.flat,
    postcode: a.postcode,
    addressLine: a.addressLine,
    legalBasis: a.legalBasis,
    validFrom: a.validFrom,
    validUntil: lastDay(a.validTo),
  };
}

export interface RelatedPerson {
  id: string;
  givenNames: string;
  surname: string;
  birthDate: string;
  sex: 'M' | 'F';
  deathDate: string | null;
}

export function buildPersonCard(input: {
  person: PersonRow;
  facts: FactRows;
  /** Relation rows on other persons that point at this one (children, wards, spouses). */
  incoming: readonly RelationFactRow[];
  related: ReadonlyMap<string, RelatedPerson>;
  events: readonly LifeEventRow[];
  asOf: AsOf;
}): PersonCard {
  const { facts, asOf } = input;
  const known = <R extends { recordedAt: string; supersededAt: string | null }>(rows: readonly R[]) =>
    rows.filter((r) => knownAt(r, asOf.recordedAt));
  const code = known(facts.code);
  const names = known(facts.name);
  const core = atDate(known(facts.core), asOf.validOn);
  const status = atDate(known(facts.status), asOf.validOn);
  const addresses = known(facts.address);
  const mainAddresses = addresses.filter((a) => !a.isAdditional);
  const currentName = atDate(names, asOf.validOn);
  const currentCode = atDate(code, asOf.validOn);
  const existed = core !== undefined && core.birthDate <= asOf.validOn;

  const relations: PersonCard['relations'] = [];
  const pushRelation = (kind: PersonCard['relations'][number]['kind'], otherId: string, row: RelationFactRow) => {
    const other = input.related.get(otherId);
    if (!other || !holdsOn(row, asOf.validOn)) return;
    relations.push({
      kind,
      personId: other.id,
      givenNames: other.givenNames,
      surname: other.surname,
      birthDate: other.birthDate,
      sex: other.sex,
      deathDate: other.deathDate,
      validFrom: row.validFrom,
      validUntil: lastDay(row.validTo),
    });
  };
  for (const r of known(facts.relation)) pushRelation(r.kind, r.relatedPersonId, r);
  for (const r of known(input.incoming as RelationFactRow[])) {
    if (r.kind === 'spouse') continue; // the spouse row of this person already says it
    pushRelation(r.kind === 'parent' ? 'child' : 'ward', r.personId, r);
  }

  return {
    id: input.person.id,
    version: input.person.version,
    asOf,
    existed,
    personalCode: currentCode?.personalCode ?? null,
    codes: code.map((c) => ({ personalCode: c.personalCode, validFrom: c.validFrom, validUntil: lastDay(c.validTo) })),
    givenNames: currentName?.givenNames ?? null,
    surname: currentName?.surname ?? null,
    originalName: currentName?.originalName ?? null,
    earlierNames: names
      .filter((n) => n !== currentName && n.validFrom <= asOf.validOn)
      .map((n) => ({
        givenNames: n.givenNames,
        surname: n.surname,
        validFrom: n.validFrom,
        validUntil: lastDay(n.validTo),
      })),
    sex: core?.sex ?? null,
    birthDate: core?.birthDate ?? null,
    birthCountry: core?.birthCountry ?? null,
    birthMunicipality: core?.birthMunicipality ?? null,
    birthPlace: core?.birthPlace ?? null,
    birthSurname: core?.birthSurname ?? null,
    ethnicity: core?.ethnicity ?? null,
    deathDate: core?.deathDate && core.deathDate <= asOf.validOn ? core.deathDate : null,
    legalStatus: status?.legalStatus ?? null,
    citizenships: status?.citizenships ?? [],
    // Every right to reside that holds on the day (a long-stay visa and a permit may overlap).
    residenceRights: known(facts.residence)
      .filter((r) => holdsOn(r, asOf.validOn))
      .map((r) => ({
        kind: r.kind,
        documentNumber: r.documentNumber,
        issuedBy: r.issuedBy,
        validFrom: r.validFrom,
        validUntil: lastDay(r.validTo),
      })),
    residence: (() => {
      const a = mainAddresses.find((r) => holdsOn(r, asOf.validOn));
      return a ? addressView(a) : null;
    })(),
    additionalAddresses: addresses.filter((a) => a.isAdditional && holdsOn(a, asOf.validOn)).map(addressView),
    addressHistory: mainAddresses.filter((a) => a.validFrom <= asOf.validOn).map(addressView),
    relations,
    events: input.events
      .filter((e) => e.recordedAt <= asOf.recordedAt)
      .map((e) => ({ ...e, details: e.details ?? {} })),
  };
}

/** Every fact row on both time axes, for the history timeline. */
export function buildHistoryRows(facts: FactRows): HistoryRow[] {
  const rows: HistoryRow[] = [];
  for (const [fact, list] of Object.entries(facts) as Array<[keyof FactRows, Array<Record<string, unknown>>]>) {
    for (const r of list) {
      const values: HistoryRow['values'] = {};
      for (const [k, v] of Object.entries(r)) {
        if ((FACT_COLUMN_NAMES as readonly string[]).includes(k)) continue;
        values[k] = v as HistoryRow['values'][string];
      }
      rows.push({
        fact,
        id: r.id as number,
        validFrom: r.validFrom as string,
        validUntil: lastDay(r.validTo as string | null),
        recordedAt: r.recordedAt as string,
        supersededAt: r.supersededAt as string | null,
        eventId: r.eventId as string | null,
        values,
      });
    }
  }
  return rows.sort((a, b) => (a.recordedAt === b.recordedAt ? a.id - b.id : a.recordedAt < b.recordedAt ? -1 : 1));
}

/** The person row's projection of the current facts (what lookup, search and lists read). */
export function currentProjection(
  facts: FactRows,
  today: string,
): {
  projection: Omit<PersonRow, 'id' | 'version' | 'registeredAt' | 'updatedAt'>;
  periods: PopulationPeriod[];
} {
  const current = <R extends { supersededAt: string | null }>(rows: readonly R[]) =>
    rows.filter((r) => r.supersededAt === null);
  const code = atDate(current(facts.code), today);
  const name = atDate(current(facts.name), today);
  const core = atDate(current(facts.core), today);
  const status = atDate(current(facts.status), today);
  const residences = current(facts.address).filter((a) => !a.isAdditional);
  const residence = residences.find((a) => holdsOn(a, today));
  if (!code || !name || !core || !status) throw new Error('a person needs a current code, name, core and status fact');
  return {
    projection: {
      personalCode: code.personalCode,
      givenNames: name.givenNames,
      surname: name.surname,
      originalName: name.originalName,
      sex: core.sex,
      birthDate: core.birthDate,
      legalStatus: status.legalStatus,
      citizenships: status.citizenships,
      municipalityCode: residence && residence.country === 'LVA' ? residence.municipalityCode : null,
      abroadCountry: residence && residence.country !== 'LVA' ? residence.country : null,
      deathDate: core.deathDate,
      surnameStem: surnameStem(name.surname),
      nameFold: nameFold(name.givenNames, name.surname),
      searchHashes: personSearchHashes(name.givenNames, name.surname, Number(core.birthDate.slice(0, 4))),
      birthYear: Number(core.birthDate.slice(0, 4)),
    },
    periods: populationPeriods({
      birthDate: core.birthDate,
      deathDate: core.deathDate,
      statuses: current(facts.status),
      residences: residences.map((r) => ({
        validFrom: r.validFrom,
        validTo: r.validTo,
        municipalityCode: r.country === 'LVA' ? r.municipalityCode : null,
      })),
    }),
  };
}
