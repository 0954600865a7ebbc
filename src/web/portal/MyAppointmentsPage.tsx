/**
 * My appointments (and my children's and wards'): when and where, and changing or cancelling one.
 * Cancelling asks once, saying what will happen; afterwards the cancellation can be undone for a short
 * while (the server says until when, and refuses if someone else has booked the time meanwhile).
 */
import { useCallback, useEffect, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { cancelMyAppointment, listMyAppointments, restoreMyAppointment, type BookingView } from '../../shared/contracts/appointments.contract.ts';
import { ApiError, callApi } from '../api/client.ts';
import { useLocale, useT } from '../i18n/I18nProvider.tsx';
import { PageTitle, useRevealOnOpen } from '../ui/Layout.tsx';
import { ErrorSummary, type FormError } from '../ui/forms.tsx';
import { useFormErrors, useProblemText } from '../ui/errors.ts';
import { useFormat } from '../ui/format.ts';
import { ScrollTable } from '../ui/Table.tsx';

/** What the last action did, shown above the list (its words focused, so it is read out). */
type Outcome =
  | { kind: 'booked' | 'moved' | 'restored'; booking: BookingView }
  | { kind: 'cancelled'; booking: BookingView; undoUntil: string }
  | { kind: 'undoRefused'; text: string };

export function MyAppointmentsPage() {
  const t = useT();
  const f = useFormat();
  const { locale } = useLocale();
  const formErrors = useFormErrors();
  const problemText = useProblemText();
  const client = useQueryClient();
  const list = useQuery({ queryKey: ['my-appointments'], queryFn: () => callApi(listMyAppointments) });
  // Arriving from the booking form: its answer says what was booked (or where the visit was moved).
  const arrived = useLocation().state as { booked?: BookingView; moved?: boolean } | null;
  const [outcome, setOutcome] = useState<Outcome | undefined>(arrived?.booked ? { kind: arrived.moved ? 'moved' : 'booked', booking: arrived.booked } : undefined);
  const [confirming, setConfirming] = useState<BookingView>();
  const [errors, setErrors] = useState<FormError[]>([]);
  const refresh = () => void client.invalidateQueries({ queryKey: ['my-appointments'] });
  const undoExpired = useCallback(() => {
    // The notice with the undo button goes; if focus was in it, it goes to the page's heading, not to <body>.
    const hadFocus = Boolean(document.activeElement?.closest('.outcome-notice'));
    setOutcome((o) => (o?.kind === 'cancelled' ? undefined : o));
    if (hadFocus) document.querySelector<HTMLElement>('main h1')?.focus();
  }, []);
  const cancel = useMutation({
    mutationFn: (bookingId: string) => callApi(cancelMyAppointment, { params: { bookingId } }),
    onSuccess: ({ undoUntil, ...booking }) => { setConfirming(undefined); setErrors([]); setOutcome({ kind: 'cancelled', booking, undoUntil }); refresh(); },
    onError: (e) => { setConfirming(undefined); setErrors(formErrors(e)); refresh(); },
  });
  const restore = useMutation({
    mutationFn: (bookingId: string) => callApi(restoreMyAppointment, { params: { bookingId } }),
    onSuccess: (booking) => { setErrors([]); setOutcome({ kind: 'restored', booking }); refresh(); },
    onError: (e) => {
      // Refused by a rule (the time was taken meanwhile, the undo time is over…): the undo is over, and its rule says why.
      if (e instanceof ApiError && e.rule) setOutcome({ kind: 'undoRefused', text: problemText(e) });
      else setErrors(formErrors(e));
      refresh();
    },
  });
  const branchName = (b: BookingView) => (locale === 'en' ? b.branchNameEn : b.branchName);
  if (!list.data) return <p>{list.isError ? problemText(list.error) : t('common.loading')}</p>;
  const now = Date.now();
  const keep = () => {
    const id = confirming?.id;
    setConfirming(undefined);
    // Focus goes back to the button that asked.
    if (id) setTimeout(() => document.getElementById(`cancel-${id}`)?.focus());
  };
  return (
    <>
      <PageTitle>{t('appointments.my.title')}</PageTitle>
      <p className="lead">{t('appointments.my.intro')}</p>
      <ErrorSummary errors={errors} />
      {outcome && <OutcomeNotice outcome={outcome} branchName={branchName} onUndo={(id) => restore.mutate(id)} undoPending={restore.isPending} onUndoExpired={undoExpired} />}
      {confirming && <ConfirmCancel visit={confirming} branchName={branchName(confirming)} pending={cancel.isPending} onYes={() => cancel.mutate(confirming.id)} onNo={keep} />}
      <p><Link className="button" to="/my/appointments/new">{t('appointments.my.book')}</Link></p>
      {list.data.appointments.length === 0 ? <p>{t('appointments.my.none')}</p> : (
        <ScrollTable label={t('appointments.my.title')}>
          <table className="data">
            <caption className="visually-hidden">{t('appointments.my.title')}</caption>
            <thead><tr><th scope="col">{t('appointments.field.when')}</th><th scope="col">{t('appointments.field.service')}</th><th scope="col">{t('appointments.field.branch')}</th><th scope="col">{t('appointments.field.person')}</th><th scope="col">{t('appointments.field.status')}</th><th scope="col" aria-label={t('appointments.field.actions')} /></tr></thead>
            <tbody>
              {list.data.appointments.map((b) => {
                const ahead = b.status === 'booked' && new Date(b.startsAt).getTime() > now;
                const when = f.dateTime(b.startsAt);
                return (
                  <tr key={b.id}>
                    <td>{when}</td>
                    <td>{t(`appointments.service.${b.serviceCode}`)}</td>
                    <td>{branchName(b)}</td>
                    <td>{b.personName}</td>
                    <td><span className={`tag${b.status === 'booked' ? ' tag--success' : ''}`}>{t(`appointments.status.${b.status}`)}</span></td>
                    <td>
                      {ahead && (
                        <div className="button-row">
                          <Link className="button button--secondary" to={`/my/appointments/new?replaces=${b.id}&service=${b.serviceCode}&person=${b.personId}&branch=${b.branchId}`}>{t('appointments.my.change', { time: when })}</Link>
                          <button type="button" id={`cancel-${b.id}`} className="button button--secondary" aria-expanded={confirming?.id === b.id} onClick={() => setConfirming(b)}>{t('appointments.my.cancel', { time: when })}</button>
                        </div>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollTable>
      )}
    </>
  );
}

/** Asks once before cancelling, saying which visit and that its time is freed. Opens focused and in view. */
function ConfirmCancel({ visit, branchName, pending, onYes, onNo }: { visit: BookingView; branchName: string; pending: boolean; onYes: () => void; onNo: () => void }) {
  const t = useT();
  const f = useFormat();
  const heading = useRevealOnOpen<HTMLHeadingElement>(true, visit.id);
  return (
    <section className="notice notice--warning" aria-labelledby="confirm-cancel-title">
      <h2 id="confirm-cancel-title" tabIndex={-1} ref={heading}>{t('appointments.my.confirmTitle')}</h2>
      <p>{t('appointments.my.confirmText', { service: t(`appointments.service.${visit.serviceCode}`), branch: branchName, when: f.dateTime(visit.startsAt), person: visit.personName })}</p>
      <p>{t('appointments.my.confirmUndo')}</p>
      <div className="button-row">
        <button type="button" className="button button--warning" disabled={pending} onClick={onYes}>{t('appointments.my.confirmYes')}</button>
        <button type="button" className="button button--secondary" onClick={onNo}>{t('appointments.my.confirmNo')}</button>
      </div>
    </section>
  );
}

/** The result of the last action; after a cancellation, the undo button until the server's deadline. */
function OutcomeNotice({ outcome, branchName, onUndo, undoPending, onUndoExpired }: {
  outcome: Outcome; branchName: (b: BookingView) => string; onUndo: (bookingId: string) => void; undoPending: boolean; onUndoExpired: () => void;
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
  else if (outcome.kind === 'cancelled') text = t('appointments.my.cancelledFreed', { when: f.dateTime(outcome.booking.startsAt) });
  else if (outcome.kind === 'booked') text = t('appointments.my.booked', { name: outcome.booking.personName, date: f.day(outcome.booking.startsAt), time: f.time(outcome.booking.startsAt), branch: branchName(outcome.booking) });
  else text = t(`appointments.my.${outcome.kind}`, { name: outcome.booking.personName, when: f.dateTime(outcome.booking.startsAt), branch: branchName(outcome.booking) });
  return (
    <div className={`notice outcome-notice notice--${warning ? 'warning' : 'success'}`} role="status">
      <h2 tabIndex={-1} ref={heading}>{text}</h2>
      {outcome.kind === 'cancelled' && (
        <>
          <p>{t('appointments.my.undoHint', { time: f.time(outcome.undoUntil) })}</p>
          <button type="button" className="button button--secondary" disabled={undoPending} onClick={() => onUndo(outcome.booking.id)}>{t('appointments.my.undo')}</button>
        </>
      )}
    </div>
  );
}
