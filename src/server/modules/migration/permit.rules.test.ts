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
  PERMIT_DOCUMENTS,
  PERMIT_GROUNDS,
  PERMIT_KINDS,
  PERMIT_TIERS,
  type PermitGround,
  type PermitKind,
} from '../../../shared/contracts/permit-subjects.ts';
import {
  fiveYearsContinuity,
  grantTermsProblems,
  hasCard,
  hasEnd,
  incomeNeededEur,
  permitApplicationProblems,
  permitDeadline,
  permitDeadlineOf,
  permitFee,
  requiredDocuments,
  tiersOf,
  type PermitApplicationFacts,
  type RightPeriod,
} from './permit.rules.ts';
import {
  CARD_RIGHT_KINDS,
  needsSponsor,
  SPONSOR_MISSING_REASON,
  SPONSOR_OF,
} from '../../../shared/kernel/permit-grounds.ts';
import { RIGHT_OF } from './permit-procedure.ts';
import { FIELD_REASONS } from '../../../shared/errors.ts';
import { RESIDENCE_2017 } from './permit-rules/residence-2017-09-12.ts';
import { EU_RESIDENCE_RULES, permitRulesOf, RESIDENCE_RULES, type PermitRuleVersion } from './permit-rules/index.ts';
import lv from '../../../shared/i18n/lv.json' with { type: 'json' };
import en from '../../../shared/i18n/en.json' with { type: 'json' };
import { EU_DOCUMENT_KINDS } from '../../../shared/kernel/permit-grounds.ts';

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
  sponsor: 'SIA Demo Software',
  ...o,
});
const reasons = (f: PermitApplicationFacts) =>
  permitApplicationProblems(RESIDENCE_2017, f, TODAY).map((p) => `${p.path}:${p.reason}`);

