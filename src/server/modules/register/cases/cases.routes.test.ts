import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cheapHasher,
  createTestContext,
  signInResident,
  signInStaff,
  type Client,
  type TestContext,
} from '../../../../test/test-app.ts';
import { DEMO_PASSWORD } from '../../identity/index.ts';
import { pdfText } from '../../../../test/pdf-text.ts';
import { formatDate, formatDateTime } from '../../../../shared/kernel/display-format.ts';

// Demo family (register-seed.ts): Anna Marija Ozola (2) and her daughter Sofija (6), born 2020.
const ANNA = '00000000-0000-4000-8000-000000000002';
const SOFIJA = '00000000-0000-4000-8000-000000000006';
const JANIS = '00000000-0000-4000-8000-000000000001';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n').toString('base64');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]).toString('base64');
const DAY = 86_400_000;

let ctx: TestContext;
let anna: Client;
let registrar: Client;
let chief: Client;
let senior: Client;
/** Signs everyone in again: moving the clock by days ends their sessions, as it would in life. */
async function signInAll() {
  anna = await signInResident(ctx.app, ANNA);
  registrar = await signInStaff(ctx.app, 'registrar');
  chief = await signInStaff(ctx.app, 'decision.maker');
  senior = await signInStaff(ctx.app, 'senior.registrar');
}
async function later(ms: number) {
  ctx.clock.advance(ms);
  await signInAll();
}
beforeAll(async () => {
  ctx = await createTestContext();
  await signInAll();
});
afterAll(() => ctx.close());

type View = {
  id: string;
  reference: string;
  status: string;
  version: number;
  ownProposal: boolean;
  canAppeal: boolean;
  appealOf: { id: string } | null;
  appealedBy: { id: string } | null;
  caseType: string;
  dueOn: string | null;
  suspended: boolean;
  openRequest: { requestId: string } | null;
  availableActions: string[];
  deadline: {
    dueOn: string | null;
    suspendedDays: number;
    workingDaysLeft: number | null;
    extensionCap: string | null;
  };
  decision: {
    outcome: string;
    appealUntil: string;
    notifiedOn: string;
    proposedBy: { id: string };
    approvedBy: { id: string };
  } | null;
  documents: Array<{ id: string; mediaType: string; sha256: string }>;
  timeline: Array<{ kind: string }>;
};

async function ok(res: { statusCode: number; body: string; json(): unknown }, status = 200): Promise<View> {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as View;
}

async function ask(client: Client, body: Record<string, unknown> = {}): Promise<View> {
  return ok(
    await client.request('POST', '/api/portal/me/cases/corrections', {
      field: 'birthPlace',
      requestedValue: 'Jelgava',
      explanation: 'My birth certificate says Jelgava',
      language: 'lv',
      contactEmail: 'anna@example.invalid',
      documents: [{ kind: 'evidence', fileName: 'dzimšanas apliecība.pdf', contentBase64: PDF }],
      ...body,
    }),
    201,
  );
}

/** A registrar of another branch (RIGA-2; every demo registrar works in RIGA-1): a demo account, so no second factor. */
async function registrarElsewhere(): Promise<string> {
  const branch = await ctx.database.db
    .selectFrom('identity.branch')
    .select('id')
    .where('code', '=', 'RIGA-2')
    .executeTakeFirstOrThrow();
  await ctx.database.db
    .insertInto('identity.staffAccount')
    .values({
      username: 'registrar.riga2',
      displayName: 'Cits Reģistrētājs',
      email: null,
      passwordHash: await cheapHasher.hash(DEMO_PASSWORD),
      roles: ['registrar'],
      branchId: branch.id,
      isDemo: true,
      totpSecret: null,
      totpLastStep: null,
      lockedUntil: null,
      oidcSubject: null,
      disabledAt: null,
    })
    .execute();
  return 'registrar.riga2';
}

function act(client: Client, view: View, body: Record<string, unknown>, staff = true) {
  return client.request('POST', `${staff ? '/api/cases' : '/api/portal/me/cases'}/${view.id}/actions`, {
    expectedVersion: view.version,
    ...body,
  });
}

