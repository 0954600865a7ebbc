/** HTTP for the legal calendar: any officer reads the orders; an administrator records the next one. */
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/database.ts';
import { registerEndpoint } from '../../http/route.ts';
import * as c from '../../../shared/contracts/calendar.contract.ts';
import type { CalendarService } from './calendar.service.ts';

export function registerCalendarRoutes(app: FastifyInstance, deps: { db: Db; calendar: CalendarService }): void {
  const { db, calendar } = deps;
  registerEndpoint(app, c.readCalendarOrders, 'staff', async () => calendar.list(db));
  registerEndpoint(app, c.recordCalendarOrder, { permission: 'calendar:record-order' }, async ({ principal, body }) => {
    const view = await db
      .transaction()
      .execute((trx) => calendar.record(trx, { id: principal.accountId, name: principal.displayName }, body));
    // After the commit: from now on every deadline this process computes follows the new order.
    await calendar.install(db);
    app.log.info({ year: view.year, act: view.act }, 'calendar order recorded');
    return view;
  });
}
