/** The staff workbench's start page: the officer's branch and the work waiting for their roles. */
import { z } from 'zod';
import { defineEndpoint } from './contract.ts';
import { PlainDateSchema } from '../kernel/plain-date.ts';

const Count = z.number().int().min(0);

/**
 * Each part is present only for a role that works on it (null otherwise), so a registrar's start page says nothing
 * about production batches. Counts are of the officer's own branch, except production,
 * which is the office's one queue to the personalization centre.
 */
export const WorkSummary = z.object({
  branch: z.object({ code: z.string(), nameLv: z.string(), nameEn: z.string() }).nullable(),
  /** Open cases (cases:read): assigned to me, nobody's yet, due within the warning days or overdue, and decisions waiting for approval. */
  cases: z
    .object({
      assignedToMe: Count,
      unassigned: Count,
      nearDeadline: Count,
      /** The working days "near" means (DEADLINE_WARN_WORKING_DAYS' first figure). */
      nearDeadlineDays: Count,
      /** Proposed decisions waiting for a decision-maker (null for a role that does not approve). */
      awaitingApproval: Count.nullable(),
    })
    .nullable(),
  /** Today at my branch's desks (appointments:desk): visits still expected, visitors arrived, walk-in tickets waiting. */
  appointments: z.object({ date: PlainDateSchema, expected: Count, arrived: Count, waitingTickets: Count }).nullable(),
  /** Approved document applications waiting for the next production batch (documents:produce). */
  production: z.object({ waiting: Count }).nullable(),
});
export type WorkSummary = z.infer<typeof WorkSummary>;

export const readWorkSummary = defineEndpoint({
  method: 'GET',
  path: '/api/workbench/summary',
  summary: 'My branch and the work waiting for my roles: cases, today’s visits, production',
  tags: ['workbench'],
  response: WorkSummary,
});
