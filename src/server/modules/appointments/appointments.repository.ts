/** All SQL for schema `appointments`. */
import { sql, type Selectable } from 'kysely';
import type { DbExecutor } from '../../db/database.ts';
import type { BookingTable } from './appointments.tables.ts';

export type BookingRow = Selectable<BookingTable>;

export function createAppointmentsRepository() {
  return {
    async services(db: DbExecutor) {
      return db.selectFrom('appointments.service').selectAll().orderBy('code').execute();
    },
    async branchServices(db: DbExecutor) {
      return db.selectFrom('appointments.branchService').selectAll().execute();
    },
    async openingHours(db: DbExecutor) {
      return db.selectFrom('appointments.openingHours').selectAll().orderBy('isoWeekday').execute();
    },

    /** Active bookings per slot start of a service at a branch between two instants. */
    async takenSeats(
      db: DbExecutor,
      branchId: string,
      serviceCode: string,
      from: string,
      to: string,
    ): Promise<Map<number, number>> {
      const rows = await db
        .selectFrom('appointments.booking')
        .select(['startsAt', (eb) => eb.fn.countAll<number>().as('n')])
        .where('branchId', '=', branchId)
        .where('serviceCode', '=', serviceCode)
        .where('status', '<>', 'cancelled')
        .where('startsAt', '>=', from)
        .where('startsAt', '<', to)
        .groupBy('startsAt')
        .execute();
      return new Map(rows.map((r) => [new Date(r.startsAt).getTime(), Number(r.n)]));
    },

    /**
     * Takes a free desk of the slot, or none: each desk is tried in turn, and the unique index on
     * (branch, service, start, desk) among active bookings turns a race for the same desk into a no-op.
     */
    async takeSeat(db: DbExecutor, row: Omit<BookingRow, 'desk'>, desks: number): Promise<number | undefined> {
      for (let desk = 1; desk <= desks; desk++) {
        const inserted = await db
          .insertInto('appointments.booking')
          .values({ ...row, desk })
          .onConflict((oc) =>
            oc.columns(['branchId', 'serviceCode', 'startsAt', 'desk']).where('status', '<>', 'cancelled').doNothing(),
          )
          .returning('desk')
          .executeTakeFirst();
        if (inserted) return desk;
      }
      return undefined;
    },

    /**
     * Books a cancelled booking again on a desk of its slot nobody holds now: its own desk first, then any
     * other of the offer's `desks`. None free: undefined. The caller holds the slot's lock (lockBooking), so
     * no booking takes a desk between the check and the update.
     */
    async restoreSeat(db: DbExecutor, row: BookingRow, desks: number, at: string): Promise<number | undefined> {
      const order = [row.desk, ...Array.from({ length: desks }, (_, i) => i + 1).filter((d) => d !== row.desk)].filter(
        (d) => d <= desks,
      );
      for (const desk of order) {
        const restored = await db
          .updateTable('appointments.booking')
          .set({ status: 'booked', desk, changedAt: at })
          .where('id', '=', row.id)
          .where('status', '=', 'cancelled')
          .where(({ not, exists, selectFrom }) =>
            not(
              exists(
                selectFrom('appointments.booking as other')
                  .select('other.id')
                  .where('other.branchId', '=', row.branchId)
                  .where('other.serviceCode', '=', row.serviceCode)
                  .where('other.startsAt', '=', row.startsAt)
                  .where('other.desk', '=', desk)
                  .where('other.status', '<>', 'cancelled'),
              ),
            ),
          )
          .returning('desk')
          .executeTakeFirst();
        if (restored) return desk;
      }
      return undefined;
    },

    /**
     * Serializes the bookings of one person and service, and of one slot, until the transaction ends
     * (PostgreSQL advisory locks, on both engines): "one booking per person and service" and "one person
     * per desk" are checked and written without another booking, move or undo slipping in between. Always
     * taken in this order (person, then slot), so two transactions cannot wait on each other.
     */
    async lockBooking(
      db: DbExecutor,
      person: { personId: string; serviceCode: string },
      slot: { branchId: string; serviceCode: string; startsAt: string },
    ): Promise<void> {
      await sql`select pg_advisory_xact_lock(hashtext(${`booking-person:${person.personId}:${person.serviceCode}`}))`.execute(
        db,
      );
      await sql`select pg_advisory_xact_lock(hashtext(${`booking-slot:${slot.branchId}:${slot.serviceCode}:${slot.startsAt}`}))`.execute(
        db,
      );
    },

    async anyBooking(db: DbExecutor): Promise<boolean> {
      return Boolean(await db.selectFrom('appointments.booking').select('id').limit(1).executeTakeFirst());
    },

    async byId(db: DbExecutor, id: string, lock = false): Promise<BookingRow | undefined> {
      let q = db.selectFrom('appointments.booking').selectAll().where('id', '=', id);
      if (lock) q = q.forUpdate();
      return q.executeTakeFirst();
    },

    async setStatus(db: DbExecutor, id: string, status: BookingRow['status'], at: string): Promise<void> {
      await db.updateTable('appointments.booking').set({ status, changedAt: at }).where('id', '=', id).execute();
    },

    /** A person's active bookings of a service from an instant on (one at a time per service). */
    async activeOf(db: DbExecutor, personId: string, serviceCode: string, from: string): Promise<BookingRow[]> {
      return db
        .selectFrom('appointments.booking')
        .selectAll()
        .where('personId', '=', personId)
        .where('serviceCode', '=', serviceCode)
        .where('status', '=', 'booked')
        .where('startsAt', '>=', from)
        .execute();
    },

    async ofPersons(db: DbExecutor, personIds: readonly string[], from: string): Promise<BookingRow[]> {
      if (personIds.length === 0) return [];
      return db
        .selectFrom('appointments.booking')
        .selectAll()
        .where('personId', 'in', [...personIds])
        .where('startsAt', '>=', from)
        .orderBy('startsAt')
        .execute();
    },

    async ofBranch(db: DbExecutor, branchId: string, from: string, to: string): Promise<BookingRow[]> {
      return db
        .selectFrom('appointments.booking')
        .selectAll()
        .where('branchId', '=', branchId)
        .where('startsAt', '>=', from)
        .where('startsAt', '<', to)
        .where('status', '<>', 'cancelled')
        .orderBy('startsAt')
        .orderBy('desk')
        .execute();
    },

    /** Booked visits starting between two instants that have an address for a reminder. */
    async dueForReminder(db: DbExecutor, from: string, to: string, limit: number): Promise<BookingRow[]> {
      return db
        .selectFrom('appointments.booking')
        .selectAll()
        .where('status', '=', 'booked')
        .where('contactEmail', 'is not', null)
        .where('startsAt', '>=', from)
        .where('startsAt', '<', to)
        .limit(limit)
        .execute();
    },

    /** The next number of the branch's queue today; a race for the same number retries. */
    async issueTicket(db: DbExecutor, branchId: string, day: string, serviceCode: string, at: string): Promise<number> {
      for (let attempt = 0; attempt < 20; attempt++) {
        const inserted = await sql<{ number: number }>`
          INSERT INTO appointments.ticket (branch_id, day, number, service_code, status, issued_at)
          SELECT ${branchId}, ${day}, coalesce(max(number), 0) + 1, ${serviceCode}, 'waiting', ${at} FROM appointments.ticket WHERE branch_id = ${branchId} AND day = ${day}
          ON CONFLICT DO NOTHING RETURNING number`.execute(db);
        const number = inserted.rows[0]?.number;
        if (number !== undefined) return Number(number);
      }
      throw new Error('the ticket counter kept moving');
    },

    /** Calls the lowest waiting number (a ticket another desk is calling at the same moment is skipped). */
    async callNext(
      db: DbExecutor,
      branchId: string,
      day: string,
      by: string,
      at: string,
    ): Promise<{ number: number; serviceCode: string } | undefined> {
      // Raw results pass through the camel-case plugin too: service_code arrives as serviceCode.
      const r = await sql<{ number: number; serviceCode: string }>`
        UPDATE appointments.ticket SET status = 'called', called_at = ${at}, called_by = ${by}
        WHERE (branch_id, day, number) = (
          SELECT branch_id, day, number FROM appointments.ticket WHERE branch_id = ${branchId} AND day = ${day} AND status = 'waiting' ORDER BY number LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING number, service_code`.execute(db);
      const row = r.rows[0];
      return row ? { number: Number(row.number), serviceCode: row.serviceCode } : undefined;
    },

    async queue(
      db: DbExecutor,
      branchId: string,
      day: string,
    ): Promise<{ lastCalled: number | null; waiting: number; lastIssued: number | null }> {
      const row = await db
        .selectFrom('appointments.ticket')
        .select((eb) => [
          eb.fn.max(eb.case().when('status', '=', 'called').then(eb.ref('number')).end()).as('lastCalled'),
          eb.fn.sum(eb.case().when('status', '=', 'waiting').then(1).else(0).end()).as('waiting'),
          eb.fn.max('number').as('lastIssued'),
        ])
        .where('branchId', '=', branchId)
        .where('day', '=', day)
        .executeTakeFirst();
      return {
        lastCalled: row?.lastCalled == null ? null : Number(row.lastCalled),
        waiting: Number(row?.waiting ?? 0),
        lastIssued: row?.lastIssued == null ? null : Number(row.lastIssued),
      };
    },

    /** Replaces a branch's opening hours and offered services (desks) with the given ones. */
    async replaceSettings(
      db: DbExecutor,
      branchId: string,
      hours: ReadonlyArray<{ isoWeekday: number; opens: string; closes: string }>,
      services: ReadonlyArray<{ code: string; desks: number }>,
    ): Promise<void> {
      await db.deleteFrom('appointments.openingHours').where('branchId', '=', branchId).execute();
      if (hours.length)
        await db
          .insertInto('appointments.openingHours')
          .values(hours.map((h) => ({ branchId, isoWeekday: h.isoWeekday, opens: h.opens, closes: h.closes })))
          .execute();
      await db.deleteFrom('appointments.branchService').where('branchId', '=', branchId).execute();
      if (services.length)
        await db
          .insertInto('appointments.branchService')
          .values(services.map((x) => ({ branchId, serviceCode: x.code, desks: x.desks })))
          .execute();
    },

    /** A branch's booked visits from an instant on. */
    async bookedFrom(db: DbExecutor, branchId: string, from: string): Promise<BookingRow[]> {
      return db
        .selectFrom('appointments.booking')
        .selectAll()
        .where('branchId', '=', branchId)
        .where('status', '=', 'booked')
        .where('startsAt', '>=', from)
        .execute();
    },

    /** Reference data for a branch that has none yet: the default services with their desks, and opening hours. */
    async ensureDefaults(
      db: DbExecutor,
      branchIds: readonly string[],
      services: ReadonlyArray<{ code: string; nameLv: string; nameEn: string; durationMinutes: number; desks: number }>,
      hours: ReadonlyArray<{ isoWeekday: number; opens: string; closes: string }>,
    ): Promise<void> {
      await db
        .insertInto('appointments.service')
        .values(services.map(({ desks: _d, ...s }) => s))
        .onConflict((oc) => oc.column('code').doNothing())
        .execute();
      for (const branchId of branchIds) {
        await db
          .insertInto('appointments.branchService')
          .values(services.map((s) => ({ branchId, serviceCode: s.code, desks: s.desks })))
          .onConflict((oc) => oc.columns(['branchId', 'serviceCode']).doNothing())
          .execute();
        await db
          .insertInto('appointments.openingHours')
          .values(hours.map((h) => ({ branchId, ...h })))
          .onConflict((oc) => oc.columns(['branchId', 'isoWeekday']).doNothing())
          .execute();
      }
    },
  };
}
export type AppointmentsRepository = ReturnType<typeof createAppointmentsRepository>;
