/** Tests and journeys that book visits: the branch they book at. */
import type { FastifyInstance } from 'fastify';

/** The id of a branch that takes appointments, by its code (RIGA-1, where the demo desk officers work). */
export async function appointmentBranchId(app: FastifyInstance, code = 'RIGA-1'): Promise<string> {
  const offers = (await app.inject({ method: 'GET', url: '/api/public/appointments/branches' })).json() as {
    branches: Array<{ id: string; code: string }>;
  };
  const branch = offers.branches.find((b) => b.code === code);
  if (!branch) throw new Error(`no branch ${code} takes appointments`);
  return branch.id;
}
