/** My appointments (and my children's and wards'): when and where, and changing or cancelling one. */
import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { cancelMyAppointment, listMyAppointments, type BookingView } from '../../shared/contracts/appointments.contract.ts';
import { callApi } from '../api/client.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { PageTitle } from '../ui/Layout.tsx';
import { Notice } from '../ui/forms.tsx';

export function MyAppointmentsPage() {
  const t = useT();
  const client = useQueryClient();
  const list = useQuery({ queryKey: ['my-appointments'], queryFn: () => callApi(listMyAppointments) });
  // Arriving from the booking form: its answer says what was booked.
  const booked = (useLocation().state as { booked?: BookingView } | null)?.booked;
  const [done, setDone] = useState<string | undefined>(booked ? t('appointments.my.booked', { date: booked.date, time: booked.time, branch: booked.branchName }) : undefined);
  const cancel = useMutation({
    mutationFn: (bookingId: string) => callApi(cancelMyAppointment, { params: { bookingId } }),
    onSuccess: (b) => {
      setDone(t('appointments.my.cancelled', { date: b.date, time: b.time }));
      void client.invalidateQueries({ queryKey: ['my-appointments'] });
    },
  });
  if (!list.data) return <p>{list.isError ? t('error.INTERNAL') : t('common.loading')}</p>;
  const now = Date.now();
  return (
    <>
      <PageTitle>{t('appointments.my.title')}</PageTitle>
      <p className="lead">{t('appointments.my.intro')}</p>
      {done && <Notice kind="success">{done}</Notice>}
      <p><Link className="button" to="/my/appointments/new">{t('appointments.my.book')}</Link></p>
      {list.data.appointments.length === 0 ? <p>{t('appointments.my.none')}</p> : (
        <table className="data">
          <caption className="visually-hidden">{t('appointments.my.title')}</caption>
          <thead><tr><th scope="col">{t('appointments.field.when')}</th><th scope="col">{t('appointments.field.service')}</th><th scope="col">{t('appointments.field.branch')}</th><th scope="col">{t('appointments.field.person')}</th><th scope="col">{t('appointments.field.status')}</th><th scope="col"><span className="visually-hidden">{t('appointments.field.actions')}</span></th></tr></thead>
          <tbody>
            {list.data.appointments.map((b) => {
              const ahead = b.status === 'booked' && new Date(b.startsAt).getTime() > now;
              return (
                <tr key={b.id}>
                  <td>{b.date} {b.time}</td>
                  <td>{t(`appointments.service.${b.serviceCode}`)}</td>
                  <td>{b.branchName}</td>
                  <td>{b.personName}</td>
                  <td><span className={`tag${b.status === 'booked' ? ' tag--success' : ''}`}>{t(`appointments.status.${b.status}`)}</span></td>
                  <td>
                    {ahead && (
                      <div className="button-row">
                        <Link className="button button--secondary" to={`/my/appointments/new?replaces=${b.id}&service=${b.serviceCode}&person=${b.personId}&branch=${b.branchId}`}>{t('appointments.my.change', { time: `${b.date} ${b.time}` })}</Link>
                        <button type="button" className="button button--secondary" disabled={cancel.isPending} onClick={() => cancel.mutate(b.id)}>{t('appointments.my.cancel', { time: `${b.date} ${b.time}` })}</button>
                      </div>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}
