import { describe, expect, it } from 'vitest';
import { assessShortStay, ShortStayError, type ShortStayInput } from '../../../shared/kernel/short-stay.ts';
import { StayCalculatorForm, stayRefusal, toShortStayInput } from './stay-calculator.ts';

/** The form's values as the page sends them (dates as typed, days of stay as text), parsed by its schema. */
const parse = (values: Record<string, unknown>) =>
  StayCalculatorForm.parse({ controlDate: '2014-11-30', stays: [], hasVisa: false, ...values });

/** The refusal the page shows for an input the kernel cannot apply the rule to. */
function refusalOf(input: ShortStayInput) {
  try {
    assessShortStay(input);
  } catch (error) {
    if (error instanceof ShortStayError) return stayRefusal(error, input);
    throw error;
  }
  throw new Error('the kernel accepted the input');
}

describe('the calculator’s form as the kernel’s input', () => {
  it('reads an empty exit as a stay in progress and leaves out a visa that is not ticked', () => {
    const input = toShortStayInput(
      parse({
        stays: [{ entry: '2014-08-15', exit: '2014-09-30' }, { entry: '2014-11-01' }],
        visa: { validFrom: '2014-08-01', validUntil: '2014-12-31', durationOfStay: '90', entries: 'multiple' },
      }),
    );
    expect(input).toEqual({
      controlDate: '2014-11-30',
      stays: [
        { entry: '2014-08-15', exit: '2014-09-30' },
        { entry: '2014-11-01', exit: null },
      ],
      visa: undefined,
      plannedEntry: undefined,
    });
  });

  it('gives the kernel the visa while it is ticked, its days of stay as a number (SEM example 2 then holds)', () => {
    const input = toShortStayInput(
      parse({
        stays: [
          { entry: '2014-08-15', exit: '2014-09-30' },
          { entry: '2014-11-01', exit: '2014-11-30' },
        ],
        hasVisa: true,
        visa: { validFrom: '2014-08-01', validUntil: '2014-12-31', durationOfStay: '90', entries: 'multiple' },
      }),
    );
    expect(input.visa).toEqual({
      validFrom: '2014-08-01',
      validUntil: '2014-12-31',
      durationOfStay: 90,
      entries: 'multiple',
    });
    expect(assessShortStay(input)).toMatchObject({
      daysUsed: 77,
      currentStay: { latestExit: '2014-12-13', limitedBy: 'rule-90-180' },
    });
  });

  it('asks for the days of stay as a whole number from 1 to 90', () => {
    const result = StayCalculatorForm.safeParse({
      controlDate: '2014-11-30',
      stays: [],
      hasVisa: true,
      visa: { validFrom: '2014-08-01', validUntil: '2014-12-31', durationOfStay: '91', entries: 'single' },
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['visa', 'durationOfStay']);
  });
});

describe('a kernel refusal lands on the field it is about', () => {
  const stay = (entry: string, exit: string | null) => ({ entry, exit }) as ShortStayInput['stays'][number];
  const control = '2014-03-01' as ShortStayInput['controlDate'];

  it('names the later of two overlapping stays, and the earlier one in the message', () => {
    expect(
      refusalOf({ controlDate: control, stays: [stay('2014-01-01', '2014-01-10'), stay('2014-01-05', '2014-01-20')] }),
    ).toEqual({ field: 'stays.1.entry', message: { key: 'validation.stay.overlapping', values: { previous: 1 } } });
  });
  it('puts an exit before its entry at the exit, and stays out of order at the later entry', () => {
    expect(refusalOf({ controlDate: control, stays: [stay('2014-02-10', '2014-02-01')] }).field).toBe('stays.0.exit');
    expect(
      refusalOf({ controlDate: control, stays: [stay('2014-02-01', '2014-02-10'), stay('2014-01-01', '2014-01-05')] }),
    ).toEqual({ field: 'stays.1.entry', message: { key: 'validation.stay.unordered', values: { previous: 1 } } });
  });
  it('asks for the exit of an open stay that another follows', () => {
    expect(
      refusalOf({ controlDate: control, stays: [stay('2014-01-01', null), stay('2014-02-01', '2014-02-05')] }),
    ).toEqual({ field: 'stays.0.exit', message: { key: 'validation.stay.openNotLast', values: { next: 2 } } });
  });
  it('finds the date before 22.04.2013: a stay’s entry, the control date, the visa or the planned entry', () => {
    expect(refusalOf({ controlDate: control, stays: [stay('2013-04-21', '2013-05-01')] }).field).toBe('stays.0.entry');
    expect(refusalOf({ controlDate: '2013-04-21' as typeof control, stays: [] }).field).toBe('controlDate');
    expect(refusalOf({ controlDate: control, stays: [], plannedEntry: '2013-01-01' as typeof control }).field).toBe(
      'plannedEntry',
    );
    expect(
      refusalOf({
        controlDate: control,
        stays: [],
        visa: { validFrom: '2013-01-01' as typeof control, validUntil: control, durationOfStay: 30, entries: 'single' },
      }).field,
    ).toBe('visa.validFrom');
  });
  it('puts a visa ending before it starts at its end, and a planned entry during a stay at the planned entry', () => {
    expect(
      refusalOf({
        controlDate: control,
        stays: [],
        visa: { validFrom: control, validUntil: '2014-02-01' as typeof control, durationOfStay: 30, entries: 'single' },
      }),
    ).toEqual({ field: 'visa.validUntil', message: { key: 'fieldReason.ends-before-start', values: {} } });
    expect(refusalOf({ controlDate: control, stays: [stay('2014-02-20', null)], plannedEntry: control })).toEqual({
      field: 'plannedEntry',
      message: { key: 'validation.stay.plannedDuringStay', values: { stay: 1 } },
    });
  });
});
