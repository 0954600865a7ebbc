import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  addMonthsClamped,
  compareDates,
  plainDate,
  type PlainDate,
} from '../../../shared/kernel/plain-date.ts';
import {
  GROUNDS_OF_KIND,
  PERMIT_GROUNDS,
  PERMIT_KINDS,
  PERMIT_TIERS,
  type PermitKind,
} from '../../../shared/contracts/permit-subjects.ts';
import {
  grantTermsProblems,
  hasCard,
  hasEnd,
  incomeNeededEur,
  permitApplicationProblems,
  permitDeadline,
  permitFee,
  requiredDocuments,
  tiersOf,
  type PermitApplicationFacts,
} from './permit.rules.ts';

const d = plainDate;
const TODAY = d('2026-12-07');
const facts = (o: Partial<PermitApplicationFacts> = {}): PermitApplicationFacts => ({
  permitKind: 'temporary',
  ground: 'employment',
  application: 'first',
  tier: 'standard',
  nationality: 'IND',
  travelDocumentValidUntil: d('2030-01-01'),
  requestedUntil: null,
  ...o,
});
const reasons = (f: PermitApplicationFacts) => permitApplicationProblems(f, TODAY).map((p) => `${p.path}:${p.reason}`);

describe('the state fee by tier (MK 557; PMLP table, DOMAIN-PROCEDURES §4.6)', () => {
  it('is 100 / 200 / 400 EUR for a temporary permit, 70 for a family member or student in 30 days', () => {
    expect(PERMIT_TIERS.map((t) => permitFee('temporary', 'employment', t)?.amountCents)).toEqual([
      10_000, 20_000, 40_000,
    ]);
    expect(PERMIT_TIERS.map((t) => permitFee('temporary', 'family', t)?.amountCents)).toEqual([7_000, 20_000, 40_000]);
    expect(permitFee('temporary', 'study', 'standard')?.amountCents).toBe(7_000);
    expect(permitFee('temporary', 'investment', 'express')?.amountCents).toBe(40_000);
    // The reduced row is for family of a citizen, non-citizen or permanent resident only.
    expect(permitFee('temporary', 'family-of-temporary-resident', 'standard')?.amountCents).toBe(10_000);
  });

  it('is 160 / 280 EUR for EU long-term resident status, without a 5-day tier; EU citizens’ documents are free', () => {
    expect(tiersOf('eu-long-term-resident', 'five-years-residence')).toEqual(['standard', 'fast']);
    expect(permitFee('eu-long-term-resident', 'five-years-residence', 'fast')?.amountCents).toBe(28_000);
    expect(permitFee('eu-long-term-resident', 'five-years-residence', 'express')).toBeNull();
    expect(permitFee('eu-registration-certificate', 'worker', 'fast')).toMatchObject({ amountCents: 0 });
    expect(tiersOf('eu-family-residence-card', 'family-of-eu-citizen')).toEqual(['fast']);
  });

  it('offers at least one tier for every kind, and every offered tier has a deadline', () => {
    for (const kind of PERMIT_KINDS) {
      for (const ground of GROUNDS_OF_KIND[kind]) {
        expect(tiersOf(kind, ground).length).toBeGreaterThan(0);
        for (const tier of tiersOf(kind, ground)) expect(permitDeadline(tier).limit).toBeGreaterThan(0);
      }
    }
  });
});

describe('the deadline of a tier (the first decision; an extension may follow)', () => {
  it('is 30 days, 10 or 5 working days', () => {
    expect(permitDeadline('standard')).toMatchObject({ unit: 'calendar-days', limit: 30 });
    expect(permitDeadline('fast')).toMatchObject({ unit: 'working-days', limit: 10 });
    expect(permitDeadline('express')).toMatchObject({ unit: 'working-days', limit: 5 });
  });
});

describe('the documents a ground asks for (§4.4, §4.9)', () => {
  it('asks a first employment permit for the invitation, contract, criminal record and cover; a renewal not for the record', () => {
    expect(requiredDocuments('temporary', 'employment', 'first')).toEqual([
      'application-form',
      'travel-document-copy',
      'photo',
      'criminal-record',
      'invitation',
      'employment-contract',
      'means-of-subsistence',
      'health-insurance',
    ]);
    expect(requiredDocuments('temporary', 'employment', 'renewal')).not.toContain('criminal-record');
  });
  it('asks for Latvian at A2 for a permanent permit and EU long-term status, and an EU citizen for their own identity document', () => {
    expect(requiredDocuments('permanent', 'five-years-temporary', 'first')).toContain('latvian-language');
    expect(requiredDocuments('eu-long-term-resident', 'five-years-residence', 'first')).toEqual(
      expect.arrayContaining(['residence-history', 'income-proof', 'latvian-language', 'health-insurance']),
    );
    expect(requiredDocuments('eu-registration-certificate', 'worker', 'first')).toEqual([
      'application-form',
      'eu-identity-document',
      'activity-proof',
    ]);
  });
  it('never lists a document twice', () => {
    for (const kind of PERMIT_KINDS)
      for (const ground of PERMIT_GROUNDS)
        for (const a of ['first', 'renewal'] as const) {
          const docs = requiredDocuments(kind, ground, a);
          expect(new Set(docs).size).toBe(docs.length);
        }
  });
  it('asks for income where the ground rests on the applicant’s own means', () => {
    expect(incomeNeededEur('temporary', 'employment')).toBe(620);
    expect(incomeNeededEur('temporary', 'family')).toBeNull();
    expect(incomeNeededEur('eu-long-term-resident', 'five-years-residence')).toBe(750);
    expect(incomeNeededEur('eu-registration-certificate', 'worker')).toBeNull();
  });
});

