/**
 * The engine runs a procedure it has never heard of: a fixture procedure defined here, registered the way
 * a module registers its own, goes through opening, assignment, a request for information, the four-eyes
 * decision, its effect with a follow-up action, an appeal on its own route and the deadline watch.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/test-app.ts';
import { createAuditRepository, createAuditService } from '../audit/index.ts';
import {
  createNotificationsRepository,
  createNotificationsService,
  mailboxTransport,
  recordingSmsTransport,
} from '../notifications/index.ts';
import type { StaffMember } from '../identity/index.ts';
import { createCasesRepository } from './cases.repository.ts';
import { createCasesService, type CasesService } from './cases.service.ts';
import type { CaseActorContext } from './engine.ts';
import type { CaseProcedure, CaseType } from './procedure.ts';
import type { LifecycleTable } from './case-lifecycle.ts';
import { oneVersionBook, type RuleBook } from './rule-versions.ts';
import type { PlainDate } from '../../../shared/kernel/plain-date.ts';

const FIXTURE = 'fixture-procedure' as CaseType;
const FIXTURE_APPEAL = 'fixture-appeal' as CaseType;
const FIXTURE_VERSIONED = 'fixture-versioned' as CaseType;

/**
 * Rules with a change: from 25 November 2026 the decision period is 10 days, not 15, the fee doubles and a
 * proof of address is asked for (a transitional move of open cases, rule-moves.ts).
 */
const VERSIONED_BOOK: RuleBook = {
  versions: [
    { validFrom: '2000-01-01' as PlainDate, legalAct: 'Fixture law' },
    {
      validFrom: '2026-11-25' as PlainDate,
      legalAct: 'Fixture law as amended',
      deadline: { unit: 'calendar-days', limit: 10, maxExtendedTo: 45 },
    },
  ],
  // A case named Kept reads the same under both versions (its subject is not rewritten).
  moveEffect: (subject, _from, to) =>
    to.validFrom === '2026-11-25' && subject['name'] !== 'Kept'
      ? {
          subject: { ...subject, feeCents: 2000 },
          fee: { beforeCents: 1000, afterCents: 2000 },
          newDocuments: ['proof-of-address'],
        }
      : { subject, fee: null, newDocuments: [] },
};

const LIFECYCLE: LifecycleTable<string> = {
  initial: 'submitted',
  final: ['accepted', 'rejected', 'withdrawn'],
  decided: { accept: 'accepted', reject: 'rejected' },
  transitions: {
    submit: { from: ['submitted'], to: 'submitted', by: ['applicant', 'officer'] },
    assign: {
      from: ['submitted', 'in-review', 'awaiting-applicant', 'proposed'],
      to: { submitted: 'in-review' },
      by: ['officer', 'supervisor'],
    },
    'request-information': { from: ['in-review'], to: 'awaiting-applicant', by: ['officer'] },
    'answer-information': { from: ['awaiting-applicant'], to: 'in-review', by: ['applicant', 'officer'] },
    'propose-decision': { from: ['in-review'], to: 'proposed', by: ['officer'] },
    'approve-decision': { from: ['proposed'], to: 'stay', by: ['decision-maker'] },
    'request-consultation': { from: ['in-review'], to: 'stay', by: ['officer'] },
    'answer-consultation': { from: ['in-review', 'proposed'], to: 'stay', by: ['officer', 'system'] },
    'record-payment': { from: ['submitted', 'in-review'], to: 'stay', by: ['officer'] },
  },
};

/** What the fixture's decisions did outside the case, as its module would record them. */
const effects: string[] = [];

