import { describe, expect, it } from 'vitest';
import { IntlMessageFormat } from 'intl-messageformat';
import { ApiError } from '../api/client.ts';
import { ERROR_CODES, FIELD_REASONS, RULE_IDS } from '../../shared/errors.ts';
import { dateExample, formatDate, formatDateTime } from '../../shared/kernel/display-format.ts';
import lv from '../../shared/i18n/lv.json' with { type: 'json' };
import en from '../../shared/i18n/en.json' with { type: 'json' };
import { formErrorsFrom, problemText, type ValueFormat } from './errors.ts';

type Catalogue = Record<string, string>;
const CATALOGUES = { lv: lv as Catalogue, en: en as Catalogue };

/** The catalogue lookup the apps use (ICU messages, a missing key comes back as itself). */
const translator =
  (catalogue: Catalogue, locale = 'en') =>
  (id: string, values: Record<string, string | number> = {}) =>
    catalogue[id] === undefined ? id : String(new IntlMessageFormat(catalogue[id], locale).format(values));

/** What useFormat() gives a page, on the office's zone. */
const formatIn = (locale: 'lv' | 'en'): ValueFormat => ({
  date: (d) => formatDate(d, locale),
  dateTime: (i) => formatDateTime(i, locale, 'Europe/Riga'),
  dateExample: dateExample(locale),
});

describe('form errors from the server', () => {
  it('says why a field was refused, in the person’s language, when the server gives a reason', () => {
    const error = new ApiError('VALIDATION_FAILED', 400, 'Date cannot be in the future', [
      { path: 'validFrom', message: 'Date cannot be in the future', reason: 'future-date' },
    ]);
    expect(formErrorsFrom(error, translator(CATALOGUES.lv, 'lv'), { validFrom: 'Spēkā no' })).toEqual([
      { field: 'validFrom', message: 'Spēkā no: datums nevar būt nākotnē' },
    ]);
    expect(formErrorsFrom(error, translator(CATALOGUES.en), { validFrom: 'Valid from' })).toEqual([
      { field: 'validFrom', message: 'Valid from: the date cannot be in the future' },
    ]);
  });

  it('shows an item of a list at the list’s field, with its label', () => {
    const error = new ApiError('VALIDATION_FAILED', 400, 'Unknown country code XXX', [
      { path: 'citizenships.1', message: 'Unknown country code XXX', reason: 'unknown-country' },
    ]);
    expect(formErrorsFrom(error, translator(CATALOGUES.en), { citizenships: 'Citizenships' })).toEqual([
      { field: 'citizenships', message: 'Citizenships: unknown country code' },
    ]);
  });

  it('falls back to "not in a form we can accept" without a key or reason, and to the error code without a known field', () => {
    const error = new ApiError('VALIDATION_FAILED', 400, 'bad', [{ path: 'q', message: 'Required' }]);
    const t = translator(CATALOGUES.en);
    expect(formErrorsFrom(error, t, { q: 'Name' })).toEqual([
      { field: 'q', message: t('validation.invalid', { field: 'Name' }) },
    ]);
    expect(formErrorsFrom(error, t)).toEqual([{ message: t('error.VALIDATION_FAILED') }]);
  });

  it('has a message for every reason in both languages', () => {
    for (const reason of FIELD_REASONS) {
      expect(CATALOGUES.lv[`fieldReason.${reason}`], reason).toMatch(/^\{field\}: /);
      expect(CATALOGUES.en[`fieldReason.${reason}`], reason).toMatch(/^\{field\}: /);
    }
  });
});

