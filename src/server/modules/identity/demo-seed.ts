/**
 * The demo data of the identity module: branch offices, a demo staff account for every role, and the
 * synthetic persons the demo eID page offers. All names and codes are invented; idempotent.
 */
import { buildLegacyCode } from '../../../shared/kernel/personal-code.ts';
import { plainDate } from '../../../shared/kernel/plain-date.ts';
import type { Role } from '../../../shared/kernel/permissions.ts';
import type { Db } from '../../db/database.ts';
import type { PasswordHasher } from '../../platform/password.ts';

/** Shown on the sign-in page and at start-up in demo mode only. */
export const DEMO_PASSWORD = 'civitas-demo';

const BRANCHES = [
  {
    code: 'RIGA-1',
    nameLv: 'Rīgas 1. nodaļa',
    nameEn: 'Riga Division 1',
    municipalityCode: 'LV-RIX',
    address: 'Ērgļu iela 1, Rīga, LV-1001',
  },
  {
    code: 'RIGA-2',
    nameLv: 'Rīgas 2. nodaļa',
    nameEn: 'Riga Division 2',
    municipalityCode: 'LV-RIX',
    address: 'Liepu iela 12, Rīga, LV-1010',
  },
  {
    code: 'DAUGAVPILS',
    nameLv: 'Daugavpils nodaļa',
    nameEn: 'Daugavpils Division',
    municipalityCode: 'LV-DGV',
    address: 'Saules iela 5, Daugavpils, LV-5401',
  },
  {
    code: 'LIEPAJA',
    nameLv: 'Liepājas nodaļa',
    nameEn: 'Liepāja Division',
    municipalityCode: 'LV-LPX',
    address: 'Jūras iela 3, Liepāja, LV-3401',
  },
  {
    code: 'VALMIERA',
    nameLv: 'Valmieras nodaļa',
    nameEn: 'Valmiera Division',
    municipalityCode: 'LV-113',
    address: 'Rīgas iela 20, Valmiera, Valmieras novads, LV-4201',
  },
  // A partner institution's office: the municipality of Jelgava's declaration office.
  {
    code: 'JELGAVA-PASV',
    nameLv: 'Jelgavas valstspilsētas pašvaldība',
    nameEn: 'Jelgava City Municipality',
    municipalityCode: 'LV-JEL',
    address: 'Lielā iela 11, Jelgava, LV-3001',
    institution: 'Jelgavas valstspilsētas pašvaldība',
  },
] as const;

const STAFF: ReadonlyArray<{
  username: string;
  displayName: string;
  roles: Role[];
  branch: string;
  institution?: string;
}> = [
  { username: 'registrar', displayName: 'Ilze Kalniņa', roles: ['registrar'], branch: 'RIGA-1' },
  { username: 'document.officer', displayName: 'Māris Ozols', roles: ['document-officer'], branch: 'RIGA-1' },
  // A second document officer, so an application taken at the desk can be approved by someone else (four-eyes).
  { username: 'document.officer2', displayName: 'Rita Sproģe', roles: ['document-officer'], branch: 'RIGA-1' },
  { username: 'migration.officer', displayName: 'Santa Liepiņa', roles: ['migration-officer'], branch: 'RIGA-2' },
  // A second migration officer: prepares an appeal against a colleague's decision (nobody reviews their own).
  { username: 'migration.officer2', displayName: 'Ivars Kļaviņš', roles: ['migration-officer'], branch: 'RIGA-2' },
  // The migration division's decision-maker: approves a migration officer's proposals (four-eyes) in the same branch.
  { username: 'migration.decider', displayName: 'Gatis Ozoliņš', roles: ['decision-maker'], branch: 'RIGA-2' },
  // The head of the migration division: decides appeals against its visa decisions, for the head of the office.
  { username: 'migration.head', displayName: 'Vita Lāce', roles: ['supervisor'], branch: 'RIGA-2' },
  { username: 'asylum.officer', displayName: 'Edgars Krūmiņš', roles: ['asylum-officer'], branch: 'RIGA-2' },
  {
    username: 'naturalization.officer',
    displayName: 'Jeļena Vasiļjeva',
    roles: ['naturalization-officer'],
    branch: 'DAUGAVPILS',
  },
  { username: 'decision.maker', displayName: 'Andris Bērziņš', roles: ['decision-maker'], branch: 'RIGA-1' },
  { username: 'supervisor', displayName: 'Kristīne Jansone', roles: ['supervisor'], branch: 'RIGA-1' },
  { username: 'auditor', displayName: 'Pēteris Balodis', roles: ['auditor'], branch: 'RIGA-1' },
  { username: 'admin', displayName: 'Laura Zariņa', roles: ['administrator'], branch: 'RIGA-1' },
  // A second registrar of the same branch: reviews a colleague's held registration (four-eyes) and sees the same cases.
  { username: 'registrar2', displayName: 'Oskars Liepa', roles: ['registrar'], branch: 'RIGA-1' },
  // Holds both rights, as a senior registrar may: the four-eyes rule still keeps them from approving their own proposal.
  {
    username: 'senior.registrar',
    displayName: 'Inese Vītola',
    roles: ['registrar', 'decision-maker'],
    branch: 'RIGA-1',
  },
  {
    username: 'municipality.jelgava',
    displayName: 'Dace Eglīte',
    roles: ['municipality-officer'],
    branch: 'JELGAVA-PASV',
    institution: 'Jelgavas valstspilsētas pašvaldība',
  },
];

