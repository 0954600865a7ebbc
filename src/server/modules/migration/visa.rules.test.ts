import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, plainDate, type PlainDate } from '../../../shared/kernel/plain-date.ts';
import { workingDaysBetween } from '../../../shared/kernel/working-days.ts';
import {
  NATIONAL_GROUND_RULES,
  NATIONAL_VISA_GROUNDS,
  type NationalVisaGround,
} from '../../../shared/kernel/migration-grounds.ts';
import {
  ageOn,
  applicationProblems,
  issueTermsProblems,
  lastInCountryLodgingDay,
  nationalGroundStanding,
  refusalGroundsProblems,
  stayDays,
  type ApplicationFacts,
} from './visa.rules.ts';
import { visaFeeOn } from './visa-rules/index.ts';

const d = plainDate;
const facts = (o: Partial<ApplicationFacts> = {}): ApplicationFacts => ({
  visaType: 'C',
  intendedEntry: d('2027-01-10'),
  intendedExit: d('2027-01-24'),
  travelDocumentValidUntil: d('2030-01-01'),
  insurance: { coverageEur: 30000, validFrom: d('2027-01-10'), validUntil: d('2027-01-24') },
  means: { amountEur: 1000 },
  ...o,
});
const reasons = (f: ApplicationFacts, today = d('2026-12-07')) => applicationProblems(f, today).map((p) => p.reason);

describe('the visa fee (Visa Code Art. 16; Delegated Reg. 2024/1415)', () => {
  it('changes on the day the new table applies, by the applicant’s age that day', () => {
    expect(visaFeeOn('C', d('1980-01-01'), d('2020-02-01'), null).amountCents).toBe(6000);
    expect(visaFeeOn('C', d('1980-01-01'), d('2020-02-02'), null).amountCents).toBe(8000);
    expect(visaFeeOn('C', d('1980-01-01'), d('2024-06-10'), null).amountCents).toBe(8000);
    expect(visaFeeOn('C', d('1980-01-01'), d('2024-06-11'), null).amountCents).toBe(9000);
    // Six on the day of lodging: the child rate; the day before, nothing; twelve: the adult rate.
    expect(visaFeeOn('C', d('2018-06-11'), d('2024-06-11'), null).amountCents).toBe(4500);
    expect(visaFeeOn('C', d('2018-06-12'), d('2024-06-11'), null).amountCents).toBe(0);
    expect(visaFeeOn('C', d('2012-06-11'), d('2024-06-11'), null).amountCents).toBe(9000);
    expect(visaFeeOn('C', d('1980-01-01'), d('2024-06-11'), 'researcher')).toMatchObject({
      amountCents: 0,
      exemption: 'researcher',
    });
  });

  it('counts whole years of age, a birthday counting on its own day', () => {
    expect(ageOn(d('2000-02-29'), d('2024-02-28'))).toBe(23);
    expect(ageOn(d('2000-02-29'), d('2024-02-29'))).toBe(24);
    expect(ageOn(d('2000-03-01'), d('2024-02-29'))).toBe(23);
  });
});

describe('admissibility of an application (Art. 9, 12, 15, 19)', () => {
  it('admits a well-formed short stay and refuses each defect by name', () => {
    expect(reasons(facts())).toEqual([]);
    expect(reasons(facts({ intendedExit: d('2027-01-09') }))).toContain('exit-before-entry');
    expect(reasons(facts({ intendedExit: d('2027-04-10') }))).toEqual(
      expect.arrayContaining(['stay-too-long', 'insurance-not-covering']),
    );
    expect(
      reasons(
        facts({
          intendedExit: d('2027-04-10'),
          insurance: { coverageEur: 30000, validFrom: d('2027-01-10'), validUntil: d('2027-04-10') },
        }),
      ),
    ).toEqual(['stay-too-long']);
    expect(
      reasons(
        facts({
          intendedEntry: d('2027-06-08'),
          intendedExit: d('2027-06-10'),
          insurance: { coverageEur: 30000, validFrom: d('2027-06-08'), validUntil: d('2027-06-10') },
        }),
      ),
    ).toEqual(['lodged-too-early']);
    expect(reasons(facts({ travelDocumentValidUntil: d('2027-04-23') }))).toEqual(['document-expires-too-soon']);
    expect(reasons(facts({ travelDocumentValidUntil: d('2027-04-24') }))).toEqual([]);
    expect(reasons(facts({ insurance: null }))).toEqual(['insurance-missing']);
    expect(
      reasons(
        facts({
          visaType: 'D',
          insurance: null,
          intendedExit: d('2027-09-01'),
          travelDocumentValidUntil: d('2030-01-01'),
        }),
      ),
    ).toEqual([]);
  });

  it('takes exactly 90 days of stay, entry and exit days counted, and no more', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), (days) => {
        const entry = d('2027-01-10');
        const exit = addDays(entry, days - 1) as PlainDate;
        const f = facts({ intendedExit: exit, insurance: { coverageEur: 30000, validFrom: entry, validUntil: exit } });
        expect(stayDays(f)).toBe(days);
        expect(reasons(f).includes('stay-too-long')).toBe(days > 90);
      }),
    );
  });
});

