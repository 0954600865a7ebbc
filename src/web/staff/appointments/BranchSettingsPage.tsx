/** A branch's opening hours and the desks per service: administrators for any branch, a supervisor for their own. */
import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useWatch } from 'react-hook-form';
import { z } from 'zod';
import {
  readBranchSettings,
  saveBranchSettings,
  SERVICE_CODES,
  BranchSettings,
} from '../../../shared/contracts/appointments.contract.ts';
import { listBranches } from '../../../shared/contracts/identity.contract.ts';
import { callApi } from '../../api/client.ts';
import { useLocale, useT } from '../../i18n/I18nProvider.tsx';
import { PageTitle, useRevealOnOpen } from '../../ui/Layout.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { useProblemText } from '../../ui/errors.ts';
import { refusedAtFormFields } from '../../ui/refused-fields.ts';
import { Form } from '../../ui/form/Form.tsx';
import { Checkbox, Select, SubmitButton, TextInput } from '../../ui/form/fields.tsx';
import { numberAsText } from '../../ui/form/number-as-text.ts';
import { useContractForm } from '../../ui/form/useContractForm.ts';
import { useFilterForm } from '../../ui/form/useFilterForm.ts';
import { ScrollTable } from '../../ui/Table.tsx';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const HoursEntry = BranchSettings.shape.hours.element;
const ServiceEntry = BranchSettings.shape.services.element;

/**
 * The contract's settings as the page holds them: every weekday (closed, or open with its times) and every
 * service (offered with its desks, or not), sent as the contract's lists of open days and offered services.
 * The open option comes first so the fields' required marks are read from it. A day must close after it
 * opens, as the server requires (its reason, so both say the same).
 */
const SettingsForm = z
  .object({
    days: z
      .array(
        z.discriminatedUnion('open', [
          z
            .object({ open: z.literal(true), opens: HoursEntry.shape.opens, closes: HoursEntry.shape.closes })
            .refine((d) => d.closes > d.opens, { path: ['closes'], params: { reason: 'closes-before-opens' } }),
          z.object({ open: z.literal(false), opens: z.string(), closes: z.string() }),
        ]),
      )
      .length(WEEKDAYS.length),
    services: z
      .array(
        z.discriminatedUnion('offered', [
          z.object({ offered: z.literal(true), desks: numberAsText(ServiceEntry.shape.desks) }),
          z.object({ offered: z.literal(false), desks: z.string() }),
        ]),
      )
      .length(SERVICE_CODES.length),
  })
  .transform(({ days, services }): BranchSettings => ({
    hours: days.flatMap((d, i) => (d.open ? [{ isoWeekday: i + 1, opens: d.opens, closes: d.closes }] : [])),
    services: services.flatMap((s, i) =>
      s.offered ? [{ code: SERVICE_CODES[i] as BranchSettings['services'][number]['code'], desks: s.desks }] : [],
    ),
  }));

export function BranchSettingsPage({ ownBranchId, anyBranch }: { ownBranchId: string; anyBranch: boolean }) {
  const t = useT();
  const problemText = useProblemText();
  const [branchId, setBranchId] = useState(ownBranchId);
  const settings = useQuery({
    queryKey: ['branch-settings', branchId],
    queryFn: () => callApi(readBranchSettings, { params: { branchId } }),
  });
  return (
    <>
      <PageTitle>{t('appointments.settings.title')}</PageTitle>
      <p className="lead">{t('appointments.settings.intro')}</p>
      {anyBranch && <BranchChoice branchId={branchId} onChoose={setBranchId} />}
      {/* The form starts from the branch's saved settings, and starts again for another branch. */}
      {settings.data ? (
        <SettingsEditor key={branchId} branchId={branchId} saved={settings.data} />
      ) : (
        <p>{settings.isError ? problemText(settings.error) : t('common.loading')}</p>
      )}
    </>
  );
}

/** Which branch to set (administrators): the settings' own path parameter. It waits for the branches, so it starts at the one shown. */
function BranchChoice({ branchId, onChoose }: { branchId: string; onChoose: (branchId: string) => void }) {
  const t = useT();
  const { locale } = useLocale();
  const branches = useQuery({ queryKey: ['branches'], queryFn: () => callApi(listBranches) });
  const filter = useFilterForm(readBranchSettings.params, {
    defaultValues: { branchId },
    labels: { branchId: t('appointments.field.branch') },
    onApply: (v) => onChoose(v.branchId),
  });
  if (!branches.data) return null;
  return (
    <Form form={filter.form} onSubmit={filter.apply} filter>
      <Select name="branchId">
        {branches.data.branches.map((b) => (
          <option key={b.id} value={b.id}>
            {locale === 'en' ? b.nameEn : b.nameLv}
          </option>
        ))}
      </Select>
    </Form>
  );
}