describe('the state fee by tier (MK 557; PMLP table, DOMAIN-PROCEDURES §4.6)', () => {
  it('is 100 / 200 / 400 EUR for a temporary permit, 70 for a family member or student in 30 days', () => {
    expect(PERMIT_TIERS.map((t) => permitFee(RESIDENCE_2017, 'temporary', 'employment', t)?.amountCents)).toEqual([
      10_000, 20_000, 40_000,
    ]);
    expect(PERMIT_TIERS.map((t) => permitFee(RESIDENCE_2017, 'temporary', 'family', t)?.amountCents)).toEqual([
      7_000, 20_000, 40_000,
    ]);
    expect(permitFee(RESIDENCE_2017, 'temporary', 'study', 'standard')?.amountCents).toBe(7_000);
    expect(permitFee(RESIDENCE_2017, 'temporary', 'investment', 'express')?.amountCents).toBe(40_000);
    // The reduced row is for family of a citizen, non-citizen or permanent resident only.
    expect(permitFee(RESIDENCE_2017, 'temporary', 'family-of-temporary-resident', 'standard')?.amountCents).toBe(
      10_000,
    );
  });

  it('is 160 / 280 EUR for EU long-term resident status, without a 5-day tier; EU citizens’ documents are free', () => {
    expect(tiersOf(RESIDENCE_2017, 'eu-long-term-resident', 'five-years-residence')).toEqual(['standard', 'fast']);
    expect(permitFee(RESIDENCE_2017, 'eu-long-term-resident', 'five-years-residence', 'fast')?.amountCents).toBe(
      28_000,
    );
    expect(permitFee(RESIDENCE_2017, 'eu-long-term-resident', 'five-years-residence', 'express')).toBeNull();
    expect(permitFee(RESIDENCE_2017, 'eu-registration-certificate', 'worker', 'fast')).toMatchObject({
      amountCents: 0,
    });
    expect(tiersOf(RESIDENCE_2017, 'eu-family-residence-card', 'family-of-eu-citizen')).toEqual(['fast']);
  });

  it('offers at least one tier for every kind, and every offered tier has a deadline', () => {
    for (const kind of PERMIT_KINDS) {
      for (const ground of GROUNDS_OF_KIND[kind]) {
        expect(tiersOf(RESIDENCE_2017, kind, ground).length).toBeGreaterThan(0);
        for (const tier of tiersOf(RESIDENCE_2017, kind, ground)) expect(permitDeadline(tier).limit).toBeGreaterThan(0);
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
    expect(requiredDocuments(RESIDENCE_2017, 'temporary', 'employment', 'first')).toEqual([
      'application-form',
      'travel-document-copy',
      'photo',
      'criminal-record',
      'invitation',
      'employment-contract',
      'means-of-subsistence',
      'health-insurance',
    ]);
    expect(requiredDocuments(RESIDENCE_2017, 'temporary', 'employment', 'renewal')).not.toContain('criminal-record');
  });
  it('asks for Latvian at A2 for a permanent permit and EU long-term status, and an EU citizen for their own identity document', () => {
    expect(requiredDocuments(RESIDENCE_2017, 'permanent', 'five-years-temporary', 'first')).toContain(
      'latvian-language',
    );
    expect(requiredDocuments(RESIDENCE_2017, 'eu-long-term-resident', 'five-years-residence', 'first')).toEqual(
      expect.arrayContaining(['residence-history', 'income-proof', 'latvian-language', 'health-insurance']),
    );
    expect(requiredDocuments(RESIDENCE_2017, 'eu-registration-certificate', 'worker', 'first')).toEqual([
      'application-form',
      'eu-identity-document',
      'activity-proof',
    ]);
  });
  it('never lists a document twice', () => {
    for (const kind of PERMIT_KINDS)
      for (const ground of PERMIT_GROUNDS)
        for (const a of ['first', 'renewal'] as const) {
          const docs = requiredDocuments(RESIDENCE_2017, kind, ground, a);
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
    grantTermsProblems(
      kind,
      GROUNDS_OF_KIND[kind][0] as PermitGround,
      { validFrom: d(validFrom), validUntil: validUntil ? d(validUntil) : null },
      TODAY,
    ).map((p) => `${p.path}:${p.reason}`);
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
        const ok =
          grantTermsProblems('temporary', 'employment', { validFrom: from, validUntil: until }, TODAY).length === 0;
        // Accepted exactly when the last day is before the fifth anniversary of the first.
        return ok === compareDates(until, addDays(addMonthsClamped(from, 60), -1)) <= 0;
      }),
    );
  });
});

describe('who an application names as sponsor', () => {
  it('an employment, study or family ground names someone in Latvia; an investor, a repatriant and a five-years ground do not', () => {
    expect(reasons(facts({ sponsor: '' }))).toEqual(['sponsor:employer-needed']);
    expect(reasons(facts({ sponsor: undefined, ground: 'investment' }))).toEqual([]);
    expect(reasons(facts({ sponsor: null, ground: 'repatriant' }))).toEqual([]);
    expect(
      reasons(facts({ sponsor: undefined, permitKind: 'permanent', ground: 'five-years-temporary', tier: 'standard' })),
    ).toEqual([]);
    expect(reasons(facts({ sponsor: '  ', permitKind: 'permanent', ground: 'family-of-citizen' }))).toEqual([
      'sponsor:family-member-needed',
    ]);
    // Every ground of the permanent kinds and every five-years ground rests on the applicant alone, except a citizen's family.
    for (const ground of PERMIT_GROUNDS.filter((g) => g.startsWith('five-years')))
      expect(needsSponsor(ground), ground).toBe(false);
    expect(SPONSOR_OF['blue-card']).toBe('employer');
  });
  it('says whom to name: the employer of a Blue Card, the school, the family member, the EU citizen', () => {
    const missing = (o: Partial<PermitApplicationFacts>) => reasons(facts({ sponsor: undefined, ...o }));
    expect(missing({ ground: 'blue-card', tier: 'fast' })).toEqual(['sponsor:employer-needed']);
    expect(missing({ ground: 'study' })).toEqual(['sponsor:school-needed']);
    expect(missing({ ground: 'family-of-temporary-resident' })).toEqual(['sponsor:family-member-needed']);
    expect(missing({ permitKind: 'eu-family-residence-card', ground: 'family-of-eu-citizen', tier: 'fast' })).toEqual([
      'sponsor:eu-citizen-needed',
    ]);
    expect(
      missing({ permitKind: 'eu-registration-certificate', ground: 'student', tier: 'fast', nationality: 'DEU' }),
    ).toEqual(['sponsor:school-needed']);
    // Each is a field reason the API may send (its message is in both catalogues: messages.test.ts).
    for (const reason of Object.values(SPONSOR_MISSING_REASON))
      expect(FIELD_REASONS as readonly string[], reason).toContain(reason);
  });
});

