import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ValidityIndex } from './validity-index.ts';
import { validityOn } from './document-rules.ts';
import { fromEpochDay, type PlainDate } from '../../../shared/kernel/plain-date.ts';

const PREFIXES = { passport: 'LV', 'identity-card': 'PA' };

describe('the validity index', () => {
  it('answers for numbers of its series and form only', () => {
    const index = new ValidityIndex(PREFIXES);
    expect(index.covers('LV0000001')).toBe(true);
    expect(index.covers('PA1234567')).toBe(true);
    expect(index.covers('XX1234567')).toBe(false);
    expect(index.covers('LV123')).toBe(false);
    expect(index.get('LV0000001')).toBeUndefined();
  });

  it('records, updates and grows; a row of another type for the prefix is ignored', () => {
    const index = new ValidityIndex(PREFIXES);
    index.set({ number: 'LV9999999', documentType: 'passport', validUntil: '2031-05-31', invalidatedOn: null });
    expect(index.get('LV9999999')).toEqual({ documentType: 'passport', validUntil: '2031-05-31', invalidatedOn: null });
    index.set({ number: 'LV9999999', documentType: 'passport', validUntil: '2031-05-31', invalidatedOn: '2026-11-30' });
    expect(index.get('LV9999999')?.invalidatedOn).toBe('2026-11-30');
    index.set({ number: 'LV0000002', documentType: 'identity-card', validUntil: '2031-05-31', invalidatedOn: null });
    expect(index.get('LV0000002')).toBeUndefined();
    expect(index.size).toBe(1);
  });

  it('agrees with a plain map for any sequence of writes', () => {
    // Numbers up to 200,000 make the arrays grow past their first 1,024 slots many times; the whole
    // 7-digit range made each run allocate 80 MB and the test take a minute.
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            n: fc.integer({ min: 0, max: 199_999 }),
            prefix: fc.constantFrom('LV', 'PA'),
            until: fc.integer({ min: 1, max: 40_000 }),
            invalidated: fc.option(fc.integer({ min: 1, max: 40_000 }), { nil: null }),
          }),
          { maxLength: 60 },
        ),
        (writes) => {
          const index = new ValidityIndex(PREFIXES);
          const model = new Map<string, { validUntil: string; invalidatedOn: string | null }>();
          const day = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);
          for (const w of writes) {
            const number = `${w.prefix}${String(w.n).padStart(7, '0')}`;
            const row = {
              number,
              documentType: w.prefix === 'LV' ? 'passport' : 'identity-card',
              validUntil: day(w.until),
              invalidatedOn: w.invalidated === null ? null : day(w.invalidated),
            };
            index.set(row);
            model.set(number, { validUntil: row.validUntil, invalidatedOn: row.invalidatedOn });
          }
          for (const [number, v] of model) expect(index.get(number)).toMatchObject(v);
          expect(index.size).toBe(model.size);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('says on any day what validityOn says of the same document (the public check answers from statusOn)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 19_000, max: 22_000 }),
        fc.option(fc.integer({ min: 19_000, max: 22_000 }), { nil: null }),
        fc.integer({ min: 18_990, max: 22_010 }),
        (until, invalidated, on) => {
          const index = new ValidityIndex(PREFIXES);
          const row = {
            number: 'PA0001234',
            documentType: 'identity-card',
            validUntil: fromEpochDay(until),
            invalidatedOn: invalidated === null ? null : fromEpochDay(invalidated),
          };
          index.set(row);
          const expected = validityOn(row, fromEpochDay(on) as PlainDate);
          const got = index.statusOn('PA0001234', on);
          expect(got).toEqual(
            expected.status === 'valid'
              ? { documentType: 'identity-card', status: 'valid' }
              : { documentType: 'identity-card', status: 'invalid', since: expected.since },
          );
        },
      ),
      { numRuns: 2000 },
    );
    expect(new ValidityIndex(PREFIXES).statusOn('PA0001234', 20_000)).toBeUndefined();
  });
});
