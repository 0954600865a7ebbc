/**
 * Booking a visit (or moving one): for whom, where, what for, which day, and one of the free times. The
 * date field offers only the days the server's calendar says can be booked (from the first to the last,
 * a closed day named as such); moving a visit starts at the visit's own day and says which visit it is.
 * The form is the contract's BookingInput (decision 0022), holding the day and the time picked from it.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useWatch } from 'react-hook-form';
import { z } from 'zod';
import {
  bookAppointment,
  BookingInput,
  bookingCalendar,
  listBranchOffers,
  listFreeSlots,
  listMyAppointments,
  SERVICE_CODES,
  type BookingCalendar,
  type BookingView,
  type BranchOffer,
  type ClosedReason,
  type Slot,
} from '../../shared/contracts/appointments.contract.ts';
import { listMySubjects, type MySubject } from '../../shared/contracts/register.contract.ts';
import type { FieldReason } from '../../shared/errors.ts';
import { addDays, parsePlainDate, PlainDateSchema, type PlainDate } from '../../shared/kernel/plain-date.ts';
import { callApi } from '../api/client.ts';
import { useLocale, useT } from '../i18n/I18nProvider.tsx';
import { PageTitle } from '../ui/Layout.tsx';
import { Notice } from '../ui/Notice.tsx';
import { useProblemText } from '../ui/errors.ts';
import { useFormat } from '../ui/format.ts';
import { refusedAtFormFields } from '../ui/refused-fields.ts';
import { Form } from '../ui/form/Form.tsx';
import { DateInput, Radios, Select, SubmitButton, TextInput } from '../ui/form/fields.tsx';
import { RadioGrid } from '../ui/form/RadioGrid.tsx';
import { useContractForm, type ContractForm } from '../ui/form/useContractForm.ts';

/**
 * Why the chosen day cannot be booked: the catalogue key that says so under the date field (its values,
 * dates as ISO), the server's reason for refusing a time on it, and the next open day if there is one.
 */
type DayProblem = { key: string; values: Record<string, string | number>; reason: FieldReason; next?: PlainDate };

/** The server's reason for refusing a time on a closed day (appointments.service.ts), so the browser says the same. */
const CLOSED_DAY_REASON: Record<ClosedReason, FieldReason> = {
  'public-holiday': 'branch-closed-holiday',
  'rest-day': 'branch-closed-weekend',
  'branch-closed': 'branch-closed-weekday',
};

function dayProblem(calendar: BookingCalendar, date: string): DayProblem | undefined {
  const day = parsePlainDate(date);
  if (!day || !calendar.firstDay || !calendar.lastDay) return undefined;
  if (day < calendar.firstDay)
    return {
      key: 'appointments.book.beforeFirst',
      values: { first: calendar.firstDay },
      reason: 'time-passed',
      next: calendar.firstDay as PlainDate,
    };
  if (day > calendar.lastDay)
    return {
      key: 'appointments.book.afterLast',
      values: { days: calendar.horizonDays, last: calendar.lastDay },
      reason: 'beyond-booking-horizon',
    };
  const closed = new Map(calendar.closedDays.map((d) => [d.date, d.reason]));
  const reason = closed.get(day);
  if (!reason) return undefined;
  let next = addDays(day, 1);
  while (closed.has(next)) next = addDays(next, 1);
  return {
    key: `appointments.book.closed.${reason}`,
    values: { date: day },
    reason: CLOSED_DAY_REASON[reason],
    ...(next <= calendar.lastDay ? { next } : {}),
  };
}

/**
 * The contract's booking as the page holds it: the day, refused as the server would refuse a time on it,
 * and the time picked from that day's list (`slot`, sent as `startsAt`). A time is asked for only on a day
 * that can be booked, so a closed day is named alone; `when` runs that check whatever else is wrong, so
 * every problem shows at once.
 */
