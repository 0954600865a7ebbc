/**
 * A list that shows many persons is one data-use entry per person, written in one statement (issue 24): the
 * staff search's page of results reaches each listed person's "who used my data" as a search by an officer of
 * the office, told in words in both languages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import lv from '../../../shared/i18n/lv.json' with { type: 'json' };
import en from '../../../shared/i18n/en.json' with { type: 'json' };
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { createTestContext, signInResident, signInStaff, type TestContext } from '../../../test/test-app.ts';
import { dataUseWording, type Translate } from '../../../web/ui/data-use-wording.ts';
import type { DataUseEntry } from '../../../shared/contracts/audit.contract.ts';
import { createManualClock } from '../../platform/clock.ts';
import { createAuditRepository } from './audit.repository.ts';
import { createAuditService, type AccessRecord } from './audit.service.ts';

const listed = (i: number): AccessRecord => ({
  actor: { type: 'staff', id: 'officer-1', name: 'Ilze Kalniņa', role: 'registrar', institution: 'PMLP' },
  action: 'search',
  purpose: 'person-search',
  legalBasis: 'Fizisko personu reģistra likums',
  reason: 'Inquiry 2026/5',
  subjectPersonId: `00000000-0000-4000-8000-${String(1000 + i).padStart(12, '0')}`,
  resource: 'register.person',
  touched: ['name'],
  requestId: 'req-search',
});

describe('audit.recordManyCommitted', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it('appends the 50 entries of one page in one statement, each about its person, and the chain verifies', async () => {
    const repository = createAuditRepository();
    let statements = 0;
    const counting = {
      ...repository,
      appendIfHead: (...args: Parameters<typeof repository.appendIfHead>) => {
        statements++;
        return repository.appendIfHead(...args);
      },
    };
    const clock = createManualClock('2026-11-30T08:00:00.000Z');
    const audit = createAuditService({ repository: counting, clock, db: database.db });
    const written = await audit.recordManyCommitted(Array.from({ length: 50 }, (_, i) => listed(i)));
    expect(statements).toBe(1);
    expect(written.map((w) => w.seq)).toEqual(Array.from({ length: 50 }, (_, i) => (written[0]?.seq ?? 0) + i));
    const about = await audit.listAboutPerson(database.db, listed(7).subjectPersonId as string, 5);
    expect(about).toMatchObject([{ action: 'search', purpose: 'person-search', reason: 'Inquiry 2026/5' }]);
    expect((await audit.verify(database.db)).ok).toBe(true);
  });

  it('refuses the whole page (PURPOSE_REQUIRED) when staff give neither a case reference nor a reason, writing none', async () => {
    const audit = createAuditService({
      repository: createAuditRepository(),
      clock: createManualClock('2026-11-30T08:00:00.000Z'),
      db: database.db,
    });
    const before = await audit.verify(database.db);
    await expect(audit.recordManyCommitted([listed(1), { ...listed(2), reason: null }])).rejects.toMatchObject({
      code: 'PURPOSE_REQUIRED',
    });
    expect((await audit.verify(database.db)).headSeq).toBe(before.headSeq);
  });
});

describe('GET /api/register/persons (staff search)', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  const translate =
    (messages: Record<string, string>): Translate =>
    (key) =>
      messages[key] ?? key;

  it('shows each listed person, in "who used my data", a search of the register by an officer of the office', async () => {
    const registrar = await signInStaff(ctx.app, 'registrar');
    const anna = await signInResident(ctx.app, '00000000-0000-4000-8000-000000000002');
    const found = await registrar.request('GET', '/api/register/persons?q=Ozola&reason=Inquiry%202026%2F9');
    expect(found.statusCode, found.body).toBe(200);
    const results = (found.json() as { results: Array<{ id: string }> }).results;
    expect(results.map((r) => r.id)).toContain('00000000-0000-4000-8000-000000000002');

    const mine = (await anna.request('GET', '/api/portal/me/data-use')).json() as { entries: DataUseEntry[] };
    const search = mine.entries[0] as DataUseEntry;
    expect(search).toMatchObject({ actor: 'officer', institution: 'PMLP', action: 'search', purpose: 'person-search' });
    const inLatvian = dataUseWording(translate(lv), 'resident');
    expect(inLatvian.activity(search)).toBe('Meklēšana reģistrā');
    expect(inLatvian.purpose(search)).toBe('Personu meklēšana');
    expect(dataUseWording(translate(en), 'resident').activity(search)).toBe('Searched the register');
  });

  it('records a search by the exact personal code for the one person it finds, and refuses one without a purpose', async () => {
    const registrar = await signInStaff(ctx.app, 'registrar');
    const card = (
      await registrar.request('GET', '/api/register/persons/00000000-0000-4000-8000-000000000004?reason=x')
    ).json() as { personalCode: string };
    const auditor = await signInStaff(ctx.app, 'auditor');
    const byCode = await registrar.request('GET', `/api/register/persons?code=${card.personalCode}&caseReference=KL-1`);
    expect(byCode.statusCode, byCode.body).toBe(200);
    const log = (
      await auditor.request('GET', '/api/audit/persons/00000000-0000-4000-8000-000000000004/entries?reason=check')
    ).json() as { entries: Array<{ action: string; caseReference: string | null }> };
    expect(log.entries[1]).toMatchObject({ action: 'search', caseReference: 'KL-1' });
    const noPurpose = await registrar.request('GET', `/api/register/persons?code=${card.personalCode}`);
    expect(noPurpose.json()).toMatchObject({ code: 'PURPOSE_REQUIRED' });
  });
});
