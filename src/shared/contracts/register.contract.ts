/** The population register over HTTP: search, person card, history, life events, residence declaration, duplicates, statistics. */
import { z } from 'zod';
import { defineEndpoint } from './contract.ts';
import { PlainDateSchema } from '../kernel/plain-date.ts';
import { LegalStatusSchema } from '../kernel/legal-status.ts';
import { MUNICIPALITY_CODES } from '../kernel/municipalities.ts';
import { isValidPersonalCode, normalizePersonalCode } from '../kernel/personal-code.ts';

const Text = (max: number) => z.string().trim().min(1).max(max);
/**
 * A name as the register writes it: in Latin letters, by Latvian orthography for a foreign name (Cabinet
 * Regulation No. 114), with spaces, hyphens and apostrophes; never markup, digits or another script. The
 * original spelling goes in `originalName`.
 */
const NAME_IN_LATIN = /^\p{Script=Latin}[\p{Script=Latin}\p{M}' .-]*$/u;
const PersonName = (max: number) => Text(max).regex(NAME_IN_LATIN, 'format.personName');
const OptionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((s) => (s ? s : undefined));
/** ISO 3166-1 alpha-3; the server also checks the code exists. */
export const CountryCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, 'format.country');

export const PersonalCodeParam = z
  .string()
  .trim()
  .transform((s, ctx) => {
    const code = normalizePersonalCode(s);
    if (!code || !isValidPersonalCode(code)) {
      ctx.addIssue({
        code: 'custom',
        message: 'Not a valid personal code (NNNNNN-NNNNN)',
        params: { reason: 'personal-code-format' },
      });
      return z.NEVER;
    }
    return code;
  });

/** Why a staff member opens a person's data: a case reference or a recorded reason (the audit gate refuses neither). */
export const Purpose = z.object({
  caseReference: OptionalText(100),
  reason: OptionalText(500),
});

export const LatviaAddress = z.strictObject({
  kind: z.literal('latvia'),
  municipalityCode: z.enum(MUNICIPALITY_CODES),
  settlement: OptionalText(100),
  street: Text(150),
  building: Text(20),
  flat: OptionalText(20),
  postcode: z
    .string()
    .trim()
    .regex(/^LV-\d{4}$/, 'format.postcode'),
});
export const AbroadAddress = z.strictObject({
  kind: z.literal('abroad'),
  country: CountryCode.refine((c) => c !== 'LVA', 'format.abroadNotLatvia'),
  addressLine: Text(300),
});
export const AddressInput = z.discriminatedUnion('kind', [LatviaAddress, AbroadAddress]);
export type AddressInput = z.infer<typeof AddressInput>;
/** What a client sends (optional fields may be left out). */
export type AddressInputBody = z.input<typeof AddressInput>;

export const AddressView = z.object({
  country: z.string(),
  municipalityCode: z.string().nullable(),
  settlement: z.string().nullable(),
  street: z.string().nullable(),
  building: z.string().nullable(),
  flat: z.string().nullable(),
  postcode: z.string().nullable(),
  addressLine: z.string().nullable(),
  legalBasis: z.string().nullable(),
  validFrom: z.string(),
  /** Last day (inclusive); null while in force. */
  validUntil: z.string().nullable(),
});
export type AddressView = z.infer<typeof AddressView>;

const Period = { validFrom: z.string(), validUntil: z.string().nullable() };

export const RelationView = z.object({
  kind: z.enum(['parent', 'child', 'spouse', 'guardian', 'ward']),
  personId: z.uuid(),
  givenNames: z.string(),
  surname: z.string(),
  birthDate: z.string(),
  sex: z.enum(['M', 'F']),
  deathDate: z.string().nullable(),
  ...Period,
});

/** Every kind of life event the register records (each is also an audit purpose, `life-event:<kind>`). */
export const LIFE_EVENT_KINDS = [
  'birth-registration',
  'registration',
  'death',
  'name-change',
  'marriage',
  'divorce',
  'status-change',
  'code-change',
  'guardianship',
  'address-declaration',
  'correction',
  'residence-right',
] as const;

