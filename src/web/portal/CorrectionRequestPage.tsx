/** Ask to correct register data about me, my minor child or my ward, with evidence. */
import { useState, type FormEvent } from 'react';
import { Navigate } from 'react-router';
import { useMutation, useQuery } from '@tanstack/react-query';
import { CORRECTABLE_FIELDS, MAX_UPLOAD_BYTES, createMyCorrection } from '../../shared/contracts/cases.contract.ts';
import { listMySubjects } from '../../shared/contracts/register.contract.ts';
import { callApi } from '../api/client.ts';
import { useLocale, useT } from '../i18n/I18nProvider.tsx';
import { PageTitle } from '../ui/Layout.tsx';
import { ErrorSummary, TextField, type FormError } from '../ui/forms.tsx';
import { RadioGroup, SelectField } from '../ui/fields.tsx';
import { formErrorsFrom } from '../ui/errors.ts';
import { toUploads } from '../ui/files.ts';

const ACCEPTED = ['application/pdf', 'image/jpeg', 'image/png'];

export function CorrectionRequestPage() {
  const t = useT();
  const { locale } = useLocale();
  const subjects = useQuery({ queryKey: ['my-subjects'], queryFn: () => callApi(listMySubjects) });
  const [subject, setSubject] = useState('');
  const [field, setField] = useState<string>('');
  const [requestedValue, setRequestedValue] = useState('');
  const [explanation, setExplanation] = useState('');
  const [contactEmail, setContactEmail] = useState('');
  const [files, setFiles] = useState<FileList | null>(null);
  const [errors, setErrors] = useState<FormError[]>([]);
  const chosen = subject || subjects.data?.subjects[0]?.personId || '';
  const labels: Record<string, string> = {
    field: t('cases.field.field'), requestedValue: t('cases.field.requestedValue'), explanation: t('cases.field.explanation'), contactEmail: t('portal.cases.email'),
    subjectPersonId: t('portal.correction.subject'), documents: t('cases.section.documents'), 'documents.0.contentBase64': t('cases.section.documents'),
  };
  const submit = useMutation({
    mutationFn: async () => callApi(createMyCorrection, { body: {
      subjectPersonId: chosen, field: field as (typeof CORRECTABLE_FIELDS)[number], requestedValue, explanation, language: locale,
      ...(contactEmail.trim() ? { contactEmail: contactEmail.trim() } : {}), documents: await toUploads(files),
    } }),
    onError: (error) => setErrors(formErrorsFrom(error, t, labels)),
  });
  function send(event: FormEvent) {
    event.preventDefault();
    const problems: FormError[] = [];
    if (!field) problems.push({ field: 'field', message: t('errors.invalidField', { field: labels['field'] as string }) });
    if (!explanation.trim()) problems.push({ field: 'explanation', message: t('errors.invalidField', { field: labels['explanation'] as string }) });
    // The server checks the bytes again; these say at once what it would refuse.
    for (const f of [...(files ?? [])]) {
      if (!ACCEPTED.includes(f.type)) problems.push({ field: 'documents', message: t('fieldReason.file-type', { field: f.name }) });
      else if (f.size > MAX_UPLOAD_BYTES) problems.push({ field: 'documents', message: t('fieldReason.file-too-large', { field: f.name }) });
    }
    setErrors(problems);
    if (problems.length === 0) submit.mutate();
  }
  if (submit.data) return <Navigate to={`/my/cases/${submit.data.id}?new=1`} replace />;
  const fieldErrors = Object.fromEntries(errors.filter((e) => e.field).map((e) => [e.field as string, e.message]));
  return (
    <>
      <PageTitle>{t('portal.correction.title')}</PageTitle>
      <p className="lead">{t('portal.correction.intro')}</p>
      <ErrorSummary errors={errors} />
      <form onSubmit={send} noValidate>
        {subjects.data && subjects.data.subjects.length > 1 && (
          <RadioGroup name="subject" legend={t('portal.correction.subject')} value={chosen} onChange={setSubject}
            options={subjects.data.subjects.map((s) => ({ value: s.personId, label: t(`portal.data.subject.${s.relation}`, { name: `${s.givenNames} ${s.surname}` }) }))} />
        )}
        <SelectField id="field" label={t('cases.field.field')} value={field} onChange={(e) => setField(e.target.value)} error={fieldErrors['field']}>
          <option value="">{t('common.choose')}</option>
          {CORRECTABLE_FIELDS.map((f) => <option key={f} value={f}>{t(`cases.correctable.${f}`)}</option>)}
        </SelectField>
        <TextField id="requestedValue" label={t('cases.field.requestedValue')} hint={t('portal.correction.valueHint')} value={requestedValue} onChange={(e) => setRequestedValue(e.target.value)} error={fieldErrors['requestedValue']} />
        <div className={`field${fieldErrors['explanation'] ? ' field--error' : ''}`}>
          <label htmlFor="explanation">{t('cases.field.explanation')}</label>
          <p className="hint" id="explanation-hint">{t('portal.correction.explanationHint')}</p>
          {fieldErrors['explanation'] && <p className="field-error" id="explanation-error">{fieldErrors['explanation']}</p>}
          <textarea id="explanation" rows={4} value={explanation} onChange={(e) => setExplanation(e.target.value)} aria-describedby={`explanation-hint${fieldErrors['explanation'] ? ' explanation-error' : ''}`} aria-invalid={fieldErrors['explanation'] ? true : undefined} />
        </div>
        <div className={`field${fieldErrors['documents'] ? ' field--error' : ''}`}>
          <label htmlFor="documents">{t('cases.section.documents')}</label>
          <p className="hint" id="documents-hint">{t('cases.filesHint')}</p>
          {fieldErrors['documents'] && <p className="field-error" id="documents-error">{fieldErrors['documents']}</p>}
          <input id="documents" type="file" multiple accept={ACCEPTED.join(',')} onChange={(e) => setFiles(e.target.files)} aria-describedby="documents-hint" />
        </div>
        <TextField id="contactEmail" type="email" label={t('portal.cases.email')} hint={t('portal.cases.emailHint')} value={contactEmail} onChange={(e) => setContactEmail(e.target.value)} error={fieldErrors['contactEmail']} />
        <button type="submit" className="button" disabled={submit.isPending}>{t('portal.correction.submit')}</button>
      </form>
    </>
  );
}