/** The saved settings as the form's values: every weekday and every service, with a stand-in time or desk count for those not used. */
function formValues(saved: BranchSettings): z.input<typeof SettingsForm> {
  return {
    days: WEEKDAYS.map((d) => {
      const h = saved.hours.find((x) => x.isoWeekday === d);
      return h ? { open: true, opens: h.opens, closes: h.closes } : { open: false, opens: '08:30', closes: '17:00' };
    }),
    services: SERVICE_CODES.map((c) => {
      const s = saved.services.find((x) => x.code === c);
      return s ? { offered: true, desks: String(s.desks) } : { offered: false, desks: '1' };
    }),
  };
}

/** The server names a day and a service by its place in the lists sent; the form by its place in the week and among the services. */
function formPaths(sent: BranchSettings): Record<string, string> {
  const days = sent.hours.flatMap((h, i) => [
    [`hours.${i}.opens`, `days.${h.isoWeekday - 1}.opens`],
    [`hours.${i}.closes`, `days.${h.isoWeekday - 1}.closes`],
    [`hours.${i}.isoWeekday`, `days.${h.isoWeekday - 1}.open`],
  ]);
  const services = sent.services.flatMap((s, i) => [
    [`services.${i}.desks`, `services.${SERVICE_CODES.indexOf(s.code)}.desks`],
    [`services.${i}.code`, `services.${SERVICE_CODES.indexOf(s.code)}.offered`],
  ]);
  return Object.fromEntries([...days, ...services]);
}

function useSettingsLabels(): Record<string, string> {
  const t = useT();
  const days = WEEKDAYS.flatMap((d, i) => {
    const day = t(`appointments.weekday.${d}`);
    return [
      [`days.${i}.open`, t('appointments.settings.openOn', { day })],
      [`days.${i}.opens`, t('appointments.settings.opensOn', { day })],
      [`days.${i}.closes`, t('appointments.settings.closesOn', { day })],
    ];
  });
  const services = SERVICE_CODES.flatMap((c, i) => {
    const service = t(`appointments.service.${c}`);
    return [
      [`services.${i}.offered`, t('appointments.settings.offeredAt', { service })],
      [`services.${i}.desks`, t('appointments.settings.desksFor', { service })],
    ];
  });
  return Object.fromEntries([...days, ...services]);
}

function SettingsEditor({ branchId, saved }: { branchId: string; saved: BranchSettings }) {
  const t = useT();
  const form = useContractForm(SettingsForm, { defaultValues: formValues(saved), labels: useSettingsLabels() });
  const save = useMutation({
    mutationFn: (body: BranchSettings) => callApi(saveBranchSettings, { params: { branchId }, body }),
    onError: (e, sent) => form.showServerError(refusedAtFormFields(e, formPaths(sent))),
  });
  const done = useRevealOnOpen<HTMLDivElement>(Boolean(save.data), save.submittedAt);
  return (
    <>
      {save.data && (
        <div ref={done} tabIndex={-1}>
          <Notice kind={save.data.bookingsOutsideSlots ? 'warning' : 'success'}>
            {t('appointments.settings.saved', { count: save.data.bookingsOutsideSlots })}
          </Notice>
        </div>
      )}
      <Form form={form} onSubmit={(body) => save.mutate(body)}>
        <HoursTable />
        <ServicesTable />
        <SubmitButton pending={save.isPending}>{t('appointments.settings.save')}</SubmitButton>
      </Form>
    </>
  );
}

function HoursTable() {
  const t = useT();
  const open = useWatch({ name: WEEKDAYS.map((_, i) => `days.${i}.open`) }) as boolean[];
  return (
    <ScrollTable>
      <table className="data">
        <caption>{t('appointments.settings.hours')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('appointments.settings.day')}</th>
            <th scope="col">{t('appointments.settings.open')}</th>
            <th scope="col">{t('appointments.settings.opens')}</th>
            <th scope="col">{t('appointments.settings.closes')}</th>
          </tr>
        </thead>
        <tbody>
          {WEEKDAYS.map((d, i) => (
            <tr key={d}>
              <th scope="row">{t(`appointments.weekday.${d}`)}</th>
              <td>
                <Checkbox name={`days.${i}.open`} hideLabel />
              </td>
              <td>
                <TextInput name={`days.${i}.opens`} type="time" disabled={!open[i]} hideLabel />
              </td>
              <td>
                <TextInput name={`days.${i}.closes`} type="time" disabled={!open[i]} hideLabel />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

function ServicesTable() {
  const t = useT();
  const offered = useWatch({ name: SERVICE_CODES.map((_, i) => `services.${i}.offered`) }) as boolean[];
  return (
    <ScrollTable>
      <table className="data">
        <caption>{t('appointments.settings.services')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('appointments.field.service')}</th>
            <th scope="col">{t('appointments.settings.offered')}</th>
            <th scope="col">{t('appointments.settings.desks')}</th>
          </tr>
        </thead>
        <tbody>
          {SERVICE_CODES.map((c, i) => (
            <tr key={c}>
              <th scope="row">{t(`appointments.service.${c}`)}</th>
              <td>
                <Checkbox name={`services.${i}.offered`} hideLabel />
              </td>
              <td>
                <TextInput
                  name={`services.${i}.desks`}
                  type="number"
                  min={1}
                  max={50}
                  disabled={!offered[i]}
                  hideLabel
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}
