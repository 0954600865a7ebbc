/**
 * Booking a visit (or moving one): for whom, where, what for, which day, and one of the free times. The
 * date field offers only the days the server's calendar says can be booked (from the first to the last,
 * a closed day named as such); moving a visit starts at the visit's own day and says which visit it is.
 */
import { useState, type FormEvent } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  bookAppointment, bookingCalendar, listBranchOffers, listFreeSlots, listMyAppointments, SERVICE_CODES,
  type BookingCalendar, type BookingView, type ServiceCode,
} from '../../shared/contracts/appointments.contract.ts';
import { listMySubjects } from '../../shared/contracts/register.contract.ts';
import { addDays, parsePlainDate, type PlainDate } from '../../shared/kernel/plain-date.ts';
import { callApi } from '../api/client.ts';
import { useLocale, useT } from '../i18n/I18nProvider.tsx';
import { PageTitle } from '../ui/Layout.tsx';
import { ErrorSummary, Notice, TextField, type FormError } from '../ui/forms.tsx';
import { RadioGroup, SelectField } from '../ui/fields.tsx';
import { useFormErrors } from '../ui/errors.ts';
import { useFormat } from '../ui/format.ts';

/** Why the chosen day cannot be booked, as a catalogue key and its values; the next open day if there is one. */
type DayProblem = { key: string; values: Record<string, string | number>; next?: PlainDate };

function dayProblem(calendar: BookingCalendar, date: string, formatDate: (d: string) => string): DayProblem | undefined {
  const day = parsePlainDate(date);
  if (!day || !calendar.firstDay || !calendar.lastDay) return undefined;
  if (day < calendar.firstDay) return { key: 'appointments.book.beforeFirst', values: { first: formatDate(calendar.firstDay) }, next: calendar.firstDay as PlainDate };
  if (day > calendar.lastDay) return { key: 'appointments.book.afterLast', values: { days: calendar.horizonDays, last: formatDate(calendar.lastDay) } };
  const closed = new Map(calendar.closedDays.map((d) => [d.date, d.reason]));
  const reason = closed.get(day);
  if (!reason) return undefined;
  let next = addDays(day, 1);
  while (closed.has(next)) next = addDays(next, 1);
  return { key: `appointments.book.closed.${reason}`, values: { date: formatDate(day) }, ...(next <= calendar.lastDay ? { next } : {}) };
}

export function BookAppointmentPage() {
  const t = useT();
  const f = useFormat();
  const formErrors = useFormErrors();
  const { locale } = useLocale();
  const [search] = useSearchParams();
  const replaces = search.get('replaces') ?? undefined;
  // An application prepared online that this visit is for.
  const application = search.get('application') ?? undefined;
  const offers = useQuery({ queryKey: ['branch-offers'], queryFn: () => callApi(listBranchOffers) });
  const subjects = useQuery({ queryKey: ['my-subjects'], queryFn: () => callApi(listMySubjects) });
  const mine = useQuery({ queryKey: ['my-appointments'], queryFn: () => callApi(listMyAppointments), enabled: Boolean(replaces) });
  const moving = replaces ? mine.data?.appointments.find((b) => b.id === replaces) : undefined;
  const [person, setPerson] = useState(search.get('person') ?? '');
  const [branchId, setBranchId] = useState(search.get('branch') ?? '');
  const [serviceChoice, setService] = useState<ServiceCode>((search.get('service') as ServiceCode | null) ?? 'document-application');
  const [picked, setPicked] = useState<string>();
  const [startsAt, setStartsAt] = useState('');
  const [email, setEmail] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const service = moving?.serviceCode ?? serviceChoice;
  const branch = branchId || moving?.branchId || offers.data?.branches[0]?.id || '';
  const chosenPerson = moving?.personId ?? (person || subjects.data?.subjects[0]?.personId || '');
  const calendar = useQuery({ queryKey: ['booking-calendar', branch, service], queryFn: () => callApi(bookingCalendar, { query: { branchId: branch, service } }), enabled: Boolean(branch) });
  // The day shown: the one picked, else the visit's own day when moving it, else the first bookable day.
  const date = picked ?? moving?.date ?? calendar.data?.firstDay ?? '';
  const problem = calendar.data ? dayProblem(calendar.data, date, f.date) : undefined;
  const slots = useQuery({
    queryKey: ['slots', branch, service, date],
    queryFn: () => callApi(listFreeSlots, { query: { branchId: branch, service, date } }),
    enabled: Boolean(branch && calendar.data?.firstDay && parsePlainDate(date) && !problem),
  });
  const labels = { startsAt: t('appointments.field.time'), forPersonId: t('appointments.field.person'), contactEmail: t('appointments.field.email'), date: t('appointments.field.date') };
  const book = useMutation({
    mutationFn: () => callApi(bookAppointment, { body: {
      branchId: branch, serviceCode: service, startsAt, language: locale, ...(email.trim() ? { contactEmail: email.trim() } : {}),
      ...(chosenPerson && chosenPerson !== subjects.data?.subjects[0]?.personId ? { forPersonId: chosenPerson } : {}), ...(replaces ? { replaces } : {}), ...(application ? { applicationCaseId: application } : {}),
    } }),
    onError: (e) => {
      setErrors(formErrors(e, labels));
      void slots.refetch();
      void calendar.refetch();
    },
  });
  const chooseDay = (day: string) => { setPicked(day); setStartsAt(''); };
  const send = (e: FormEvent) => {
    e.preventDefault();
    if (problem) return setErrors([{ field: 'date', message: t(problem.key, problem.values) }]);
    if (!startsAt) return setErrors([{ field: 'startsAt', message: t('appointments.book.chooseTime') }]);
    book.mutate();
  };
  if (book.data) return <Navigate to="/my/appointments" replace state={{ booked: book.data, moved: Boolean(replaces) }} />;
  const title = t(replaces ? 'appointments.book.moveTitle' : 'appointments.book.title');
  if (replaces && mine.data && (!moving || moving.status !== 'booked' || new Date(moving.startsAt).getTime() <= Date.now())) {
    return <MovingGone title={title} />;
  }
  return (
    <>
      <PageTitle>{title}</PageTitle>
      {moving && <MovingVisit visit={moving} />}
      <ErrorSummary errors={errors} />
      <form onSubmit={send} noValidate>
        {!replaces && subjects.data && subjects.data.subjects.length > 1 && (
          <RadioGroup name="person" legend={t('appointments.field.person')} value={chosenPerson} onChange={setPerson}
            options={subjects.data.subjects.map((s) => ({ value: s.personId, label: t(`portal.data.subject.${s.relation}`, { name: `${s.givenNames} ${s.surname}` }) }))} />
        )}
        <SelectField id="branch" label={t('appointments.field.branch')} value={branch} onChange={(e) => { setBranchId(e.target.value); setStartsAt(''); }}>
          {offers.data?.branches.map((b) => <option key={b.id} value={b.id}>{locale === 'en' ? b.nameEn : b.nameLv}{b.address ? ` — ${b.address}` : ''}</option>)}
        </SelectField>
        <SelectField id="service" label={t('appointments.field.service')} value={service} disabled={Boolean(replaces)} onChange={(e) => { setService(e.target.value as ServiceCode); setStartsAt(''); }}>
          {SERVICE_CODES.map((s) => <option key={s} value={s}>{t(`appointments.service.${s}`)}</option>)}
        </SelectField>
        <DayChoice calendar={calendar.data} date={date} problem={problem} label={labels.date} error={errors.find((x) => x.field === 'date')?.message} onChange={chooseDay} />
        {!problem && slots.data && <SlotChoice slots={slots.data.slots} value={startsAt} onChange={setStartsAt} error={errors.find((x) => x.field === 'startsAt')?.message} />}
        <TextField id="contactEmail" type="email" label={t('appointments.field.email')} hint={t('appointments.book.emailHint')} value={email} onChange={(e) => setEmail(e.target.value)} />
        <button type="submit" className="button" disabled={book.isPending}>{t(replaces ? 'appointments.book.move' : 'appointments.book.submit')}</button>
      </form>
    </>
  );
}

