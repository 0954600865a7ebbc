/** Opening a correction case at the desk, from the person's card. */
import { Navigate, useSearchParams } from 'react-router';
import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  CORRECTABLE_FIELDS,
  CorrectionRequestStaff,
  MAX_UPLOAD_BYTES,
  createCorrectionAtDesk,
} from '../../../shared/contracts/cases.contract.ts';
import { callApi } from '../../api/client.ts';
import { useLocale, useT } from '../../i18n/I18nProvider.tsx';
import { PageTitle } from '../../ui/Layout.tsx';
import { toUploads } from '../../ui/files.ts';
import { Form } from '../../ui/form/Form.tsx';
import { FileInput, Select, SubmitButton, TextArea, TextInput } from '../../ui/form/fields.tsx';
import { uploadFiles } from '../../ui/form/upload-files.ts';
import { useContractForm } from '../../ui/form/useContractForm.ts';

const ACCEPTED = ['application/pdf', 'image/jpeg', 'image/png'] as const;
/** The contract's request without the person (from the card that opened the page); evidence chosen as files. */
const DeskCorrectionForm = CorrectionRequestStaff.omit({ personId: true, documents: true, contactEmail: true }).extend({
  files: uploadFiles(ACCEPTED, MAX_UPLOAD_BYTES),
});

export function NewCorrectionPage() {
  const t = useT();
  const { locale } = useLocale();
  const [search] = useSearchParams();
  const personId = search.get('personId') ?? '';
  const form = useContractForm(DeskCorrectionForm, {
    defaultValues: { field: '' as never, requestedValue: '', explanation: '', language: locale },
    labels: {
      field: t('cases.field.field'),
      requestedValue: t('cases.field.requestedValue'),
      explanation: t('cases.field.explanation'),
      language: t('staff.newCorrection.language'),
      files: t('cases.section.documents'),
    },
  });
  const submit = useMutation({
    mutationFn: async ({ files, ...values }: z.output<typeof DeskCorrectionForm>) =>
      callApi(createCorrectionAtDesk, { body: { ...values, personId, documents: await toUploads(files ?? null) } }),
    onError: form.showServerError,
  });
  if (submit.data) return <Navigate to={`/cases/${submit.data.id}`} replace />;
  return (
    <>
      <PageTitle>{t('staff.newCorrection.title')}</PageTitle>
      <Form form={form} onSubmit={(values) => submit.mutate(values)}>
        <Select name="field">
          <option value="">{t('common.choose')}</option>
          {CORRECTABLE_FIELDS.map((f) => (
            <option key={f} value={f}>
              {t(`cases.correctable.${f}`)}
            </option>
          ))}
        </Select>
        <TextInput name="requestedValue" />
        <TextArea name="explanation" rows={4} />
        <Select name="language">
          <option value="lv">{t('language.lv')}</option>
          <option value="en">{t('language.en')}</option>
        </Select>
        <FileInput name="files" accept={ACCEPTED} hint={t('cases.filesHint')} />
        <SubmitButton pending={submit.isPending || !personId}>{t('staff.newCorrection.submit')}</SubmitButton>
      </Form>
    </>
  );
}
