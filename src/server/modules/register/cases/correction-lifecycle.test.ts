import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { plainDate } from '../../../../shared/kernel/plain-date.ts';
import {
  applyAction,
  availableActions,
  emptyState,
  foldActions,
  refusalOf,
  type ActionActor,
  type ActionPayload,
  type CaseAction,
  type CaseRole,
  type CaseState,
} from '../../cases/index.ts';
import { CORRECTION_LIFECYCLE, INCLUSION_LIFECYCLE, type CorrectionStatus } from './correction-lifecycle.ts';

const T = CORRECTION_LIFECYCLE;
const resident: ActionActor = { kind: 'resident', id: 'p-1', name: 'Anna Ozola' };
const officer: ActionActor = { kind: 'staff', id: 's-1', name: 'Registrar' };
const chief: ActionActor = { kind: 'staff', id: 's-2', name: 'Decision-maker' };
const on = plainDate('2026-11-16');
let seq = 0;
const act = (actor: ActionActor, payload: ActionPayload, day = on): CaseAction => ({
  seq: ++seq,
  actor,
  on: day,
  at: `${day}T09:00:00.000Z`,
  payload,
});
const PROPOSE: ActionPayload = {
  kind: 'propose-decision',
  outcome: 'accept',
  legalBasis: 'Fizisko personu reģistra likums',
  reasoning: 'Evidence matches',
  ruleTrace: [{ rule: 'evidence-attached', passed: true, detail: 'birth certificate' }],
};

/** Takes an action after checking it, as the service does; throws on a refusal. */
function take(
  state: CaseState<CorrectionStatus>,
  actor: ActionActor,
  roles: CaseRole[],
  payload: ActionPayload,
  day = on,
) {
  const refusal = refusalOf(T, state, actor, roles, payload);
  if (refusal) throw new Error(refusal.code);
  return applyAction(T, state, act(actor, payload, day));
}

