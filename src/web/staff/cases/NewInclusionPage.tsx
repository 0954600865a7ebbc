/**
 * Opening the inclusion of a person who is not in the register: they come to the desk with an identity
 * document, and the officer takes the application. The person follows it by e-mail until the decision
 * gives them a personal code.
 */
import { Navigate } from 'react-router';
import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { InclusionRequest, MAX_UPLOAD_BYTES, createInclusionAtDesk } from '../../../shared/contracts/cases.contract.ts';
import { LEGAL_STATUSES } from '../../../shared/kernel/legal-status.ts';
import { callApi } from '../../api/client.ts';
import { useLocale, useT } from '../../i18n/I18nProvider.tsx';
import { PageTitle } from '../../ui/Layout.tsx';
import { toUploads } from '../../ui/files.ts';
import { useFormat } from '../../ui/format.ts';
import { CountrySelect } from '../../ui/form/CountrySelect.tsx';
import { Form } from '../../ui/form/Form.tsx';
import { DateInput, FileInput, Select, SubmitButton, TextArea, TextInput } from '../../ui/form/fields.tsx';
import { uploadFiles } from '../../ui/form/upload-files.ts';
import { useContractForm } from '../../ui/form/useContractForm.ts';
import { codesAsText } from '../../ui/form/codes-as-text.ts';
import { SexSelect } from '../../ui/form/SexSelect.tsx';
import { NameInput } from '../../ui/form/NameInput.tsx';

const ACCEPTED = ['application/pdf', 'image/jpeg', 'image/png'] as const;

/**
 * The contract's request as the desk fills it in: citizenships typed as codes separated by commas (checked
 * by the contract's own list rule), the identity document chosen as files (at least one, as the contract asks).
 */
const InclusionForm = InclusionRequest.omit({ documents: true, citizenships: true }).extend({
  citizenships: codesAsText(InclusionRequest.shape.citizenships),
  files: uploadFiles(ACCEPTED, MAX_UPLOAD_BYTES).refine((files) => Boolean(files?.length), 'validation.attachFile'),
});

export function NewInclusionPage() {
  const t = useT();
  const f = useFormat();
  const { locale } = useLocale();
  const form = useContractForm(InclusionForm, {
    defaultValues: {
      givenNames: '',
      surname: '',
      sex: 'F',
      birthDate: '',
      birthCountry: '',
      legalStatus: 'foreigner',
      citizenships: '',
      foreignDocument: { number: '', country: '' },
      explanation: '',
      contactEmail: '',
      language: locale,
    },
    labels: {
      givenNames: t('register.field.givenNames'),
      surname: t('register.field.surname'),
      sex: t('register.field.sex'),
      birthDate: t('register.field.birthDate'),
      birthCountry: t('register.field.birthCountry'),
      legalStatus: t('register.field.legalStatus'),
      citizenships: t('register.field.citizenships'),
      'foreignDocument.number': t('staff.inclusion.documentNumber'),
      'foreignDocument.country': t('staff.inclusion.documentCountry'),
      explanation: t('staff.inclusion.purpose'),
      contactEmail: t('staff.inclusion.email'),
      language: t('staff.newCorrection.language'),
      files: t('staff.inclusion.documents'),
    },
  });
  const submit = useMutation({
    mutationFn: async ({ files, ...values }: z.output<typeof InclusionForm>) =>
      callApi(createInclusionAtDesk, { body: { ...values, documents: await toUploads(files ?? null) } }),
    onError: form.showServerError,
  });
  if (submit.data) return <Navigate to={`/cases/${submit.data.id}`} replace />;
  return (
    <>
      <PageTitle>{t('staff.inclusion.title')}</PageTitle>
      <p>{t('staff.inclusion.intro')}</p>
      <Form form={form} onSubmit={(values) => submit.mutate(values)}>
        <NameInput name="givenNames" />
        <NameInput name="surname" />
        <SexSelect />
        <DateInput name="birthDate" max={f.today()} />
        <CountrySelect name="birthCountry" />
        <Select name="legalStatus">
          {LEGAL_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`legalStatus.${s}`)}
            </option>
          ))}
        </Select>
        <TextInput name="citizenships" hint={t('staff.inclusion.citizenshipsHint')} className="input--short" />
        <TextInput name="foreignDocument.number" className="input--short" />
        <CountrySelect name="foreignDocument.country" />
        <TextArea name="explanation" rows={3} hint={t('staff.inclusion.purposeHint')} />
        <TextInput name="contactEmail" type="email" hint={t('staff.inclusion.emailHint')} spellCheck={false} />
        <Select name="language">
          <option value="lv">{t('language.lv')}</option>
          <option value="en">{t('language.en')}</option>
        </Select>
        <FileInput name="files" accept={ACCEPTED} hint={t('cases.filesHint')} />
        <SubmitButton pending={submit.isPending}>{t('staff.inclusion.submit')}</SubmitButton>
      </Form>
    </>
  );
}
