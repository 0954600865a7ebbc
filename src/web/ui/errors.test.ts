import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.ts';
import { FIELD_REASONS } from '../../shared/errors.ts';
import lv from '../../shared/i18n/lv.json' with { type: 'json' };
import en from '../../shared/i18n/en.json' with { type: 'json' };
import { formErrorsFrom } from './errors.ts';

/** The catalogue lookup the apps use, reduced to `{name}` placeholders. */
const translator = (catalogue: Record<string, string>) => (id: string, values: Record<string, string> = {}) =>
  (catalogue[id] ?? id).replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? `{${k}}`);

describe('form errors from the server', () => {
  it('says why a field was refused, in the person’s language, when the server gives a reason', () => {
    const error = new ApiError('VALIDATION_FAILED', 400, 'Date cannot be in the future', [{ path: 'validFrom', message: 'Date cannot be in the future', reason: 'future-date' }]);
    expect(formErrorsFrom(error, translator(lv), { validFrom: 'Spēkā no' })).toEqual([{ field: 'validFrom', message: 'Spēkā no: datums nevar būt nākotnē' }]);
    expect(formErrorsFrom(error, translator(en), { validFrom: 'Valid from' })).toEqual([{ field: 'validFrom', message: 'Valid from: the date cannot be in the future' }]);
  });

  it('shows an item of a list at the list’s field, with its label', () => {
    const error = new ApiError('VALIDATION_FAILED', 400, 'Unknown country code XXX', [{ path: 'citizenships.1', message: 'Unknown country code XXX', reason: 'unknown-country' }]);
    expect(formErrorsFrom(error, translator(en), { citizenships: 'Citizenships' })).toEqual([{ field: 'citizenships', message: 'Citizenships: unknown country code' }]);
  });

  it('falls back to "check this field" without a reason, and to the error code without a known field', () => {
    const error = new ApiError('VALIDATION_FAILED', 400, 'bad', [{ path: 'q', message: 'Required' }]);
    expect(formErrorsFrom(error, translator(en), { q: 'Name' })).toEqual([{ field: 'q', message: 'Name: check this field' }]);
    expect(formErrorsFrom(error, translator(en))).toEqual([{ message: translator(en)('error.VALIDATION_FAILED') }]);
  });

  it('has a message for every reason in both languages', () => {
    for (const reason of FIELD_REASONS) {
      expect((lv as Record<string, string>)[`fieldReason.${reason}`], reason).toMatch(/^\{field\}: /);
      expect((en as Record<string, string>)[`fieldReason.${reason}`], reason).toMatch(/^\{field\}: /);
    }
  });
});
