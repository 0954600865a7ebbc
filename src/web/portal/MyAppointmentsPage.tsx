/**
 * My appointments (and my children's and wards'): when and where, and changing or cancelling one.
 * Cancelling asks once, saying what will happen; afterwards the cancellation can be undone for a short
 * while (the server says until when, and refuses if someone else has booked the time meanwhile).
 */
import { useCallback, useEffect, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  cancelMyAppointment,
  listMyAppointments,
  restoreMyAppointment,
  type BookingView,
} from '../../shared/contracts/appointments.contract.ts';
import { ApiError, callApi } from '../api/client.ts';
import { useLocale, useT } from '../i18n/I18nProvider.tsx';
import { PageTitle, useRevealOnOpen } from '../ui/Layout.tsx';
import { useProblemText } from '../ui/errors.ts';
import { useFormat } from '../ui/format.ts';
import { Form } from '../ui/form/Form.tsx';
import { NoFields, useContractForm } from '../ui/form/useContractForm.ts';
import { ScrollTable } from '../ui/Table.tsx';

/** What the last action did, shown above the list (its words focused, so it is read out). */
type Outcome =
  | { kind: 'booked' | 'moved' | 'restored'; booking: BookingView }
  | { kind: 'cancelled'; booking: BookingView; undoUntil: string }
  | { kind: 'undoRefused'; text: string };
type BranchName = (b: BookingView) => string;

export function MyAppointmentsPage() {
  const t = useT();
  const { locale } = useLocale();
  const problemText = useProblemText();
  const client = useQueryClient();
  const list = useQuery({ queryKey: ['my-appointments'], queryFn: () => callApi(listMyAppointments) });
  // Arriving from the booking form: its answer says what was booked (or where the visit was moved).
  const arrived = useLocation().state as { booked?: BookingView; moved?: boolean } | null;
  const [outcome, setOutcome] = useState<Outcome | undefined>(
    arrived?.booked ? { kind: arrived.moved ? 'moved' : 'booked', booking: arrived.booked } : undefined,
  );
  const [confirming, setConfirming] = useState<BookingView>();
  const refresh = useCallback(() => void client.invalidateQueries({ queryKey: ['my-appointments'] }), [client]);
  const undoExpired = useCallback(() => {
    // The notice with the undo button goes; if focus was in it, it goes to the page's heading, not to <body>.
    const hadFocus = Boolean(document.activeElement?.closest('.outcome-notice'));
    setOutcome((o) => (o?.kind === 'cancelled' ? undefined : o));
    if (hadFocus) document.querySelector<HTMLElement>('main h1')?.focus();
  }, []);
  const branchName: BranchName = (b) => (locale === 'en' ? b.branchNameEn : b.branchName);
  if (!list.data) return <p>{list.isError ? problemText(list.error) : t('common.loading')}</p>;
  const keep = () => {
    const id = confirming?.id;
    setConfirming(undefined);
    // Focus goes back to the button that asked.
    if (id) setTimeout(() => document.getElementById(`cancel-${id}`)?.focus());
  };
  const cancelled = (result: Outcome) => {
    setConfirming(undefined);
    setOutcome(result);
    refresh();
  };
  return (
    <>
      <PageTitle>{t('appointments.my.title')}</PageTitle>
      <p className="lead">{t('appointments.my.intro')}</p>
      {outcome && (
        <OutcomeNotice
          outcome={outcome}
          branchName={branchName}
          onOutcome={(o) => {
            setOutcome(o);
            refresh();
          }}
          onUndoExpired={undoExpired}
        />
      )}
      {confirming && (
        <ConfirmCancel
          key={confirming.id}
          visit={confirming}
          branchName={branchName(confirming)}
          onCancelled={cancelled}
          onRefused={refresh}
          onNo={keep}
        />
      )}
      <p>
        <Link className="button" to="/my/appointments/new">
          {t('appointments.my.book')}
        </Link>
      </p>
      {list.data.appointments.length === 0 ? (
        <p>{t('appointments.my.none')}</p>
      ) : (
        <AppointmentsTable
          appointments={list.data.appointments}
          branchName={branchName}
          confirming={confirming}
          onCancel={setConfirming}
        />
      )}
    </>
  );
}