/** Synthetic residents: legacy codes carry the birth date; the children born after 2017 have new-format codes. */
const PERSONS: ReadonlyArray<{
  personId: string;
  given: string;
  surname: string;
  birth: string;
  code?: string;
  serial?: number;
}> = [
  {
    personId: '00000000-0000-4000-8000-000000000001',
    given: 'Jānis',
    surname: 'Bērziņš',
    birth: '1980-05-17',
    serial: 123,
  },
  {
    personId: '00000000-0000-4000-8000-000000000002',
    given: 'Anna Marija',
    surname: 'Ozola',
    birth: '1990-05-15',
    serial: 456,
  },
  {
    personId: '00000000-0000-4000-8000-000000000003',
    given: 'Sergejs',
    surname: 'Ivanovs',
    birth: '1965-11-02',
    serial: 77,
  },
  {
    personId: '00000000-0000-4000-8000-000000000004',
    given: 'Līga',
    surname: 'Kalniņa',
    birth: '1975-06-23',
    serial: 301,
  },
  {
    personId: '00000000-0000-4000-8000-000000000005',
    given: 'Markuss',
    surname: 'Bērziņš',
    birth: '2018-03-09',
    code: '32581094716',
  },
  {
    personId: '00000000-0000-4000-8000-000000000006',
    given: 'Sofija',
    surname: 'Ozola',
    birth: '2020-08-30',
    code: '36402718355',
  },
  {
    personId: '00000000-0000-4000-8000-000000000007',
    given: 'Tatjana',
    surname: 'Vasiļjeva',
    birth: '1958-01-29',
    serial: 640,
  },
  {
    personId: '00000000-0000-4000-8000-000000000008',
    given: 'Roberts',
    surname: 'Krūmiņš',
    birth: '2003-12-01',
    serial: 18,
  },
  // A foreigner living in Latvia since 2023 (new-format code): applies for visas and permits in the portal.
  {
    personId: '00000000-0000-4000-8000-000000000009',
    given: 'Olena',
    surname: 'Shevchenko',
    birth: '1988-02-14',
    code: '32871234569',
  },
];

/** The demo eID persons with their personal codes (the register's demo seed gives them families and addresses). */
export const DEMO_EID_PERSONS = PERSONS.map((p) => ({
  personId: p.personId,
  givenNames: p.given,
  surname: p.surname,
  birthDate: p.birth,
  personalCode: p.code ?? buildLegacyCode(plainDate(p.birth), p.serial ?? 0),
}));

/** Seeds once: returns false when the data set was already there. */
export async function seedDemoIdentity(db: Db, hasher: PasswordHasher): Promise<boolean> {
  const existing = await db.selectFrom('identity.branch').select('id').limit(1).executeTakeFirst();
  if (existing) return false;
  const passwordHash = await hasher.hash(DEMO_PASSWORD);
  await db.transaction().execute(async (trx) => {
    const branches = await trx
      .insertInto('identity.branch')
      .values(BRANCHES.map((b) => ({ ...b })))
      .returning(['id', 'code'])
      .execute();
    const branchId = new Map(branches.map((b) => [b.code, b.id]));
    await trx
      .insertInto('identity.staffAccount')
      .values(
        STAFF.map((s) => ({
          username: s.username,
          displayName: s.displayName,
          email: `${s.username}@demo.civitas.invalid`,
          passwordHash,
          roles: s.roles,
          branchId: branchId.get(s.branch) as string,
          ...(s.institution ? { institution: s.institution } : {}),
          isDemo: true,
          totpSecret: null,
          totpLastStep: null,
          lockedUntil: null,
          oidcSubject: null,
          disabledAt: null,
        })),
      )
      .execute();
    await trx
      .insertInto('identity.demoEidPerson')
      .values(DEMO_EID_PERSONS)
      .onConflict((oc) => oc.doNothing())
      .execute();
  });
  return true;
}

export const DEMO_STAFF_USERNAMES = STAFF.map((s) => ({ username: s.username, roles: s.roles }));
