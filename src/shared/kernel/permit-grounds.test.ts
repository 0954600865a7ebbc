import { describe, expect, it } from 'vitest';
import { plainDate } from './plain-date.ts';
import { PERMIT_GROUNDS, PERMIT_KINDS } from './migration-grounds.ts';
import {
  BLUE_CARD_SALARY,
  blueCardSalaryOutcome,
  blueCardThresholdOf,
  cardLateForPermit,
  cardReadyOn,
  cardRightEnd,
  needsRegisteredPerson,
  needsSponsor,
  REGISTERED_ONLY,
  sponsorMissingReason,
} from './permit-grounds.ts';

const d = plainDate;

describe('the EU Blue Card salary threshold of the year lodged in (DOMAIN-PROCEDURES §4.7)', () => {
  it('holds only the sourced year: 2023, 2 060 EUR and 1 648 EUR in a shortage occupation', () => {
    expect(BLUE_CARD_SALARY).toEqual([{ year: 2023, eur: 2_060, shortageEur: 1_648 }]);
    expect(blueCardThresholdOf(d('2023-01-02'))).toEqual({ year: 2023, eur: 2_060, shortageEur: 1_648 });
    // No other year borrows 2023's amounts, before or after it.
    expect(blueCardThresholdOf(d('2022-12-31'))).toBeNull();
    expect(blueCardThresholdOf(d('2026-12-07'))).toBeNull();
  });
  it('is met at the threshold, not below it; the lower one (× 1.2) in a shortage occupation', () => {
    expect(blueCardSalaryOutcome(2_060, false, d('2023-06-01'))).toEqual({
      outcome: 'met',
      year: 2023,
      needed: 2_060,
      factor: 1.5,
    });
    expect(blueCardSalaryOutcome(2_059, false, d('2023-06-01'))).toMatchObject({ outcome: 'below', needed: 2_060 });
    expect(blueCardSalaryOutcome(1_800, true, d('2023-06-01'))).toEqual({
      outcome: 'met',
      year: 2023,
      needed: 1_648,
      factor: 1.2,
    });
  });
  it('says plainly that no threshold is recorded for a year without one, whatever the salary', () => {
    for (const salary of [0, 2_060, 100_000])
      expect(blueCardSalaryOutcome(salary, false, d('2026-03-01'))).toEqual({ outcome: 'no-threshold', year: 2026 });
  });
});

describe('who an application names', () => {
  it('a missing sponsor is refused by whom the ground rests on; a ground resting on nobody has no reason', () => {
    expect(sponsorMissingReason('blue-card')).toBe('employer-needed');
    expect(sponsorMissingReason('employment')).toBe('employer-needed');
    expect(sponsorMissingReason('worker')).toBe('employer-needed');
    expect(sponsorMissingReason('study')).toBe('school-needed');
    expect(sponsorMissingReason('family-of-citizen')).toBe('family-member-needed');
    expect(sponsorMissingReason('family-of-eu-citizen')).toBe('eu-citizen-needed');
    for (const ground of PERMIT_GROUNDS)
      expect(sponsorMissingReason(ground) !== null, ground).toBe(needsSponsor(ground));
  });
  it('a renewal and the kinds resting on years the register knows need the person in the register', () => {
    for (const kind of PERMIT_KINDS) {
      expect(needsRegisteredPerson(kind, 'first'), kind).toBe(REGISTERED_ONLY.includes(kind));
      expect(needsRegisteredPerson(kind, 'renewal'), kind).toBe(true);
    }
    expect(needsRegisteredPerson('permanent', 'first')).toBe(true);
    expect(needsRegisteredPerson('eu-long-term-resident', 'first')).toBe(true);
    expect(needsRegisteredPerson('temporary', 'first')).toBe(false);
  });
});

describe('a residence permit card that would be ready only after the permit ends', () => {
  // Monday 7 December 2026: 10 working days on is Monday 21 December, 2 on Wednesday 9 December.
  const applied = d('2026-12-07');
  it('is ready 10 working days after the day of application, or 2 when urgent (the day itself not counted)', () => {
    expect(cardReadyOn(applied, 'standard')).toBe('2026-12-21');
    expect(cardReadyOn(applied, 'urgent')).toBe('2026-12-09');
  });
  it('is late when the permit’s last day is before the ready day, and says both days', () => {
    expect(cardLateForPermit(d('2026-12-20'), applied, 'standard')).toEqual({
      endsOn: '2026-12-20',
      readyOn: '2026-12-21',
    });
    // Ready on the permit's last day is in time; so is an urgent card three days before the end.
    expect(cardLateForPermit(d('2026-12-21'), applied, 'standard')).toBeNull();
    expect(cardLateForPermit(d('2026-12-12'), applied, 'urgent')).toBeNull();
    expect(cardLateForPermit(d('2026-12-08'), applied, 'urgent')).toEqual({
      endsOn: '2026-12-08',
      readyOn: '2026-12-09',
    });
  });
  it('is never late for a right without end', () => {
    expect(cardLateForPermit(null, applied, 'standard')).toBeNull();
  });
  it('is made for the card right held that ends last, or one without end; a visa or a certificate has no card', () => {
    const right = (kind: string, validUntil: string | null) => ({ kind, validUntil });
    expect(cardRightEnd([right('long-stay-visa', '2027-01-01'), right('eu-registration-certificate', null)])).toBe(
      undefined,
    );
    expect(cardRightEnd([right('temporary-permit', '2026-12-20'), right('temporary-permit', '2028-12-19')])).toBe(
      '2028-12-19',
    );
    expect(cardRightEnd([right('temporary-permit', '2026-12-20'), right('eu-long-term-resident', null)])).toBeNull();
  });
});