/** Rights to reside the register records, each carried by a document the office issued. */
export const RESIDENCE_RIGHT_KINDS = [
  'long-stay-visa',
  'temporary-permit',
  'permanent-permit',
  'eu-long-term-resident',
  'eu-registration-certificate',
  'eu-family-residence-card',
  'eu-permanent-residence-certificate',
  'eu-family-permanent-residence-card',
] as const;
export type LifeEventKind = (typeof LIFE_EVENT_KINDS)[number];

export const LifeEventView = z.object({
  id: z.uuid(),
  kind: z.string(),
  effectiveDate: z.string(),
  recordedAt: z.string(),
  legalBasis: z.string(),
  sourceDocument: z.string().nullable(),
  channel: z.string(),
  institution: z.string(),
  details: z.record(z.string(), z.unknown()),
});

export const PersonCard = z.object({
  id: z.uuid(),
  version: z.number().int(),
  asOf: z.object({ validOn: z.string(), recordedAt: z.string() }),
  /** False when the register did not yet know the person at `recordedAt` or they were not yet born on `validOn`. */
  existed: z.boolean(),
  personalCode: z.string().nullable(),
  codes: z.array(z.object({ personalCode: z.string(), ...Period })),
  givenNames: z.string().nullable(),
  surname: z.string().nullable(),
  originalName: z.string().nullable(),
  earlierNames: z.array(z.object({ givenNames: z.string(), surname: z.string(), ...Period })),
  sex: z.enum(['M', 'F']).nullable(),
  birthDate: z.string().nullable(),
  birthCountry: z.string().nullable(),
  birthMunicipality: z.string().nullable(),
  birthPlace: z.string().nullable(),
  birthSurname: z.string().nullable(),
  ethnicity: z.string().nullable(),
  deathDate: z.string().nullable(),
  legalStatus: z.string().nullable(),
  citizenships: z.array(z.string()),
  /** Rights to reside that hold on the day: a long-stay visa, a residence permit, an EU registration. */
  residenceRights: z.array(
    z.object({
      kind: z.enum(RESIDENCE_RIGHT_KINDS),
      documentNumber: z.string(),
      issuedBy: z.string().nullable(),
      ...Period,
    }),
  ),
  residence: AddressView.nullable(),
  additionalAddresses: z.array(AddressView),
  addressHistory: z.array(AddressView),
  relations: z.array(RelationView),
  events: z.array(LifeEventView),
});
export type PersonCard = z.infer<typeof PersonCard>;

export const FACT_KINDS = ['code', 'name', 'core', 'status', 'address', 'relation', 'residence'] as const;
export const HistoryRow = z.object({
  fact: z.enum(FACT_KINDS),
  id: z.number().int(),
  ...Period,
  recordedAt: z.string(),
  supersededAt: z.string().nullable(),
  eventId: z.string().nullable(),
  values: z.record(z.string(), z.union([z.string(), z.boolean(), z.array(z.string()), z.null()])),
});
export type HistoryRow = z.infer<typeof HistoryRow>;

export const PersonHistory = z.object({
  personId: z.uuid(),
  rows: z.array(HistoryRow),
  events: z.array(LifeEventView),
});

export const SearchResult = z.object({
  id: z.uuid(),
  personalCode: z.string(),
  givenNames: z.string(),
  surname: z.string(),
  birthDate: z.string(),
  sex: z.enum(['M', 'F']),
  legalStatus: z.string(),
  municipalityCode: z.string().nullable(),
  deathDate: z.string().nullable(),
  score: z.number(),
  reasons: z.array(z.string()),
});
export type SearchResult = z.infer<typeof SearchResult>;
/** A person a search found: `exactName` when both names are exactly as searched (not a likely match). */
export const SearchHit = SearchResult.extend({ exactName: z.boolean() });
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchQuery = Purpose.extend({
  q: OptionalText(200),
  code: z
    .string()
    .trim()
    .max(20)
    .optional()
    .transform((s) => (s ? s : undefined)),
  birthDate: PlainDateSchema.optional(),
  birthYear: z.coerce.number().int().min(1850).max(2100).optional(),
  municipality: z.enum(MUNICIPALITY_CODES).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
}).strict();

