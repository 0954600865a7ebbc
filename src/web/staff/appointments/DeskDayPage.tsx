/** The desk's day: the branch's appointments with arrivals and no-shows, and the walk-in ticket queue. */
import { Link } from 'react-router';
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  branchDayList,
  callNextTicket,
  issueTicket,
  markAppointment,
  SERVICE_CODES,
  type BookingView,
} from '../../../shared/contracts/appointments.contract.ts';
import { callApi } from '../../api/client.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { PageTitle } from '../../ui/Layout.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { useFormat } from '../../ui/format.ts';
import { Form } from '../../ui/form/Form.tsx';
import { DateInput, Select, SubmitButton } from '../../ui/form/fields.tsx';
import { useFilterForm } from '../../ui/form/useFilterForm.ts';
import { NoFields, useContractForm, type ContractForm } from '../../ui/form/useContractForm.ts';
import { ScrollTable } from '../../ui/Table.tsx';

type Queue = z.output<typeof branchDayList.response>['queue'];
/** What an action did, for the notice above the page; `undefined` clears it (a refusal is shown at its form instead). */
type Said = (message: string | undefined) => void;
/** The form whose summary shows a refusal of a button outside any form of its own (the day's form, for marking a visit). */
type Refusals = Pick<ContractForm<z.ZodType>, 'showServerError' | 'clearErrors'>;

export function DeskDayPage() {
  const t = useT();
  const f = useFormat();
  const client = useQueryClient();
  const [message, setMessage] = useState<string>();
  // The day shown is the list's own query; the list keeps the last real day while the field holds none.
  const filter = useFilterForm(branchDayList.query, {
    defaultValues: { date: f.today() },
    labels: { date: t('appointments.field.date') },
  });
  const date = filter.query?.date ?? f.today();
  const day = useQuery({
    queryKey: ['desk-day', date],
    queryFn: () => callApi(branchDayList, { query: { date } }),
    refetchInterval: 15_000,
  });
  const said: Said = (text) => {
    setMessage(text);
    if (text) void client.invalidateQueries({ queryKey: ['desk-day'] });
  };
  return (
    <>
      <PageTitle>{t('appointments.desk.title')}</PageTitle>
      {message && <Notice kind="success">{message}</Notice>}
      <div className="case-layout">
        <div>
          <Form form={filter.form} onSubmit={filter.apply} filter>
            <DateInput name="date" />
          </Form>
          {day.data && <DayList date={date} appointments={day.data.appointments} refusals={filter.form} said={said} />}
        </div>
        <QueuePanel queue={day.data?.queue} said={said} />
      </div>
    </>
  );
}