describe('refusals name their rule', () => {
  const twice = () =>
    new ApiError('CONFLICT', 409, 'Anna already has this appointment', [], {
      id: 'appointment.one-per-service',
      values: { name: 'Anna Ozola', startsAt: '2026-12-01T06:30:00.000Z' },
    });

  it('says the rule in the person’s language with its values, the date and time in the page’s convention, never the generic conflict text', () => {
    const lvText = formErrorsFrom(twice(), translator(CATALOGUES.lv, 'lv'), {}, formatIn('lv'))[0]?.message;
    const enText = formErrorsFrom(twice(), translator(CATALOGUES.en), {}, formatIn('en'))[0]?.message;
    expect(lvText).toContain('Personai Anna Ozola šim pakalpojumam jau ir pieraksts: 01.12.2026 08:30.');
    expect(enText).toContain('Anna Ozola already has a visit booked for this service: 1 December 2026, 08:30.');
    expect(lvText).not.toBe(CATALOGUES.lv['error.CONFLICT']);
    expect(enText).not.toBe(CATALOGUES.en['error.CONFLICT']);
  });

  it('says a day as a date and a status in words', () => {
    const day = new ApiError('INVALID_STATE', 409, 'Visits are marked on their day', [], {
      id: 'appointment.mark-on-the-day',
      values: { date: '2026-12-01' },
    });
    expect(problemText(day, translator(CATALOGUES.lv, 'lv'), formatIn('lv'))).toBe(
      'Vizītes atzīmē to dienā, bet šī vizīte ir 01.12.2026. Atzīmējiet ierašanos tajā dienā.',
    );
    const marked = new ApiError('INVALID_STATE', 409, 'already arrived', [], {
      id: 'appointment.already-marked',
      values: { bookingStatus: 'arrived' },
    });
    expect(problemText(marked, translator(CATALOGUES.en), formatIn('en'))).toContain('“Arrived”');
    const caseStatus = new ApiError('INVALID_STATE', 409, 'not now', [], {
      id: 'case.not-allowed-now',
      values: { caseStatus: 'accepted', caseType: 'register-inclusion' },
    });
    expect(problemText(caseStatus, translator(CATALOGUES.en), formatIn('en'))).toContain(
      `“${CATALOGUES.en['cases.status.register-inclusion.accepted']}”`,
    );
  });

  it('marks the field a refusal names, and keeps the fields refused for reasons of their own', () => {
    const taken = new ApiError('DUPLICATE', 409, 'taken', [{ path: 'username', message: 'Already taken' }], {
      id: 'identity.username-taken',
      values: { username: 'anna' },
    });
    expect(formErrorsFrom(taken, translator(CATALOGUES.en), { username: 'Username' })).toEqual([
      { field: 'username', message: 'The username anna is already taken. Choose another username.' },
    ]);
    expect(formErrorsFrom(taken, translator(CATALOGUES.en))).toEqual([
      { message: 'The username anna is already taken. Choose another username.' },
    ]);
  });

  it('falls back to the error code only for a rule the catalogue has never heard of', () => {
    const newer = new ApiError('INVALID_STATE', 409, 'a rule of a newer server', [], {
      id: 'appointment.some-future-rule',
    });
    expect(formErrorsFrom(newer, translator(CATALOGUES.en))).toEqual([
      { message: CATALOGUES.en['error.INVALID_STATE'] },
    ]);
  });

  it('every rule has a message in both languages that formats with its values, and every error code has one', () => {
    for (const [locale, catalogue] of Object.entries(CATALOGUES)) {
      for (const id of RULE_IDS) {
        const message = catalogue[`rule.${id}`];
        expect(message?.trim(), `${locale} rule.${id}`).toBeTruthy();
        // Every placeholder gets a stand-in: the message must parse and format (ICU select/plural included).
        const names = [...(message as string).matchAll(/\{(\w+)[,}]/g)].map((m) => m[1] as string);
        const text = String(
          new IntlMessageFormat(message as string, locale).format(Object.fromEntries(names.map((n) => [n, 'X']))),
        );
        expect(text, `${locale} rule.${id}`).not.toMatch(/[{}]/);
      }
      for (const code of [...ERROR_CODES, 'NETWORK'])
        expect(catalogue[`error.${code}`]?.trim(), `${locale} error.${code}`).toBeTruthy();
    }
  });
});
