/**
 * Use cases of appointments: what each branch offers and when it is open, the free slots of a day,
 * booking (never more bookings of a slot than desks, however many ask at once), moving and cancelling a
 * booking, the desk's day list with arrivals and no-shows, reminders, and the walk-in ticket queue.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../http/app-error.ts';
import type { Clock } from '../../platform/clock.ts';
import type { AuditActor, AuditService } from '../audit/index.ts';
import type { RegisterService } from '../register/index.ts';
import type { NotificationsService } from '../notifications/index.ts';
import { addDays, compareDates, plainDateInZone, type PlainDate } from '../../../shared/kernel/plain-date.ts';
import { zonedInstant, zonedTime } from '../../../shared/kernel/zoned-time.ts';
import type {
  BookingCalendar,
  BookingView,
  BranchSettings,
  ClosedReason,
  ServiceCode,
} from '../../../shared/contracts/appointments.contract.ts';
import type { FieldReason } from '../../../shared/errors.ts';
import { closedReason, slotTimes, type Hours } from './slots.ts';
import type { AppointmentsRepository, BookingRow } from './appointments.repository.ts';

const LEGAL_BASIS = 'Valsts pārvaldes iekārtas likums; Personu apliecinošu dokumentu likums';
/** How far ahead a slot may be booked. */
const BOOKING_HORIZON_DAYS = 90;
/** A cancellation can be undone this long after it (and only while its desk, or another of the slot, is free). */
const UNDO_CANCEL_MS = 10 * 60_000;
/** What a booking on a closed day is refused with, per reason. */
const CLOSED_DAY: Record<ClosedReason, { message: string; reason: FieldReason }> = {
  'public-holiday': {
    message: 'The branch is closed on public holidays: choose another day',
    reason: 'branch-closed-holiday',
  },
  'rest-day': { message: 'The branch is closed at weekends: choose a working day', reason: 'branch-closed-weekend' },
  'branch-closed': {
    message: 'The branch takes no appointments for this service on this weekday: choose another day',
    reason: 'branch-closed-weekday',
  },
};
/** Reminders go out this long before the visit. */
const REMINDER_AHEAD_MS = 24 * 3_600_000;

/** The services every branch offers unless configured otherwise (synthetic defaults: durations and desks). */
export const DEFAULT_SERVICES = [
  {
    code: 'document-application',
    nameLv: 'Pases vai personas apliecības pieteikšana',
    nameEn: 'Applying for a passport or identity card',
    durationMinutes: 15,
    desks: 3,
  },
  {
    code: 'document-pickup',
    nameLv: 'Dokumenta saņemšana',
    nameEn: 'Collecting a document',
    durationMinutes: 10,
    desks: 2,
  },
  {
    code: 'residence-permit',
    nameLv: 'Uzturēšanās atļaujas pieteikšana',
    nameEn: 'Applying for a residence permit',
    durationMinutes: 30,
    desks: 1,
  },
] as const;
/** Default opening hours: Monday to Thursday 8:30–17:00, Friday 8:30–16:00. */
export const DEFAULT_HOURS: readonly Hours[] = [1, 2, 3, 4]
  .map((d) => ({ isoWeekday: d, opens: '08:30', closes: '17:00' }))
  .concat([{ isoWeekday: 5, opens: '08:30', closes: '16:00' }]);

export interface Branch {
  id: string;
  code: string;
  nameLv: string;
  nameEn: string;
  address: string | null;
  /** The office's own branch; a partner institution's office (a municipality's) takes none of the office's services. */
  ownOffice: boolean;
}

export type ResidentActor = { personId: string; audit: AuditActor; requestId?: string | undefined };
export type DeskActor = { accountId: string; branchId: string; audit: AuditActor; requestId?: string | undefined };

/** Who changes a branch's settings: an administrator for any branch, a supervisor for their own. */
export type ConfiguringActor = { branchId: string; anyBranch: boolean };

export interface AppointmentsDeps {
  db: Db;
  clock: Clock;
  timeZone: string;
  audit: AuditService;
  register: RegisterService;
  notifications: NotificationsService;
  repository: AppointmentsRepository;
  /** Branch offices (identity). */
  branches: () => Promise<Branch[]>;
  /** Whether a person has this application prepared online, waiting for a desk visit (documents). */
  preparedApplication?: (personId: string, caseId: string) => Promise<boolean>;
}