export const searchPersons = defineEndpoint({
  method: 'GET',
  path: '/api/register/persons',
  summary:
    'Search persons: personal code (also earlier codes), name with or without diacritics, partial names, birth date or year, municipality (audited)',
  tags: ['register'],
  /**
   * `total`: every person the search matched, not the page; `totalAtLeast`: a common name's candidates were
   * cut at their bound, so more may match. `hasMore`: more than the page shows; the page asks to narrow it.
   */
  query: SearchQuery,
  response: z.object({
    results: z.array(SearchHit),
    total: z.number().int(),
    totalAtLeast: z.boolean(),
    hasMore: z.boolean(),
  }),
});

const AsOfQuery = Purpose.extend({
  validOn: PlainDateSchema.optional(),
  recordedAt: z.iso.datetime({ offset: true }).optional(),
}).strict();

export const readPersonCard = defineEndpoint({
  method: 'GET',
  path: '/api/register/persons/{personId}',
  summary:
    'Person card as true on `validOn`, as the register showed it at `recordedAt` (audited; needs a case reference or reason)',
  tags: ['register'],
  params: z.strictObject({ personId: z.uuid() }),
  query: AsOfQuery,
  response: PersonCard,
});

export const readPersonHistory = defineEndpoint({
  method: 'GET',
  path: '/api/register/persons/{personId}/history',
  summary: 'Every fact row of a person on both time axes, with the life events (audited)',
  tags: ['register'],
  params: z.strictObject({ personId: z.uuid() }),
  query: Purpose.strict(),
  response: PersonHistory,
});

export const PersonSummary = z.object({
  id: z.uuid(),
  personalCode: z.string(),
  givenNames: z.string(),
  surname: z.string(),
  birthDate: z.string(),
  sex: z.enum(['M', 'F']),
  legalStatus: z.string(),
  citizenships: z.array(z.string()),
  municipalityCode: z.string().nullable(),
  abroadCountry: z.string().nullable(),
  deathDate: z.string().nullable(),
  version: z.number().int(),
});

export const lookupPersonByCode = defineEndpoint({
  method: 'GET',
  path: '/api/register/persons/by-code/{code}',
  summary: 'Current data of the person with this personal code (also an earlier code) (audited)',
  tags: ['register'],
  params: z.strictObject({ code: PersonalCodeParam }),
  query: Purpose.strict(),
  response: PersonSummary,
});

/** Every life event names its legal basis and source document, and the version the officer saw. */
const EventBase = Purpose.extend({
  legalBasis: Text(300).optional(),
  sourceDocument: Text(200),
  expectedVersion: z.number().int().positive(),
});

export const DeathBody = EventBase.extend({ deathDate: PlainDateSchema }).strict();
export const NameChangeBody = EventBase.extend({
  effectiveDate: PlainDateSchema,
  givenNames: PersonName(100),
  surname: PersonName(100),
}).strict();
export const MarriageBody = EventBase.extend({
  effectiveDate: PlainDateSchema,
  spouseId: z.uuid(),
  spouseExpectedVersion: z.number().int().positive(),
  surname: PersonName(100),
  spouseSurname: PersonName(100),
  /** For a spouse of 16 or 17 (Civil Law, Section 33): who consented in writing, and the document. */
  minorConsent: z
    .strictObject({ givenBy: z.enum(['parents', 'guardians', 'orphans-court']), document: Text(200) })
    .optional(),
}).strict();
export const DivorceBody = MarriageBody.omit({ minorConsent: true }).strict();
export const StatusChangeBody = EventBase.extend({
  effectiveDate: PlainDateSchema,
  legalStatus: LegalStatusSchema,
  citizenships: z.array(CountryCode).max(5),
}).strict();
export const CodeChangeBody = EventBase.extend({ effectiveDate: PlainDateSchema }).strict();
export const GuardianshipBody = EventBase.extend({
  effectiveDate: PlainDateSchema,
  guardianId: z.uuid(),
  until: PlainDateSchema.optional(),
}).strict();

