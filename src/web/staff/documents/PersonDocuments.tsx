/** A person's documents on the person card: validity and MRZ, and the invalidation form for document officers. */
import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { INVALIDATION_REASONS, invalidateDocument, listPersonDocuments, type DocumentView, type InvalidationReason } from '../../../shared/contracts/documents.contract.ts';
import { callApi } from '../../api/client.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { ErrorSummary, Notice, TextField, type FormError } from '../../ui/forms.tsx';
import { SelectField } from '../../ui/fields.tsx';
import { useFormErrors } from '../../ui/errors.ts';
import { DocumentStatus } from '../../ui/DocumentStatus.tsx';
import { useFormat } from '../../ui/format.ts';
import { purposeQuery, type Purpose } from '../register/purpose.ts';
import { ScrollTable } from '../../ui/Table.tsx';

export function PersonDocuments({ personId, purpose, canRead, canInvalidate, today }: { personId: string; purpose: Purpose; canRead: boolean; canInvalidate: boolean; today: string }) {
  const t = useT();
  const f = useFormat();
  const docs = useQuery({
    queryKey: ['person-documents', personId, purpose.caseReference, purpose.reason],
    queryFn: () => callApi(listPersonDocuments, { params: { personId }, query: purposeQuery(purpose) }),
    enabled: canRead, retry: false,
  });
  const [invalidating, setInvalidating] = useState<DocumentView>();
  const [done, setDone] = useState<string>();
  if (!canRead) return null;
  return (
    <section aria-labelledby="documents-title">
      <h2 id="documents-title">{t('register.section.documents')}</h2>
      {done && <Notice kind="success">{done}</Notice>}
      {docs.data?.documents.length === 0 && <p>{t('documents.none')}</p>}
      {docs.data && docs.data.documents.length > 0 && (
        <ScrollTable>
          <table className="data">
            <caption className="visually-hidden">{t('register.section.documents')}</caption>
            <thead><tr><th scope="col">{t('documents.field.type')}</th><th scope="col">{t('documents.field.number')}</th><th scope="col">{t('documents.field.issued')}</th><th scope="col">{t('documents.field.validUntil')}</th><th scope="col">{t('documents.field.status')}</th><th scope="col">{t('documents.field.mrz')}</th></tr></thead>
            <tbody>
              {docs.data.documents.map((d) => (
                <tr key={d.id}>
                  <td>{t(`documents.type.${d.type}`)}</td>
                  <td>{d.number}</td>
                  <td>{f.date(d.issuedOn)}{d.issuingBranch ? <><br /><span className="hint">{d.issuingBranch}</span></> : null}</td>
                  <td>{f.date(d.validUntil)}</td>
                  <td>
                    <DocumentStatus doc={d} />
                    {canInvalidate && d.status === 'valid' && <><br /><button type="button" className="button button--link" onClick={() => { setDone(undefined); setInvalidating(d); }}>{t('documents.invalidate.open', { number: d.number })}</button></>}
                  </td>
                  <td><code className="mrz">{d.mrz.map((line) => <span key={line}>{line}<br /></span>)}</code></td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
      {invalidating && (
        <InvalidationForm doc={invalidating} today={today} onCancel={() => setInvalidating(undefined)} onDone={(fresh) => {
          setInvalidating(undefined);
          setDone(t('documents.invalidate.done', { number: fresh.number, since: fresh.invalidSince ? f.date(fresh.invalidSince) : '' }));
          void docs.refetch();
        }} />
      )}
    </section>
  );
}

function InvalidationForm({ doc, today, onCancel, onDone }: { doc: DocumentView; today: string; onCancel: () => void; onDone: (d: DocumentView) => void }) {
  const t = useT();
  const formErrors = useFormErrors();
  const [reason, setReason] = useState<InvalidationReason>('damaged');
  const [effectiveOn, setEffectiveOn] = useState(today);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const labels = { reason: t('documents.invalidate.reason'), effectiveOn: t('documents.invalidate.effectiveOn'), note: t('documents.invalidate.note') };
  const send = useMutation({
    mutationFn: () => callApi(invalidateDocument, { params: { documentId: doc.id }, body: { reason, effectiveOn, note } }),
    onSuccess: onDone,
    onError: (e) => setErrors(formErrors(e, labels)),
  });
  const fieldError = (f: string) => errors.find((e) => e.field === f)?.message;
  return (
    <form className="panel" aria-labelledby="invalidate-title" noValidate onSubmit={(e) => {
      e.preventDefault();
      if (!note.trim()) return setErrors([{ field: 'note', message: t('validation.required', { field: labels.note }) }]);
      send.mutate();
    }}>
      <h3 id="invalidate-title">{t('documents.invalidate.title', { number: doc.number })}</h3>
      <ErrorSummary errors={errors} />
      <SelectField id="reason" label={labels.reason} value={reason} onChange={(e) => setReason(e.target.value as InvalidationReason)}>
        {INVALIDATION_REASONS.filter((r) => r !== 'replaced' && r !== 'holder-died').map((r) => <option key={r} value={r}>{t(`documents.reason.${r}`)}</option>)}
      </SelectField>
      <TextField id="effectiveOn" type="date" label={labels.effectiveOn} hint={t('documents.invalidate.effectiveOnHint')} value={effectiveOn} onChange={(e) => setEffectiveOn(e.target.value)} error={fieldError('effectiveOn')} />
      <TextField id="note" label={labels.note} value={note} onChange={(e) => setNote(e.target.value)} error={fieldError('note')} />
      <div className="button-row">
        <button type="submit" className="button button--warning" disabled={send.isPending}>{t('documents.invalidate.submit')}</button>
        <button type="button" className="button button--secondary" onClick={onCancel}>{t('common.cancel')}</button>
      </div>
    </form>
  );
}
