/**
 * The race for slots through the whole booking use case: 1,000 residents book at once, ten for each of 100
 * one-desk slots, and exactly 100 get a booking; the others are told the time was just taken. On the
 * PostgreSQL suite the requests really run side by side (a pool of connections).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/test-app.ts';
import { createAuditRepository, createAuditService } from '../audit/index.ts';
import { createRegisterRepository, createRegisterService } from '../register/index.ts';
import {
  createNotificationsRepository,
  createNotificationsService,
  mailboxTransport,
  recordingSmsTransport,
} from '../notifications/index.ts';
import { AppError } from '../../http/app-error.ts';
import { plainDate, addDays } from '../../../shared/kernel/plain-date.ts';
import { createAppointmentsRepository } from './appointments.repository.ts';
import { createAppointmentsService, type AppointmentsService } from './appointments.service.ts';

let ctx: TestContext;
let service: AppointmentsService;
let branchId: string;
beforeAll(async () => {
  ctx = await createTestContext({ population: 1100 });
  await ctx.app.backgroundJobs.ensureAppointmentDefaults();
  const db = ctx.database.db;
  const clock = ctx.clock;
  // The same use case the HTTP routes call, built from the same parts, so 1,000 residents need no 1,000 sessions.
  const audit = createAuditService({ repository: createAuditRepository(), clock, db });
  const register = createRegisterService({ db, clock, audit, repository: createRegisterRepository() });
  const notifications = createNotificationsService({
    db,
    clock,
    repository: createNotificationsRepository(),
    maxAttempts: 3,
    email: mailboxTransport,
    sms: recordingSmsTransport,
  });
  const branches = async () =>
    (
      await db
        .selectFrom('identity.branch')
        .select(['id', 'code', 'nameLv', 'nameEn', 'address', 'institution'])
        .execute()
    ).map(({ institution, ...b }) => ({ ...b, ownOffice: institution === 'PMLP' }));
  service = createAppointmentsService({
    db,
    clock,
    timeZone: 'Europe/Riga',
    audit,
    register,
    notifications,
    repository: createAppointmentsRepository(),
    branches,
  });
  branchId = ((await branches()).find((b) => b.code === 'RIGA-1') as { id: string }).id;
});
afterAll(() => ctx.close());

describe('1,000 concurrent bookings at 100 slots', () => {
  it('give exactly 100 bookings, one per slot; everyone else hears the time was taken', async () => {
    const slots: string[] = [];
    for (let day = plainDate('2026-12-01'); slots.length < 100; day = addDays(day, 1)) {
      slots.push(...(await service.freeSlots(branchId, 'residence-permit', day)).map((s) => s.startsAt));
    }
    const chosen = slots.slice(0, 100);
    const persons = await ctx.database.db
      .selectFrom('register.person')
      .select('id')
      .where('deathDate', 'is', null)
      .orderBy('id')
      .limit(1000)
      .execute();
    expect(persons).toHaveLength(1000);
    const results = await Promise.allSettled(
      persons.map((p, i) =>
        service.book(
          {
            personId: p.id,
            audit: { type: 'resident', id: p.id, name: null, role: 'resident', institution: 'Civitas' },
          },
          { branchId, serviceCode: 'residence-permit', startsAt: chosen[i % 100] as string, language: 'lv' },
        ),
      ),
    );
    const booked = results.filter((r) => r.status === 'fulfilled');
    expect(booked).toHaveLength(100);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused.every((r) => r.reason instanceof AppError && r.reason.code === 'CONFLICT')).toBe(true);
    const starts = booked.map((r) => (r as PromiseFulfilledResult<{ startsAt: string }>).value.startsAt);
    expect(new Set(starts).size).toBe(100);
    const rows = await ctx.database.db
      .selectFrom('appointments.booking')
      .select('startsAt')
      .where('serviceCode', '=', 'residence-permit')
      .where('status', '=', 'booked')
      .execute();
    expect(rows).toHaveLength(100);
  });
});