export const AdditionalAddressInput = z.strictObject({
  address: AddressInput,
  validFrom: PlainDateSchema,
  validUntil: PlainDateSchema.optional(),
});
export const AddressDeclarationBody = EventBase.extend({
  effectiveDate: PlainDateSchema,
  address: AddressInput,
  housingBasis: Text(200),
  additionalAddresses: z.array(AdditionalAddressInput).max(5).default([]),
}).strict();

export const EventResult = z.object({ eventId: z.uuid(), personId: z.uuid(), version: z.number().int() });

const eventEndpoint = <B extends z.ZodType>(path: string, summary: string, body: B) =>
  defineEndpoint({
    method: 'POST',
    path: `/api/register/persons/{personId}/events/${path}`,
    summary,
    tags: ['register'],
    params: z.strictObject({ personId: z.uuid() }),
    body,
    response: EventResult,
    successStatus: 201,
  });

export const recordDeath = eventEndpoint('death', 'Record a death (ends a marriage)', DeathBody);
export const recordNameChange = eventEndpoint('name-change', 'Record a change of name', NameChangeBody);
export const recordMarriage = eventEndpoint(
  'marriage',
  'Record a marriage and both spouses’ surname choice',
  MarriageBody,
);
export const recordDivorce = eventEndpoint('divorce', 'Record a divorce and both persons’ surname choice', DivorceBody);
export const recordStatusChange = eventEndpoint(
  'status-change',
  'Record a change of legal status or citizenship',
  StatusChangeBody,
);
export const recordCodeChange = eventEndpoint(
  'code-change',
  'Issue a new-format personal code (the earlier code stays findable)',
  CodeChangeBody,
);
export const recordGuardianship = eventEndpoint(
  'guardianship',
  'Record a guardian (orphan’s court decision)',
  GuardianshipBody,
);
export const recordAddressDeclaration = eventEndpoint(
  'address-declaration',
  'Declare a residence at the desk',
  AddressDeclarationBody,
);

const NewPersonBase = Purpose.extend({
  givenNames: PersonName(100),
  surname: PersonName(100),
  sex: z.enum(['M', 'F']),
  birthDate: PlainDateSchema,
  legalBasis: Text(300).optional(),
  sourceDocument: Text(200),
});
/**
 * The officer confirms a birth to a mother whose other child was born more than a day and less than 180 days
 * apart (twins are born the same day or the next), saying why the dates are right: such a birth is refused
 * without it (`register.births-too-close`).
 */
export const CloseBirthConfirmation = z.strictObject({ confirmed: z.literal(true), reason: Text(500) });
export const BirthBody = NewPersonBase.extend({
  birthMunicipality: z.enum(MUNICIPALITY_CODES),
  birthPlace: OptionalText(150),
  motherId: z.uuid(),
  fatherId: z.uuid().optional(),
  closeBirthConfirmation: CloseBirthConfirmation.optional(),
}).strict();
export const PersonRegistrationBody = NewPersonBase.extend({
  originalName: OptionalText(200),
  birthCountry: CountryCode,
  legalStatus: LegalStatusSchema,
  citizenships: z.array(CountryCode).max(5),
  address: AddressInput,
  housingBasis: Text(200),
}).strict();

