/**
 * Property test against the running service (both engines): random officers with random rights take
 * random actions on real cases over HTTP. Whatever the order, no decision is ever approved by the person
 * who proposed it, and every attempt to do so is refused with FOUR_EYES_REQUIRED.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTestContext, signInStaff, type Client, type TestContext } from '../../../../test/test-app.ts';

const ANNA = '00000000-0000-4000-8000-000000000002';
let ctx: TestContext;
const staff: Record<string, Client> = {};
beforeAll(async () => {
  ctx = await createTestContext();
  // registrar: officer; decision.maker: decides; senior.registrar: both; supervisor: assigns and extends.
  for (const username of ['registrar', 'decision.maker', 'senior.registrar', 'supervisor'])
    staff[username] = await signInStaff(ctx.app, username);
});
afterAll(() => ctx.close());

type View = {
  id: string;
  version: number;
  status: string;
  proposal: { proposedBy: { id: string } } | null;
  decision: { proposedBy: { id: string }; approvedBy: { id: string } } | null;
};
const ACTIONS = ['assign', 'propose-decision', 'approve-decision', 'return-proposal', 'request-information'] as const;
const bodyFor = (kind: (typeof ACTIONS)[number], version: number): Record<string, unknown> => {
  switch (kind) {
    case 'assign':
      return { kind, expectedVersion: version, outOfOrderReason: 'property test' };
    // The cases carry no evidence, so the grants go over a failed check knowingly (the property is four-eyes).
    case 'propose-decision':
      return {
        kind,
        expectedVersion: version,
        outcome: 'accept',
        reasoning: 'evidence holds',
        acknowledgeFailedChecks: true,
        overrideReason: 'The missing evidence was seen in person.',
      };
    case 'return-proposal':
      return { kind, expectedVersion: version, reason: 'look again' };
    case 'request-information':
      return { kind, expectedVersion: version, question: 'more?', dueOn: '2026-12-15' };
    default:
      return { kind, expectedVersion: version, acknowledgeFailedChecks: true };
  }
};

describe('four-eyes, against the service', () => {
  it('holds for any sequence of actions by any of four officers', async () => {
    let n = 0;
    let decided = 0;
    let ownRefused = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            who: fc.constantFrom('registrar', 'decision.maker', 'senior.registrar', 'supervisor'),
            kind: fc.constantFrom(...ACTIONS),
          }),
          { minLength: 3, maxLength: 12 },
        ),
        async (steps) => {
          const opened = await (staff['registrar'] as Client).request('POST', '/api/cases/corrections', {
            personId: ANNA,
            field: 'birthPlace',
            requestedValue: `Vieta ${++n}`,
            explanation: 'property test',
            documents: [],
          });
          expect(opened.statusCode, opened.body).toBe(201);
          let view = opened.json() as View;
          const ids: Record<string, string> = {};
          for (const { who, kind } of steps) {
            const res = await (staff[who] as Client).request(
              'POST',
              `/api/cases/${view.id}/actions`,
              bodyFor(kind, view.version),
            );
            const me =
              ids[who] ??
              (ids[who] = (
                (await (staff[who] as Client).request('GET', '/api/session')).json() as { staff: { id: string } }
              ).staff.id);
            if (kind === 'approve-decision' && view.status === 'proposed' && view.proposal?.proposedBy.id === me) {
              expect(res.statusCode).toBe(403);
              expect((res.json() as { code: string }).code).toBe(
                who === 'senior.registrar' ? 'FOUR_EYES_REQUIRED' : 'FORBIDDEN',
              );
              ownRefused++;
            }
            if (res.statusCode === 200) view = res.json() as View;
            else expect([400, 403, 409]).toContain(res.statusCode);
            if (view.decision) expect(view.decision.approvedBy.id).not.toBe(view.decision.proposedBy.id);
          }
          if (view.decision) decided++;
        },
        // A fixed seed keeps the run repeatable; the counts below show it reached decisions and own approvals.
      ),
      { numRuns: 40, seed: 20261130 },
    );
    expect(decided).toBeGreaterThan(0);
    expect(ownRefused).toBeGreaterThan(0);
  });
});