/** The day's visits; on the day itself, each booked one can be marked (a refusal is shown at the day's form above). */
function DayList({
  date,
  appointments,
  refusals,
  said,
}: {
  date: string;
  appointments: BookingView[];
  refusals: Refusals;
  said: Said;
}) {
  const t = useT();
  const f = useFormat();
  const mark = useMutation({
    mutationFn: (v: { id: string; status: 'arrived' | 'no-show' }) =>
      callApi(markAppointment, { params: { bookingId: v.id }, body: { status: v.status } }),
    onSuccess: (b) => {
      refusals.clearErrors();
      said(t(`appointments.desk.marked.${b.status}`, { name: b.personName }));
    },
    onError: (e) => {
      said(undefined);
      refusals.showServerError(e);
    },
  });
  if (appointments.length === 0) return <p>{t('appointments.desk.none')}</p>;
  return (
    <ScrollTable>
      <table className="data">
        <caption>{t('appointments.desk.listCaption', { date: f.date(date) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('appointments.field.time')}</th>
            <th scope="col">{t('appointments.field.person')}</th>
            <th scope="col">{t('appointments.field.service')}</th>
            <th scope="col">{t('appointments.field.status')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('appointments.field.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {appointments.map((b) => (
            <tr key={b.id}>
              <td>{f.time(b.startsAt)}</td>
              <td>
                {b.personName}
                {b.applicationCaseId && (
                  <>
                    {' '}
                    <Link className="tag" to={`/register/persons/${b.personId}`}>
                      {t('appointments.preparedApplication')}
                    </Link>
                  </>
                )}
              </td>
              <td>{t(`appointments.service.${b.serviceCode}`)}</td>
              <td>
                <span
                  className={`tag${b.status === 'arrived' ? ' tag--success' : b.status === 'no-show' ? ' tag--danger' : ''}`}
                >
                  {t(`appointments.status.${b.status}`)}
                </span>
              </td>
              <td>
                {/* Visits are marked on their own day: another day's list offers nothing the office would refuse. */}
                {b.status === 'booked' && date !== f.today() && (
                  <span className="hint">{t('appointments.desk.markOnTheDay')}</span>
                )}
                {b.status === 'booked' && date === f.today() && (
                  <div className="button-row">
                    <button
                      type="button"
                      className="button"
                      disabled={mark.isPending}
                      onClick={() => mark.mutate({ id: b.id, status: 'arrived' })}
                    >
                      {t('appointments.desk.arrived', { name: b.personName })}
                    </button>
                    <button
                      type="button"
                      className="button button--secondary"
                      disabled={mark.isPending}
                      onClick={() => mark.mutate({ id: b.id, status: 'no-show' })}
                    >
                      {t('appointments.desk.noShow', { name: b.personName })}
                    </button>
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

/** The walk-in queue: the number called last, calling the next one, and a number for a visitor without an appointment. */
function QueuePanel({ queue, said }: { queue: Queue | undefined; said: Said }) {
  const t = useT();
  return (
    <aside aria-labelledby="queue-title">
      <h2 id="queue-title">{t('appointments.desk.queue')}</h2>
      <dl className="summary-list">
        <dt>{t('appointments.desk.lastCalled')}</dt>
        {queue?.lastCalled == null ? (
          <dd>{t('appointments.desk.noneCalled')}</dd>
        ) : (
          <dd className="queue-number">{queue.lastCalled}</dd>
        )}
        <dt>{t('appointments.desk.waiting')}</dt>
        <dd>{queue?.waiting ?? 0}</dd>
      </dl>
      <CallNextForm said={said} />
      <TicketForm said={said} />
    </aside>
  );
}

function CallNextForm({ said }: { said: Said }) {
  const t = useT();
  const form = useContractForm(NoFields, { defaultValues: {}, labels: {}, idPrefix: 'next' });
  const next = useMutation({
    mutationFn: () => callApi(callNextTicket),
    onSuccess: (r) =>
      said(
        r.number === null ? t('appointments.desk.nobodyWaiting') : t('appointments.desk.called', { number: r.number }),
      ),
    onError: (e) => {
      said(undefined);
      form.showServerError(e);
    },
  });
  return (
    <Form form={form} onSubmit={() => next.mutate()}>
      <SubmitButton pending={next.isPending}>{t('appointments.desk.callNext')}</SubmitButton>
    </Form>
  );
}

function TicketForm({ said }: { said: Said }) {
  const t = useT();
  const form = useContractForm(issueTicket.body, {
    defaultValues: { serviceCode: 'document-application' },
    labels: { serviceCode: t('appointments.field.service') },
    idPrefix: 'ticket',
  });
  const ticket = useMutation({
    mutationFn: (body: z.output<typeof issueTicket.body>) => callApi(issueTicket, { body }),
    onSuccess: (r) => said(t('appointments.desk.ticketIssued', { number: r.number, before: r.waitingBefore })),
    onError: (e) => {
      said(undefined);
      form.showServerError(e);
    },
  });
  return (
    <div className="panel">
      <h3 id="walk-in-title">{t('appointments.desk.walkIn')}</h3>
      <Form form={form} onSubmit={(body) => ticket.mutate(body)} labelledBy="walk-in-title">
        <Select name="serviceCode">
          {SERVICE_CODES.map((s) => (
            <option key={s} value={s}>
              {t(`appointments.service.${s}`)}
            </option>
          ))}
        </Select>
        <SubmitButton pending={ticket.isPending} secondary>
          {t('appointments.desk.issueTicket')}
        </SubmitButton>
      </Form>
    </div>
  );
}