describe('the correction lifecycle', () => {
  it('runs submit → assign → request → answer → propose → approve', () => {
    let s = take(emptyState(T), resident, ['applicant'], { kind: 'submit', documentIds: [] });
    expect(s).toMatchObject({ status: 'submitted', receivedOn: on, version: 1 });
    s = take(s, officer, ['officer'], { kind: 'assign', assigneeId: officer.id, assigneeName: 'Registrar' });
    expect(s.status).toBe('in-review');
    s = take(s, officer, ['officer'], {
      kind: 'request-information',
      requestId: 'r1',
      question: 'Attach the birth certificate',
      dueOn: plainDate('2026-11-30'),
    });
    expect(s).toMatchObject({
      status: 'awaiting-applicant',
      openRequest: { requestId: 'r1' },
      suspensions: [{ from: on, to: null }],
    });
    s = take(
      s,
      resident,
      ['applicant'],
      { kind: 'answer-information', requestId: 'r1', text: 'Attached', documentIds: ['d1'] },
      plainDate('2026-11-20'),
    );
    expect(s).toMatchObject({
      status: 'in-review',
      openRequest: null,
      suspensions: [{ from: on, to: '2026-11-20' }],
      documentIds: ['d1'],
    });
    s = take(s, officer, ['officer'], PROPOSE);
    expect(s).toMatchObject({ status: 'proposed', proposal: { outcome: 'accept', proposedBy: officer } });
    s = take(s, chief, ['decision-maker'], { kind: 'approve-decision', decisionId: 'dec-1' });
    expect(s).toMatchObject({
      status: 'accepted',
      decision: { decisionId: 'dec-1', approvedBy: chief, proposedBy: officer },
      version: 6,
    });
    expect(availableActions(T, s, ['officer', 'decision-maker', 'applicant', 'supervisor'])).toEqual([]);
  });

  it('a rejected proposal goes back to review; a rejecting decision ends in rejected', () => {
    let s = foldActions(T, [
      act(resident, { kind: 'submit', documentIds: [] }),
      act(officer, { kind: 'assign', assigneeId: officer.id, assigneeName: 'R' }),
      act(officer, PROPOSE),
    ]);
    s = take(s, chief, ['decision-maker'], { kind: 'return-proposal', reason: 'Ask for the original' });
    expect(s).toMatchObject({ status: 'in-review', proposal: null });
    s = take(s, officer, ['officer'], { ...PROPOSE, outcome: 'reject' } as ActionPayload);
    s = take(s, chief, ['decision-maker'], { kind: 'approve-decision', decisionId: 'dec-2' });
    expect(s.status).toBe('rejected');
  });

  it('refuses actions out of order, to the wrong role, and answers to another request', () => {
    const submitted = foldActions(T, [act(resident, { kind: 'submit', documentIds: [] })]);
    expect(refusalOf(T, submitted, officer, ['officer'], PROPOSE)).toEqual({
      code: 'not-allowed-now',
      status: 'submitted',
    });
    expect(
      refusalOf(T, submitted, resident, ['applicant'], { kind: 'assign', assigneeId: 'x', assigneeName: 'x' }),
    ).toMatchObject({ code: 'not-your-role' });
    const waiting = foldActions(T, [
      ...[
        act(resident, { kind: 'submit', documentIds: [] }),
        act(officer, { kind: 'assign', assigneeId: officer.id, assigneeName: 'R' }),
      ],
      act(officer, { kind: 'request-information', requestId: 'r1', question: 'q', dueOn: on }),
    ]);
    expect(
      refusalOf(T, waiting, resident, ['applicant'], {
        kind: 'answer-information',
        requestId: 'r2',
        text: '',
        documentIds: [],
      }),
    ).toEqual({ code: 'wrong-request' });
  });

  it('the officer may stop waiting for an answer: the request closes unanswered and the clock runs again', () => {
    let s = foldActions(T, [
      act(resident, { kind: 'submit', documentIds: [] }),
      act(officer, { kind: 'assign', assigneeId: officer.id, assigneeName: 'R' }),
      act(officer, { kind: 'request-information', requestId: 'r1', question: 'q', dueOn: on }),
    ]);
    expect(
      refusalOf(T, s, resident, ['applicant'], { kind: 'close-request', requestId: 'r1', reason: 'x' }),
    ).toMatchObject({ code: 'not-your-role' });
    s = take(
      s,
      officer,
      ['officer'],
      { kind: 'close-request', requestId: 'r1', reason: 'No answer by the due date' },
      plainDate('2026-11-26'),
    );
    expect(s).toMatchObject({
      status: 'in-review',
      openRequest: null,
      suspensions: [{ from: on, to: '2026-11-26' }],
      requests: [{ requestId: 'r1', answeredOn: null }],
    });
  });

  it('a withdrawal closes an open request and stops its suspension', () => {
    const s = foldActions(T, [
      act(resident, { kind: 'submit', documentIds: [] }),
      act(officer, { kind: 'assign', assigneeId: officer.id, assigneeName: 'R' }),
      act(officer, { kind: 'request-information', requestId: 'r1', question: 'q', dueOn: on }),
      act(resident, { kind: 'withdraw', reason: 'No longer needed' }, plainDate('2026-11-18')),
    ]);
    expect(s).toMatchObject({ status: 'withdrawn', openRequest: null, suspensions: [{ to: '2026-11-18' }] });
  });
});

describe('the inclusion lifecycle (an applicant not yet in the register)', () => {
  const I = INCLUSION_LIFECYCLE;
  const submitted = () =>
    foldActions(I, [
      act(resident, { kind: 'submit', documentIds: [] }),
      act(officer, { kind: 'assign', assigneeId: officer.id, assigneeName: 'R' }),
    ]);
  const LINK: ActionPayload = {
    kind: 'link-applicant',
    personId: 'p-9',
    personalCode: '32000000000',
    name: 'Jānis Bērziņš',
    reason: 'Same person',
  };

  it('links the applicant once, by an officer, and only while the case is open', () => {
    expect(submitted().linkedApplicant).toBeNull();
    expect(refusalOf(I, submitted(), chief, ['decision-maker'], LINK)).toMatchObject({ code: 'not-your-role' });
    const linked = applyAction(I, submitted(), act(officer, LINK));
    expect(linked).toMatchObject({
      status: 'in-review',
      linkedApplicant: { personId: 'p-9', personalCode: '32000000000' },
    });
    expect(refusalOf(I, linked, officer, ['officer'], LINK)).toEqual({ code: 'already-linked' });
    const proposed = applyAction(I, linked, act(officer, { ...PROPOSE, outcome: 'reject' } as ActionPayload));
    expect(refusalOf(I, proposed, officer, ['officer'], LINK)).toMatchObject({ code: 'not-allowed-now' });
  });

  it('an officer records a withdrawal the applicant hands in (a correction’s is the applicant’s own)', () => {
    expect(refusalOf(I, submitted(), officer, ['officer'], { kind: 'withdraw', reason: 'in writing' })).toBeNull();
    expect(
      refusalOf(T, foldActions(T, [act(resident, { kind: 'submit', documentIds: [] })]), officer, ['officer'], {
        kind: 'withdraw',
        reason: 'x',
      }),
    ).toMatchObject({ code: 'not-your-role' });
  });

  it('the correction lifecycle has no link: its applicant is always a registered person', () => {
    expect(refusalOf(T, submitted() as CaseState<CorrectionStatus>, officer, ['officer'], LINK)).toMatchObject({
      code: 'not-allowed-now',
    });
  });
});

