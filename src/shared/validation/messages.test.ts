import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import lv from '../i18n/lv.json' with { type: 'json' };
import en from '../i18n/en.json' with { type: 'json' };
import { ResidentDeclarationBody } from '../contracts/register.contract.ts';
import { saveMyContact } from '../contracts/identity.contract.ts';
import { describeIssue, decodeMessage, encodeMessage, type IssueLike } from './messages.ts';

/** What a form shows: every issue of a parse, described as the browser's error map describes it. */
function describeAll(schema: z.ZodType, value: unknown): Record<string, string> {
  const result = schema.safeParse(value, { error: (issue) => encodeMessage(describeIssue(issue as IssueLike)) });
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
}

const declaration = (over: Record<string, unknown> = {}, address: Record<string, unknown> = {}) => ({
  subjectPersonId: '00000000-0000-4000-8000-000000000001',
  validFrom: '2026-12-01',
  housingBasis: 'Īres līgums',
  address: {
    kind: 'latvia',
    municipalityCode: 'LV-RIX',
    street: 'Brīvības iela',
    building: '1',
    postcode: 'LV-1001',
    ...address,
  },
  ...over,
});

describe('a refused field says which rule, with the values its message needs', () => {
  it('names the postcode format, the length with both numbers, and an empty field as empty', () => {
    const issues = describeAll(
      ResidentDeclarationBody,
      declaration({ housingBasis: 'x'.repeat(5000) }, { postcode: '12345', street: '' }),
    );
    expect(issues).toEqual({
      'address.postcode': 'format.postcode',
      'address.street': 'validation.required',
      housingBasis: 'validation.tooLong?max=200&count=5000',
    });
  });

  it('asks to choose where a choice was left empty, and for a real date where the text is not one', () => {
    const issues = describeAll(
      ResidentDeclarationBody,
      declaration({ validFrom: '2026-02-31', subjectPersonId: '' }, { municipalityCode: '' }),
    );
    expect(issues).toEqual({
      validFrom: 'validation.date',
      subjectPersonId: 'validation.choose',
      'address.municipalityCode': 'validation.choose',
    });
  });

  it('names an e-mail address that is not one', () => {
    expect(describeAll(saveMyContact.body as z.ZodType, { email: 'not-an-email', language: 'lv' })).toEqual({
      email: 'validation.email',
    });
  });

  it('keeps a custom rule’s reason (the server’s field reasons)', () => {
    expect(describeIssue({ code: 'custom', params: { reason: 'future-date' }, input: '2999-01-01' })).toEqual({
      key: 'fieldReason.future-date',
      values: {},
    });
  });

  it('encodes a reference into one string and back, numbers as numbers', () => {
    const ref = { key: 'validation.tooLong', values: { max: 2000, count: 2412 } };
    expect(decodeMessage(encodeMessage(ref))).toEqual(ref);
    expect(decodeMessage('Plain words from elsewhere')).toEqual({ key: undefined, text: 'Plain words from elsewhere' });
  });
});

describe('the catalogue has every message a rule can produce, in both languages', () => {
  const keysIn = (text: string) =>
    [...text.matchAll(/'((?:validation|format|fieldReason)\.[\w.-]+)'/g)].map((m) => m[1] as string);
  const sources = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) return sources(full);
      return /\.tsx?$/.test(e.name) && !e.name.endsWith('.test.ts') ? [full] : [];
    });

  it('finds each key named in the contracts, the kernel, the validation layer and the web forms', () => {
    const root = path.resolve(import.meta.dirname, '..', '..');
    const used = new Set(
      ['shared/contracts', 'shared/kernel', 'shared/validation', 'web']
        .flatMap((d) => sources(path.join(root, d)))
        .flatMap((f) => keysIn(readFileSync(f, 'utf8'))),
    );
    expect(used.size).toBeGreaterThan(10);
    for (const key of used) {
      if (key.endsWith('.')) continue;
      expect((lv as Record<string, string>)[key], `lv ${key}`).toBeTruthy();
      expect((en as Record<string, string>)[key], `en ${key}`).toBeTruthy();
    }
  });
});
