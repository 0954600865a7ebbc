/** HTTP for appointments: public offers, slots and the queue screen; the resident's bookings; the desk's day list and tickets. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { registerEndpoint } from '../../http/route.ts';
import { personalData } from '../../http/personal-data.ts';
import type { ResidentPrincipal, StaffPrincipal } from '../../http/auth-context.ts';
import { actorFromPrincipal } from '../audit/index.ts';
import * as c from '../../../shared/contracts/appointments.contract.ts';
import type { PlainDate } from '../../../shared/kernel/plain-date.ts';
import type { AppointmentsService, DeskActor, ResidentActor } from './appointments.service.ts';

const resident = (p: ResidentPrincipal, request: FastifyRequest): ResidentActor => ({
  personId: p.personId,
  audit: actorFromPrincipal(p),
  requestId: request.id,
});
const desk = (p: StaffPrincipal, request: FastifyRequest): DeskActor => ({
  accountId: p.accountId,
  branchId: p.branchId,
  audit: actorFromPrincipal(p),
  requestId: request.id,
});

export function registerAppointmentsRoutes(app: FastifyInstance, deps: { appointments: AppointmentsService }): void {
  const { appointments } = deps;
  const permission = { permission: 'appointments:desk' } as const;

  registerEndpoint(app, c.listBranchOffers, 'public', async () => ({ branches: await appointments.offers() }));
  registerEndpoint(app, c.listBranchNames, 'public', async () => ({ branches: await appointments.branchNames() }));
  registerEndpoint(app, c.listFreeSlots, 'public', async ({ query }) => ({
    slots: await appointments.freeSlots(query.branchId, query.service, query.date as PlainDate),
  }));
  registerEndpoint(app, c.bookingCalendar, 'public', async ({ query }) =>
    appointments.calendar(query.branchId, query.service),
  );
  registerEndpoint(app, c.branchQueue, 'public', async ({ params }) => appointments.queue(params.branchId));

  registerEndpoint(app, personalData(c.listMyAppointments), 'resident', async ({ principal, request }) => ({
    appointments: await appointments.mine(resident(principal, request)),
  }));
  registerEndpoint(app, personalData(c.bookAppointment), 'resident', async ({ principal, request, body }) =>
    appointments.book(resident(principal, request), body),
  );
  registerEndpoint(app, personalData(c.cancelMyAppointment), 'resident', async ({ principal, request, params }) =>
    appointments.cancel(resident(principal, request), params.bookingId),
  );
  registerEndpoint(app, personalData(c.restoreMyAppointment), 'resident', async ({ principal, request, params }) =>
    appointments.restore(resident(principal, request), params.bookingId),
  );

  registerEndpoint(app, personalData(c.branchDayList), permission, async ({ principal, request, query }) =>
    appointments.dayList(desk(principal, request), query.date as PlainDate),
  );
  registerEndpoint(app, personalData(c.markAppointment), permission, async ({ principal, request, params, body }) =>
    appointments.mark(desk(principal, request), params.bookingId, body.status),
  );
  registerEndpoint(app, c.issueTicket, permission, async ({ principal, request, body }) =>
    appointments.issueTicket(desk(principal, request), body.serviceCode),
  );
  registerEndpoint(app, c.callNextTicket, permission, async ({ principal, request }) =>
    appointments.callNext(desk(principal, request)),
  );

  const configure = { permission: 'appointments:configure' } as const;
  const configuring = (p: StaffPrincipal) => ({ branchId: p.branchId, anyBranch: p.roles.includes('administrator') });
  registerEndpoint(app, c.readBranchSettings, configure, async ({ principal, params }) =>
    appointments.settings(configuring(principal), params.branchId),
  );
  registerEndpoint(app, c.saveBranchSettings, configure, async ({ principal, params, body }) =>
    appointments.saveSettings(configuring(principal), params.branchId, body),
  );
}
