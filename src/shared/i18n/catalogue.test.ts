import { describe, expect, it } from 'vitest';
import lv from './lv.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };
import { ERROR_CODES } from '../errors.ts';
import { ROLES } from '../kernel/permissions.ts';

describe('i18n catalogues', () => {
  it('have exactly the same keys in Latvian and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(lv).sort());
  });
  it('have no empty messages', () => {
    for (const [key, value] of [...Object.entries(lv), ...Object.entries(en)]) expect(value.trim(), key).not.toBe('');
  });
  it('translate every error code and role', () => {
    for (const code of ERROR_CODES) expect(lv).toHaveProperty([`error.${code}`]);
    for (const role of ROLES) expect(lv).toHaveProperty([`role.${role}`]);
  });
  it('use the same ICU placeholders in both languages', () => {
    // A placeholder's name starts in lower case; a select's one-word option ("{Refugee}") is text, not a placeholder.
    const placeholders = (s: string) => [...s.matchAll(/\{([a-z]\w*)(?=\s*[,}])/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(lv) as (keyof typeof lv)[])
      expect(placeholders(en[key]), key).toEqual(placeholders(lv[key]));
  });
  it('say the Latvian plural of 10 to 20 as a number, not as "none"', async () => {
    // CLDR's Latvian "zero" category is 0, 10–20, 30, 40 …: a message for "none" must be written as =0.
    const { IntlMessageFormat } = await import('intl-messageformat');
    for (const [key, value] of Object.entries(lv).filter(([, v]) => /plural,/.test(v))) {
      const name = /\{(\w+), plural,/.exec(value)?.[1] as string;
      // The message's other placeholders get a stand-in; only the plural is under test.
      const others = Object.fromEntries([...value.matchAll(/\{(\w+)[,}]/g)].map((m) => [m[1] as string, 'X']));
      const format = (n: number) => String(new IntlMessageFormat(value, 'lv').format({ ...others, [name]: n }));
      for (const n of [10, 15, 20, 30]) expect(format(n), `${key} with ${n}`).toContain(String(n));
    }
  });
});