export const DuplicateCandidateView = z.object({
  id: z.uuid(),
  score: z.number(),
  reasons: z.array(z.string()),
  status: z.enum(['open', 'same-person', 'different-persons']),
  source: z.enum(['registration', 'scan']),
  person: SearchResult.omit({ score: true, reasons: true }).nullable(),
  other: SearchResult.omit({ score: true, reasons: true }),
});

export const RegistrationResult = z.object({
  status: z.enum(['registered', 'held']),
  personId: z.uuid().nullable(),
  personalCode: z.string().nullable(),
  pendingId: z.uuid().nullable(),
  candidates: z.array(z.object({ personId: z.uuid(), score: z.number(), reasons: z.array(z.string()) })),
});

export const registerBirth = defineEndpoint({
  method: 'POST',
  path: '/api/register/births',
  summary:
    'Register a birth: new-format personal code, parents linked, the mother’s address declared (held for review if it looks like an existing person)',
  tags: ['register'],
  body: BirthBody,
  response: RegistrationResult,
  successStatus: 201,
});
export const registerPerson = defineEndpoint({
  method: 'POST',
  path: '/api/register/registrations',
  summary: 'Register a person arriving from abroad (held for review if it looks like an existing person)',
  tags: ['register'],
  body: PersonRegistrationBody,
  response: RegistrationResult,
  successStatus: 201,
});

export const PendingRegistrationView = z.object({
  id: z.uuid(),
  kind: z.string(),
  submittedBy: z.string(),
  submittedAt: z.string(),
  status: z.string(),
  givenNames: z.string(),
  surname: z.string(),
  birthDate: z.string(),
  sex: z.enum(['M', 'F']),
  candidates: z.array(DuplicateCandidateView),
});
export const listPendingRegistrations = defineEndpoint({
  method: 'GET',
  path: '/api/register/pending-registrations',
  summary: 'Registrations held because they look like an existing person',
  tags: ['register'],
  query: Purpose.strict(),
  response: z.object({ pending: z.array(PendingRegistrationView) }),
});
export const decidePendingRegistration = defineEndpoint({
  method: 'POST',
  path: '/api/register/pending-registrations/{id}/decision',
  summary: 'A second officer decides a held registration: a new person, or the existing one',
  tags: ['register'],
  params: z.strictObject({ id: z.uuid() }),
  body: Purpose.extend({
    decision: z.enum(['register', 'same-person']),
    existingPersonId: z.uuid().optional(),
    note: Text(500),
  }).strict(),
  response: RegistrationResult,
});

export const listDuplicateCandidates = defineEndpoint({
  method: 'GET',
  path: '/api/register/duplicates',
  summary: 'Candidate pairs from the duplicate scan',
  tags: ['register'],
  query: Purpose.extend({
    status: z.enum(['open', 'same-person', 'different-persons']).default('open'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  }).strict(),
  response: z.object({ candidates: z.array(DuplicateCandidateView) }),
});
export const scanDuplicates = defineEndpoint({
  method: 'POST',
  path: '/api/register/duplicates/scan',
  summary: 'Scan the whole register for possible duplicates',
  tags: ['register'],
  response: z.object({
    personsScanned: z.number().int(),
    pairsCompared: z.number().int(),
    candidatesFound: z.number().int(),
    seconds: z.number(),
  }),
});
export const decideDuplicateCandidate = defineEndpoint({
  method: 'POST',
  path: '/api/register/duplicates/{id}/decision',
  summary: 'Decide a candidate pair: one person, or two different persons (audited)',
  tags: ['register'],
  params: z.strictObject({ id: z.uuid() }),
  body: Purpose.extend({ decision: z.enum(['same-person', 'different-persons']) }).strict(),
  response: DuplicateCandidateView,
});

export const PopulationCounts = z.object({
  date: z.string(),
  rows: z.array(
    z.object({ municipalityCode: z.string().nullable(), legalStatus: z.string(), persons: z.number().int() }),
  ),
  total: z.number().int(),
});
export const populationStatistics = defineEndpoint({
  method: 'GET',
  path: '/api/register/statistics/population',
  summary: 'Persons by municipality × legal status on a date (no personal data)',
  tags: ['register'],
  query: z.strictObject({ date: PlainDateSchema.optional() }),
  response: PopulationCounts,
});

export const DeclarationView = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  personalCode: z.string(),
  givenNames: z.string(),
  surname: z.string(),
  validFrom: z.string(),
  country: z.string(),
  municipalityCode: z.string().nullable(),
  addressLine: z.string(),
  housingBasis: z.string(),
  declarantRole: z.string(),
  declaredAt: z.string(),
});
export const listMunicipalityDeclarations = defineEndpoint({
  method: 'GET',
  path: '/api/register/declarations',
  summary: 'Residence declarations at addresses in the caller’s municipality (audited)',
  tags: ['register'],
  query: z.strictObject({ limit: z.coerce.number().int().min(1).max(100).default(50) }),
  response: z.object({ municipalityCode: z.string(), declarations: z.array(DeclarationView) }),
});