describe('the EU Blue Card (§4.7)', () => {
  it('is a temporary ground with no 30-day tier: 100 EUR in 10 working days, 200 EUR in 5', () => {
    expect(GROUNDS_OF_KIND.temporary).toContain('blue-card');
    expect(tiersOf(RESIDENCE_2017, 'temporary', 'blue-card')).toEqual(['fast', 'express']);
    expect(permitFee(RESIDENCE_2017, 'temporary', 'blue-card', 'standard')).toBeNull();
    expect(permitFee(RESIDENCE_2017, 'temporary', 'blue-card', 'fast')?.amountCents).toBe(10_000);
    expect(permitFee(RESIDENCE_2017, 'temporary', 'blue-card', 'express')?.amountCents).toBe(20_000);
    expect(reasons(facts({ ground: 'blue-card', tier: 'standard' }))).toEqual(['tier:tier-not-offered']);
    expect(permitDeadlineOf({ permitKind: 'temporary', nationality: 'IND', tier: 'fast' })).toMatchObject({
      unit: 'working-days',
      limit: 10,
    });
  });
  it('asks for higher education and the salary threshold of the year, none for a year with none recorded', () => {
    expect(requiredDocuments(RESIDENCE_2017, 'temporary', 'blue-card', 'first')).toEqual(
      expect.arrayContaining(['invitation', 'employment-contract', 'higher-education']),
    );
    expect(incomeNeededEur('temporary', 'blue-card', d('2023-06-01'))).toBe(2_060);
    // 2026 has no threshold in the sources: none is asked, and the 2023 amount is not used in its place.
    expect(incomeNeededEur('temporary', 'blue-card', TODAY)).toBeNull();
  });
  it('is granted for five years at most', () => {
    const terms = { validFrom: TODAY, validUntil: d('2031-12-07') };
    expect(grantTermsProblems('temporary', 'blue-card', terms, TODAY).map((p) => p.reason)).toEqual(['term-too-long']);
  });
});

describe('a repatriant (§4.6, §8)', () => {
  it('pays no examination fee, the exemption named as its legal basis', () => {
    expect(tiersOf(RESIDENCE_2017, 'temporary', 'repatriant')).toEqual(['standard']);
    const fee = permitFee(RESIDENCE_2017, 'temporary', 'repatriant', 'standard');
    expect(fee?.amountCents).toBe(0);
    expect(fee?.legalAct).toMatch(/^Repatriācijas likums/);
    expect(requiredDocuments(RESIDENCE_2017, 'temporary', 'repatriant', 'first')).toContain('repatriant-status');
    expect(incomeNeededEur('temporary', 'repatriant')).toBeNull();
  });
  it('gets exactly five years: no last day is asked for, and a grant runs five years from its first day', () => {
    expect(reasons(facts({ ground: 'repatriant', sponsor: null, requestedUntil: d('2028-01-01') }))).toEqual([
      'requestedUntil:term-fixed',
    ]);
    const grant = (until: string) =>
      grantTermsProblems('temporary', 'repatriant', { validFrom: TODAY, validUntil: d(until) }, TODAY).map(
        (p) => p.reason,
      );
    expect(grant('2031-12-06')).toEqual([]);
    expect(grant('2028-12-06')).toEqual(['term-fixed']);
  });
});

