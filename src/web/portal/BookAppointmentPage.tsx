/** Booking a visit (or moving one): for whom, where, what for, which day, and one of the free times. */
import { useState, type FormEvent } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { useMutation, useQuery } from '@tanstack/react-query';
import { bookAppointment, listBranchOffers, listFreeSlots, SERVICE_CODES, type ServiceCode } from '../../shared/contracts/appointments.contract.ts';
import { listMySubjects } from '../../shared/contracts/register.contract.ts';
import { callApi } from '../api/client.ts';
import { useLocale, useT } from '../i18n/I18nProvider.tsx';
import { PageTitle } from '../ui/Layout.tsx';
import { ErrorSummary, Notice, TextField, type FormError } from '../ui/forms.tsx';
import { RadioGroup, SelectField } from '../ui/fields.tsx';
import { formErrorsFrom } from '../ui/errors.ts';
import { localDate } from '../ui/dates.ts';

export function BookAppointmentPage() {
  const t = useT();
  const { locale } = useLocale();
  const [search] = useSearchParams();
  const replaces = search.get('replaces') ?? undefined;
  // An application prepared online that this visit is for.
  const application = search.get('application') ?? undefined;
  const offers = useQuery({ queryKey: ['branch-offers'], queryFn: () => callApi(listBranchOffers) });
  const subjects = useQuery({ queryKey: ['my-subjects'], queryFn: () => callApi(listMySubjects) });
  const [person, setPerson] = useState(search.get('person') ?? '');
  const [branchId, setBranchId] = useState(search.get('branch') ?? '');
  const [service, setService] = useState<ServiceCode>((search.get('service') as ServiceCode | null) ?? 'document-application');
  const [date, setDate] = useState(localDate(1));
  const [startsAt, setStartsAt] = useState('');
  const [email, setEmail] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const branch = branchId || offers.data?.branches[0]?.id || '';
  const chosenPerson = person || subjects.data?.subjects[0]?.personId || '';
  const slots = useQuery({
    queryKey: ['slots', branch, service, date],
    queryFn: () => callApi(listFreeSlots, { query: { branchId: branch, service, date } }),
    enabled: Boolean(branch && /^\d{4}-\d{2}-\d{2}$/.test(date)),
  });
  const labels = { startsAt: t('appointments.field.time'), forPersonId: t('appointments.field.person'), contactEmail: t('appointments.field.email') };
  const book = useMutation({
    mutationFn: () => callApi(bookAppointment, { body: {
      branchId: branch, serviceCode: service, startsAt, language: locale, ...(email.trim() ? { contactEmail: email.trim() } : {}),
      ...(chosenPerson && chosenPerson !== subjects.data?.subjects[0]?.personId ? { forPersonId: chosenPerson } : {}), ...(replaces ? { replaces } : {}), ...(application ? { applicationCaseId: application } : {}),
    } }),
    onError: (e) => {
      setErrors(formErrorsFrom(e, t, labels));
      void slots.refetch();
    },
  });
  const send = (e: FormEvent) => {
    e.preventDefault();
    if (!startsAt) return setErrors([{ field: 'startsAt', message: t('appointments.book.chooseTime') }]);
    book.mutate();
  };
  if (book.data) return <Navigate to="/my/appointments" replace state={{ booked: book.data }} />;
  const free = (slots.data?.slots ?? []).filter((s) => s.free > 0);
  const timeError = errors.find((e) => e.field === 'startsAt')?.message;
  return (
    <>
      <PageTitle>{t(replaces ? 'appointments.book.moveTitle' : 'appointments.book.title')}</PageTitle>
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
        <TextField id="date" type="date" label={t('appointments.field.date')} value={date} onChange={(e) => { setDate(e.target.value); setStartsAt(''); }} />
        {slots.data && free.length === 0 && <Notice kind="info">{t('appointments.book.noSlots')}</Notice>}
        {free.length > 0 && (
          <fieldset className={`fieldset${timeError ? ' field--error' : ''}`} id="startsAt">
            <legend>{t('appointments.field.time')}</legend>
            {timeError && <p className="field-error">{timeError}</p>}
            <div className="slot-grid">
              {free.map((s) => (
                <div className="radio" key={s.startsAt}>
                  <input type="radio" id={`slot-${s.time}`} name="slot" value={s.startsAt} checked={startsAt === s.startsAt} onChange={() => setStartsAt(s.startsAt)} />
                  <label htmlFor={`slot-${s.time}`}>{s.time} <span className="hint">({t('appointments.book.free', { count: s.free })})</span></label>
                </div>
              ))}
            </div>
          </fieldset>
        )}
        <TextField id="contactEmail" type="email" label={t('appointments.field.email')} hint={t('appointments.book.emailHint')} value={email} onChange={(e) => setEmail(e.target.value)} />
        <button type="submit" className="button" disabled={book.isPending}>{t(replaces ? 'appointments.book.move' : 'appointments.book.submit')}</button>
      </form>
    </>
  );
}
