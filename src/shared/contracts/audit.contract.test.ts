import { describe, expect, it } from 'vitest';
import lv from '../i18n/lv.json' with { type: 'json' };
import en from '../i18n/en.json' with { type: 'json' };
import { AUDIT_ACTIONS, AUDIT_ACTIVITIES, AUDIT_PURPOSES, AUDIT_RESOURCES } from './audit.contract.ts';
import { LIFE_EVENT_KINDS } from './register.contract.ts';

const CATALOGUES = { lv: lv as Record<string, string>, en: en as Record<string, string> };

/** Keys the catalogue lacks in either language. */
function missing(keys: readonly string[]): string[] {
  return Object.entries(CATALOGUES).flatMap(([lang, messages]) =>
    keys.filter((k) => !messages[k]?.trim()).map((k) => `${lang}: ${k}`),
  );
}

// The audit gate takes only the codes listed in the contract (its types), so these lists are every code the
// server can write: "who used my data" must never show one raw.
describe('audit codes on "who used my data"', () => {
  it('have a message for every purpose in Latvian and English', () => {
    expect(missing(AUDIT_PURPOSES.map((p) => `purpose.${p}`))).toEqual([]);
  });

  it('have a message for every action, and for every activity (what was done to what)', () => {
    expect(missing(AUDIT_ACTIONS.map((a) => `action.${a}`))).toEqual([]);
    expect(
      missing(AUDIT_RESOURCES.flatMap((r) => AUDIT_ACTIVITIES[r].map((a) => `dataUse.activity.${r}.${a}`))),
    ).toEqual([]);
  });

  it('name every kind of life event (the register pages and the extract list them)', () => {
    expect(missing(LIFE_EVENT_KINDS.map((k) => `event.${k}`))).toEqual([]);
  });

  it('say who acted in words for each kind of actor, to the resident and to an auditor', () => {
    expect(
      missing(
        [
          'self',
          'selfForAuditor',
          'representative',
          'representativeForAuditor',
          'officer',
          'officerNoRole',
          'partner',
          'system',
        ].map((w) => `dataUse.who.${w}`),
      ),
    ).toEqual([]);
  });

  it('never tell a resident "you viewed your data" as a purpose', () => {
    // A purpose says why; what was done (viewed, booked …) is the activity's message.
    for (const p of AUDIT_PURPOSES) {
      expect(lv[`purpose.${p}` as keyof typeof lv], p).not.toMatch(/skatījāt/);
      expect(en[`purpose.${p}` as keyof typeof en], p).not.toMatch(/viewed/i);
    }
  });
});
