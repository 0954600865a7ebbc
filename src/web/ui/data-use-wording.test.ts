import { describe, expect, it } from 'vitest';
import { IntlMessageFormat } from 'intl-messageformat';
import lv from '../../shared/i18n/lv.json' with { type: 'json' };
import en from '../../shared/i18n/en.json' with { type: 'json' };
import { dataUseWording, type DataUseRow, type Translate } from './data-use-wording.ts';

/** The catalogue as the page's `t` reads it: a missing key comes back as itself. */
const translator =
  (locale: 'lv' | 'en'): Translate =>
  (key, values) => {
    const message = (locale === 'lv' ? lv : en)[key as keyof typeof lv];
    return message === undefined ? key : String(new IntlMessageFormat(message, locale).format(values));
  };

const entry = (over: Partial<DataUseRow>): DataUseRow => ({
  id: '00000000-0000-4000-8000-0000000000aa',
  occurredAt: '2027-05-17T11:05:00.000Z',
  actorType: 'resident',
  actor: 'self',
  actorRole: 'resident',
  institution: 'Civitas',
  action: 'read',
  purpose: 'data-subject-access',
  legalBasis: 'Fizisko personu reģistra likums',
  caseReference: null,
  resource: 'register.person',
  touched: [],
  ...over,
});

const booking = entry({ action: 'create', resource: 'appointments.booking' });
const demoSeed = entry({
  actorType: 'system',
  actor: 'system',
  actorRole: 'system',
  action: 'create',
  purpose: 'document-issuance',
  resource: 'documents.document',
});
const registrar = entry({
  actorType: 'staff',
  actor: 'officer',
  actorRole: 'registrar',
  institution: 'PMLP',
  purpose: 'register-lookup',
  actorName: 'Ilze Kalniņa',
});
const municipality = entry({
  actorType: 'staff',
  actor: 'officer',
  actorRole: 'municipality-officer',
  institution: 'Jelgavas valstspilsētas pašvaldība',
  purpose: 'municipality-residence-register',
  resource: 'register.residenceDeclaration',
});
const borderGuard = entry({
  actorType: 'partner',
  actor: 'partner',
  actorRole: 'partner-system',
  institution: 'border-guard-demo',
  purpose: 'document-lookup',
  resource: 'documents.document',
});
const parent = entry({ actor: 'representative', purpose: 'legal-representative-access' });

describe('who used my data, in words', () => {
  it('tells the resident’s own booking as what it was, never “you viewed your data”', () => {
    for (const [locale, activity, purpose] of [
      ['lv', 'Vizītes pieteikšana', 'Jūsu pieprasījums'],
      ['en', 'Booked a visit', 'Your own request'],
    ] as const) {
      const w = dataUseWording(translator(locale), 'resident');
      expect(w.actor(booking)).toEqual({ who: locale === 'lv' ? 'Jūs' : 'You' });
      expect(w.activity(booking)).toBe(activity);
      expect(w.purpose(booking)).toBe(purpose);
    }
  });

  it('names the office’s system for its own actions', () => {
    expect(dataUseWording(translator('lv'), 'resident').actor(demoSeed)).toEqual({
      who: 'Pilsonības un migrācijas lietu pārvalde',
      capacity: 'automātiska sistēmas darbība',
    });
    expect(dataUseWording(translator('en'), 'resident').actor(demoSeed)).toEqual({
      who: 'Office of Citizenship and Migration Affairs',
      capacity: "an automatic action of the office's system",
    });
    expect(dataUseWording(translator('en'), 'resident').activity(demoSeed)).toBe('Issued a document');
  });

  it('names an officer by institution and role, never by name to the resident', () => {
    const lvWords = dataUseWording(translator('lv'), 'resident');
    expect(lvWords.actor(registrar)).toEqual({
      who: 'Pilsonības un migrācijas lietu pārvalde',
      capacity: 'darbinieks (Reģistra speciālists)',
    });
    expect(lvWords.actor(municipality)).toEqual({
      who: 'Jelgavas valstspilsētas pašvaldība',
      capacity: 'darbinieks (Pašvaldības speciālists)',
    });
    expect(dataUseWording(translator('en'), 'resident').actor(registrar)).toEqual({
      who: 'Office of Citizenship and Migration Affairs',
      capacity: 'an officer (Registrar)',
    });
    expect(dataUseWording(translator('lv'), 'auditor').actor(registrar).capacity).toBe(
      'darbinieks (Reģistra speciālists) — Ilze Kalniņa',
    );
  });

  it('names a partner institution and a legal representative', () => {
    expect(dataUseWording(translator('lv'), 'resident').actor(borderGuard)).toEqual({
      who: 'Valsts robežsardze (demonstrācijas sistēma)',
      capacity: 'iestādes informācijas sistēma',
    });
    expect(dataUseWording(translator('en'), 'resident').actor(borderGuard).who).toBe(
      'State Border Guard (demo system)',
    );
    expect(dataUseWording(translator('lv'), 'resident').actor(parent).who).toBe(
      'Jūsu likumiskais pārstāvis (vecāks vai aizbildnis)',
    );
    expect(dataUseWording(translator('en'), 'auditor').actor(parent).who).toBe(
      "The person's legal representative (a parent or guardian)",
    );
    expect(dataUseWording(translator('en'), 'auditor').actor(booking).who).toBe('The person themself');
    expect(dataUseWording(translator('en'), 'auditor').purpose(booking)).toBe("The person's own request");
  });

  it('falls back to the action for a pair it has no activity for, and shows an unknown code as it is', () => {
    const w = dataUseWording(translator('en'), 'resident');
    expect(w.activity(entry({ action: 'delete', resource: 'register.person' }))).toBe('Deleted data');
    expect(w.purpose(entry({ purpose: 'some-future-purpose' }))).toBe('some-future-purpose');
  });
});
