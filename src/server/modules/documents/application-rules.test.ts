import { describe, expect, it } from 'vitest';
import { plainDate } from '../../../shared/kernel/plain-date.ts';
import { DEFAULT_FEE_TABLE, feeFor, photoProblem, readyDate } from './application-rules.ts';
import { png } from '../../../test/photos.ts';

describe('the state fee (DOMAIN.md §3.3)', () => {
  const adult = plainDate('1980-05-17');
  it('is the one in force on the application day', () => {
    expect(
      feeFor(DEFAULT_FEE_TABLE, {
        type: 'passport',
        tier: 'standard',
        appliedOn: plainDate('2026-11-30'),
        birthDate: adult,
      }),
    ).toEqual({ amountCents: 5000, tableFrom: '2026-01-01', reducedFor: null });
    expect(
      feeFor(DEFAULT_FEE_TABLE, {
        type: 'passport',
        tier: 'standard',
        appliedOn: plainDate('2025-12-31'),
        birthDate: adult,
      })?.amountCents,
    ).toBe(4400);
    expect(
      feeFor(DEFAULT_FEE_TABLE, {
        type: 'identity-card',
        tier: 'urgent',
        appliedOn: plainDate('2026-01-01'),
        birthDate: adult,
      })?.amountCents,
    ).toBe(4500);
  });
  it('is reduced for under-20s (by age on the application day), pensioners and disability groups, for the standard tier', () => {
    expect(
      feeFor(DEFAULT_FEE_TABLE, {
        type: 'passport',
        tier: 'standard',
        appliedOn: plainDate('2026-11-30'),
        birthDate: plainDate('2006-12-01'),
      }),
    ).toMatchObject({ amountCents: 2500, reducedFor: 'under-20' });
    expect(
      feeFor(DEFAULT_FEE_TABLE, {
        type: 'passport',
        tier: 'standard',
        appliedOn: plainDate('2026-11-30'),
        birthDate: plainDate('2006-11-30'),
      }),
    ).toMatchObject({ amountCents: 5000, reducedFor: null });
    expect(
      feeFor(DEFAULT_FEE_TABLE, {
        type: 'identity-card',
        tier: 'standard',
        appliedOn: plainDate('2026-11-30'),
        birthDate: plainDate('1950-01-01'),
        ground: 'pensioner',
      }),
    ).toMatchObject({ amountCents: 1500, reducedFor: 'pensioner' });
    expect(
      feeFor(DEFAULT_FEE_TABLE, {
        type: 'identity-card',
        tier: 'urgent',
        appliedOn: plainDate('2026-11-30'),
        birthDate: plainDate('1950-01-01'),
        ground: 'disability',
      }),
    ).toMatchObject({ amountCents: 4500, reducedFor: null });
  });
  it('is unknown for a type the table does not list', () => {
    expect(
      feeFor(DEFAULT_FEE_TABLE, {
        type: 'refugee-travel-document',
        tier: 'standard',
        appliedOn: plainDate('2026-11-30'),
        birthDate: adult,
      }),
    ).toBeUndefined();
  });
});

describe('the ready day', () => {
  it('counts 10 or 2 working days after the submission day, over holidays', () => {
    expect(readyDate(plainDate('2026-11-30'), 'standard')).toBe('2026-12-14');
    expect(readyDate(plainDate('2026-11-30'), 'urgent')).toBe('2026-12-02');
    // Christmas: 24–26 December and New Year's Eve are holidays.
    expect(readyDate(plainDate('2026-12-22'), 'urgent')).toBe('2026-12-28');
  });
});

describe('the photo', () => {
  it('must be a JPEG or PNG of at least 413 × 531 pixels in 7 : 9 proportion', () => {
    expect(photoProblem(png(413, 531))).toBeNull();
    expect(photoProblem(png(700, 900))).toBeNull();
    expect(photoProblem(png(300, 386))).toBe('photo-too-small');
    expect(photoProblem(png(600, 600))).toBe('photo-proportions');
    expect(photoProblem(Buffer.from('%PDF-1.4 not a photo'))).toBe('photo-format');
  });
});
