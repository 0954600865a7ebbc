/**
 * Opening the inclusion of a person who is not in the register: they come to the desk with an identity
 * document, and the officer takes the application. The person follows it by e-mail until the decision
 * gives them a personal code.
 */
import { useState, type FormEvent } from 'react';
import { Navigate } from 'react-router';
import { useMutation } from '@tanstack/react-query';
import { createInclusionAtDesk } from '../../../shared/contracts/cases.contract.ts';
import { LEGAL_STATUSES, type LegalStatus } from '../../../shared/kernel/legal-status.ts';
import { callApi } from '../../api/client.ts';
import { useLocale, useT } from '../../i18n/I18nProvider.tsx';
import { PageTitle } from '../../ui/Layout.tsx';
import { ErrorSummary, TextField, type FormError } from '../../ui/forms.tsx';
import { SelectField } from '../../ui/fields.tsx';
import { formErrorsFrom } from '../../ui/errors.ts';
import { toUploads } from '../../ui/files.ts';

/** Fields the officer must fill before the form is sent (the server checks everything again). */
const REQUIRED = ['givenNames', 'surname', 'birthDate', 'birthCountry', 'foreignDocumentNumber', 'foreignDocumentCountry', 'explanation', 'contactEmail'] as const;

export function NewInclusionPage() {
  const t = useT();
  const { locale } = useLocale();
  const [errors, setErrors] = useState<FormError[]>([]);
  const labels: Record<string, string> = {
    givenNames: t('register.field.givenNames'), surname: t('register.field.surname'), sex: t('register.field.sex'), birthDate: t('register.field.birthDate'),
    birthCountry: t('register.field.birthCountry'), legalStatus: t('register.field.legalStatus'), citizenships: t('register.field.citizenships'),
    'foreignDocument.number': t('staff.inclusion.documentNumber'), 'foreignDocument.country': t('staff.inclusion.documentCountry'),
    foreignDocumentNumber: t('staff.inclusion.documentNumber'), foreignDocumentCountry: t('staff.inclusion.documentCountry'),
    explanation: t('staff.inclusion.purpose'), contactEmail: t('staff.inclusion.email'), documents: t('cases.section.documents'), 'documents.0.contentBase64': t('cases.section.documents'),
  };
  const submit = useMutation({
    mutationFn: async (form: FormData) => {
      const v = (k: string) => String(form.get(k) ?? '').trim();
      return callApi(createInclusionAtDesk, { body: {
        givenNames: v('givenNames'), surname: v('surname'), sex: v('sex') as 'M' | 'F', birthDate: v('birthDate'), birthCountry: v('birthCountry'),
        legalStatus: v('legalStatus') as LegalStatus, citizenships: v('citizenships').split(/[\s,]+/).filter(Boolean).map((s) => s.toUpperCase()),
        foreignDocument: { number: v('foreignDocumentNumber'), country: v('foreignDocumentCountry') }, explanation: v('explanation'),
        language: v('language') as 'lv' | 'en', contactEmail: v('contactEmail'), documents: await toUploads(form.getAll('documents') as File[]),
      } });
    },
    onError: (e) => setErrors(formErrorsFrom(e, t, labels)),
  });
  const send = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const problems: FormError[] = REQUIRED.filter((k) => !String(form.get(k) ?? '').trim()).map((k) => ({ field: k, message: t('errors.invalidField', { field: labels[k] as string }) }));
    if ((form.getAll('documents') as File[]).every((f) => f.size === 0)) problems.push({ field: 'documents', message: t('staff.inclusion.documentsNeeded') });
    setErrors(problems);
    if (!problems.length) submit.mutate(form);
  };
  if (submit.data) return <Navigate to={`/cases/${submit.data.id}`} replace />;
  // The server names nested fields with dots (foreignDocument.number); the form's fields have flat ids.
  const fieldError = (...paths: string[]) => errors.find((e) => e.field && paths.includes(e.field))?.message;
  const filesError = fieldError('documents', 'documents.0.contentBase64');
  return (
    <>
      <PageTitle>{t('staff.inclusion.title')}</PageTitle>
      <p>{t('staff.inclusion.intro')}</p>
      <ErrorSummary errors={errors} />
      <form onSubmit={send} noValidate>
        <TextField id="givenNames" label={t('register.field.givenNames')} error={fieldError('givenNames')} autoComplete="off" />
        <TextField id="surname" label={t('register.field.surname')} error={fieldError('surname')} autoComplete="off" />
        <SelectField id="sex" label={t('register.field.sex')} defaultValue="F">
          <option value="F">{t('register.sex.F')}</option>
          <option value="M">{t('register.sex.M')}</option>
        </SelectField>
        <TextField id="birthDate" label={t('register.field.birthDate')} type="date" error={fieldError('birthDate')} />
        <TextField id="birthCountry" label={t('register.field.birthCountry')} hint={t('staff.inclusion.countryHint')} error={fieldError('birthCountry')} />
        <SelectField id="legalStatus" label={t('register.field.legalStatus')} defaultValue="foreigner" error={fieldError('legalStatus')}>
          {LEGAL_STATUSES.map((s) => <option key={s} value={s}>{t(`legalStatus.${s}`)}</option>)}
        </SelectField>
        <TextField id="citizenships" label={t('register.field.citizenships')} hint={t('staff.inclusion.citizenshipsHint')} error={fieldError('citizenships', 'citizenships.0')} />
        <TextField id="foreignDocumentNumber" label={t('staff.inclusion.documentNumber')} error={fieldError('foreignDocumentNumber', 'foreignDocument.number')} />
        <TextField id="foreignDocumentCountry" label={t('staff.inclusion.documentCountry')} hint={t('staff.inclusion.countryHint')} error={fieldError('foreignDocumentCountry', 'foreignDocument.country')} />
        <TextField id="explanation" label={t('staff.inclusion.purpose')} hint={t('staff.inclusion.purposeHint')} error={fieldError('explanation')} />
        <TextField id="contactEmail" type="email" label={t('staff.inclusion.email')} hint={t('staff.inclusion.emailHint')} error={fieldError('contactEmail')} />
        <SelectField id="language" label={t('staff.newCorrection.language')} defaultValue={locale}>
          <option value="lv">{t('language.lv')}</option>
          <option value="en">{t('language.en')}</option>
        </SelectField>
        <div className={`field${filesError ? ' field--error' : ''}`}>
          <label htmlFor="documents">{t('staff.inclusion.documents')}</label>
          <p className="hint" id="documents-hint">{t('cases.filesHint')}</p>
          {filesError && <p className="field-error" id="documents-error">{filesError}</p>}
          <input id="documents" name="documents" type="file" multiple accept="application/pdf,image/jpeg,image/png"
            aria-invalid={filesError ? true : undefined} aria-describedby={filesError ? 'documents-hint documents-error' : 'documents-hint'} />
        </div>
        <button type="submit" className="button" disabled={submit.isPending}>{t('staff.inclusion.submit')}</button>
      </form>
    </>
  );
}