function bookingForm(calendar: BookingCalendar | undefined) {
  const problemOn = (date: unknown) => (typeof date === 'string' && calendar ? dayProblem(calendar, date) : undefined);
  return BookingInput.pick({ branchId: true, serviceCode: true, forPersonId: true, contactEmail: true })
    .extend({
      date: PlainDateSchema.superRefine((day, ctx) => {
        const problem = problemOn(day);
        if (problem) ctx.addIssue({ code: 'custom', input: day, params: { reason: problem.reason } });
      }),
      slot: z.string().optional(),
    })
    .refine((v) => Boolean(v.slot) || !parsePlainDate(String(v.date ?? '')) || Boolean(problemOn(v.date)), {
      path: ['slot'],
      message: 'validation.chooseTime',
      when: () => true,
    });
}
type BookingValues = z.output<ReturnType<typeof bookingForm>>;
type Branch = z.infer<typeof BranchOffer>;
type Subject = z.infer<typeof MySubject>;

export function BookAppointmentPage() {
  const t = useT();
  const problemText = useProblemText();
  const [search] = useSearchParams();
  const replaces = search.get('replaces') ?? undefined;
  const offers = useQuery({ queryKey: ['branch-offers'], queryFn: () => callApi(listBranchOffers) });
  const subjects = useQuery({ queryKey: ['my-subjects'], queryFn: () => callApi(listMySubjects) });
  const mine = useQuery({
    queryKey: ['my-appointments'],
    queryFn: () => callApi(listMyAppointments),
    enabled: Boolean(replaces),
  });
  const moving = replaces ? mine.data?.appointments.find((b) => b.id === replaces) : undefined;
  const title = t(replaces ? 'appointments.book.moveTitle' : 'appointments.book.title');
  if (
    replaces &&
    mine.data &&
    (!moving || moving.status !== 'booked' || new Date(moving.startsAt).getTime() <= Date.now())
  ) {
    return <MovingGone title={title} />;
  }
  const failed = offers.error ?? subjects.error ?? mine.error;
  return (
    <>
      <PageTitle>{title}</PageTitle>
      {moving && <MovingVisit visit={moving} />}
      {offers.data && subjects.data && (moving || !replaces) ? (
        <BookingForm
          branches={offers.data.branches}
          subjects={subjects.data.subjects}
          moving={moving}
          search={search}
        />
      ) : (
        <p>{failed ? problemText(failed) : t('common.loading')}</p>
      )}
    </>
  );
}

/** Where the form starts: a link may name the person, branch and service (and the application the visit is for). */
function startingValues(
  search: URLSearchParams,
  branches: readonly Branch[],
  subjects: readonly Subject[],
  moving: BookingView | undefined,
) {
  return {
    forPersonId: search.get('person') ?? subjects[0]?.personId ?? '',
    branchId: search.get('branch') ?? moving?.branchId ?? branches[0]?.id ?? '',
    serviceCode:
      moving?.serviceCode ?? (search.get('service') as BookingValues['serviceCode'] | null) ?? 'document-application',
    date: moving?.date ?? '',
    slot: '',
    contactEmail: '',
  };
}