describe('citizens of Russia and Belarus (§4.3, §4.5)', () => {
  it('a first temporary permit on a ground that is not an exception is refused, naming the suspension', () => {
    expect(reasons(facts({ nationality: 'RUS' }))).toEqual(['ground:first-permit-suspended']);
    expect(reasons(facts({ nationality: 'BLR', ground: 'investment', sponsor: null }))).toEqual([
      'ground:first-permit-suspended',
    ]);
    // The exceptions (a citizen's or permanent resident's family, students), a renewal, and other nationalities are not.
    expect(reasons(facts({ nationality: 'RUS', ground: 'family' }))).toEqual([]);
    expect(reasons(facts({ nationality: 'BLR', ground: 'study' }))).toEqual([]);
    expect(reasons(facts({ nationality: 'RUS', application: 'renewal' }))).toEqual([]);
    expect(reasons(facts({ nationality: 'UKR' }))).toEqual([]);
    expect(
      permitApplicationProblems(RESIDENCE_2017, facts({ nationality: 'RUS' }), TODAY).find(
        (p) => p.reason === 'first-permit-suspended',
      )?.message,
    ).toMatch(/Imigrācijas likums, pārejas noteikumi/);
  });
  it('a Russian citizen’s permanent or EU long-term file is examined in four months, whatever the tier', () => {
    expect(permitDeadlineOf({ permitKind: 'permanent', nationality: 'RUS', tier: 'standard' })).toEqual({
      unit: 'months',
      limit: 4,
    });
    expect(permitDeadlineOf({ permitKind: 'eu-long-term-resident', nationality: 'RUS', tier: 'fast' })).toEqual({
      unit: 'months',
      limit: 4,
    });
    expect(permitDeadlineOf({ permitKind: 'permanent', nationality: 'BLR', tier: 'standard' })).toMatchObject({
      unit: 'calendar-days',
      limit: 30,
    });
    expect(permitDeadlineOf({ permitKind: 'temporary', nationality: 'RUS', tier: 'standard' })).toMatchObject({
      unit: 'calendar-days',
    });
  });
});