function fixture(type: CaseType, prefix: string, appeal?: CaseType): CaseProcedure {
  return {
    definition: {
      type,
      prefix,
      lifecycle: LIFECYCLE,
      deadline: { unit: 'calendar-days', limit: 15, maxExtendedTo: 45 },
      deadlineBasis: 'Fixture law, Art. 1',
      decisionBasis: 'Fixture law, Art. 2',
      staffRoles: { officer: ['registrar'], 'decision-maker': ['decision-maker'], supervisor: ['supervisor'] },
    },
    rules: oneVersionBook('2000-01-01' as PlainDate, 'Fixture law'),
    // The contract's subject union lists the office's procedures; the fixture's is its own.
    subjectKind: 'fixture' as CaseProcedure['subjectKind'],
    subjectView: (stored) =>
      ({ kind: 'fixture', name: String(stored.name) }) as unknown as ReturnType<CaseProcedure['subjectView']>,
    decisionRows: () => [],
    systemChecks: async (_trx, _access, row) => [
      { rule: 'fixture-check', passed: row.subject.ok === true, detail: String(row.subject.ok) },
    ],
    onApproved: async (_trx, access, row, state) => {
      effects.push(`${access.caseReference}:${state.decision.outcome}:${String(row.subject.name)}`);
      return undefined;
    },
    ...(appeal
      ? {
          appeal: {
            caseType: appeal,
            subject: async (_trx, _access, contested, reason) => ({
              subject: { ...contested.subject, reason },
              touched: 'fixture',
            }),
          },
        }
      : {}),
  };
}

let ctx: TestContext;
let cases: CasesService;
let officer: CaseActorContext;
let decider: CaseActorContext;
let branchId: string;

beforeAll(async () => {
  ctx = await createTestContext();
  const { db } = ctx.database;
  const branch = await db.selectFrom('identity.branch').select('id').orderBy('code').executeTakeFirstOrThrow();
  branchId = branch.id;
  const audit = createAuditService({ repository: createAuditRepository(), clock: ctx.clock, db });
  const notifications = createNotificationsService({
    db,
    clock: ctx.clock,
    repository: createNotificationsRepository(),
    maxAttempts: 3,
    email: mailboxTransport,
    sms: recordingSmsTransport,
  });
  const staff: StaffMember[] = [
    {
      id: '10000000-0000-4000-8000-000000000001',
      username: 'fixture-officer',
      displayName: 'Officer One',
      roles: ['registrar'],
      branchId,
      email: 'officer@example.test',
    } as StaffMember,
    {
      id: '10000000-0000-4000-8000-000000000002',
      username: 'fixture-decider',
      displayName: 'Decider Two',
      roles: ['decision-maker'],
      branchId,
      email: null,
    } as StaffMember,
  ];
  cases = createCasesService({
    db,
    clock: ctx.clock,
    timeZone: 'Europe/Riga',
    audit,
    notifications,
    repository: createCasesRepository(),
    branchStaff: async () => staff,
    portalBranchId: async () => branchId,
    personByCode: async () => undefined,
    warnAtWorkingDays: [5, 2],
  });
  cases.registerProcedure(fixture(FIXTURE, 'FX', FIXTURE_APPEAL));
  cases.registerProcedure(fixture(FIXTURE_APPEAL, 'FA'));
  cases.registerProcedure({ ...fixture(FIXTURE_VERSIONED, 'FV'), rules: VERSIONED_BOOK });
  const staffCtx = (s: StaffMember): CaseActorContext => ({
    kind: 'staff',
    id: s.id,
    name: s.displayName,
    roles: s.roles,
    branchId,
    audit: { type: 'staff', id: s.id, name: s.displayName, role: s.roles.join(','), institution: 'PMLP' },
  });
  [officer, decider] = staff.map(staffCtx) as [CaseActorContext, CaseActorContext];
});
afterAll(async () => ctx?.close());

const open = (name: string, ok = true) =>
  cases.openCase(officer, FIXTURE, undefined, { name }, async () => ({
    applicantPersonId: '00000000-0000-4000-8000-000000000001',
    applicantName: name,
    subject: { name, ok },
    touched: 'fixture',
    language: 'en',
    documents: [],
    branchId,
    channel: 'desk',
  }));