describe('four-eyes: whoever proposed can never approve', () => {
  const staff = fc.constantFrom<ActionActor>(officer, chief, { kind: 'staff', id: 's-3', name: 'Supervisor' });
  const roleSets = fc.subarray<CaseRole>(['officer', 'decision-maker', 'supervisor'], { minLength: 1 });
  const payloadFor = (kind: string): ActionPayload => {
    switch (kind) {
      case 'assign':
        return { kind, assigneeId: 's-1', assigneeName: 'R' };
      case 'request-information':
        return { kind, requestId: 'r', question: 'q', dueOn: on };
      case 'answer-information':
        return { kind, requestId: 'r', text: 'a', documentIds: [] };
      case 'propose-decision':
        return PROPOSE;
      case 'return-proposal':
        return { kind, reason: 'again' };
      case 'approve-decision':
        return { kind, decisionId: 'd' };
      case 'extend-deadline':
        return { kind, to: plainDate('2026-12-31'), reason: 'expert opinion' };
      case 'link-applicant':
        return { kind, personId: 'p-9', personalCode: '32000000000', name: 'Oksana Kovalenko', reason: 'same person' };
      default:
        return { kind: 'add-document', documentId: 'x', documentKind: 'evidence', fileName: 'x.pdf' };
    }
  };
  const step = fc.record({
    actor: staff,
    roles: roleSets,
    kind: fc.constantFrom(
      'assign',
      'request-information',
      'answer-information',
      'propose-decision',
      'return-proposal',
      'approve-decision',
      'extend-deadline',
      'add-document',
      'link-applicant',
    ),
  });

  it.each([
    ['correction', CORRECTION_LIFECYCLE],
    ['inclusion', INCLUSION_LIFECYCLE],
  ] as const)(
    'in any sequence of actions by any staff with any roles, a decision has two different people (%s)',
    (_name, table) => {
      fc.assert(
        fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
          let s = foldActions(table, [act(resident, { kind: 'submit', documentIds: [] })]);
          for (const { actor, roles, kind } of steps) {
            const payload = payloadFor(kind);
            const refusal = refusalOf(table, s, actor, roles, payload);
            if (kind === 'approve-decision' && s.status === 'proposed' && s.proposal?.proposedBy.id === actor.id) {
              expect(refusal).not.toBeNull();
              if (roles.includes('decision-maker')) expect(refusal).toEqual({ code: 'four-eyes' });
            }
            if (!refusal) s = applyAction(table, s, act(actor, payload));
            if (s.decision) expect(s.decision.approvedBy.id).not.toBe(s.decision.proposedBy.id);
          }
        }),
        { numRuns: 2000 },
      );
    },
  );

  it('holds even for someone with every role', () => {
    const proposed = foldActions(T, [
      act(resident, { kind: 'submit', documentIds: [] }),
      act(chief, { kind: 'assign', assigneeId: chief.id, assigneeName: 'D' }),
      act(chief, PROPOSE),
    ]);
    expect(
      refusalOf(T, proposed, chief, ['officer', 'decision-maker', 'supervisor', 'applicant'], {
        kind: 'approve-decision',
        decisionId: 'd',
      }),
    ).toEqual({ code: 'four-eyes' });
  });
});