function BookingForm({
  branches,
  subjects,
  moving,
  search,
}: {
  branches: readonly Branch[];
  subjects: readonly Subject[];
  moving: BookingView | undefined;
  search: URLSearchParams;
}) {
  const t = useT();
  const { locale } = useLocale();
  // The schema checks the day against the calendar of the branch and service chosen in the form itself: the
  // calendar last loaded is kept here, and the schema made again when it changes.
  const [calendarSeen, setCalendarSeen] = useState<BookingCalendar>();
  const schema = useMemo(() => bookingForm(calendarSeen), [calendarSeen]);
  const form = useContractForm(schema, {
    defaultValues: startingValues(search, branches, subjects, moving),
    labels: {
      forPersonId: t('appointments.field.person'),
      branchId: t('appointments.field.branch'),
      serviceCode: t('appointments.field.service'),
      date: t('appointments.field.date'),
      slot: t('appointments.field.time'),
      contactEmail: t('appointments.field.email'),
    },
  });
  const day = useBookingDay(form, Boolean(moving));
  useEffect(() => setCalendarSeen(day.calendar), [day.calendar]);
  const self = subjects.find((s) => s.relation === 'self')?.personId;
  const application = search.get('application') ?? undefined;
  const book = useMutation({
    mutationFn: ({ slot, date: _day, forPersonId, ...values }: BookingValues) => {
      const person = moving?.personId ?? forPersonId;
      return callApi(bookAppointment, {
        body: {
          ...values,
          startsAt: slot ?? '',
          language: locale,
          ...(moving ? { serviceCode: moving.serviceCode, replaces: moving.id } : {}),
          ...(person && person !== self ? { forPersonId: person } : {}),
          ...(application ? { applicationCaseId: application } : {}),
        },
      });
    },
    onError: (e) => {
      form.showServerError(refusedAtFormFields(e, { startsAt: 'slot' }));
      day.refetch();
    },
  });
  if (book.data)
    return <Navigate to="/my/appointments" replace state={{ booked: book.data, moved: Boolean(moving) }} />;
  return (
    <Form form={form} onSubmit={(values) => book.mutate(values)}>
      {!moving && subjects.length > 1 && (
        <Radios
          name="forPersonId"
          options={subjects.map((s) => ({
            value: s.personId,
            label: t(`portal.data.subject.${s.relation}`, { name: `${s.givenNames} ${s.surname}` }),
          }))}
        />
      )}
      <Select name="branchId">
        {branches.map((b) => (
          <option key={b.id} value={b.id}>
            {locale === 'en' ? b.nameEn : b.nameLv}
            {b.address ? ` — ${b.address}` : ''}
          </option>
        ))}
      </Select>
      {/* A move keeps the visit's service: shown, not chosen. */}
      <Select name="serviceCode" disabled={Boolean(moving)}>
        {SERVICE_CODES.map((s) => (
          <option key={s} value={s}>
            {t(`appointments.service.${s}`)}
          </option>
        ))}
      </Select>
      <DayChoice calendar={day.calendar} problem={day.problem} onNextOpen={day.choose} />
      {!day.problem && day.slots && <SlotChoice slots={day.slots} />}
      <TextInput
        name="contactEmail"
        type="email"
        hint={t('appointments.book.emailHint')}
        autoComplete="email"
        spellCheck={false}
      />
      <SubmitButton pending={book.isPending}>
        {t(moving ? 'appointments.book.move' : 'appointments.book.submit')}
      </SubmitButton>
    </Form>
  );
}

/**
 * The calendar of the branch and service chosen, the day's problem and its free times. The day starts at
 * the visit's own day when moving it, else at the first bookable day, and follows the first bookable day
 * of another branch or service until the person picks a day; another branch, service or day clears the time.
 */
function useBookingDay(form: ContractForm<ReturnType<typeof bookingForm>>, moving: boolean) {
  const [branchId, service, date] = useWatch({ control: form.control, name: ['branchId', 'serviceCode', 'date'] }) as [
    string,
    BookingValues['serviceCode'],
    string,
  ];
  const picked = useRef(moving);
  const calendar = useQuery({
    queryKey: ['booking-calendar', branchId, service],
    queryFn: () => callApi(bookingCalendar, { query: { branchId, service } }),
    enabled: Boolean(branchId),
  });
  const problem = calendar.data ? dayProblem(calendar.data, date) : undefined;
  const slots = useQuery({
    queryKey: ['slots', branchId, service, date],
    queryFn: () => callApi(listFreeSlots, { query: { branchId, service, date } }),
    enabled: Boolean(branchId && calendar.data?.firstDay && parsePlainDate(date) && !problem),
  });
  useEffect(() => {
    const watching = form.watch((_, { name, type }) => {
      if (name === 'date' && type === 'change') picked.current = true;
    });
    return () => watching.unsubscribe();
  }, [form]);
  useEffect(() => {
    if (calendar.data && !picked.current) form.setValue('date', calendar.data.firstDay ?? '');
  }, [calendar.data, form]);
  useEffect(() => form.setValue('slot', ''), [branchId, service, date, form]);
  return {
    calendar: calendar.data,
    problem,
    slots: slots.data?.slots,
    choose: (day: string) => {
      picked.current = true;
      form.setValue('date', day, { shouldValidate: form.formState.isSubmitted });
    },
    refetch: () => {
      void slots.refetch();
      void calendar.refetch();
    },
  };
}