describe('what a decision may grant', () => {
  const issue = {
    territory: 'uniform' as const,
    entries: 'single' as const,
    validFrom: d('2027-01-05'),
    validUntil: d('2027-02-08'),
    durationDays: 15,
  };
  it('keeps a short-stay visa inside 90 days, its validity and the travel document', () => {
    expect(issueTermsProblems('C', issue, d('2030-01-01'), d('2026-12-07'))).toEqual([]);
    expect(
      issueTermsProblems('C', { ...issue, durationDays: 36 }, d('2030-01-01'), d('2026-12-07')).map((p) => p.reason),
    ).toEqual(['duration-too-long']);
    expect(
      issueTermsProblems('C', { ...issue, territory: 'national' }, d('2030-01-01'), d('2026-12-07')).map(
        (p) => p.reason,
      ),
    ).toEqual(['wrong-territory']);
    expect(issueTermsProblems('C', issue, d('2027-01-31'), d('2026-12-07')).map((p) => p.reason)).toEqual([
      'beyond-travel-document',
    ]);
    expect(
      issueTermsProblems('C', { ...issue, validFrom: d('2026-12-01') }, d('2030-01-01'), d('2026-12-07')).map(
        (p) => p.reason,
      ),
    ).toEqual(['not-after-today']);
  });
  it('keeps a long-stay visa national and within a year', () => {
    const national = { ...issue, territory: 'national' as const, validUntil: d('2028-01-04'), durationDays: 365 };
    expect(issueTermsProblems('D', national, d('2030-01-01'), d('2026-12-07'))).toEqual([]);
    expect(
      issueTermsProblems('D', { ...national, validUntil: d('2028-01-05') }, d('2030-01-01'), d('2026-12-07')).map(
        (p) => p.reason,
      ),
    ).toEqual(['duration-too-long']);
  });
  it('refuses only on grounds that fit the visa and a refusal', () => {
    expect(refusalGroundsProblems('C', ['purpose-not-justified'])).toEqual([]);
    expect(refusalGroundsProblems('C', ['no-national-ground']).map((p) => p.reason)).toEqual([
      'ground-not-for-refusal',
    ]);
    // A long-stay visa is national: the Schengen form's 90/180, insurance and intention-to-leave boxes do not apply to it.
    expect(refusalGroundsProblems('D', ['no-national-ground', 'threat'])).toEqual([]);
    expect(refusalGroundsProblems('D', ['already-stayed-90-days']).map((p) => p.reason)).toEqual([
      'ground-not-for-refusal',
    ]);
    expect(refusalGroundsProblems('D', ['no-travel-medical-insurance']).map((p) => p.reason)).toEqual([
      'ground-not-for-refusal',
    ]);
    expect(refusalGroundsProblems('D', ['no-national-ground'])).toEqual([]);
    expect(refusalGroundsProblems('D', ['holder-requested']).map((p) => p.reason)).toEqual(['ground-not-for-refusal']);
  });
});

