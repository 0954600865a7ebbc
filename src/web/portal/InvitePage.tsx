/**
 * A resident invites a foreigner to Latvia (ielūgums), on the contract's InvitationRequest (decision 0022):
 * who is invited, the visit, the inviter's three undertakings in plain words, documents; the fee is paid
 * online on submitting, and the new case opens in "My applications".
 */
import { useNavigate } from 'react-router';
import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { MAX_UPLOAD_BYTES } from '../../shared/contracts/cases.contract.ts';
import { INVITATION_PURPOSES } from '../../shared/contracts/migration-subjects.ts';
import { InvitationRequest, inviteOnline } from '../../shared/contracts/visas.contract.ts';
import { PlainDateSchema } from '../../shared/kernel/plain-date.ts';
import { callApi } from '../api/client.ts';
import { useLocale, useT } from '../i18n/I18nProvider.tsx';
import { PageTitle } from '../ui/Layout.tsx';
import { toUploads } from '../ui/files.ts';
import { useFormat } from '../ui/format.ts';
import { CountrySelect } from '../ui/form/CountrySelect.tsx';
import { Form } from '../ui/form/Form.tsx';
import { Checkboxes, DateInput, FileInput, Select, SubmitButton, TextInput } from '../ui/form/fields.tsx';
import { SexSelect } from '../ui/form/SexSelect.tsx';
import { uploadFiles } from '../ui/form/upload-files.ts';
import { useContractForm } from '../ui/form/useContractForm.ts';

const ACCEPTED = ['application/pdf', 'image/jpeg', 'image/png'] as const;
const UNDERTAKINGS = ['accommodation', 'returnTravel', 'healthCare'] as const;
const isDay = (v: unknown): v is string => PlainDateSchema.safeParse(v).success;

/**
 * The contract's request as the page holds it: the undertakings as the boxes ticked (sent as the contract's
 * three yes/no answers), the documents as files; the period's order is the server's own check
 * (`ends-before-start`), mirrored so it shows with every other problem at once.
 */
const InvitationForm = InvitationRequest.omit({ documents: true, language: true, undertakings: true })
  .extend({
    undertakings: z.array(z.enum(UNDERTAKINGS)).transform((ticked) => ({
      accommodation: ticked.includes('accommodation'),
      returnTravel: ticked.includes('returnTravel'),
      healthCare: ticked.includes('healthCare'),
    })),
    files: uploadFiles(ACCEPTED, MAX_UPLOAD_BYTES),
  })
  .refine((v) => !isDay(v.periodFrom) || !isDay(v.periodUntil) || v.periodUntil >= v.periodFrom, {
    path: ['periodUntil'],
    params: { reason: 'ends-before-start' },
    when: () => true,
  });
type InvitationValues = z.output<typeof InvitationForm>;

export function InvitePage() {
  const t = useT();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const form = useContractForm(InvitationForm, {
    defaultValues: {
      invitee: { givenNames: '', surname: '', sex: 'F', birthDate: '', nationality: '', travelDocumentNumber: '' },
      purpose: '' as never,
      periodFrom: '',
      periodUntil: '',
      addressInLatvia: '',
      undertakings: [],
      contactEmail: '',
    },
    labels: {
      'invitee.givenNames': t('register.field.givenNames'),
      'invitee.surname': t('register.field.surname'),
      'invitee.sex': t('register.field.sex'),
      'invitee.birthDate': t('register.field.birthDate'),
      'invitee.nationality': t('visas.form.nationality'),
      'invitee.travelDocumentNumber': t('visas.invite.documentNumber'),
      purpose: t('visas.invite.purpose'),
      periodFrom: t('visas.invite.from'),
      periodUntil: t('visas.invite.until'),
      addressInLatvia: t('visas.field.address'),
      undertakings: t('visas.invite.undertakings'),
      contactEmail: t('portal.cases.email'),
      files: t('cases.section.documents'),
    },
  });
  const invite = useMutation({
    mutationFn: async ({ files, ...values }: InvitationValues) =>
      callApi(inviteOnline, { body: { ...values, language: locale, documents: await toUploads(files ?? null) } }),
    onSuccess: (view) => navigate(`/my/cases/${view.id}?new=1`),
    onError: form.showServerError,
  });
  return (
    <>
      <PageTitle>{t('visas.invite.title')}</PageTitle>
      <p className="lead">{t('visas.invite.intro')}</p>
      <Form form={form} label={t('visas.invite.title')} onSubmit={(values) => invite.mutate(values)}>
        <InviteeFieldset />
        <VisitFieldset />
        <Checkboxes
          name="undertakings"
          hint={t('visas.invite.undertakingsHint')}
          options={UNDERTAKINGS.map((u) => ({
            value: u,
            label: t(`visas.invite.undertaking.${u}`),
            hint: t(`visas.invite.undertakingHint.${u}`),
          }))}
        />
        <TextInput
          name="contactEmail"
          type="email"
          autoComplete="email"
          spellCheck={false}
          hint={t('portal.cases.emailHint')}
        />
        <FileInput name="files" accept={ACCEPTED} hint={`${t('visas.invite.filesHint')} ${t('cases.filesHint')}`} />
        <div className="panel">
          <h2>{t('visas.fee.title')}</h2>
          <p>{t('visas.invite.fee')}</p>
        </div>
        <SubmitButton pending={invite.isPending}>{t('visas.invite.submit')}</SubmitButton>
      </Form>
    </>
  );
}

function InviteeFieldset() {
  const t = useT();
  const f = useFormat();
  return (
    <fieldset className="fieldset">
      <legend>
        <h2>{t('visas.invite.invitee')}</h2>
      </legend>
      <p className="hint">{t('visas.form.applicantHint')}</p>
      <TextInput name="invitee.givenNames" autoComplete="off" />
      <TextInput name="invitee.surname" autoComplete="off" />
      <SexSelect name="invitee.sex" />
      <DateInput name="invitee.birthDate" max={f.today()} />
      <CountrySelect name="invitee.nationality" />
      <TextInput
        name="invitee.travelDocumentNumber"
        className="input--short"
        autoComplete="off"
        spellCheck={false}
        hint={t('visas.form.documentNumberHint')}
      />
    </fieldset>
  );
}

function VisitFieldset() {
  const t = useT();
  const f = useFormat();
  return (
    <fieldset className="fieldset">
      <legend>
        <h2>{t('visas.invite.visit')}</h2>
      </legend>
      <Select name="purpose">
        <option value="">{t('common.choose')}</option>
        {INVITATION_PURPOSES.map((p) => (
          <option key={p} value={p}>
            {t(`visas.invitationPurpose.${p}`)}
          </option>
        ))}
      </Select>
      <DateInput name="periodFrom" min={f.today()} />
      <DateInput name="periodUntil" min={f.today()} />
      <TextInput name="addressInLatvia" hint={t('visas.invite.addressHint')} autoComplete="street-address" />
    </fieldset>
  );
}