/** My visits, with "change" and "cancel" on those still ahead. */
function AppointmentsTable({
  appointments,
  branchName,
  confirming,
  onCancel,
}: {
  appointments: BookingView[];
  branchName: BranchName;
  confirming: BookingView | undefined;
  onCancel: (b: BookingView) => void;
}) {
  const t = useT();
  const f = useFormat();
  const now = Date.now();
  return (
    <ScrollTable label={t('appointments.my.title')}>
      <table className="data">
        <caption className="visually-hidden">{t('appointments.my.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('appointments.field.when')}</th>
            <th scope="col">{t('appointments.field.service')}</th>
            <th scope="col">{t('appointments.field.branch')}</th>
            <th scope="col">{t('appointments.field.person')}</th>
            <th scope="col">{t('appointments.field.status')}</th>
            <th scope="col" aria-label={t('appointments.field.actions')} />
          </tr>
        </thead>
        <tbody>
          {appointments.map((b) => {
            const ahead = b.status === 'booked' && new Date(b.startsAt).getTime() > now;
            const when = f.dateTime(b.startsAt);
            return (
              <tr key={b.id}>
                <td>{when}</td>
                <td>{t(`appointments.service.${b.serviceCode}`)}</td>
                <td>{branchName(b)}</td>
                <td>{b.personName}</td>
                <td>
                  <span className={`tag${b.status === 'booked' ? ' tag--success' : ''}`}>
                    {t(`appointments.status.${b.status}`)}
                  </span>
                </td>
                <td>
                  {ahead && (
                    <div className="button-row">
                      <Link
                        className="button button--secondary"
                        to={`/my/appointments/new?replaces=${b.id}&service=${b.serviceCode}&person=${b.personId}&branch=${b.branchId}`}
                      >
                        {t('appointments.my.change', { time: when })}
                      </Link>
                      <button
                        type="button"
                        id={`cancel-${b.id}`}
                        className="button button--secondary"
                        aria-expanded={confirming?.id === b.id}
                        onClick={() => onCancel(b)}
                      >
                        {t('appointments.my.cancel', { time: when })}
                      </button>
                    </div>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollTable>
  );
}

/**
 * Asks once before cancelling, saying which visit and that its time is freed. Opens focused and in view; a
 * refusal (the visit has begun meanwhile…) is said here, where the person is looking.
 */
function ConfirmCancel({
  visit,
  branchName,
  onCancelled,
  onRefused,
  onNo,
}: {
  visit: BookingView;
  branchName: string;
  onCancelled: (o: Outcome) => void;
  onRefused: () => void;
  onNo: () => void;
}) {
  const t = useT();
  const f = useFormat();
  const heading = useRevealOnOpen<HTMLHeadingElement>(true, visit.id);
  const form = useContractForm(NoFields, { defaultValues: {}, labels: {}, idPrefix: 'cancel' });
  const cancel = useMutation({
    mutationFn: () => callApi(cancelMyAppointment, { params: { bookingId: visit.id } }),
    onSuccess: ({ undoUntil, ...booking }) => onCancelled({ kind: 'cancelled', booking, undoUntil }),
    onError: (e) => {
      form.showServerError(e);
      onRefused();
    },
  });
  return (
    <section className="notice notice--warning" aria-labelledby="confirm-cancel-title">
      <h2 id="confirm-cancel-title" tabIndex={-1} ref={heading}>
        {t('appointments.my.confirmTitle')}
      </h2>
      <p>
        {t('appointments.my.confirmText', {
          service: t(`appointments.service.${visit.serviceCode}`),
          branch: branchName,
          when: f.dateTime(visit.startsAt),
          person: visit.personName,
        })}
      </p>
      <p>{t('appointments.my.confirmUndo')}</p>
      <Form form={form} onSubmit={() => cancel.mutate()}>
        <div className="button-row">
          <button type="submit" className="button button--warning" disabled={cancel.isPending}>
            {t('appointments.my.confirmYes')}
          </button>
          <button type="button" className="button button--secondary" onClick={onNo}>
            {t('appointments.my.confirmNo')}
          </button>
        </div>
      </Form>
    </section>
  );
}

/** The result of the last action; after a cancellation, the undo button until the server's deadline. */
function OutcomeNotice({
  outcome,
  branchName,
  onOutcome,
  onUndoExpired,
}: {
  outcome: Outcome;
  branchName: BranchName;
  onOutcome: (o: Outcome) => void;
  onUndoExpired: () => void;
}) {
  const t = useT();
  const f = useFormat();
  const heading = useRevealOnOpen<HTMLHeadingElement>(true, outcome);
  const undoUntil = outcome.kind === 'cancelled' ? outcome.undoUntil : undefined;
  useEffect(() => {
    if (!undoUntil) return;
    // The undo button goes when its time is over (the server would refuse it then anyway).
    const timer = setTimeout(onUndoExpired, Math.max(0, new Date(undoUntil).getTime() - Date.now()));
    return () => clearTimeout(timer);
  }, [undoUntil, onUndoExpired]);
  const warning = !('booking' in outcome);
  let text: string;
  if (!('booking' in outcome)) text = outcome.text;
  else if (outcome.kind === 'cancelled')
    text = t('appointments.my.cancelledFreed', { when: f.dateTime(outcome.booking.startsAt) });
  else if (outcome.kind === 'booked')
    text = t('appointments.my.booked', {
      name: outcome.booking.personName,
      date: f.day(outcome.booking.startsAt),
      time: f.time(outcome.booking.startsAt),
      branch: branchName(outcome.booking),
    });
  else
    text = t(`appointments.my.${outcome.kind}`, {
      name: outcome.booking.personName,
      when: f.dateTime(outcome.booking.startsAt),
      branch: branchName(outcome.booking),
    });
  return (
    <div className={`notice outcome-notice notice--${warning ? 'warning' : 'success'}`} role="status">
      <h2 tabIndex={-1} ref={heading}>
        {text}
      </h2>
      {outcome.kind === 'cancelled' && (
        <>
          <p>{t('appointments.my.undoHint', { time: f.time(outcome.undoUntil) })}</p>
          <UndoForm bookingId={outcome.booking.id} onOutcome={onOutcome} />
        </>
      )}
    </div>
  );
}

/**
 * Undoes the cancellation. A rule's refusal (someone took the time meanwhile, the undo time is over) ends
 * the undo and the notice says why; anything else is shown at the button, to try again.
 */
function UndoForm({ bookingId, onOutcome }: { bookingId: string; onOutcome: (o: Outcome) => void }) {
  const t = useT();
  const problemText = useProblemText();
  const form = useContractForm(NoFields, { defaultValues: {}, labels: {}, idPrefix: 'undo' });
  const restore = useMutation({
    mutationFn: () => callApi(restoreMyAppointment, { params: { bookingId } }),
    onSuccess: (booking) => onOutcome({ kind: 'restored', booking }),
    onError: (e) => {
      if (e instanceof ApiError && e.rule) onOutcome({ kind: 'undoRefused', text: problemText(e) });
      else form.showServerError(e);
    },
  });
  return (
    <Form form={form} onSubmit={() => restore.mutate()}>
      <button type="submit" className="button button--secondary" disabled={restore.isPending}>
        {t('appointments.my.undo')}
      </button>
    </Form>
  );
}