export function createAppointmentsService(deps: AppointmentsDeps) {
  const { db, clock, audit, register, notifications, repository } = deps;
  const tz = deps.timeZone;
  const today = (): PlainDate => plainDateInZone(clock.now(), tz);

  function invalid(path: string, message: string, reason?: FieldReason): never {
    throw new AppError('VALIDATION_FAILED', message, [{ path, message, ...(reason ? { reason } : {}) }]);
  }

  async function offerOf(branchId: string, serviceCode: string) {
    const [branches, services, offers, hours] = await Promise.all([
      deps.branches(),
      repository.services(db),
      repository.branchServices(db),
      repository.openingHours(db),
    ]);
    const branch = branches.find((b) => b.id === branchId);
    const service = services.find((s) => s.code === serviceCode);
    const offer = offers.find((o) => o.branchId === branchId && o.serviceCode === serviceCode);
    if (!branch) invalid('branchId', 'No such branch');
    if (!service || !offer) invalid('serviceCode', 'This branch does not take appointments for this service');
    return { branch, service, desks: offer.desks, hours: hours.filter((h) => h.branchId === branchId) };
  }

  /** The slot instants of a day for an offer. */
  function slotsOn(date: PlainDate, hours: readonly Hours[], durationMinutes: number): Date[] {
    return slotTimes(date, hours, durationMinutes).map((t) => zonedInstant(date, t, tz));
  }

  function dayBounds(date: PlainDate): { from: string; to: string } {
    return {
      from: zonedInstant(date, '00:00', tz).toISOString(),
      to: zonedInstant(addDays(date, 1), '00:00', tz).toISOString(),
    };
  }

  /**
   * Refuses a time that cannot be booked, saying why: it has passed, it is beyond the horizon, the branch is
   * closed that day (holiday, weekend, a weekday it does not open), or it is no slot of the day.
   */
  function requireBookable(startsAt: Date, hours: readonly Hours[], durationMinutes: number): void {
    const date = plainDateInZone(startsAt, tz);
    if (startsAt.getTime() <= clock.now().getTime())
      invalid('startsAt', 'This time has passed: choose a later one', 'time-passed');
    if (compareDates(date, addDays(today(), BOOKING_HORIZON_DAYS)) > 0)
      invalid('startsAt', `Slots can be booked up to ${BOOKING_HORIZON_DAYS} days ahead`, 'beyond-booking-horizon');
    const closed = closedReason(date, hours, durationMinutes);
    if (closed) invalid('startsAt', CLOSED_DAY[closed].message, CLOSED_DAY[closed].reason);
    if (!slotsOn(date, hours, durationMinutes).some((s) => s.getTime() === startsAt.getTime()))
      invalid('startsAt', 'This is not one of the branch’s slots for the service');
  }

  const slotTakenMeanwhile = (): AppError =>
    new AppError(
      'CONFLICT',
      'Someone else has booked this time since it was cancelled: the visit cannot be restored, book a new time',
      {
        rule: { id: 'appointment.undo-slot-taken' },
      },
    );

  /** The desks of a cancelled visit's slot if it can still be booked, or the refusal to give when it cannot. */
  async function desksStillOffered(b: BookingRow): Promise<number | AppError> {
    try {
      const { service, desks, hours } = await offerOf(b.branchId, b.serviceCode);
      requireBookable(new Date(b.startsAt), hours, service.durationMinutes);
      return desks;
    } catch (e) {
      if (e instanceof AppError && e.code === 'VALIDATION_FAILED')
        return new AppError('INVALID_STATE', 'The branch no longer offers this time: book a new one', {
          rule: { id: 'appointment.undo-no-longer-offered' },
        });
      throw e;
    }
  }

  /** Bookings as their readers see them: the branch by name, the time on the Riga wall clock (branches read once per list). */
  async function views(rows: readonly BookingRow[], nameOf: (personId: string) => string): Promise<BookingView[]> {
    const branches = new Map((await deps.branches()).map((b) => [b.id, b]));
    return rows.map((row) => {
      const at = new Date(row.startsAt);
      const branch = branches.get(row.branchId);
      return {
        id: row.id,
        branchId: row.branchId,
        branchName: branch?.nameLv ?? '',
        branchNameEn: branch?.nameEn ?? '',
        serviceCode: row.serviceCode as ServiceCode,
        startsAt: at.toISOString(),
        date: plainDateInZone(at, tz),
        time: zonedTime(at, tz),
        status: row.status,
        personId: row.personId,
        personName: nameOf(row.personId),
        applicationCaseId: row.applicationCaseId,
      };
    });
  }
  const view = async (row: BookingRow, name: string): Promise<BookingView> =>
    (await views([row], () => name))[0] as BookingView;

  async function requireConfigurable(actor: ConfiguringActor, branchId: string): Promise<void> {
    if (!(await deps.branches()).some((b) => b.id === branchId)) throw new AppError('NOT_FOUND', 'No such branch');
    if (!actor.anyBranch && actor.branchId !== branchId)
      throw new AppError('FORBIDDEN', 'A supervisor sets the hours of their own branch only', {
        rule: { id: 'appointment.own-branch-settings' },
      });
  }

  /** The resident and the persons they act for (minor children, wards), with names. */
  async function holdersOf(residentPersonId: string): Promise<Map<string, string>> {
    return new Map(
      (await register.subjects(residentPersonId)).map((s) => [s.personId, `${s.givenNames} ${s.surname}`]),
    );
  }

  return {
    today,

    /** Branches with their services and hours (public: no personal data). */
    async offers() {
      const [branches, offers, hours] = await Promise.all([
        deps.branches(),
        repository.branchServices(db),
        repository.openingHours(db),
      ]);
      const services = await repository.services(db);
      return branches
        .map((b) => ({
          ...b,
          services: offers
            .filter((o) => o.branchId === b.id)
            .map((o) => ({
              code: o.serviceCode as ServiceCode,
              desks: o.desks,
              durationMinutes: services.find((s) => s.code === o.serviceCode)?.durationMinutes ?? 0,
            })),
          hours: hours
            .filter((h) => h.branchId === b.id)
            .map(({ isoWeekday, opens, closes }) => ({ isoWeekday, opens, closes })),
        }))
        .filter((b) => b.services.length > 0);
    },

    /** Every branch's name in Latvian and English, whether or not it takes appointments. */
    async branchNames() {
      return (await deps.branches()).map(({ id, code, nameLv, nameEn }) => ({ id, code, nameLv, nameEn }));
    },

    /** The day's slots still ahead, each with its free desks. */
    async freeSlots(branchId: string, serviceCode: ServiceCode, date: PlainDate) {
      const { service, desks, hours } = await offerOf(branchId, serviceCode);
      // Beyond the horizon nothing can be booked, so nothing is offered.
      if (compareDates(date, addDays(today(), BOOKING_HORIZON_DAYS)) > 0) return [];
      const { from, to } = dayBounds(date);
      const taken = await repository.takenSeats(db, branchId, serviceCode, from, to);
      const now = clock.now().getTime();
      return slotsOn(date, hours, service.durationMinutes)
        .filter((s) => s.getTime() > now)
        .map((s) => ({
          startsAt: s.toISOString(),
          time: zonedTime(s, tz),
          free: Math.max(0, desks - (taken.get(s.getTime()) ?? 0)),
        }));
    },

    /**
     * The days a date picker offers for a service at a branch: from the first day with a time still ahead
     * (today, until its last slot has begun) to the horizon's last day with times, and the closed days
     * between them with the reason (the Latvian working-day calendar, then the branch's weekly hours).
     */
    async calendar(branchId: string, serviceCode: ServiceCode): Promise<BookingCalendar> {
      const { service, hours } = await offerOf(branchId, serviceCode);
      const first = today();
      const now = clock.now().getTime();
      const closedDays: BookingCalendar['closedDays'] = [];
      let firstDay: PlainDate | null = null;
      let lastDay: PlainDate | null = null;
      for (let day = first; compareDates(day, addDays(first, BOOKING_HORIZON_DAYS)) <= 0; day = addDays(day, 1)) {
        const reason = closedReason(day, hours, service.durationMinutes);
        if (reason) closedDays.push({ date: day, reason });
        else if (slotsOn(day, hours, service.durationMinutes).some((t) => t.getTime() > now)) {
          firstDay ??= day;
          lastDay = day;
        }
      }
      // Closed days before the first or after the last bookable day are outside the picker anyway.
      const within = closedDays.filter((d) => firstDay && lastDay && d.date > firstDay && d.date < lastDay);
      return { today: first, horizonDays: BOOKING_HORIZON_DAYS, firstDay, lastDay, closedDays: within };
    },

    /**
     * Books a slot for the resident, their minor child or ward. The slot must be one of the offer's, still
     * ahead and within the horizon; one booking per person and service at a time (moving it names the one
     * it replaces). A free desk is taken by an insert the unique index guards, so a full slot says so.
     */
    async book(
      actor: ResidentActor,
      input: {
        branchId: string;
        serviceCode: ServiceCode;
        startsAt: string;
        forPersonId?: string | undefined;
        contactEmail?: string | undefined;
        language: 'lv' | 'en';
        replaces?: string | undefined;
        applicationCaseId?: string | undefined;
      },
    ): Promise<BookingView> {
      const holders = await holdersOf(actor.personId);
      const personId = input.forPersonId ?? actor.personId;
      const name = holders.get(personId);
      if (!name) invalid('forPersonId', 'You may book only for yourself, your minor child or your ward');
      if (input.applicationCaseId && !(await deps.preparedApplication?.(personId, input.applicationCaseId))) {
        invalid('applicationCaseId', `${name} has no application prepared online with this id waiting for a visit`);
      }
      const { branch, service, desks, hours } = await offerOf(input.branchId, input.serviceCode);
      const startsAt = new Date(input.startsAt);
      const date = plainDateInZone(startsAt, tz);
      requireBookable(startsAt, hours, service.durationMinutes);
      const now = clock.now().toISOString();
      const booking = await db.transaction().execute((trx) =>
        audit.deferredIn(trx, async () => {
          await repository.lockBooking(
            trx,
            { personId, serviceCode: input.serviceCode },
            { branchId: input.branchId, serviceCode: input.serviceCode, startsAt: startsAt.toISOString() },
          );
          let contactEmail = input.contactEmail ?? null;
          if (input.replaces) {
            const old = await repository.byId(trx, input.replaces, true);
            if (!old || !holders.has(old.personId)) throw new AppError('NOT_FOUND', 'No such booking of yours to move');
            if (old.status !== 'booked' || old.serviceCode !== input.serviceCode || old.personId !== personId)
              throw new AppError('INVALID_STATE', 'Only a booked visit of the same person and service can be moved', {
                rule: { id: 'appointment.move-same-visit' },
              });
            await repository.setStatus(trx, old.id, 'cancelled', now);
            // A moved visit keeps the address its confirmation went to, unless a new one is given.
            contactEmail ??= old.contactEmail;
          }
          const existing = await repository.activeOf(trx, personId, input.serviceCode, now);
          if (existing.length > 0) {
            const at = new Date(existing[0]?.startsAt as string);
            throw new AppError(
              'CONFLICT',
              `${name} already has this appointment on ${plainDateInZone(at, tz)} at ${zonedTime(at, tz)}: move or cancel it`,
              {
                rule: { id: 'appointment.one-per-service', values: { name, startsAt: at.toISOString() } },
              },
            );
          }
          const row = {
            id: randomUUID(),
            branchId: input.branchId,
            serviceCode: input.serviceCode,
            startsAt: startsAt.toISOString(),
            personId,
            bookedByPersonId: actor.personId,
            contactEmail,
            language: input.language,
            status: 'booked' as const,
            createdAt: now,
            changedAt: now,
            applicationCaseId: input.applicationCaseId ?? null,
          };
          const desk = await repository.takeSeat(trx, row, desks);
          if (desk === undefined)
            throw new AppError('CONFLICT', 'This time was just taken: choose another', {
              details: [{ path: 'startsAt', message: 'no desk free' }],
              rule: { id: 'appointment.slot-taken' },
            });
          await audit.record(trx, {
            actor: actor.audit,
            action: 'create',
            purpose: personId === actor.personId ? 'data-subject-access' : 'legal-representative-access',
            legalBasis: LEGAL_BASIS,
            subjectPersonId: personId,
            resource: 'appointments.booking',
            touched: ['booking'],
            requestId: actor.requestId ?? null,
          });
          if (row.contactEmail) {
            await notifications.enqueue(trx, [
              {
                eventKey: `appointment:${row.id}:booked:${row.contactEmail}`,
                channel: 'email',
                recipient: row.contactEmail,
                language: input.language,
                template: 'appointment-booked',
                params: {
                  branch: input.language === 'en' ? branch.nameEn : branch.nameLv,
                  address: branch.address ?? '',
                  date,
                  time: zonedTime(startsAt, tz),
                  service: input.language === 'en' ? service.nameEn : service.nameLv,
                  name,
                },
              },
            ]);
          }
          return { ...row, desk };
        }),
      );
      return view(booking, name);
    },

    /** Cancels a booked visit still ahead; the answer says until when the cancellation can be undone. */
    async cancel(actor: ResidentActor, bookingId: string): Promise<BookingView & { undoUntil: string }> {
      const holders = await holdersOf(actor.personId);
      const at = clock.now();
      const row = await db.transaction().execute((trx) =>
        audit.deferredIn(trx, async () => {
          const b = await repository.byId(trx, bookingId, true);
          if (!b || !holders.has(b.personId)) throw new AppError('NOT_FOUND', 'No such booking of yours');
          if (b.status !== 'booked')
            throw new AppError('INVALID_STATE', `This booking is ${b.status}`, {
              rule: { id: 'appointment.not-booked', values: { bookingStatus: b.status } },
            });
          if (new Date(b.startsAt).getTime() <= clock.now().getTime())
            throw new AppError('INVALID_STATE', 'A visit that has begun cannot be cancelled', {
              rule: { id: 'appointment.cancel-after-start', values: { startsAt: new Date(b.startsAt).toISOString() } },
            });
          await repository.setStatus(trx, b.id, 'cancelled', at.toISOString());
          await audit.record(trx, {
            actor: actor.audit,
            action: 'update',
            purpose: b.personId === actor.personId ? 'data-subject-access' : 'legal-representative-access',
            legalBasis: LEGAL_BASIS,
            subjectPersonId: b.personId,
            resource: 'appointments.booking',
            touched: ['status'],
            requestId: actor.requestId ?? null,
          });
          return { ...b, status: 'cancelled' as const };
        }),
      );
      const undoUntil = new Date(
        Math.min(at.getTime() + UNDO_CANCEL_MS, new Date(row.startsAt).getTime()),
      ).toISOString();
      return { ...(await view(row, holders.get(row.personId) ?? '')), undoUntil };
    },

    /**
     * Undoes a cancellation the resident made a moment ago (STYLE §13: destructive actions offer undo): the
     * booking is booked again on its desk, or on another of its slot, if one is free; in one transaction
     * with the audit entry. Refused once the undo time is over, the visit's time has come, the person has
     * booked the service again (a visit that was moved, too), or the slot has been taken meanwhile.
     */
    async restore(actor: ResidentActor, bookingId: string): Promise<BookingView> {
      const holders = await holdersOf(actor.personId);
      const now = clock.now();
      // The desks of the visit's slot, if the branch still offers it then (hours and services can change while
      // it was cancelled). Read before the transaction: the embedded engine has one connection, which the
      // transaction holds. A refusal is kept and given in its turn, after the booking's own checks.
      const before = await repository.byId(db, bookingId);
      const offered = before && holders.has(before.personId) ? await desksStillOffered(before) : 0;
      try {
        const row = await db.transaction().execute((trx) =>
          audit.deferredIn(trx, async () => {
            const b = await repository.byId(trx, bookingId, true);
            if (!b || !holders.has(b.personId)) throw new AppError('NOT_FOUND', 'No such booking of yours');
            if (b.status !== 'cancelled')
              throw new AppError(
                'INVALID_STATE',
                `This booking is ${b.status}, not cancelled: there is nothing to undo`,
                { rule: { id: 'appointment.undo-not-cancelled', values: { bookingStatus: b.status } } },
              );
            if (now.getTime() - new Date(b.changedAt).getTime() > UNDO_CANCEL_MS)
              throw new AppError(
                'INVALID_STATE',
                `A cancellation can be undone for ${UNDO_CANCEL_MS / 60_000} minutes only: book a new time`,
                {
                  rule: { id: 'appointment.undo-too-late', values: { minutes: UNDO_CANCEL_MS / 60_000 } },
                },
              );
            if (new Date(b.startsAt).getTime() <= now.getTime())
              throw new AppError('INVALID_STATE', 'The time of this visit has come: book a new time', {
                rule: { id: 'appointment.undo-after-start', values: { startsAt: new Date(b.startsAt).toISOString() } },
              });
            await repository.lockBooking(trx, b, { ...b, startsAt: new Date(b.startsAt).toISOString() });
            const again = await repository.activeOf(trx, b.personId, b.serviceCode, now.toISOString());
            if (again.length > 0)
              throw new AppError(
                'INVALID_STATE',
                `${holders.get(b.personId) ?? ''} has booked this service again since: the cancelled visit cannot be restored`,
                {
                  rule: {
                    id: 'appointment.undo-booked-again',
                    values: {
                      name: holders.get(b.personId) ?? '',
                      startsAt: new Date(again[0]?.startsAt as string).toISOString(),
                    },
                  },
                },
              );
            if (offered instanceof AppError) throw offered;
            const desk = await repository.restoreSeat(trx, b, offered, now.toISOString());
            if (desk === undefined) throw slotTakenMeanwhile();
            await audit.record(trx, {
              actor: actor.audit,
              action: 'update',
              purpose: b.personId === actor.personId ? 'data-subject-access' : 'legal-representative-access',
              legalBasis: LEGAL_BASIS,
              subjectPersonId: b.personId,
              resource: 'appointments.booking',
              touched: ['status'],
              requestId: actor.requestId ?? null,
            });
            return { ...b, status: 'booked' as const, desk, changedAt: now.toISOString() };
          }),
        );
        return await view(row, holders.get(row.personId) ?? '');
      } catch (e) {
        // Only the seat index can refuse the update; another unique violation is not this refusal.
        if (
          (e as { code?: unknown; constraint?: unknown }).code === '23505' &&
          String((e as { constraint?: unknown }).constraint ?? '').includes('seat')
        )
          throw slotTakenMeanwhile();
        throw e;
      }
    },

    /** The resident's bookings (and their children's and wards') from a week ago on. */
    async mine(actor: ResidentActor): Promise<BookingView[]> {
      const holders = await holdersOf(actor.personId);
      const from = new Date(clock.now().getTime() - 7 * 86_400_000).toISOString();
      const rows = await repository.ofPersons(db, [...holders.keys()], from);
      // Each person whose visits are listed (the resident, a child, a ward) is one use of their data, as when
      // the resident opens their own register data; all in one group-committed statement.
      await audit.recordManyCommitted(
        [...new Set(rows.map((r) => r.personId))].map((personId) => ({
          actor: actor.audit,
          action: 'read',
          purpose: personId === actor.personId ? 'data-subject-access' : 'legal-representative-access',
          legalBasis: LEGAL_BASIS,
          subjectPersonId: personId,
          resource: 'appointments.booking',
          touched: ['bookings'],
          requestId: actor.requestId ?? null,
        })),
      );
      return views(rows, (id) => holders.get(id) ?? '');
    },

    /** The desk's list of the day at the officer's branch, with names (each read audited) and the walk-in queue. */
    async dayList(actor: DeskActor, date: PlainDate) {
      const { from, to } = dayBounds(date);
      const { rows, names, queue } = await db.transaction().execute(async (trx) => {
        const rows = await repository.ofBranch(trx, actor.branchId, from, to);
        const names = await register.namesFor(
          trx,
          { actor: actor.audit, channel: 'desk', reason: `appointments of ${date}`, requestId: actor.requestId },
          rows.map((r) => r.personId),
        );
        // The walk-in queue is today's, whichever day's list the officer looks at.
        return { rows, names, queue: await repository.queue(trx, actor.branchId, today()) };
      });
      return { appointments: await views(rows, (id) => names.get(id) ?? ''), queue };
    },

    /** Today's figures at a branch for a start page: counts only, so no visitor's name is read (nothing to audit). */
    async daySummary(
      branchId: string,
    ): Promise<{ date: PlainDate; expected: number; arrived: number; waitingTickets: number }> {
      const date = today();
      const { from, to } = dayBounds(date);
      const [rows, queue] = await Promise.all([
        repository.ofBranch(db, branchId, from, to),
        repository.queue(db, branchId, date),
      ]);
      return {
        date,
        expected: rows.filter((r) => r.status === 'booked').length,
        arrived: rows.filter((r) => r.status === 'arrived').length,
        waitingTickets: queue.waiting,
      };
    },

    /** The officer marks a visitor as arrived (on the day) or as not come (once the time has passed). */
    async mark(actor: DeskActor, bookingId: string, status: 'arrived' | 'no-show'): Promise<BookingView> {
      const { row, name } = await db.transaction().execute(async (trx) => {
        const b = await repository.byId(trx, bookingId, true);
        if (!b || b.branchId !== actor.branchId) throw new AppError('NOT_FOUND', 'No such booking at your branch');
        if (b.status !== 'booked')
          throw new AppError('INVALID_STATE', `This booking is already ${b.status}`, {
            rule: { id: 'appointment.already-marked', values: { bookingStatus: b.status } },
          });
        const at = new Date(b.startsAt);
        if (plainDateInZone(at, tz) !== today())
          throw new AppError('INVALID_STATE', 'Visits are marked on their day', {
            rule: { id: 'appointment.mark-on-the-day', values: { date: plainDateInZone(at, tz) } },
          });
        if (status === 'no-show' && at.getTime() > clock.now().getTime())
          throw new AppError('INVALID_STATE', 'A visitor can be marked as not come only after the time has passed', {
            rule: { id: 'appointment.no-show-after-start', values: { startsAt: at.toISOString() } },
          });
        await repository.setStatus(trx, b.id, status, clock.now().toISOString());
        const names = await register.namesFor(
          trx,
          { actor: actor.audit, channel: 'desk', reason: `appointment ${status}`, requestId: actor.requestId },
          [b.personId],
        );
        return { row: { ...b, status }, name: names.get(b.personId) ?? '' };
      });
      return view(row, name);
    },

    async issueTicket(actor: DeskActor, serviceCode: ServiceCode) {
      await offerOf(actor.branchId, serviceCode);
      const day = today();
      const number = await repository.issueTicket(db, actor.branchId, day, serviceCode, clock.now().toISOString());
      const queue = await repository.queue(db, actor.branchId, day);
      return { number, waitingBefore: Math.max(0, queue.waiting - 1) };
    },

    async callNext(actor: DeskActor) {
      const day = today();
      const called = await repository.callNext(db, actor.branchId, day, actor.accountId, clock.now().toISOString());
      const queue = await repository.queue(db, actor.branchId, day);
      return {
        number: called?.number ?? null,
        serviceCode: (called?.serviceCode as ServiceCode | undefined) ?? null,
        waiting: queue.waiting,
      };
    },

    async queue(branchId: string) {
      if (!(await deps.branches()).some((b) => b.id === branchId)) throw new AppError('NOT_FOUND', 'No such branch');
      const q = await repository.queue(db, branchId, today());
      return { lastCalled: q.lastCalled, waiting: q.waiting };
    },

    /** Reminds visitors a day ahead; each booking's reminder has one key, so a repeated round sends nothing twice. */
    async remind(limit = 5000): Promise<number> {
      const now = clock.now().getTime();
      const rows = await repository.dueForReminder(
        db,
        new Date(now).toISOString(),
        new Date(now + REMINDER_AHEAD_MS).toISOString(),
        limit,
      );
      const [branches, services] = await Promise.all([deps.branches(), repository.services(db)]);
      await db.transaction().execute(async (trx) => {
        await notifications.enqueue(
          trx,
          rows.map((r) => {
            const at = new Date(r.startsAt);
            const branch = branches.find((b) => b.id === r.branchId);
            const service = services.find((s) => s.code === r.serviceCode);
            return {
              eventKey: `appointment:${r.id}:reminder`,
              channel: 'email' as const,
              recipient: r.contactEmail as string,
              language: r.language,
              template: 'appointment-reminder' as const,
              params: {
                branch: (r.language === 'en' ? branch?.nameEn : branch?.nameLv) ?? '',
                address: branch?.address ?? '',
                date: plainDateInZone(at, tz),
                time: zonedTime(at, tz),
                service: (r.language === 'en' ? service?.nameEn : service?.nameLv) ?? r.serviceCode,
              },
            };
          }),
        );
      });
      return rows.length;
    },

    /** A branch's opening hours and desks per service, for an administrator or the branch's supervisor. */
    async settings(actor: ConfiguringActor, branchId: string): Promise<BranchSettings> {
      await requireConfigurable(actor, branchId);
      const [offers, hours] = await Promise.all([repository.branchServices(db), repository.openingHours(db)]);
      return {
        hours: hours
          .filter((h) => h.branchId === branchId)
          .map(({ isoWeekday, opens, closes }) => ({ isoWeekday, opens, closes })),
        services: offers
          .filter((o) => o.branchId === branchId)
          .map((o) => ({ code: o.serviceCode as ServiceCode, desks: o.desks })),
      };
    },

    /**
     * Sets a branch's hours and desks. Booked visits that no longer fit (their time is no slot now, or
     * their desk is gone) stay booked: the answer counts them, and the branch contacts those people.
     */
    async saveSettings(
      actor: ConfiguringActor,
      branchId: string,
      input: BranchSettings,
    ): Promise<BranchSettings & { bookingsOutsideSlots: number }> {
      await requireConfigurable(actor, branchId);
      input.hours.forEach((h, i) => {
        if (input.hours.findIndex((x) => x.isoWeekday === h.isoWeekday) !== i)
          invalid(`hours.${i}.isoWeekday`, 'A weekday is listed twice', 'listed-twice');
        if (h.closes <= h.opens)
          invalid(`hours.${i}.closes`, 'The branch must close after it opens', 'closes-before-opens');
      });
      input.services.forEach((x, i) => {
        if (input.services.findIndex((y) => y.code === x.code) !== i)
          invalid(`services.${i}.code`, 'A service is listed twice', 'listed-twice');
      });
      const services = await repository.services(db);
      const outside = await db.transaction().execute(async (trx) => {
        await repository.replaceSettings(trx, branchId, input.hours, input.services);
        const booked = await repository.bookedFrom(trx, branchId, clock.now().toISOString());
        return booked.filter((b) => {
          const offer = input.services.find((x) => x.code === b.serviceCode);
          const duration = services.find((x) => x.code === b.serviceCode)?.durationMinutes ?? 0;
          const at = new Date(b.startsAt);
          return (
            !offer ||
            b.desk > offer.desks ||
            !slotsOn(plainDateInZone(at, tz), input.hours, duration).some((s) => s.getTime() === at.getTime())
          );
        }).length;
      });
      return { ...input, bookingsOutsideSlots: outside };
    },

    /**
     * Demo visits on the next working day at the online-applications branch, booked through the service like
     * real ones, so the desk's list has people on first start. Only while no booking exists.
     */
    async seedDemo(branchId: string, visitors: ReadonlyArray<{ personId: string }>): Promise<number> {
      if (await repository.anyBooking(db)) return 0;
      let day = addDays(today(), 1);
      while (
        slotsOn(
          day,
          (await repository.openingHours(db)).filter((h) => h.branchId === branchId),
          15,
        ).length === 0
      )
        day = addDays(day, 1);
      const plan: Array<[ServiceCode, string]> = [
        ['document-application', '09:00'],
        ['document-pickup', '09:30'],
        ['document-application', '10:15'],
      ];
      let booked = 0;
      for (const [i, v] of visitors.slice(0, plan.length).entries()) {
        const [service, time] = plan[i] as [ServiceCode, string];
        await this.book(
          {
            personId: v.personId,
            audit: { type: 'system', id: 'demo-seed', name: null, role: 'system', institution: 'Civitas' },
          },
          {
            branchId,
            serviceCode: service,
            startsAt: zonedInstant(day, time, tz).toISOString(),
            language: 'lv',
          },
        );
        booked++;
      }
      return booked;
    },

    /** Default services and opening hours for the office's own branches that have none (first start). */
    async ensureDefaults(): Promise<void> {
      await repository.ensureDefaults(
        db,
        (await deps.branches()).filter((b) => b.ownOffice).map((b) => b.id),
        DEFAULT_SERVICES,
        DEFAULT_HOURS,
      );
    },
  };
}
export type AppointmentsService = ReturnType<typeof createAppointmentsService>;
