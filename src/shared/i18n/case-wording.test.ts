import { describe, expect, it } from 'vitest';
import lv from './lv.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };
import { CASE_STATUSES, CASE_TYPES } from '../contracts/cases.contract.ts';
import { caseWordingKey } from './case-wording.ts';

describe('case wording', () => {
  it('words every step of every case type for the applicant and, in the office’s own words, for staff', () => {
    const missing: string[] = [];
    for (const type of CASE_TYPES) {
      for (const status of CASE_STATUSES) {
        const key = caseWordingKey('step', type, status);
        for (const k of [key, `staff.${key}`]) {
          if (!(k in lv)) missing.push(`lv ${k}`);
          if (!(k in en)) missing.push(`en ${k}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('words a document application’s first action as its preparation (it is received later, at the desk)', () => {
    const key = caseWordingKey('event', 'document-application', 'submit');
    expect(key).toBe('cases.event.document-application.submit');
    expect([lv[key as keyof typeof lv], en[key as keyof typeof en]]).toEqual([
      'Pieteikums sagatavots',
      'Application prepared',
    ]);
    // Other case types are received when submitted.
    expect(caseWordingKey('event', 'register-correction', 'submit')).toBe('cases.event.submit');
    expect(caseWordingKey('event', 'document-application', 'accept-in-person')).toBe('cases.event.accept-in-person');
  });
});
