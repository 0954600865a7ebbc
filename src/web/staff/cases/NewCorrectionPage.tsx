/** Opening a correction case at the desk, from the person's card. */
import { useState, type FormEvent } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { useMutation } from '@tanstack/react-query';
import { CORRECTABLE_FIELDS, createCorrectionAtDesk } from '../../../shared/contracts/cases.contract.ts';
import { callApi } from '../../api/client.ts';
import { useLocale, useT } from '../../i18n/I18nProvider.tsx';
import { PageTitle } from '../../ui/Layout.tsx';
import { ErrorSummary, TextField, type FormError } from '../../ui/forms.tsx';
import { SelectField } from '../../ui/fields.tsx';
import { formErrorsFrom } from '../../ui/errors.ts';
import { toUploads } from '../../ui/files.ts';

export function NewCorrectionPage() {
  const t = useT();
  const { locale } = useLocale();
  const [search] = useSearchParams();
  const personId = search.get('personId') ?? '';
  const [field, setField] = useState('');
  const [requestedValue, setRequestedValue] = useState('');
  const [explanation, setExplanation] = useState('');
  const [language, setLanguage] = useState<'lv' | 'en'>(locale);
  const [files, setFiles] = useState<FileList | null>(null);
  const [errors, setErrors] = useState<FormError[]>([]);
  const labels = { field: t('cases.field.field'), requestedValue: t('cases.field.requestedValue'), explanation: t('cases.field.explanation'), personId: t('register.field.person') };
  const submit = useMutation({
    mutationFn: async () => callApi(createCorrectionAtDesk, { body: { personId, field: field as (typeof CORRECTABLE_FIELDS)[number], requestedValue, explanation, language, documents: await toUploads(files) } }),
    onError: (e) => setErrors(formErrorsFrom(e, t, labels)),
  });
  const send = (e: FormEvent) => {
    e.preventDefault();
    const problems: FormError[] = [];
    if (!field) problems.push({ field: 'field', message: t('errors.invalidField', { field: labels.field }) });
    if (!explanation.trim()) problems.push({ field: 'explanation', message: t('errors.invalidField', { field: labels.explanation }) });
    setErrors(problems);
    if (!problems.length) submit.mutate();
  };
  if (submit.data) return <Navigate to={`/cases/${submit.data.id}`} replace />;
  const fieldErrors = Object.fromEntries(errors.filter((e) => e.field).map((e) => [e.field as string, e.message]));
  return (
    <>
      <PageTitle>{t('staff.newCorrection.title')}</PageTitle>
      <ErrorSummary errors={errors} />
      <form onSubmit={send} noValidate>
        <SelectField id="field" label={t('cases.field.field')} value={field} onChange={(e) => setField(e.target.value)} error={fieldErrors['field']}>
          <option value="">{t('common.choose')}</option>
          {CORRECTABLE_FIELDS.map((f) => <option key={f} value={f}>{t(`cases.correctable.${f}`)}</option>)}
        </SelectField>
        <TextField id="requestedValue" label={t('cases.field.requestedValue')} value={requestedValue} onChange={(e) => setRequestedValue(e.target.value)} error={fieldErrors['requestedValue']} />
        <TextField id="explanation" label={t('cases.field.explanation')} value={explanation} onChange={(e) => setExplanation(e.target.value)} error={fieldErrors['explanation']} />
        <SelectField id="language" label={t('staff.newCorrection.language')} value={language} onChange={(e) => setLanguage(e.target.value as 'lv' | 'en')}>
          <option value="lv">{t('language.lv')}</option>
          <option value="en">{t('language.en')}</option>
        </SelectField>
        <div className="field"><label htmlFor="documents">{t('cases.section.documents')}</label><p className="hint" id="documents-hint">{t('cases.filesHint')}</p>
          <input id="documents" type="file" multiple accept="application/pdf,image/jpeg,image/png" aria-describedby="documents-hint" onChange={(e) => setFiles(e.target.files)} /></div>
        <button type="submit" className="button" disabled={submit.isPending || !personId}>{t('staff.newCorrection.submit')}</button>
      </form>
    </>
  );
}