describe('five years’ continuous residence from the register’s history', () => {
  const right = (kind: string, from: string, until: string | null): RightPeriod => ({
    kind,
    validFrom: d(from),
    validUntil: until ? d(until) : null,
  });
  const APPLIED = d('2026-11-30');
  it('holds when temporary permits follow each other without a day between them over the five years before applying', () => {
    const r = fiveYearsContinuity(
      'five-years-temporary',
      [right('temporary-permit', '2021-06-01', '2024-05-31'), right('temporary-permit', '2024-06-01', '2027-05-31')],
      APPLIED,
    );
    expect(r).toEqual({ from: '2021-11-30', until: '2026-11-29', gaps: [], passed: true });
  });
  it('names each gap: between permits, before the first, and a right of a kind that does not count', () => {
    const r = fiveYearsContinuity(
      'five-years-temporary',
      [
        right('long-stay-visa', '2021-01-01', '2022-12-31'),
        right('temporary-permit', '2023-01-01', '2024-03-31'),
        right('temporary-permit', '2024-04-10', null),
      ],
      APPLIED,
    );
    expect(r?.passed).toBe(false);
    expect(r?.gaps).toEqual([
      { from: '2021-11-30', until: '2022-12-31', days: 397 },
      { from: '2024-04-01', until: '2024-04-09', days: 9 },
    ]);
  });
  it('EU long-term status tolerates gaps up to six months each and ten months in all; a permanent permit none', () => {
    const rights = [
      right('temporary-permit', '2021-01-01', '2023-12-31'),
      right('temporary-permit', '2024-05-01', null),
    ];
    expect(fiveYearsContinuity('five-years-residence', rights, APPLIED)?.passed).toBe(true);
    expect(fiveYearsContinuity('five-years-temporary', rights, APPLIED)?.passed).toBe(false);
    // Six months to the day (1 January – 30 June) is still within; one day more is not.
    const six = [right('temporary-permit', '2021-01-01', '2023-12-31'), right('temporary-permit', '2024-07-01', null)];
    expect(fiveYearsContinuity('five-years-residence', six, APPLIED)?.passed).toBe(true);
    const long = [right('temporary-permit', '2021-01-01', '2023-12-31'), right('temporary-permit', '2024-07-02', null)];
    expect(fiveYearsContinuity('five-years-residence', long, APPLIED)?.passed).toBe(false);
  });
  it('an EU citizen counts the registration certificate; nothing in the register is one gap over the five years', () => {
    expect(
      fiveYearsContinuity(
        'five-years-eu-residence',
        [right('eu-registration-certificate', '2020-03-01', null)],
        APPLIED,
      )?.passed,
    ).toBe(true);
    expect(fiveYearsContinuity('five-years-eu-residence', [], APPLIED)?.gaps).toEqual([
      { from: '2021-11-30', until: '2026-11-29', days: 1826 },
    ]);
    expect(fiveYearsContinuity('employment', [], APPLIED)).toBeNull();
  });
  it('a gap is never reported for a day a right covers (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -2500, max: 0 }), fc.integer({ min: 0, max: 900 })), { maxLength: 6 }),
        (spans) => {
          const rights = spans.map(([start, length]) =>
            right('temporary-permit', addDays(APPLIED, start), addDays(APPLIED, start + length)),
          );
          const r = fiveYearsContinuity('five-years-temporary', rights, APPLIED);
          return (r?.gaps ?? []).every((g) =>
            rights.every(
              (x) => compareDates(x.validUntil as PlainDate, g.from) < 0 || compareDates(x.validFrom, g.until) > 0,
            ),
          );
        },
      ),
    );
  });
});

describe('the EU permanent documents (§4.9)', () => {
  it('are free, in 10 working days, without end; the certificate is a paper for an EU citizen, the card a card for their family', () => {
    expect(
      permitFee(RESIDENCE_2017, 'eu-permanent-residence-certificate', 'five-years-eu-residence', 'fast')?.amountCents,
    ).toBe(0);
    expect(
      permitFee(RESIDENCE_2017, 'eu-family-permanent-residence-card', 'five-years-family-of-eu-citizen', 'fast')
        ?.amountCents,
    ).toBe(0);
    expect(hasEnd('eu-permanent-residence-certificate')).toBe(false);
    expect(hasCard('eu-permanent-residence-certificate')).toBe(false);
    expect(hasCard('eu-family-permanent-residence-card')).toBe(true);
    const certificate = facts({
      permitKind: 'eu-permanent-residence-certificate',
      ground: 'five-years-eu-residence',
      tier: 'fast',
    });
    expect(reasons({ ...certificate, nationality: 'IND' })).toEqual(['nationality:eu-nationality-needed']);
    expect(reasons({ ...certificate, nationality: 'POL' })).toEqual([]);
    expect(
      requiredDocuments(RESIDENCE_2017, 'eu-permanent-residence-certificate', 'five-years-eu-residence', 'first'),
    ).toEqual(['application-form', 'eu-identity-document', 'eu-citizen-registration', 'residence-history']);
    expect(
      reasons(
        facts({
          permitKind: 'eu-family-permanent-residence-card',
          ground: 'five-years-family-of-eu-citizen',
          tier: 'fast',
          nationality: 'DEU',
        }),
      ),
    ).toEqual(['permitKind:eu-citizen-registers']);
  });
});