describe('a register correction, end to end', () => {
  let view: View;

  it('the resident asks; the case gets a reference, the legal deadline (1 month), the evidence and a receipt e-mail', async () => {
    view = await ask(anna);
    expect(view).toMatchObject({
      status: 'submitted',
      version: 1,
      dueOn: '2026-12-30',
      suspended: false,
      subject: { field: 'birthPlace', currentValue: null, requestedValue: 'Jelgava' },
    });
    expect(view.reference).toMatch(/^DL-2026-\d{6}$/);
    expect(view.documents).toEqual([
      expect.objectContaining({ mediaType: 'application/pdf', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }),
    ]);
    expect(view.availableActions.sort()).toEqual(['add-document', 'withdraw']);
    expect(await ctx.app.backgroundJobs.deliverOutbox()).toMatchObject({ sent: 1 });
  });

  it('appears in the registrar’s branch queue, ordered by deadline; another branch neither lists nor opens it', async () => {
    const queue = (await registrar.request('GET', '/api/cases/queue?assignee=unassigned')).json() as { cases: View[] };
    expect(queue.cases.map((c) => c.id)).toContain(view.id);
    const other = await signInStaff(ctx.app, await registrarElsewhere());
    expect(
      ((await other.request('GET', '/api/cases/queue')).json() as { cases: View[] }).cases.map((c) => c.id),
    ).not.toContain(view.id);
    expect((await other.request('GET', `/api/cases/${view.id}`)).statusCode).toBe(404);
  });

  it('the registrar takes it; a stale version gets 409', async () => {
    const stale = view;
    view = await ok(await act(registrar, view, { kind: 'assign' }));
    expect(view).toMatchObject({ status: 'in-review', assigneeName: 'Ilze Kalniņa', version: 2 });
    const res = await act(registrar, stale, { kind: 'assign' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'CONFLICT',
      rule: 'case.stale-version',
      type: 'urn:civitas:problem:rule:case.stale-version',
    });
  });

  it('asks for information: the clock stops; the resident answers three days later with a file; the deadline moves by three days', async () => {
    const today = await act(registrar, view, {
      kind: 'request-information',
      question: 'Please attach the original certificate',
      dueOn: '2026-11-30',
    });
    expect(today.statusCode).toBe(400);
    expect(today.json()).toMatchObject({ errors: [{ path: 'dueOn', reason: 'not-after-today' }] });
    view = await ok(
      await act(registrar, view, {
        kind: 'request-information',
        question: 'Please attach the original certificate',
        dueOn: '2026-12-14',
      }),
    );
    expect(view).toMatchObject({
      status: 'awaiting-applicant',
      suspended: true,
      openRequest: { question: 'Please attach the original certificate' },
    });
    // The page says since when the clock stands still.
    expect(view.deadline).toMatchObject({ suspendedSince: '2026-11-30' });

    await later(3 * DAY);
    const mine = await ok(await anna.request('GET', `/api/portal/me/cases/${view.id}`));
    expect(mine.availableActions).toContain('answer-information');
    const listed = (
      (await anna.request('GET', '/api/portal/me/cases')).json() as {
        cases: Array<{ id: string; status: string; suspended: boolean; workingDaysLeft: number | null }>;
      }
    ).cases.find((c) => c.id === view.id);
    expect(listed).toMatchObject({ status: 'awaiting-applicant', suspended: true });
    expect(listed?.workingDaysLeft).toBeGreaterThan(0);
    expect(mine.deadline).toMatchObject({ suspendedDays: 3 });
    view = await ok(
      await act(
        anna,
        mine,
        {
          kind: 'answer-information',
          requestId: mine.openRequest?.requestId,
          text: 'Scan attached',
          documents: [{ fileName: 'scan.png', contentBase64: PNG }],
        },
        false,
      ),
    );
    // 30 Dec + 3 days = Sat 2 Jan 2027 → Mon 4 Jan (1 Jan is a holiday).
    expect(view).toMatchObject({
      status: 'in-review',
      suspended: false,
      dueOn: '2027-01-04',
      openRequest: null,
      deadline: { suspendedSince: null },
    });
    expect(view.documents).toHaveLength(2);
  });

  it('the registrar proposes; the registrar cannot approve; a decision-maker approves and the register is corrected', async () => {
    view = await ok(
      await act(registrar, view, {
        kind: 'propose-decision',
        outcome: 'accept',
        reasoning: 'The certificate shows Jelgava as the place of birth.',
        ruleTrace: [{ rule: 'certificate-original-seen', passed: true, detail: 'seen at the desk' }],
      }),
    );
    expect(view).toMatchObject({
      status: 'proposed',
      proposal: {
        outcome: 'accept',
        ruleTrace: expect.arrayContaining([expect.objectContaining({ rule: 'evidence-attached', passed: true })]),
      },
    });
    const self = await act(registrar, view, { kind: 'approve-decision' });
    expect(self.statusCode).toBe(403);

    const before = new Date(ctx.clock.now().getTime() - 1000).toISOString();
    view = await ok(await act(chief, view, { kind: 'approve-decision' }));
    expect(view).toMatchObject({
      status: 'accepted',
      dueOn: null,
      // Sent to Anna's account on Thursday: received on the second working day (Monday 7 December), when it
      // takes effect; contested within one month of that day.
      decision: {
        outcome: 'accept',
        decidedOn: '2026-12-03',
        notice: 'electronic',
        notifiedOn: '2026-12-07',
        inForceOn: '2026-12-07',
        appealUntil: '2027-01-07',
      },
    });

    const card = (
      await registrar.request('GET', `/api/register/persons/${ANNA}?caseReference=${view.reference}`)
    ).json() as { birthPlace: string | null };
    expect(card.birthPlace).toBe('Jelgava');
    const earlier = (
      await registrar.request(
        'GET',
        `/api/register/persons/${ANNA}?caseReference=${view.reference}&recordedAt=${encodeURIComponent(before)}`,
      )
    ).json() as { birthPlace: string | null };
    expect(earlier.birthPlace).toBeNull();
  });

  it('the resident reads the decision, downloads its PDF and the e-mails went out', async () => {
    const mine = await ok(await anna.request('GET', `/api/portal/me/cases/${view.id}`));
    expect(mine.availableActions).toEqual([]);
    const pdf = await anna.request('GET', `/api/portal/me/cases/${view.id}/decision.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // In the applicant's language (Latvian), every date as 03.12.2026 and the time on the Riga clock, as the pages show them.
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('03.12.2026');
    // The portal's last day to contest is the PDF's, with the day the decision took effect.
    const { appealUntil, notifiedOn } = mine.decision ?? { appealUntil: '', notifiedOn: '' };
    const words = text.replace(/\s+/g, ' ');
    expect(words).toContain(`uzskatāms par paziņotu ${formatDate(notifiedOn, 'lv')}`);
    expect(words).toContain(`līdz ${formatDate(appealUntil, 'lv')}`);
    expect(appealUntil).toBe('2027-01-07');
    expect(text).toContain(`Sagatavots ${formatDateTime(ctx.clock.now(), 'lv', ctx.config.timeZone)}`);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}|UTC/);
    const list = (await anna.request('GET', '/api/portal/me/cases')).json() as { cases: View[] };
    expect(list.cases.find((c) => c.id === view.id)).toMatchObject({ status: 'accepted' });

    await ctx.app.backgroundJobs.deliverOutbox();
    const admin = await signInStaff(ctx.app, 'admin');
    const outbox = (await admin.request('GET', '/api/notifications/outbox?status=sent')).json() as {
      transport: string;
      messages: Array<{ template: string; recipient: string; subject: string; body: string }>;
    };
    expect(outbox.transport).toBe('mailbox');
    const toAnna = outbox.messages
      .filter((m) => m.recipient === 'anna@example.invalid')
      .map((m) => m.template)
      .sort();
    expect(toAnna).toEqual(['case-received', 'decision-made', 'information-requested']);
    expect(outbox.messages.find((m) => m.template === 'decision-made')?.body).toContain('reģistra dati tiek laboti');
  });

  it('shows the case work in the resident’s "who used my data"', async () => {
    const uses = (await anna.request('GET', '/api/portal/me/data-use')).json() as {
      entries: Array<{ purpose: string; caseReference: string | null; actorType: string }>;
    };
    expect(
      uses.entries.filter((u) => u.actorType === 'staff' && u.caseReference === view.reference).length,
    ).toBeGreaterThan(3);
  });
});

describe('four-eyes over HTTP', () => {
  it('someone holding both rights may propose or approve, never both on one decision', async () => {
    let view = await ask(anna, { field: 'ethnicity', requestedValue: 'latviete' });
    view = await ok(await act(senior, view, { kind: 'assign', outOfOrderReason: 'test of four-eyes' }));
    view = await ok(
      await act(senior, view, {
        kind: 'propose-decision',
        outcome: 'reject',
        reasoning: 'No evidence of the recorded ethnicity',
      }),
    );
    expect(view.ownProposal).toBe(true);
    expect(view.availableActions).not.toContain('approve-decision');
    const own = await act(senior, view, { kind: 'approve-decision' });
    expect(own.statusCode).toBe(403);
    expect(own.json()).toMatchObject({ code: 'FOUR_EYES_REQUIRED' });
    view = await ok(await act(chief, view, { kind: 'approve-decision' }));
    expect(view.decision).toMatchObject({ outcome: 'reject' });
    expect(view.decision?.approvedBy.id).not.toBe(view.decision?.proposedBy.id);
  });
});

describe('representatives', () => {
  it('the officer records a lawyer who may see and answer but not withdraw; the lawyer follows the case in the portal', async () => {
    let view = await ask(anna, { field: 'birthPlace', requestedValue: 'Ogre' });
    view = await ok(await act(registrar, view, { kind: 'assign', outOfOrderReason: 'representative test' }));
    const janisCode = (
      (await registrar.request('GET', `/api/register/persons/${JANIS}?reason=test`)).json() as { personalCode: string }
    ).personalCode;
    const bad = await act(registrar, view, {
      kind: 'add-representative',
      personalCode: '000000-00000',
      representativeKind: 'lawyer',
      may: ['see'],
      authorization: 'Pilnvara Nr. 1',
    });
    expect(bad.json()).toMatchObject({ errors: [{ path: 'personalCode', reason: 'personal-code-format' }] });
    const unknown = await act(registrar, view, {
      kind: 'add-representative',
      personalCode: '32550128526',
      representativeKind: 'lawyer',
      may: ['see'],
      authorization: 'Pilnvara Nr. 1',
    });
    expect(unknown.json()).toMatchObject({ errors: [{ path: 'personalCode', reason: 'unknown-person' }] });
    view = await ok(
      await act(registrar, view, {
        kind: 'add-representative',
        personalCode: janisCode,
        representativeKind: 'lawyer',
        may: ['see', 'answer'],
        authorization: 'Pilnvara Nr. 17',
      }),
    );
    expect((view as unknown as { representatives: unknown[] }).representatives).toEqual([
      { personId: JANIS, name: 'Jānis Bērziņš', kind: 'lawyer', may: ['see', 'answer'] },
    ]);
    view = await ok(
      await act(registrar, view, { kind: 'request-information', question: 'Original, please', dueOn: '2026-12-20' }),
    );

    const lawyer = await signInResident(ctx.app, JANIS);
    expect(
      ((await lawyer.request('GET', '/api/portal/me/cases')).json() as { cases: Array<{ id: string }> }).cases.map(
        (c) => c.id,
      ),
    ).toContain(view.id);
    const seen = await ok(await lawyer.request('GET', `/api/portal/me/cases/${view.id}`));
    expect(seen.availableActions.sort()).toEqual(['add-document', 'answer-information']);
    const withdraw = await act(lawyer, seen, { kind: 'withdraw', reason: 'no' }, false);
    expect(withdraw.statusCode).toBe(403);
    const answered = await ok(
      await act(
        lawyer,
        seen,
        {
          kind: 'answer-information',
          requestId: seen.openRequest?.requestId,
          text: 'Attached by the lawyer',
          documents: [],
        },
        false,
      ),
    );
    expect(answered.status).toBe('in-review');
  });
});

describe('appeal against a refusal', () => {
  it('the applicant contests a refusal: a linked case decided by someone who took no part in the refusal', async () => {
    let view = await ask(anna, { field: 'originalName', requestedValue: 'Anna Maria Ozola-Test' });
    view = await ok(await act(registrar, view, { kind: 'assign', outOfOrderReason: 'appeal test' }));
    view = await ok(
      await act(registrar, view, {
        kind: 'propose-decision',
        outcome: 'reject',
        reasoning: 'The passport copy is not legible',
      }),
    );
    view = await ok(await act(chief, view, { kind: 'approve-decision' }));
    const mine = await ok(await anna.request('GET', `/api/portal/me/cases/${view.id}`));
    expect(mine).toMatchObject({ canAppeal: true, appealedBy: null });

    const appeal = await ok(
      await anna.request('POST', `/api/portal/me/cases/${view.id}/appeal`, {
        reason: 'A legible copy is attached',
        documents: [{ fileName: 'pase.pdf', contentBase64: PDF }],
      }),
      201,
    );
    expect(appeal.reference).toMatch(/^AP-2026-\d{6}$/);
    expect(appeal).toMatchObject({
      caseType: 'register-correction-appeal',
      status: 'submitted',
      appealOf: { id: view.id, reference: view.reference },
      canAppeal: false,
    });
    expect(await ok(await anna.request('GET', `/api/portal/me/cases/${view.id}`))).toMatchObject({
      canAppeal: false,
      appealedBy: { id: appeal.id },
    });
    const again = await anna.request('POST', `/api/portal/me/cases/${view.id}/appeal`, { reason: 'again' });
    expect(again.json()).toMatchObject({
      code: 'INVALID_STATE',
      rule: 'case.already-appealed',
      ruleValues: { reference: appeal.reference },
    });

    // The registrar who proposed the refusal may neither take the appeal nor prepare its decision.
    const taken = await act(registrar, appeal, { kind: 'assign', outOfOrderReason: 'appeal test' });
    expect(taken.json()).toMatchObject({ code: 'FORBIDDEN', rule: 'case.appeal-needs-other-officer' });
    let a = await ok(await act(senior, appeal, { kind: 'assign', outOfOrderReason: 'impartial officer' }));
    const biased = await act(registrar, a, { kind: 'propose-decision', outcome: 'accept', reasoning: 'On reflection' });
    expect(biased.statusCode).toBe(403);
    a = await ok(
      await act(senior, a, {
        kind: 'propose-decision',
        outcome: 'accept',
        reasoning: 'The legible copy shows the original form',
      }),
    );
    // Appeals are decided by the branch's head (supervisor), not by the decision-maker who refused.
    expect((await act(chief, a, { kind: 'approve-decision' })).statusCode).toBe(404);
    const head = await signInStaff(ctx.app, 'supervisor');
    a = await ok(await act(head, a, { kind: 'approve-decision' }));
    expect(a).toMatchObject({ status: 'accepted', decision: { outcome: 'accept' } });
    const card = (
      await registrar.request('GET', `/api/register/persons/${ANNA}?caseReference=${a.reference}`)
    ).json() as { originalName: string | null };
    expect(card.originalName).toBe('Anna Maria Ozola-Test');
  });

  it('after the term the appeal needs the reason it is late; it is examined only if the term is renewed', async () => {
    let view = await ask(anna, { field: 'birthPlace', requestedValue: 'Bauska' });
    view = await ok(await act(registrar, view, { kind: 'assign', outOfOrderReason: 'late appeal test' }));
    view = await ok(await act(registrar, view, { kind: 'propose-decision', outcome: 'reject', reasoning: 'No proof' }));
    view = await ok(await act(chief, view, { kind: 'approve-decision' }));
    const until = view.decision?.appealUntil;
    // The day after the last day: the term is over, a late appeal is offered instead.
    await later(40 * DAY);
    const mine = await ok(await anna.request('GET', `/api/portal/me/cases/${view.id}`));
    expect(mine).toMatchObject({ canAppeal: false, canAppealLate: true });
    const bare = await anna.request('POST', `/api/portal/me/cases/${view.id}/appeal`, { reason: 'It is Bauska' });
    expect(bare.statusCode).toBe(400);
    expect(bare.json()).toMatchObject({ rule: 'case.appeal-term-passed', ruleValues: { until } });
    expect(bare.json().errors).toEqual([expect.objectContaining({ path: 'lateReason' })]);

    let a = await ok(
      await anna.request('POST', `/api/portal/me/cases/${view.id}/appeal`, {
        reason: 'The certificate says Bauska',
        lateReason: 'I was in hospital until last week',
      }),
      201,
    );
    expect(a).toMatchObject({
      termRenewal: { reason: 'I was in hospital until last week', termEnded: until, decision: null },
    });
    a = await ok(await act(senior, a, { kind: 'assign', outOfOrderReason: 'late appeal test' }));
    expect(a.availableActions).toContain('decide-term-renewal');
    expect(a.availableActions).not.toContain('propose-decision');
    const early = await act(senior, a, { kind: 'propose-decision', outcome: 'accept', reasoning: 'Bauska it is' });
    expect(early.json()).toMatchObject({ code: 'INVALID_STATE', rule: 'case.term-renewal-undecided' });
    // The officer who proposed the refusal does not decide whether the term is renewed.
    const biased = await act(registrar, a, { kind: 'decide-term-renewal', granted: false, reasoning: 'Too late' });
    expect(biased.json()).toMatchObject({ code: 'FORBIDDEN', rule: 'case.appeal-needs-other-officer' });

    a = await ok(
      await act(senior, a, { kind: 'decide-term-renewal', granted: false, reasoning: 'Discharged a month ago' }),
    );
    expect(a).toMatchObject({
      termRenewal: { decision: { granted: false, reasoning: 'Discharged a month ago' } },
      availableActions: expect.arrayContaining(['propose-decision']),
    });
    expect(a.availableActions).not.toContain('decide-term-renewal');
    // The appellant is told, with the reason: the appeal will not be examined on its merits.
    const told = await ctx.database.db
      .selectFrom('notifications.outbox')
      .select(['params', 'language'])
      .where('template', '=', 'term-renewal-decided')
      .where('eventKey', 'like', `case:${a.id}:term-renewal:%`)
      .execute();
    expect(told).toMatchObject([{ language: 'lv', params: { granted: 'no', reasoning: 'Discharged a month ago' } }]);
    const again = await act(senior, a, { kind: 'decide-term-renewal', granted: true, reasoning: 'Changed my mind' });
    expect(again.json()).toMatchObject({ rule: 'case.no-term-renewal' });
    const merits = await act(senior, a, { kind: 'propose-decision', outcome: 'accept', reasoning: 'Bauska it is' });
    expect(merits.json()).toMatchObject({ rule: 'case.term-not-renewed' });
    a = await ok(
      await act(senior, a, { kind: 'propose-decision', outcome: 'reject', reasoning: 'The term is not renewed' }),
    );
    const head = await signInStaff(ctx.app, 'supervisor');
    a = await ok(await act(head, a, { kind: 'approve-decision' }));
    expect(a).toMatchObject({ status: 'rejected' });
  });

  it('a renewed term opens the late appeal to a decision on its merits', async () => {
    let view = await ask(anna, { field: 'birthPlace', requestedValue: 'Cēsis' });
    view = await ok(await act(registrar, view, { kind: 'assign', outOfOrderReason: 'late appeal test' }));
    view = await ok(await act(registrar, view, { kind: 'propose-decision', outcome: 'reject', reasoning: 'No proof' }));
    view = await ok(await act(chief, view, { kind: 'approve-decision' }));
    await later(40 * DAY);
    let a = await ok(
      await anna.request('POST', `/api/portal/me/cases/${view.id}/appeal`, {
        reason: 'The certificate says Cēsis',
        lateReason: 'The decision reached me late',
        documents: [{ fileName: 'apliecība.pdf', contentBase64: PDF }],
      }),
      201,
    );
    a = await ok(await act(senior, a, { kind: 'assign', outOfOrderReason: 'late appeal test' }));
    a = await ok(await act(senior, a, { kind: 'decide-term-renewal', granted: true, reasoning: 'Reason justified' }));
    const told = await ctx.database.db
      .selectFrom('notifications.outbox')
      .select('params')
      .where('template', '=', 'term-renewal-decided')
      .where('eventKey', 'like', `case:${a.id}:term-renewal:%`)
      .execute();
    expect(told.map((m) => m.params)).toMatchObject([{ granted: 'yes' }]);
    a = await ok(await act(senior, a, { kind: 'propose-decision', outcome: 'accept', reasoning: 'Cēsis it is' }));
    const head = await signInStaff(ctx.app, 'supervisor');
    a = await ok(await act(head, a, { kind: 'approve-decision' }));
    expect(a).toMatchObject({ status: 'accepted', termRenewal: { decision: { granted: true } } });
  });

  it('an officer records an appeal lodged on paper, late ones with their reason; it is the applicant’s appeal', async () => {
    let view = await ask(anna, { field: 'birthPlace', requestedValue: 'Sigulda' });
    view = await ok(await act(registrar, view, { kind: 'assign', outOfOrderReason: 'paper appeal test' }));
    view = await ok(await act(registrar, view, { kind: 'propose-decision', outcome: 'reject', reasoning: 'No proof' }));
    view = await ok(await act(chief, view, { kind: 'approve-decision' }));
    await later(45 * DAY);
    const staffView = await ok(await registrar.request('GET', `/api/cases/${view.id}`));
    expect(staffView).toMatchObject({ canAppeal: false, canAppealLate: true });
    const bare = await registrar.request('POST', `/api/cases/${view.id}/appeal`, { reason: 'Lodged on paper' });
    expect(bare.json()).toMatchObject({ rule: 'case.appeal-term-passed' });
    const appeal = await ok(
      await registrar.request('POST', `/api/cases/${view.id}/appeal`, {
        reason: 'Lodged on paper: the certificate says Sigulda',
        lateReason: 'Abroad until last week',
      }),
      201,
    );
    expect(appeal).toMatchObject({
      caseType: 'register-correction-appeal',
      channel: 'desk',
      appealOf: { id: view.id },
      termRenewal: { reason: 'Abroad until last week', decision: null },
    });
    // The applicant follows it in the portal; a second appeal is refused by the rule that names the first.
    expect(await ok(await anna.request('GET', `/api/portal/me/cases/${view.id}`))).toMatchObject({
      appealedBy: { id: appeal.id },
      canAppeal: false,
      canAppealLate: false,
    });
    const again = await registrar.request('POST', `/api/cases/${view.id}/appeal`, { reason: 'again', lateReason: 'x' });
    expect(again.json()).toMatchObject({ rule: 'case.already-appealed' });
    // A resident cannot use the office's route.
    expect((await anna.request('POST', `/api/cases/${view.id}/appeal`, { reason: 'mine' })).statusCode).toBe(403);
  });

  it('an acceptance cannot be contested', async () => {
    let view = await ask(anna, { field: 'birthPlace', requestedValue: 'Talsi' });
    view = await ok(await act(registrar, view, { kind: 'assign', outOfOrderReason: 'appeal test' }));
    view = await ok(await act(registrar, view, { kind: 'propose-decision', outcome: 'accept', reasoning: 'ok' }));
    view = await ok(await act(chief, view, { kind: 'approve-decision' }));
    const res = await anna.request('POST', `/api/portal/me/cases/${view.id}/appeal`, { reason: 'no' });
    expect(res.statusCode).toBe(409);
  });
});

describe('idempotency and bad input', () => {
  it('a repeated command with the same key opens one case; the key with another request is a conflict', async () => {
    const headers = {
      cookie: anna.cookie as string,
      'x-csrf-token': anna.csrf as string,
      'idempotency-key': 'ask-sofija-1',
    };
    const body = {
      subjectPersonId: SOFIJA,
      field: 'birthPlace',
      requestedValue: 'Rīga',
      explanation: 'Born in Riga',
      documents: [],
    };
    const first = await ctx.app.inject({
      method: 'POST',
      url: '/api/portal/me/cases/corrections',
      headers,
      payload: body,
    });
    const again = await ctx.app.inject({
      method: 'POST',
      url: '/api/portal/me/cases/corrections',
      headers,
      payload: body,
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    const other = await ctx.app.inject({
      method: 'POST',
      url: '/api/portal/me/cases/corrections',
      headers,
      payload: { ...body, requestedValue: 'Liepāja' },
    });
    expect(other.statusCode).toBe(409);
    const mine = (await anna.request('GET', '/api/portal/me/cases')).json() as {
      cases: Array<{ id: string; applicantName: string }>;
    };
    expect(mine.cases.filter((c) => c.id === first.json().id)).toEqual([
      expect.objectContaining({ applicantName: 'Sofija Ozola' }),
    ]);
    // Anna represents her daughter in the case; someone else's parent does not see it.
    const janis = await signInResident(ctx.app, JANIS);
    expect((await janis.request('GET', `/api/portal/me/cases/${first.json().id}`)).statusCode).toBe(404);
  });

  it('refuses a file that is not PDF, JPEG or PNG, a value the register already holds, and a person who is not mine', async () => {
    const exe = await anna.request('POST', '/api/portal/me/cases/corrections', {
      field: 'birthPlace',
      requestedValue: 'Tukums',
      explanation: 'x',
      documents: [{ fileName: 'a.pdf', contentBase64: Buffer.from('MZ\x90\x00').toString('base64') }],
    });
    expect(exe.statusCode).toBe(400);
    expect(exe.json()).toMatchObject({ errors: [{ path: 'documents.0.contentBase64', reason: 'file-type' }] });
    const same = await anna.request('POST', '/api/portal/me/cases/corrections', {
      field: 'surname',
      requestedValue: 'Ozola',
      explanation: 'x',
    });
    expect(same.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ path: 'requestedValue', reason: 'same-as-current' }],
    });
    const notMine = await anna.request('POST', '/api/portal/me/cases/corrections', {
      subjectPersonId: JANIS,
      field: 'birthPlace',
      requestedValue: 'Tukums',
      explanation: 'x',
    });
    expect(notMine.json()).toMatchObject({ errors: [{ path: 'subjectPersonId', reason: 'not-your-subject' }] });
    const country = await anna.request('POST', '/api/portal/me/cases/corrections', {
      field: 'birthCountry',
      requestedValue: 'XYZ',
      explanation: 'x',
    });
    expect(country.json()).toMatchObject({ errors: [{ path: 'requestedValue', reason: 'unknown-country' }] });
    const empty = await anna.request('POST', '/api/portal/me/cases/corrections', {
      field: 'surname',
      requestedValue: '',
      explanation: 'x',
    });
    expect(empty.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: 'requestedValue' }] });
    const badField = await anna.request('POST', '/api/portal/me/cases/corrections', {
      field: 'personalCode',
      requestedValue: '1',
      explanation: 'x',
    });
    expect(badField.statusCode).toBe(400);
  });

  it('caps an extension at four months from receipt and records a valid one', async () => {
    let view = await ask(anna, { field: 'originalName', requestedValue: 'Anna Maria Ozola' });
    view = await ok(await act(registrar, view, { kind: 'assign', outOfOrderReason: 'test' }));
    expect(view.deadline.extensionCap).toBeTruthy();
    const tooFar = await act(registrar, view, {
      kind: 'extend-deadline',
      to: '2027-12-31',
      reason: 'expert opinion needed',
    });
    expect(tooFar.json()).toMatchObject({ errors: [{ path: 'to', reason: 'extension-beyond-cap' }] });
    view = await ok(
      await act(registrar, view, {
        kind: 'extend-deadline',
        to: view.deadline.extensionCap,
        reason: 'expert opinion needed',
      }),
    );
    expect(view.dueOn).toBe(view.deadline.extensionCap);
  });

  it('asks for a reason to take a case out of deadline order', async () => {
    const early = await ask(anna, { field: 'birthCountry', requestedValue: 'ltu' });
    expect((early as unknown as { subject: { requestedValue: string } }).subject.requestedValue).toBe('LTU');
    // Opened four days later, so due later (a day later could fall on the same working day).
    await later(4 * DAY);
    const late = await ask(anna, { field: 'givenNames', requestedValue: 'Anna Marija Elza' });
    const skip = await act(registrar, late, { kind: 'assign' });
    expect(skip.json()).toMatchObject({ errors: [{ path: 'outOfOrderReason', reason: 'out-of-order' }] });
    expect((await act(registrar, early, { kind: 'assign' })).statusCode).toBe(200);
    expect(
      (await act(registrar, late, { kind: 'assign', outOfOrderReason: 'The applicant is at the desk' })).statusCode,
    ).toBe(200);
  });
});

describe('the deadline watch', () => {
  it('warns the officer and the supervisor before the deadline, then flags the breach, once each', async () => {
    let view = await ask(anna, { field: 'birthPlace', requestedValue: 'Valmiera' });
    view = await ok(await act(registrar, view, { kind: 'assign', outOfOrderReason: 'test' }));
    const due = view.dueOn as string;
    ctx.clock.set(`${due}T06:00:00.000Z`);
    await ctx.app.backgroundJobs.watchDeadlines();
    await ctx.app.backgroundJobs.watchDeadlines();
    await later(2 * DAY);
    await ctx.app.backgroundJobs.watchDeadlines();
    await ctx.app.backgroundJobs.deliverOutbox();
    const admin = await signInStaff(ctx.app, 'admin');
    const outbox = (await admin.request('GET', '/api/notifications/outbox?limit=500')).json() as {
      messages: Array<{ template: string; recipient: string; eventKey: string }>;
    };
    const mine = outbox.messages.filter((m) => m.eventKey.startsWith(`case:${view.id}:`));
    expect(
      mine
        .filter((m) => m.template === 'deadline-warning')
        .map((m) => m.recipient)
        .sort(),
    ).toEqual([
      'registrar@demo.civitas.invalid',
      'registrar@demo.civitas.invalid',
      'supervisor@demo.civitas.invalid',
      'supervisor@demo.civitas.invalid',
    ]);
    expect(
      mine
        .filter((m) => m.template === 'deadline-breached')
        .map((m) => m.recipient)
        .sort(),
    ).toEqual(['registrar@demo.civitas.invalid', 'supervisor@demo.civitas.invalid']);
    const breached = (await registrar.request('GET', '/api/cases/queue?flag=breached')).json() as { cases: View[] };
    expect(breached.cases.map((c) => c.id)).toContain(view.id);
    const supervisor = await signInStaff(ctx.app, 'supervisor');
    const board = (await supervisor.request('GET', '/api/cases/dashboard')).json() as {
      breached: number;
      officers: Array<{ assigneeName: string | null; breached: number }>;
    };
    expect(board.breached).toBeGreaterThan(0);
    expect(board.officers.find((o) => o.assigneeName === 'Ilze Kalniņa')?.breached).toBeGreaterThan(0);
  });

  it('reports an overdue answer to the officer once; the officer stops waiting and the clock runs again', async () => {
    let view = await ask(anna, { field: 'birthPlace', requestedValue: 'Cēsis' });
    view = await ok(await act(registrar, view, { kind: 'assign', outOfOrderReason: 'test' }));
    const today = ctx.clock.now().toISOString().slice(0, 10);
    const due = new Date(ctx.clock.now().getTime() + 5 * DAY).toISOString().slice(0, 10);
    view = await ok(
      await act(registrar, view, { kind: 'request-information', question: 'Original certificate, please', dueOn: due }),
    );
    expect(view.availableActions).toContain('close-request');
    await later(10 * DAY);
    await ctx.app.backgroundJobs.watchDeadlines();
    await ctx.app.backgroundJobs.watchDeadlines();
    const admin = await signInStaff(ctx.app, 'admin');
    const outbox = (await admin.request('GET', '/api/notifications/outbox?limit=500')).json() as {
      messages: Array<{ template: string; recipient: string; eventKey: string }>;
    };
    expect(
      outbox.messages
        .filter((m) => m.eventKey.startsWith(`case:${view.id}:`) && m.template === 'information-overdue')
        .map((m) => m.recipient),
    ).toEqual(['registrar@demo.civitas.invalid']);
    view = await ok(await registrar.request('GET', `/api/cases/${view.id}`));
    view = await ok(await act(registrar, view, { kind: 'close-request', reason: 'No answer by the due date' }));
    expect(view).toMatchObject({
      status: 'in-review',
      suspended: false,
      openRequest: null,
      deadline: { suspendedDays: 10 },
    });
    expect(today < (view.dueOn as string)).toBe(true);
  });
});