describe('the case engine with a procedure it does not know', () => {
  it('refuses a second registration of the same case type, and a case type nobody registered', async () => {
    expect(() => cases.registerProcedure(fixture(FIXTURE, 'FX'))).toThrow(/registered twice/);
    await expect(
      cases.openCase(officer, 'nobody-registered-this' as CaseType, undefined, {}, async () => {
        throw new Error('not reached');
      }),
    ).rejects.toThrow(/No procedure is registered/);
  });

  it('opens the case with the procedure’s prefix, lifecycle and deadline, and runs it to a four-eyes decision', async () => {
    let view = await open('Alpha');
    expect(view).toMatchObject({
      reference: expect.stringMatching(/^FX-\d{4}-\d{6}$/),
      status: 'submitted',
      dueOn: '2026-12-15',
    });
    expect(view.deadline.rule).toBe('Fixture law, Art. 1');
    view = await cases.takeAction(officer, view.id, {
      kind: 'assign',
      expectedVersion: view.version,
      outOfOrderReason: 'fixture',
    });
    view = await cases.takeAction(officer, view.id, {
      kind: 'propose-decision',
      expectedVersion: view.version,
      outcome: 'reject',
      reasoning: 'Fixture says no',
      ruleTrace: [],
    });
    expect(view.proposal).toMatchObject({
      legalBasis: 'Fixture law, Art. 2',
      // The version of its rules comes first (every procedure has a book), then its own checks.
      ruleTrace: [
        { rule: 'rules-version', passed: true, params: { from: '2000-01-01', act: 'Fixture law' } },
        { rule: 'fixture-check', passed: true },
      ],
    });
    await expect(
      cases.takeAction({ ...officer, roles: ['registrar', 'decision-maker'] } as CaseActorContext, view.id, {
        kind: 'approve-decision',
        expectedVersion: view.version,
      }),
    ).rejects.toMatchObject({ code: 'FOUR_EYES_REQUIRED' });
    view = await cases.takeAction(decider, view.id, { kind: 'approve-decision', expectedVersion: view.version });
    expect(view.status).toBe('rejected');
    expect(effects).toContain(`${view.reference}:reject:Alpha`);

    // The refusal is contested on the procedure's own appeal route: a linked case of the appeal type.
    const applicant: CaseActorContext = {
      kind: 'resident',
      personId: '00000000-0000-4000-8000-000000000001',
      name: 'Jānis Bērziņš',
      audit: {
        type: 'resident',
        id: '00000000-0000-4000-8000-000000000001',
        name: null,
        role: 'resident',
        institution: 'Civitas',
      },
    };
    const appeal = await cases.appeal(applicant, view.id, { reason: 'I disagree', documents: [] });
    expect(appeal).toMatchObject({
      caseType: FIXTURE_APPEAL,
      reference: expect.stringMatching(/^FA-/),
      appealOf: { reference: view.reference },
    });
    expect((await cases.readCase(applicant, view.id)).appealedBy?.reference).toBe(appeal.reference);
    await expect(cases.appeal(applicant, view.id, { reason: 'Again', documents: [] })).rejects.toMatchObject({
      code: 'INVALID_STATE',
    });
  });

  it('runs a consultation beside the case: the clock keeps running, an overdue answer is reminded once, and an answer closes it', async () => {
    let view = await open('Gamma');
    view = await cases.takeAction(officer, view.id, {
      kind: 'assign',
      expectedVersion: view.version,
      outOfOrderReason: 'fixture',
    });
    const dueBefore = view.dueOn;
    view = await cases.takeAction(officer, view.id, {
      kind: 'request-consultation',
      expectedVersion: view.version,
      authority: 'state-police',
      question: 'Anything known?',
      dueOn: '2026-12-02',
    });
    expect(view).toMatchObject({
      suspended: false,
      dueOn: dueBefore,
      consultations: [{ authority: 'state-police', answer: null }],
    });
    const consultationId = view.consultations[0]?.consultationId as string;
    expect((await cases.openConsultations('state-police')).map((c) => c.consultationId)).toContain(consultationId);

    ctx.clock.advance(3 * 86_400_000);
    const overdue = () =>
      ctx.database.db
        .selectFrom('notifications.outbox')
        .select('eventKey')
        .where('template', '=', 'consultation-overdue')
        .where('eventKey', 'like', `case:${view.id}:%`)
        .execute();
    await cases.watchDeadlines();
    await cases.watchDeadlines();
    expect(await overdue()).toHaveLength(1);

    const police = {
      id: 'partner:police',
      audit: { type: 'partner' as const, id: 'police', name: null, role: 'partner-system', institution: 'police' },
    };
    await expect(
      cases.answerConsultation(police, 'state-border-guard', consultationId, { outcome: 'no-objection', remarks: '' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await cases.answerConsultation(police, 'state-police', consultationId, {
      outcome: 'objection',
      remarks: 'Known to the police',
    });
    view = await cases.readCase(officer, view.id);
    expect(view.consultations[0]?.answer).toMatchObject({ outcome: 'objection', remarks: 'Known to the police' });
    expect((await cases.openConsultations('state-police')).map((c) => c.consultationId)).not.toContain(consultationId);
    ctx.clock.advance(-3 * 86_400_000);
  });

  it('takes one payment where the procedure states no fee of its own', async () => {
    let view = await open('Gamma');
    const pay = (v: typeof view) =>
      cases.takeAction(officer, v.id, {
        kind: 'record-payment',
        expectedVersion: v.version,
        amountCents: 1500,
        method: 'cash',
        reference: 'KASE-7',
      });
    view = await pay(view);
    expect(view.timeline.at(-1)).toMatchObject({ kind: 'record-payment', details: { amountCents: 1500 } });
    await expect(pay(view)).rejects.toMatchObject({ rule: { id: 'case.fee-already-paid' } });
  });

  it('stops the clock while it waits for the applicant and lists the case in the officer’s queue', async () => {
    let view = await open('Beta');
    view = await cases.takeAction(officer, view.id, {
      kind: 'assign',
      expectedVersion: view.version,
      outOfOrderReason: 'fixture',
    });
    view = await cases.takeAction(officer, view.id, {
      kind: 'request-information',
      expectedVersion: view.version,
      question: 'More?',
      dueOn: '2026-12-10',
    });
    expect(view).toMatchObject({ status: 'awaiting-applicant', suspended: true });
    const queue = await cases.queue(officer, { type: FIXTURE, assignee: 'me', limit: 50 });
    expect(queue.cases.map((c) => c.reference)).toContain(view.reference);
  });
});

describe('a grant over a failed check, and the closed list', () => {
  const assigned = async (name: string, ok: boolean) => {
    const view = await open(name, ok);
    return cases.takeAction(officer, view.id, {
      kind: 'assign',
      expectedVersion: view.version,
      outOfOrderReason: 'fixture',
    });
  };

  it('asks the officer to override the failed checks with a reason, and the decision-maker to confirm them', async () => {
    let view = await assigned('Delta', false);
    const propose = { kind: 'propose-decision', outcome: 'accept', reasoning: 'Grant anyway' } as const;
    await expect(
      cases.takeAction(officer, view.id, { ...propose, expectedVersion: view.version }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [
        {
          path: 'acknowledgeFailedChecks',
          reason: 'failed-checks-unacknowledged',
          values: { count: 1, rules: 'fixture-check' },
        },
        { path: 'overrideReason', reason: 'override-reason-needed' },
      ],
    });
    // Seen, but no reason: still refused, naming only the reason.
    await expect(
      cases.takeAction(officer, view.id, { ...propose, expectedVersion: view.version, acknowledgeFailedChecks: true }),
    ).rejects.toMatchObject({ details: [{ path: 'overrideReason', reason: 'override-reason-needed' }] });
    view = await cases.takeAction(officer, view.id, {
      ...propose,
      expectedVersion: view.version,
      acknowledgeFailedChecks: true,
      overrideReason: 'The original was shown at the desk',
    });
    // The override is a line of the rule trace, in the officer's words, after the check it overrides.
    expect(view.proposal?.ruleTrace).toEqual([
      expect.objectContaining({ rule: 'rules-version', passed: true }),
      expect.objectContaining({ rule: 'fixture-check', passed: false }),
      { rule: 'failed-checks-overridden', passed: true, detail: 'The original was shown at the desk' },
    ]);
    // The proposer is told the four-eyes rule first, not asked to confirm an approval they may never give.
    await expect(
      cases.takeAction({ ...officer, roles: ['registrar', 'decision-maker'] } as CaseActorContext, view.id, {
        kind: 'approve-decision',
        expectedVersion: view.version,
      }),
    ).rejects.toMatchObject({ code: 'FOUR_EYES_REQUIRED' });
    await expect(
      cases.takeAction(decider, view.id, { kind: 'approve-decision', expectedVersion: view.version }),
    ).rejects.toMatchObject({ details: [{ reason: 'failed-checks-unacknowledged', values: { count: 1 } }] });
    view = await cases.takeAction(decider, view.id, {
      kind: 'approve-decision',
      expectedVersion: view.version,
      acknowledgeFailedChecks: true,
    });
    expect(view).toMatchObject({ status: 'accepted', closedAt: expect.any(String) });
  });

  it('refuses over a failed check, and grants where every check passed, without a confirmation', async () => {
    let refused = await assigned('Epsilon', false);
    refused = await cases.takeAction(officer, refused.id, {
      kind: 'propose-decision',
      expectedVersion: refused.version,
      outcome: 'reject',
      reasoning: 'The check failed',
    });
    refused = await cases.takeAction(decider, refused.id, {
      kind: 'approve-decision',
      expectedVersion: refused.version,
    });
    expect(refused.status).toBe('rejected');
    let granted = await assigned('Zeta', true);
    granted = await cases.takeAction(officer, granted.id, {
      kind: 'propose-decision',
      expectedVersion: granted.version,
      outcome: 'accept',
      reasoning: 'All checks pass',
    });
    granted = await cases.takeAction(decider, granted.id, {
      kind: 'approve-decision',
      expectedVersion: granted.version,
    });
    expect(granted.status).toBe('accepted');
  });

  it('lists closed cases latest first with the time each closed; open ones have none', async () => {
    ctx.clock.advance(60_000);
    let last = await assigned('Eta', true);
    last = await cases.takeAction(officer, last.id, {
      kind: 'propose-decision',
      expectedVersion: last.version,
      outcome: 'reject',
      reasoning: 'Closed last',
    });
    last = await cases.takeAction(decider, last.id, { kind: 'approve-decision', expectedVersion: last.version });
    ctx.clock.advance(-60_000);
    const closed = await cases.queue(officer, { type: FIXTURE, assignee: 'any', state: 'closed', limit: 50 });
    expect(closed.cases[0]).toMatchObject({ reference: last.reference, status: 'rejected', dueOn: null });
    // Each type the reader works on, with the statuses its own cases close in.
    expect(closed.types).toContainEqual({ caseType: FIXTURE, closedStatuses: ['accepted', 'rejected', 'withdrawn'] });
    const times = closed.cases.map((c) => c.closedAt as string);
    expect(times.every(Boolean)).toBe(true);
    expect([...times].sort().reverse()).toEqual(times);
    const open = await cases.queue(officer, { type: FIXTURE, assignee: 'any', limit: 50 });
    expect(open.cases.length).toBeGreaterThan(0);
    expect(open.cases.every((c) => c.closedAt === null)).toBe(true);
  });
});

describe('a transitional move of open cases onto changed rules', () => {
  const openVersioned = (name: string) =>
    cases.openCase(officer, FIXTURE_VERSIONED, undefined, { name }, async () => ({
      applicantPersonId: '00000000-0000-4000-8000-000000000001',
      applicantName: name,
      subject: { name, ok: true, feeCents: 1000 },
      touched: 'fixture',
      language: 'en',
      documents: [],
      branchId,
      channel: 'desk',
    }));
  const mover = {
    actor: { kind: 'staff' as const, id: 'admin-1', name: 'Admin One' },
    audit: { type: 'staff' as const, id: 'admin-1', name: 'Admin One', role: 'admin', institution: 'PMLP' },
  };
  const stored = (id: string) =>
    ctx.database.db.selectFrom('cases.case').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('moves each case in one transaction: new deadline and subject, alerts of the old clock reset, all audited', async () => {
    const start = ctx.clock.now().toISOString();
    ctx.clock.set('2026-11-20T08:00:00Z');
    const [warned, quiet, kept] = [
      await openVersioned('Warned'),
      await openVersioned('Quiet'),
      await openVersioned('Kept'),
    ];
    ctx.clock.set(start);
    // The first is being worked on: its officer stays on it after the move.
    const assigned = await cases.takeAction(officer, warned.id, {
      kind: 'assign',
      expectedVersion: warned.version,
      outOfOrderReason: 'test',
    });
    expect(warned.rules?.validFrom).toBe('2000-01-01');
    // The deadline watch had warned about the first case's old deadline.
    await ctx.database.db
      .updateTable('cases.case')
      .set({ deadlineAlert: 'warned' })
      .where('id', '=', warned.id)
      .execute();

    const request = { procedure: FIXTURE_VERSIONED, to: '2026-11-25' as PlainDate, dryRun: true };
    const plan = await cases.moveRules(mover, request);
    expect(plan.cases.map((c) => c.reference)).toEqual([warned.reference, quiet.reference, kept.reference]);
    expect(plan.cases[0]).toMatchObject({
      from: '2000-01-01',
      // 15 days from 20 November end on Saturday 5 December: the deadline is the next working day.
      dueBefore: '2026-12-07',
      dueAfter: '2026-11-30',
      fee: { beforeCents: 1000, afterCents: 2000, paidCents: 0 },
      newDocuments: ['proof-of-address'],
    });
    expect((await stored(warned.id)).rulesVersion).toBe('2000-01-01');

    const entriesBefore = await ctx.database.db.selectFrom('audit.entry').select('seq').execute();
    const applied = await cases.moveRules(mover, {
      ...request,
      dryRun: false,
      expected: plan.cases.map((c) => ({ caseId: c.caseId, version: c.version })),
    });
    expect(applied.applied).toBe(true);
    for (const c of [assigned, quiet, kept]) {
      const row = await stored(c.id);
      expect(row).toMatchObject({
        rulesVersion: '2026-11-25',
        dueOn: '2026-11-30',
        version: c.version + 1,
        deadlineAlert: 'none',
        status: c.status,
        assigneeId: c === assigned ? '10000000-0000-4000-8000-000000000001' : null,
        closedAt: null,
        subject: { name: c.applicantName, feeCents: c === kept ? 1000 : 2000 },
      });
      const view = await cases.readCase(officer, c.id);
      expect(view.timeline.at(-1)).toMatchObject({
        kind: 'move-rules',
        details: { from: '2000-01-01', to: '2026-11-25', legalBasis: 'Fixture law as amended' },
      });
    }
    const moved = await ctx.database.db
      .selectFrom('audit.entry')
      .select(['caseReference', 'action', 'legalBasis'])
      .where('seq', '>', Math.max(...entriesBefore.map((e) => Number(e.seq))))
      .where('action', '=', 'update')
      .execute();
    expect(moved.map((e) => e.caseReference).sort()).toEqual([warned, quiet, kept].map((c) => c.reference).sort());
    expect(await cases.moveRules(mover, request)).toMatchObject({ cases: [] });
  });
});
