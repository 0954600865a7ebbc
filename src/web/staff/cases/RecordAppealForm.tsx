/**
 * An appeal the applicant lodged on paper or at the branch, recorded by an officer of the case (an applicant
 * without a portal account cannot lodge one online): the same request the portal sends, within the term or,
 * after it, with the reason it is late. The new appeal case opens.
 */
import { useMutation } from '@tanstack/react-query';
import { Navigate } from 'react-router';
import type { z } from 'zod';
import {
  AppealRequest,
  LateAppealRequest,
  MAX_UPLOAD_BYTES,
  recordAppeal,
  type CaseView,
} from '../../../shared/contracts/cases.contract.ts';
import { callApi } from '../../api/client.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { toUploads } from '../../ui/files.ts';
import { useFormat } from '../../ui/format.ts';
import { Form } from '../../ui/form/Form.tsx';
import { FileInput, SubmitButton, TextArea } from '../../ui/form/fields.tsx';
import { uploadFiles } from '../../ui/form/upload-files.ts';
import { useContractForm } from '../../ui/form/useContractForm.ts';

const ACCEPTED = ['application/pdf', 'image/jpeg', 'image/png'] as const;
const InTermForm = AppealRequest.omit({ documents: true }).extend({ files: uploadFiles(ACCEPTED, MAX_UPLOAD_BYTES) });
const LateForm = LateAppealRequest.omit({ documents: true }).extend({ files: uploadFiles(ACCEPTED, MAX_UPLOAD_BYTES) });

export function RecordAppealForm({ view }: { view: CaseView }) {
  const t = useT();
  const f = useFormat();
  const late = view.canAppealLate;
  const form = useContractForm(late ? LateForm : InTermForm, {
    defaultValues: { reason: '', lateReason: '' },
    labels: {
      reason: t('staff.case.appeal.reason'),
      lateReason: t('staff.case.appeal.lateReason'),
      files: t('staff.case.appeal.files'),
    },
    idPrefix: 'record-appeal',
  });
  const record = useMutation({
    mutationFn: async ({ files, ...body }: z.output<typeof LateForm> | z.output<typeof InTermForm>) =>
      callApi(recordAppeal, {
        params: { caseId: view.id },
        body: { ...body, documents: await toUploads(files ?? null) },
      }),
    onError: form.showServerError,
  });
  if (record.data) return <Navigate to={`/cases/${record.data.id}`} />;
  const until = f.date(view.decision?.appealUntil ?? '');
  return (
    <div className="panel">
      <h3>{t('staff.case.appeal.title')}</h3>
      <p>{t(late ? 'staff.case.appeal.lateHint' : 'staff.case.appeal.hint', { until })}</p>
      <Form form={form} label={t('staff.case.appeal.title')} onSubmit={(v) => record.mutate(v)}>
        {late && <TextArea name="lateReason" rows={3} />}
        <TextArea name="reason" rows={4} />
        <FileInput name="files" accept={ACCEPTED} hint={t('cases.filesHint')} />
        <SubmitButton pending={record.isPending}>{t('staff.case.appeal.submit')}</SubmitButton>
      </Form>
    </div>
  );
}