// Resident portal

export const MySubject = z.object({
  personId: z.uuid(),
  givenNames: z.string(),
  surname: z.string(),
  birthDate: z.string(),
  relation: z.enum(['self', 'child', 'ward']),
});
export const listMySubjects = defineEndpoint({
  method: 'GET',
  path: '/api/portal/me/subjects',
  summary: 'Persons the signed-in resident may act for: themselves, their minor children and wards',
  tags: ['register'],
  response: z.object({ subjects: z.array(MySubject) }),
});
export const readMyRegisterData = defineEndpoint({
  method: 'GET',
  path: '/api/portal/me/register',
  summary: 'My data in the register (or my minor child’s or ward’s), current or as of a date',
  tags: ['register'],
  query: z.strictObject({ subject: z.uuid().optional(), validOn: PlainDateSchema.optional() }),
  response: PersonCard,
});
export const ResidentDeclarationBody = z.strictObject({
  subjectPersonId: z.uuid(),
  validFrom: PlainDateSchema,
  address: AddressInput,
  housingBasis: Text(200),
  additionalAddresses: z.array(AdditionalAddressInput).max(5).default([]),
});
export const submitResidenceDeclaration = defineEndpoint({
  method: 'POST',
  path: '/api/portal/me/residence-declarations',
  summary: 'Declare a place of residence for myself, my minor child or my ward (takes effect at once)',
  tags: ['register'],
  body: ResidentDeclarationBody,
  response: z.object({ declarationId: z.uuid(), personId: z.uuid(), validFrom: z.string() }),
  successStatus: 201,
});

/** PDF downloads: `response: null` here, the handler sends `application/pdf` itself. */
export const downloadMyRegisterExtract = defineEndpoint({
  method: 'GET',
  path: '/api/portal/me/register/extract.pdf',
  summary: 'Register extract (PDF) about me, my minor child or ward, in my language',
  tags: ['register'],
  query: z.strictObject({ subject: z.uuid().optional(), lang: z.enum(['lv', 'en']).default('lv') }),
  response: null,
  successStatus: 200,
});
export const downloadDeclarationConfirmation = defineEndpoint({
  method: 'GET',
  path: '/api/portal/me/residence-declarations/{id}/confirmation.pdf',
  summary: 'Confirmation (PDF) of a residence declaration I submitted',
  tags: ['register'],
  params: z.strictObject({ id: z.uuid() }),
  query: z.strictObject({ lang: z.enum(['lv', 'en']).default('lv') }),
  response: null,
  successStatus: 200,
});

export const CountryOption = z.object({ code: z.string(), lv: z.string(), en: z.string() });
export const listCountries = defineEndpoint({
  method: 'GET',
  path: '/api/reference/countries',
  summary: 'ISO 3166-1 alpha-3 countries with Latvian and English names',
  tags: ['reference'],
  response: z.object({ countries: z.array(CountryOption) }),
});