/**
 * The date field, bounded by the first and last bookable day; a day that cannot be booked is named as
 * such (a holiday, a weekend…) with a button to the next open day, instead of "no free times".
 */
function DayChoice({
  calendar: cal,
  problem,
  onNextOpen,
}: {
  calendar: BookingCalendar | undefined;
  problem: DayProblem | undefined;
  onNextOpen: (day: string) => void;
}) {
  const t = useT();
  const f = useFormat();
  const asShown = (values: Record<string, string | number>) =>
    Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === 'string' ? f.date(v) : v]));
  return (
    <>
      {cal && !cal.firstDay && (
        <Notice kind="warning">{t('appointments.book.noDays', { days: cal.horizonDays })}</Notice>
      )}
      <DateInput
        name="date"
        min={cal?.firstDay ?? undefined}
        max={cal?.lastDay ?? undefined}
        hint={
          cal?.firstDay && cal.lastDay
            ? t('appointments.book.dateHint', { first: f.date(cal.firstDay), last: f.date(cal.lastDay) })
            : undefined
        }
      />
      {problem && (
        <Notice kind="warning">
          <p>{t(problem.key, asShown(problem.values))}</p>
          {problem.next && (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => onNextOpen(problem.next as string)}
            >
              {t('appointments.book.nextOpen', { date: f.date(problem.next) })}
            </button>
          )}
        </Notice>
      )}
    </>
  );
}

/** The visit to move is cancelled or its time has passed: nothing to move. */
function MovingGone({ title }: { title: string }) {
  const t = useT();
  return (
    <>
      <PageTitle>{title}</PageTitle>
      <Notice kind="warning">{t('appointments.book.movingGone')}</Notice>
      <p>
        <Link to="/my/appointments">{t('appointments.book.backToMine')}</Link>
      </p>
    </>
  );
}

/** Which visit is being moved: what for, where, when, for whom. */
function MovingVisit({ visit }: { visit: BookingView }) {
  const t = useT();
  const f = useFormat();
  const { locale } = useLocale();
  return (
    <section className="panel" aria-labelledby="moving-title">
      <h2 id="moving-title">{t('appointments.book.movingTitle')}</h2>
      <dl className="summary-list">
        <dt>{t('appointments.field.service')}</dt>
        <dd>{t(`appointments.service.${visit.serviceCode}`)}</dd>
        <dt>{t('appointments.field.branch')}</dt>
        <dd>{locale === 'en' ? visit.branchNameEn : visit.branchName}</dd>
        <dt>{t('appointments.field.when')}</dt>
        <dd>{f.dateTime(visit.startsAt)}</dd>
        <dt>{t('appointments.field.person')}</dt>
        <dd>{visit.personName}</dd>
      </dl>
      <p>{t('appointments.book.movingIntro')}</p>
    </section>
  );
}

/** The day's free times as radio buttons (full ones left out), or word that there are none. */
function SlotChoice({ slots }: { slots: ReadonlyArray<z.infer<typeof Slot>> }) {
  const t = useT();
  const f = useFormat();
  const free = slots.filter((s) => s.free > 0);
  if (free.length === 0) return <Notice kind="info">{t('appointments.book.noSlots')}</Notice>;
  return (
    <RadioGrid
      name="slot"
      options={free.map((s) => ({
        value: s.startsAt,
        label: (
          <>
            {f.time(s.startsAt)} <span className="hint">({t('appointments.book.free', { count: s.free })})</span>
          </>
        ),
      }))}
    />
  );
}
