/**
 * "Who used my data" without gaps (issue 24): every answer that carries a person's data is a use of it. This
 * walks the OpenAPI document: an operation whose answer shows person fields must carry the personal-data mark,
 * and every marked operation is called here with synthetic data as a user who may call it; the subject person's
 * log (the auditor's view, which the person's own view shows in words) must then hold an entry written by
 * that call, with codes "who used my data" can tell in words. A marked operation this file does not call must
 * be in NOT_CALLED with the reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, signInResident, signInStaff, type Client, type TestContext } from '../../test/test-app.ts';
import { AUDIT_ACTIONS, AUDIT_ACTIVITIES, AUDIT_PURPOSES } from '../../shared/contracts/audit.contract.ts';
import { PERSONAL_DATA_TAG } from './personal-data.ts';
import { SCENARIOS, type Walk } from '../../test/data-use-scenarios.ts';

/** Property names that show who a person is, wherever they occur in an answer's schema. */
const PERSON_FIELDS = new Set([
  'personalCode',
  'givenNames',
  'surname',
  'birthDate',
  'dateOfBirth',
  'applicantName',
  'holderName',
  'personName',
  'mrz',
]);

/** Marked operations not called here, and why: each is the caller's own identity or demo-only. */
const NOT_CALLED: Record<string, string> = {
  'GET /api/session':
    'the signed-in caller’s own name and code from their session, read on every page; the sign-in that opened the session is the recorded use',
  'POST /api/auth/staff/sign-in': 'the staff member’s own session (staff are not register subjects here)',
  'POST /api/auth/staff/totp': 'the staff member’s own session (staff are not register subjects here)',
  'GET /api/auth/demo-eid/persons':
    'demo mode only (refused in production): the synthetic identities of the demo eID page',
};

type Operation = { key: string; marked: boolean; personFields: string[] };
type Entry = { seq: number; action: string; purpose: string; resource: string; actor: string; institution: string };

function personFieldsIn(schema: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) schema.forEach((s) => personFieldsIn(s, found));
  else if (schema && typeof schema === 'object') {
    for (const [key, value] of Object.entries(schema)) {
      if (key === 'properties' && value && typeof value === 'object')
        for (const name of Object.keys(value)) if (PERSON_FIELDS.has(name)) found.add(name);
      personFieldsIn(value, found);
    }
  }
  return found;
}

let ctx: TestContext;
let operations: Operation[];
let walk: Walk;
let auditor: Client;
beforeAll(async () => {
  // Every open case counts as near its deadline, so the supervisor's dashboard lists some (with applicants).
  ctx = await createTestContext({ env: { DEADLINE_WARN_WORKING_DAYS: '90,2' } });
  await ctx.app.backgroundJobs.seedDemoCases();
  await ctx.app.backgroundJobs.seedDemoDocuments();
  await ctx.app.backgroundJobs.ensureAppointmentDefaults();
  await ctx.app.backgroundJobs.seedDemoAppointments();
  const doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
    paths: Record<string, Record<string, { tags?: string[]; responses?: unknown }>>;
  };
  operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      key: `${method.toUpperCase()} ${path}`,
      marked: op.tags?.includes(PERSONAL_DATA_TAG) ?? false,
      personFields: [...personFieldsIn(op.responses)],
    })),
  );
  auditor = await signInStaff(ctx.app, 'auditor');
  walk = createWalk(ctx);
});
afterAll(() => ctx?.close());

function createWalk(context: TestContext): Walk {
  const clients = new Map<string, Client>();
  const cached = async (key: string, make: () => Promise<Client>) => {
    if (!clients.has(key)) clients.set(key, await make());
    return clients.get(key) as Client;
  };
  return {
    ctx: context,
    ids: {},
    staff: (username) => cached(`staff:${username}`, () => signInStaff(context.app, username)),
    resident: (personId) => cached(`resident:${personId}`, () => signInResident(context.app, personId)),
  };
}

async function headSeq(): Promise<number> {
  const head = await ctx.database.db.selectFrom('audit.chainHead').select('seq').executeTakeFirstOrThrow();
  return head.seq;
}

/** The subject's entries after `seq`, as the auditor reads them (the reading itself is left out). */
async function entriesAfter(subject: string, seq: number): Promise<Entry[]> {
  const res = await auditor.request(
    'GET',
    `/api/audit/persons/${subject}/entries?limit=200&reason=${encodeURIComponent('route walk (issue 24)')}`,
  );
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { entries: Entry[] }).entries.filter((e) => e.seq > seq && e.resource !== 'audit.entry');
}

describe('the personal-data mark in the OpenAPI document', () => {
  it('is on every operation whose answer shows a person (name, personal code, birth date, MRZ)', () => {
    const unmarked = operations.filter((o) => o.personFields.length > 0 && !o.marked);
    expect(unmarked.map((o) => `${o.key}: ${o.personFields.join(', ')}`)).toEqual([]);
  });

  it('has a call below for every marked operation, or the reason it is not called', () => {
    const marked = operations.filter((o) => o.marked).map((o) => o.key);
    expect(marked.filter((k) => !(k in SCENARIOS) && !(k in NOT_CALLED))).toEqual([]);
    // Nothing listed here that the document does not mark (a stale scenario or excuse).
    const unknown = [...Object.keys(SCENARIOS), ...Object.keys(NOT_CALLED)].filter((k) => !marked.includes(k));
    expect(unknown).toEqual([]);
    expect(Object.keys(NOT_CALLED).length).toBeLessThanOrEqual(5);
  });
});

describe('every marked operation lands in the subject’s data-use view', () => {
  for (const [key, scenario] of Object.entries(SCENARIOS)) {
    it(key, async () => {
      let before: number | undefined;
      const subject = await scenario(walk, async () => {
        before = await headSeq();
      });
      expect(before, 'the scenario never marked the start of its call').toBeDefined();
      const entries = await entriesAfter(subject, before as number);
      expect(entries.length, `no data-use entry for ${subject} after ${key}`).toBeGreaterThan(0);
      for (const e of entries) {
        // Codes the person's view tells in words (audit.contract.test.ts checks each has its messages).
        expect(AUDIT_ACTIONS).toContain(e.action);
        expect(AUDIT_PURPOSES).toContain(e.purpose);
        expect(AUDIT_ACTIVITIES[e.resource as keyof typeof AUDIT_ACTIVITIES], e.resource).toContain(e.action);
      }
    });
  }
});
