/** A branch's opening hours and the desks per service: administrators for any branch, a supervisor for their own. */
import { useEffect, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { readBranchSettings, saveBranchSettings, SERVICE_CODES, type BranchSettings, type ServiceCode } from '../../../shared/contracts/appointments.contract.ts';
import { listBranches } from '../../../shared/contracts/identity.contract.ts';
import { callApi } from '../../api/client.ts';
import { useLocale, useT } from '../../i18n/I18nProvider.tsx';
import { PageTitle } from '../../ui/Layout.tsx';
import { ErrorSummary, Notice, type FormError } from '../../ui/forms.tsx';
import { SelectField } from '../../ui/fields.tsx';
import { useFormErrors } from '../../ui/errors.ts';
import { ScrollTable } from '../../ui/Table.tsx';

type Day = { open: boolean; opens: string; closes: string };
type Offer = { offered: boolean; desks: number };
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export function BranchSettingsPage({ ownBranchId, anyBranch }: { ownBranchId: string; anyBranch: boolean }) {
  const t = useT();
  const formErrors = useFormErrors();
  const { locale } = useLocale();
  const branches = useQuery({ queryKey: ['branches'], queryFn: () => callApi(listBranches), enabled: anyBranch });
  const [branchId, setBranchId] = useState(ownBranchId);
  const settings = useQuery({ queryKey: ['branch-settings', branchId], queryFn: () => callApi(readBranchSettings, { params: { branchId } }) });
  const [days, setDays] = useState<Record<number, Day>>({});
  const [offers, setOffers] = useState<Record<string, Offer>>({});
  const [errors, setErrors] = useState<FormError[]>([]);
  useEffect(() => {
    if (!settings.data) return;
    setDays(Object.fromEntries(WEEKDAYS.map((d) => {
      const h = settings.data.hours.find((x) => x.isoWeekday === d);
      return [d, { open: Boolean(h), opens: h?.opens ?? '08:30', closes: h?.closes ?? '17:00' }];
    })));
    setOffers(Object.fromEntries(SERVICE_CODES.map((c) => {
      const s = settings.data.services.find((x) => x.code === c);
      return [c, { offered: Boolean(s), desks: s?.desks ?? 1 }];
    })));
  }, [settings.data]);
  const save = useMutation({
    mutationFn: (body: BranchSettings) => callApi(saveBranchSettings, { params: { branchId }, body }),
    onSuccess: () => setErrors([]),
    // The server names a day (and a service) by its place in the list sent (only open days and offered services are sent).
    onError: (e) => {
      const sent = WEEKDAYS.filter((d) => days[d]?.open);
      const labels = Object.fromEntries(sent.flatMap((d, i) => {
        const day = t(`appointments.weekday.${d}`);
        return [[`hours.${i}.closes`, t('appointments.settings.closesOn', { day })], [`hours.${i}.opens`, t('appointments.settings.opensOn', { day })], [`hours.${i}.isoWeekday`, day]];
      }).concat(SERVICE_CODES.filter((c) => offers[c]?.offered).map((c, i) => [`services.${i}.desks`, t('appointments.settings.desksFor', { service: t(`appointments.service.${c}`) })])));
      setErrors(formErrors(e, labels));
    },
  });
  const send = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({
      hours: WEEKDAYS.filter((d) => days[d]?.open).map((d) => ({ isoWeekday: d, opens: days[d]?.opens ?? '', closes: days[d]?.closes ?? '' })),
      services: SERVICE_CODES.filter((c) => offers[c]?.offered).map((c) => ({ code: c as ServiceCode, desks: offers[c]?.desks ?? 1 })),
    });
  };
  const setDay = (d: number, patch: Partial<Day>) => setDays((all) => ({ ...all, [d]: { ...(all[d] as Day), ...patch } }));
  const setOffer = (c: string, patch: Partial<Offer>) => setOffers((all) => ({ ...all, [c]: { ...(all[c] as Offer), ...patch } }));
  return (
    <>
      <PageTitle>{t('appointments.settings.title')}</PageTitle>
      <p className="lead">{t('appointments.settings.intro')}</p>
      {save.data && <Notice kind={save.data.bookingsOutsideSlots ? 'warning' : 'success'}>{t('appointments.settings.saved', { count: save.data.bookingsOutsideSlots })}</Notice>}
      <ErrorSummary errors={errors} />
      {anyBranch && (
        <SelectField id="branch" label={t('appointments.field.branch')} value={branchId} onChange={(e) => { setBranchId(e.target.value); save.reset(); }}>
          {branches.data?.branches.map((b) => <option key={b.id} value={b.id}>{locale === 'en' ? b.nameEn : b.nameLv}</option>)}
        </SelectField>
      )}
      {settings.data && Object.keys(days).length > 0 && (
        <form onSubmit={send} noValidate>
          <ScrollTable>
            <table className="data">
              <caption>{t('appointments.settings.hours')}</caption>
              <thead><tr><th scope="col">{t('appointments.settings.day')}</th><th scope="col">{t('appointments.settings.open')}</th><th scope="col">{t('appointments.settings.opens')}</th><th scope="col">{t('appointments.settings.closes')}</th></tr></thead>
              <tbody>
                {WEEKDAYS.map((d) => {
                  const day = days[d] as Day;
                  const name = t(`appointments.weekday.${d}`);
                  return (
                    <tr key={d}>
                      <th scope="row">{name}</th>
                      <td><input type="checkbox" aria-label={t('appointments.settings.openOn', { day: name })} checked={day.open} onChange={(e) => setDay(d, { open: e.target.checked })} /></td>
                      <td><input type="time" aria-label={t('appointments.settings.opensOn', { day: name })} value={day.opens} disabled={!day.open} onChange={(e) => setDay(d, { opens: e.target.value })} /></td>
                      <td><input type="time" aria-label={t('appointments.settings.closesOn', { day: name })} value={day.closes} disabled={!day.open} onChange={(e) => setDay(d, { closes: e.target.value })} /></td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollTable>
          <ScrollTable>
            <table className="data">
              <caption>{t('appointments.settings.services')}</caption>
              <thead><tr><th scope="col">{t('appointments.field.service')}</th><th scope="col">{t('appointments.settings.offered')}</th><th scope="col">{t('appointments.settings.desks')}</th></tr></thead>
              <tbody>
                {SERVICE_CODES.map((c) => {
                  const offer = offers[c] as Offer;
                  const name = t(`appointments.service.${c}`);
                  return (
                    <tr key={c}>
                      <th scope="row">{name}</th>
                      <td><input type="checkbox" aria-label={t('appointments.settings.offeredAt', { service: name })} checked={offer.offered} onChange={(e) => setOffer(c, { offered: e.target.checked })} /></td>
                      <td><input type="number" min={1} max={50} aria-label={t('appointments.settings.desksFor', { service: name })} value={offer.desks} disabled={!offer.offered} onChange={(e) => setOffer(c, { desks: Number(e.target.value) })} /></td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollTable>
          <button type="submit" className="button" disabled={save.isPending}>{t('appointments.settings.save')}</button>
        </form>
      )}
    </>
  );
}
