/** Ask to correct register data about me, my minor child or my ward, with evidence. */
import { useEffect } from 'react';
import { Navigate } from 'react-router';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  CORRECTABLE_FIELDS,
  CorrectionRequestResident,
  MAX_UPLOAD_BYTES,
  createMyCorrection,
} from '../../shared/contracts/cases.contract.ts';
import { listMySubjects } from '../../shared/contracts/register.contract.ts';
import { callApi } from '../api/client.ts';
import { useLocale, useT } from '../i18n/I18nProvider.tsx';
import { PageTitle } from '../ui/Layout.tsx';
import { toUploads } from '../ui/files.ts';
import { Form } from '../ui/form/Form.tsx';
import { FileInput, Radios, Select, SubmitButton, TextArea, TextInput } from '../ui/form/fields.tsx';
import { uploadFiles } from '../ui/form/upload-files.ts';
import { useContractForm } from '../ui/form/useContractForm.ts';

const ACCEPTED = ['application/pdf', 'image/jpeg', 'image/png'] as const;

/** The contract's request; the evidence is chosen as files here and sent as the contract's uploads. */
const CorrectionForm = CorrectionRequestResident.omit({ documents: true, language: true }).extend({
  files: uploadFiles(ACCEPTED, MAX_UPLOAD_BYTES),
});

export function CorrectionRequestPage() {
  const t = useT();
  const { locale } = useLocale();
  const subjects = useQuery({ queryKey: ['my-subjects'], queryFn: () => callApi(listMySubjects) });
  const form = useContractForm(CorrectionForm, {
    defaultValues: { field: '' as never, requestedValue: '', explanation: '', contactEmail: '' },
    labels: {
      subjectPersonId: t('portal.correction.subject'),
      field: t('cases.field.field'),
      requestedValue: t('cases.field.requestedValue'),
      explanation: t('cases.field.explanation'),
      files: t('cases.section.documents'),
      contactEmail: t('portal.cases.email'),
    },
  });
  const firstSubject = subjects.data?.subjects[0]?.personId;
  useEffect(() => {
    if (firstSubject && !form.getValues('subjectPersonId')) form.setValue('subjectPersonId', firstSubject);
  }, [firstSubject, form]);
  const submit = useMutation({
    mutationFn: async ({ files, ...values }: z.output<typeof CorrectionForm>) =>
      callApi(createMyCorrection, { body: { ...values, language: locale, documents: await toUploads(files ?? null) } }),
    onError: form.showServerError,
  });
  if (submit.data) return <Navigate to={`/my/cases/${submit.data.id}?new=1`} replace />;
  return (
    <>
      <PageTitle>{t('portal.correction.title')}</PageTitle>
      <p className="lead">{t('portal.correction.intro')}</p>
      <Form form={form} onSubmit={(values) => submit.mutate(values)}>
        {subjects.data && subjects.data.subjects.length > 1 && (
          <Radios
            name="subjectPersonId"
            options={subjects.data.subjects.map((s) => ({
              value: s.personId,
              label: t(`portal.data.subject.${s.relation}`, { name: `${s.givenNames} ${s.surname}` }),
            }))}
          />
        )}
        <Select name="field">
          <option value="">{t('common.choose')}</option>
          {CORRECTABLE_FIELDS.map((f) => (
            <option key={f} value={f}>
              {t(`cases.correctable.${f}`)}
            </option>
          ))}
        </Select>
        <TextInput name="requestedValue" hint={t('portal.correction.valueHint')} />
        <TextArea name="explanation" rows={4} hint={t('portal.correction.explanationHint')} />
        <FileInput name="files" accept={ACCEPTED} hint={t('cases.filesHint')} />
        <TextInput
          name="contactEmail"
          type="email"
          hint={t('portal.cases.emailHint')}
          autoComplete="email"
          spellCheck={false}
        />
        <SubmitButton pending={submit.isPending}>{t('portal.correction.submit')}</SubmitButton>
      </Form>
    </>
  );
}