describe('admissibility of an application', () => {
  it('accepts a complete first application', () => {
    expect(reasons(facts({ requestedUntil: d('2028-12-06') }))).toEqual([]);
  });
  it('names a ground of another kind, a tier not offered and a renewal of a right without end', () => {
    expect(reasons(facts({ ground: 'worker' }))).toEqual(['ground:ground-not-for-kind']);
    expect(reasons(facts({ permitKind: 'permanent', ground: 'five-years-temporary', tier: 'express' }))).toEqual([
      'tier:tier-not-offered',
    ]);
    expect(reasons(facts({ permitKind: 'permanent', ground: 'five-years-temporary', application: 'renewal' }))).toEqual(
      ['application:renewal-not-offered'],
    );
  });
  it('sends an EU citizen to the registration certificate and keeps it for EU citizens; a Latvian needs nothing', () => {
    expect(reasons(facts({ nationality: 'DEU' }))).toEqual(['permitKind:eu-citizen-registers']);
    expect(
      reasons(facts({ permitKind: 'eu-registration-certificate', ground: 'worker', tier: 'fast', nationality: 'IND' })),
    ).toEqual(['nationality:eu-nationality-needed']);
    expect(
      reasons(facts({ permitKind: 'eu-registration-certificate', ground: 'worker', tier: 'fast', nationality: 'NOR' })),
    ).toEqual([]);
    expect(reasons(facts({ nationality: 'LVA' }))).toEqual(['nationality:not-for-status']);
  });
  it('refuses an expired travel document and a requested term over five years or for a right without end', () => {
    expect(reasons(facts({ travelDocumentValidUntil: d('2026-12-06') }))).toEqual([
      'travelDocument.validUntil:document-expired',
    ]);
    expect(reasons(facts({ travelDocumentValidUntil: TODAY }))).toEqual([]);
    expect(reasons(facts({ requestedUntil: d('2031-12-07') }))).toEqual(['requestedUntil:term-too-long']);
    expect(reasons(facts({ requestedUntil: d('2031-12-06') }))).toEqual([]);
    expect(
      reasons(facts({ permitKind: 'permanent', ground: 'five-years-temporary', requestedUntil: d('2028-01-01') })),
    ).toEqual(['requestedUntil:term-has-no-end']);
  });
});

describe('what a grant may say', () => {
  const grant = (kind: PermitKind, validFrom: string, validUntil: string | null) =>
    grantTermsProblems(kind, { validFrom: d(validFrom), validUntil: validUntil ? d(validUntil) : null }, TODAY).map(
      (p) => `${p.path}:${p.reason}`,
    );
  it('a temporary permit ends within five years of its first day; a permanent one has no end', () => {
    expect(grant('temporary', '2026-12-07', '2031-12-06')).toEqual([]);
    expect(grant('temporary', '2026-12-07', '2031-12-07')).toEqual(['terms.validUntil:term-too-long']);
    expect(grant('temporary', '2026-12-07', null)).toEqual(['terms.validUntil:term-needs-end']);
    expect(grant('temporary', '2027-01-10', '2027-01-09')).toEqual(['terms.validUntil:ends-before-start']);
    expect(grant('permanent', '2026-12-07', null)).toEqual([]);
    expect(grant('permanent', '2026-12-07', '2030-01-01')).toEqual(['terms.validUntil:term-has-no-end']);
  });
  it('starts no earlier than the decision and no later than six months after it', () => {
    expect(grant('eu-long-term-resident', '2026-12-06', null)).toEqual(['terms.validFrom:not-after-today']);
    expect(grant('eu-long-term-resident', '2027-06-07', null)).toEqual([]);
    expect(grant('eu-long-term-resident', '2027-06-08', null)).toEqual(['terms.validFrom:term-too-long']);
  });
  it('a right that ends is renewed; one without end is not, and a registration certificate has no card', () => {
    expect(hasEnd('eu-family-residence-card')).toBe(true);
    expect(hasEnd('eu-registration-certificate')).toBe(false);
    expect(hasCard('eu-registration-certificate')).toBe(false);
    expect(hasCard('permanent')).toBe(true);
  });
  it('the terms a grant accepts always end within five years of their first day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 180 }), fc.integer({ min: 0, max: 2200 }), (start, length) => {
        const from = addDays(TODAY, start);
        const until = addDays(from, length) as PlainDate;
        const ok = grantTermsProblems('temporary', { validFrom: from, validUntil: until }, TODAY).length === 0;
        // Accepted exactly when the last day is before the fifth anniversary of the first.
        return ok === compareDates(until, addDays(addMonthsClamped(from, 60), -1)) <= 0;
      }),
    );
  });
});