describe('the rights a residence permit card is made for', () => {
  it('are the rights recorded for the kinds that have a card (the desk warns by them when a card would come late)', () => {
    expect([...CARD_RIGHT_KINDS].sort()).toEqual(
      PERMIT_KINDS.filter(hasCard)
        .map((k) => RIGHT_OF[k])
        .sort(),
    );
  });
});

describe('a move of a residence case to other rules', () => {
  // A synthetic later version, as a law change would bring: a dearer general row without the 5-day tier, and a
  // further document for employment. No such version exists; the real book has one version.
  const later: PermitRuleVersion = {
    ...RESIDENCE_2017,
    validFrom: '2027-01-01' as PlainDate,
    legalAct: 'Test regulation',
    fees: {
      ...RESIDENCE_2017.fees,
      general: { cents: { standard: 12_000, fast: 24_000 }, legalAct: 'Test regulation' },
    },
    documentsForGround: {
      ...RESIDENCE_2017.documentsForGround,
      employment: [...RESIDENCE_2017.documentsForGround.employment, 'higher-education'],
    },
  };
  const employment = (tier: 'standard' | 'express') => ({
    permitKind: 'temporary',
    ground: 'employment',
    application: 'first',
    tier,
    nationality: 'UKR',
    fee: permitFee(RESIDENCE_2017, 'temporary', 'employment', tier),
    required: requiredDocuments(RESIDENCE_2017, 'temporary', 'employment', 'first', 'UKR'),
  });
  const move = RESIDENCE_RULES.moveEffect as NonNullable<typeof RESIDENCE_RULES.moveEffect>;

  it('re-quotes the fee of the same tier and names the documents the new version adds', () => {
    const effect = move(employment('standard'), RESIDENCE_2017, later, '2026-12-01' as PlainDate);
    expect(effect.fee).toEqual({ beforeCents: 10_000, afterCents: 12_000 });
    expect(effect.newDocuments).toEqual(['higher-education']);
    expect(effect.subject['required']).toContain('higher-education');
    expect(effect.subject['fee']).toEqual({ amountCents: 12_000, legalAct: 'Test regulation' });
  });

  it('keeps the fee paid for a tier the new version no longer offers', () => {
    const effect = move(employment('express'), RESIDENCE_2017, later, '2026-12-01' as PlainDate);
    expect(effect.fee).toEqual({ beforeCents: 40_000, afterCents: 40_000 });
  });

  it('changes nothing when moved back to the version it was lodged under', () => {
    const effect = move(employment('standard'), RESIDENCE_2017, RESIDENCE_2017, '2026-12-01' as PlainDate);
    expect(effect.fee).toEqual({ beforeCents: 10_000, afterCents: 10_000 });
    expect(effect.newDocuments).toEqual([]);
  });
});

describe('the rule book of each kind', () => {
  it('is the book of the procedure the kind is lodged in', () => {
    for (const kind of PERMIT_KINDS)
      expect(permitRulesOf(kind)).toBe(EU_DOCUMENT_KINDS.includes(kind) ? EU_RESIDENCE_RULES : RESIDENCE_RULES);
    // The EU family member's cards are the EU procedure's, as their case type is.
    expect(permitRulesOf('eu-family-residence-card')).toBe(EU_RESIDENCE_RULES);
  });
});

describe('the documents a move lists', () => {
  it('are named in both catalogues under the namespace each residence rule book gives the screen', () => {
    for (const book of [RESIDENCE_RULES, EU_RESIDENCE_RULES]) {
      expect(book.documentWording).toBe('permits.document');
      for (const code of PERMIT_DOCUMENTS) {
        const key = `${book.documentWording}.${code}`;
        expect(Object.keys(lv), key).toContain(key);
        expect(Object.keys(en), key).toContain(key);
      }
    }
  });
});
