/** The public document check: anyone, without signing in, learns whether a document number is valid, invalid (since when) or unknown. */
import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { checkDocumentValidity, DOCUMENT_TYPES, type DocumentType } from '../../shared/contracts/documents.contract.ts';
import { callApi } from '../api/client.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { PageTitle } from '../ui/Layout.tsx';
import { ErrorSummary, Notice, TextField, type FormError } from '../ui/forms.tsx';
import { SelectField } from '../ui/fields.tsx';
import { useFormErrors } from '../ui/errors.ts';

export function DocumentCheckPage() {
  const t = useT();
  const formErrors = useFormErrors();
  const [number, setNumber] = useState('');
  const [type, setType] = useState<DocumentType | ''>('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const labels = { number: t('documents.check.number'), type: t('documents.field.type') };
  const check = useMutation({
    mutationFn: () => callApi(checkDocumentValidity, { params: { number: number.trim().toUpperCase() }, query: type ? { type } : {} }),
    onSuccess: () => setErrors([]),
    onError: (e) => setErrors(formErrors(e, labels)),
  });
  const send = (e: FormEvent) => {
    e.preventDefault();
    if (!/^[A-Za-z0-9]{5,12}$/.test(number.trim())) {
      setErrors([{ field: 'number', message: t('documents.check.numberFormat') }]);
      return;
    }
    check.mutate();
  };
  const answer = check.data;
  const fieldError = errors.find((e) => e.field === 'number')?.message;
  return (
    <>
      <PageTitle>{t('documents.check.title')}</PageTitle>
      <p className="lead">{t('documents.check.intro')}</p>
      <ErrorSummary errors={errors} />
      <form onSubmit={send} noValidate>
        <TextField id="number" label={labels.number} hint={t('documents.check.numberHint')} value={number} onChange={(e) => setNumber(e.target.value)} error={fieldError} autoComplete="off" spellCheck={false} />
        <SelectField id="type" label={labels.type} value={type} onChange={(e) => setType(e.target.value as DocumentType | '')}>
          <option value="">{t('documents.check.anyType')}</option>
          {DOCUMENT_TYPES.map((d) => <option key={d} value={d}>{t(`documents.type.${d}`)}</option>)}
        </SelectField>
        <button type="submit" className="button" disabled={check.isPending}>{t('documents.check.submit')}</button>
      </form>
      <div aria-live="polite">
        {answer?.status === 'valid' && <Notice kind="success"><strong>{t('documents.check.valid', { number: answer.number })}</strong> {answer.type && t(`documents.type.${answer.type}`)}</Notice>}
        {answer?.status === 'invalid' && <Notice kind="warning"><strong>{t('documents.check.invalid', { number: answer.number, since: answer.invalidSince ?? '' })}</strong></Notice>}
        {answer?.status === 'unknown' && <Notice kind="info">{t('documents.check.unknown', { number: answer.number })}</Notice>}
        {answer && <p className="hint">{t('documents.check.checkedOn', { date: answer.checkedOn })}</p>}
      </div>
    </>
  );
}