describe('the long-stay visa’s national ground (Immigration Law s.11(2); PMLP, extension of stay)', () => {
  /** What each ground asks for and allows: its clause of s.11(2), its documents, its shortest stay (days). */
  const EXPECTED: Record<NationalVisaGround, [number | null, string[], number]> = {
    employment: [3, ['employer-sponsorship', 'employment-contract'], 1],
    'seasonal-work': [3, ['employer-sponsorship', 'employment-contract'], 1],
    'remote-work': [3, ['foreign-employer-contract', 'remote-income-proof'], 1],
    research: [null, ['hosting-agreement'], 181],
    'study-exchange': [4, ['exchange-confirmation'], 91],
    volunteering: [4, ['volunteering-agreement'], 91],
    family: [null, ['family-relationship'], 1],
    humanitarian: [1, ['written-justification'], 1],
    'personal-reasons': [2, ['written-justification'], 1],
  };
  const entry = d('2027-01-10');
  const stayOf = (days: number) => ({ intendedEntry: entry, intendedExit: addDays(entry, days - 1) as PlainDate });
  const dFacts = (ground: NationalVisaGround, days: number, o: Partial<ApplicationFacts> = {}) =>
    facts({
      visaType: 'D',
      insurance: null,
      travelDocumentValidUntil: d('2030-01-01'),
      nationalGround: ground,
      ...stayOf(days),
      ...o,
    });

  it.each(NATIONAL_VISA_GROUNDS)(
    '%s: its documents, its clause, a stay within its bounds and at most a year',
    (ground) => {
      const [clause, documents, minDays] = EXPECTED[ground];
      const rule = NATIONAL_GROUND_RULES[ground];
      expect(rule).toEqual({ clause, documents, minDays, maxDays: 365 });
      // Every document enclosed and a stay inside the bounds: the ground holds; each missing document is named.
      expect(nationalGroundStanding(ground, documents as never, stayOf(200))).toMatchObject({
        days: 200,
        missing: [],
        fits: true,
        holds: true,
      });
      expect(nationalGroundStanding(ground, documents.slice(1) as never, stayOf(200))).toMatchObject({
        missing: documents.slice(0, 1),
        fits: true,
        holds: false,
      });
      expect(nationalGroundStanding(ground, documents as never, stayOf(365)).fits).toBe(true);
      expect(nationalGroundStanding(ground, documents as never, stayOf(366)).fits).toBe(false);
      expect(nationalGroundStanding(ground, documents as never, stayOf(minDays)).fits).toBe(true);
      if (minDays > 1) expect(nationalGroundStanding(ground, documents as never, stayOf(minDays - 1)).fits).toBe(false);
      // Lodged: a year is taken, a day more is refused at the exit day with the ground's maximum.
      expect(reasons(dFacts(ground, 365))).toEqual([]);
      expect(applicationProblems(dFacts(ground, 366), d('2026-12-07'))).toMatchObject([
        { path: 'intendedExit', reason: 'stay-beyond-ground', values: { max: 365 } },
      ]);
    },
  );

  it('grants a remote worker’s visa for a year at most, on the ground’s own bounds', () => {
    const national = {
      territory: 'national' as const,
      entries: 'multiple' as const,
      validFrom: d('2027-01-10'),
      validUntil: d('2028-01-09'),
      durationDays: 365,
    };
    expect(issueTermsProblems('D', national, d('2030-01-01'), d('2026-12-07'), 'remote-work')).toEqual([]);
    expect(
      issueTermsProblems(
        'D',
        { ...national, validUntil: d('2028-01-10') },
        d('2030-01-01'),
        d('2026-12-07'),
        'remote-work',
      ).map((p) => p.path),
    ).toEqual(['terms.validUntil']);
  });

  it('is lodged in Latvia at least 3 working days before the current stay ends, holidays and weekends not counted', () => {
    // A stay ending on Friday 15 January 2027: Wednesday, Thursday and Friday follow Tuesday the 12th.
    expect(lastInCountryLodgingDay(d('2027-01-15'))).toBe('2027-01-12');
    // Ending on a Sunday: the weekend is not counted.
    expect(lastInCountryLodgingDay(d('2027-01-17'))).toBe('2027-01-12');
    // Ending on Monday 28 December 2026: Christmas Eve, Christmas Day and the weekend are not counted.
    expect(lastInCountryLodgingDay(d('2026-12-28'))).toBe('2026-12-21');
    const inLatvia = (today: string) => reasons(dFacts('family', 200, { currentStayUntil: d('2027-01-15') }), d(today));
    expect(inLatvia('2027-01-12')).toEqual([]);
    expect(inLatvia('2027-01-13')).toEqual(['in-country-too-late']);
    expect(inLatvia('2027-01-20')).toEqual(['in-country-too-late']);
  });

  it('refuses a late application in Latvia exactly when fewer than 3 working days are left', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: -5, max: 30 }), (start, left) => {
        const today = addDays(d('2026-12-01'), start) as PlainDate;
        const until = addDays(today, left) as PlainDate;
        const late = reasons(dFacts('employment', 200, { currentStayUntil: until }), today).includes(
          'in-country-too-late',
        );
        expect(late).toBe(workingDaysBetween(today, until) < 3);
      }),
    );
  });
});
