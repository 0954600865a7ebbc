/** The desk's day: the branch's appointments with arrivals and no-shows, and the walk-in ticket queue. */
import { Link } from 'react-router';
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { branchDayList, callNextTicket, issueTicket, markAppointment, SERVICE_CODES, type ServiceCode } from '../../../shared/contracts/appointments.contract.ts';
import { callApi } from '../../api/client.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { PageTitle } from '../../ui/Layout.tsx';
import { ErrorSummary, Notice, TextField, type FormError } from '../../ui/forms.tsx';
import { SelectField } from '../../ui/fields.tsx';
import { useFormErrors } from '../../ui/errors.ts';
import { useFormat } from '../../ui/format.ts';
import { ScrollTable } from '../../ui/Table.tsx';

export function DeskDayPage() {
  const t = useT();
  const formErrors = useFormErrors();
  const f = useFormat();
  const client = useQueryClient();
  const [date, setDate] = useState(() => f.today());
  const [service, setService] = useState<ServiceCode>('document-application');
  const [message, setMessage] = useState<string>();
  const [errors, setErrors] = useState<FormError[]>([]);
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(date);
  const day = useQuery({ queryKey: ['desk-day', date], queryFn: () => callApi(branchDayList, { query: { date } }), enabled: valid, refetchInterval: 15_000 });
  const refresh = () => void client.invalidateQueries({ queryKey: ['desk-day'] });
  const onError = (e: unknown) => { setMessage(undefined); setErrors(formErrors(e, {})); };
  const mark = useMutation({
    mutationFn: (v: { id: string; status: 'arrived' | 'no-show' }) => callApi(markAppointment, { params: { bookingId: v.id }, body: { status: v.status } }),
    onSuccess: (b) => { setErrors([]); setMessage(t(`appointments.desk.marked.${b.status}`, { name: b.personName })); refresh(); },
    onError,
  });
  const ticket = useMutation({
    mutationFn: () => callApi(issueTicket, { body: { serviceCode: service } }),
    onSuccess: (r) => { setErrors([]); setMessage(t('appointments.desk.ticketIssued', { number: r.number, before: r.waitingBefore })); refresh(); },
    onError,
  });
  const next = useMutation({
    mutationFn: () => callApi(callNextTicket),
    onSuccess: (r) => { setErrors([]); setMessage(r.number === null ? t('appointments.desk.nobodyWaiting') : t('appointments.desk.called', { number: r.number })); refresh(); },
    onError,
  });
  const queue = day.data?.queue;
  return (
    <>
      <PageTitle>{t('appointments.desk.title')}</PageTitle>
      {message && <Notice kind="success">{message}</Notice>}
      <ErrorSummary errors={errors} />
      <div className="case-layout">
        <div>
          <TextField id="date" type="date" label={t('appointments.field.date')} value={date} onChange={(e) => setDate(e.target.value)} />
          {day.data && day.data.appointments.length === 0 && <p>{t('appointments.desk.none')}</p>}
          {day.data && day.data.appointments.length > 0 && (
            <ScrollTable>
              <table className="data">
                <caption>{t('appointments.desk.listCaption', { date: f.date(date) })}</caption>
                <thead><tr><th scope="col">{t('appointments.field.time')}</th><th scope="col">{t('appointments.field.person')}</th><th scope="col">{t('appointments.field.service')}</th><th scope="col">{t('appointments.field.status')}</th><th scope="col"><span className="visually-hidden">{t('appointments.field.actions')}</span></th></tr></thead>
                <tbody>
                  {day.data.appointments.map((b) => (
                    <tr key={b.id}>
                      <td>{f.time(b.startsAt)}</td>
                      <td>{b.personName}{b.applicationCaseId && <> <Link className="tag" to={`/register/persons/${b.personId}`}>{t('appointments.preparedApplication')}</Link></>}</td>
                      <td>{t(`appointments.service.${b.serviceCode}`)}</td>
                      <td><span className={`tag${b.status === 'arrived' ? ' tag--success' : b.status === 'no-show' ? ' tag--danger' : ''}`}>{t(`appointments.status.${b.status}`)}</span></td>
                      <td>
                        {/* Visits are marked on their own day: another day's list offers nothing the office would refuse. */}
                        {b.status === 'booked' && date !== f.today() && <span className="hint">{t('appointments.desk.markOnTheDay')}</span>}
                        {b.status === 'booked' && date === f.today() && (
                          <div className="button-row">
                            <button type="button" className="button" disabled={mark.isPending} onClick={() => mark.mutate({ id: b.id, status: 'arrived' })}>{t('appointments.desk.arrived', { name: b.personName })}</button>
                            <button type="button" className="button button--secondary" disabled={mark.isPending} onClick={() => mark.mutate({ id: b.id, status: 'no-show' })}>{t('appointments.desk.noShow', { name: b.personName })}</button>
                          </div>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          )}
        </div>
        <aside aria-labelledby="queue-title">
          <h2 id="queue-title">{t('appointments.desk.queue')}</h2>
          <dl className="summary-list">
            <dt>{t('appointments.desk.lastCalled')}</dt>{queue?.lastCalled == null ? <dd>{t('appointments.desk.noneCalled')}</dd> : <dd className="queue-number">{queue.lastCalled}</dd>}
            <dt>{t('appointments.desk.waiting')}</dt><dd>{queue?.waiting ?? 0}</dd>
          </dl>
          <button type="button" className="button" disabled={next.isPending} onClick={() => next.mutate()}>{t('appointments.desk.callNext')}</button>
          <form className="panel" onSubmit={(e) => { e.preventDefault(); ticket.mutate(); }}>
            <h3>{t('appointments.desk.walkIn')}</h3>
            <SelectField id="ticketService" label={t('appointments.field.service')} value={service} onChange={(e) => setService(e.target.value as ServiceCode)}>
              {SERVICE_CODES.map((s) => <option key={s} value={s}>{t(`appointments.service.${s}`)}</option>)}
            </SelectField>
            <button type="submit" className="button button--secondary" disabled={ticket.isPending}>{t('appointments.desk.issueTicket')}</button>
          </form>
        </aside>
      </div>
    </>
  );
}