/**
 * The date field, bounded by the first and last bookable day; a day that cannot be booked is named as
 * such (a holiday, a weekend…) with a button to the next open day, instead of "no free times".
 */
function DayChoice({ calendar: cal, date, problem, label, error, onChange }: {
  calendar: BookingCalendar | undefined; date: string; problem: DayProblem | undefined; label: string; error: string | undefined; onChange: (day: string) => void;
}) {
  const t = useT();
  const f = useFormat();
  return (
    <>
      {cal && !cal.firstDay && <Notice kind="warning">{t('appointments.book.noDays', { days: cal.horizonDays })}</Notice>}
      <TextField id="date" type="date" label={label} value={date} onChange={(e) => onChange(e.target.value)} min={cal?.firstDay ?? undefined} max={cal?.lastDay ?? undefined} error={error}
        hint={cal?.firstDay && cal.lastDay ? t('appointments.book.dateHint', { first: f.date(cal.firstDay), last: f.date(cal.lastDay) }) : undefined} />
      {problem && (
        <Notice kind="warning">
          <p>{t(problem.key, problem.values)}</p>
          {problem.next && <button type="button" className="button button--secondary" onClick={() => onChange(problem.next as string)}>{t('appointments.book.nextOpen', { date: f.date(problem.next) })}</button>}
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
      <p><Link to="/my/appointments">{t('appointments.book.backToMine')}</Link></p>
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
        <dt>{t('appointments.field.service')}</dt><dd>{t(`appointments.service.${visit.serviceCode}`)}</dd>
        <dt>{t('appointments.field.branch')}</dt><dd>{locale === 'en' ? visit.branchNameEn : visit.branchName}</dd>
        <dt>{t('appointments.field.when')}</dt><dd>{f.dateTime(visit.startsAt)}</dd>
        <dt>{t('appointments.field.person')}</dt><dd>{visit.personName}</dd>
      </dl>
      <p>{t('appointments.book.movingIntro')}</p>
    </section>
  );
}

/** The day's free times as radio buttons (full ones left out), or word that there are none. */
function SlotChoice({ slots, value, onChange, error }: { slots: ReadonlyArray<{ startsAt: string; time: string; free: number }>; value: string; onChange: (startsAt: string) => void; error: string | undefined }) {
  const t = useT();
  const f = useFormat();
  const free = slots.filter((s) => s.free > 0);
  if (free.length === 0) return <Notice kind="info">{t('appointments.book.noSlots')}</Notice>;
  return (
    <fieldset className={`fieldset${error ? ' field--error' : ''}`} id="startsAt">
      <legend>{t('appointments.field.time')}</legend>
      {error && <p className="field-error">{error}</p>}
      <div className="slot-grid">
        {free.map((s) => (
          <div className="radio" key={s.startsAt}>
            <input type="radio" id={`slot-${s.time}`} name="slot" value={s.startsAt} checked={value === s.startsAt} onChange={() => onChange(s.startsAt)} />
            <label htmlFor={`slot-${s.time}`}>{f.time(s.startsAt)} <span className="hint">({t('appointments.book.free', { count: s.free })})</span></label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
