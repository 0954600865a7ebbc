/** My documents and my minor children's and wards': validity, and reporting one lost or stolen (it is invalid at once). */
import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { listMyDocuments, reportMyDocument, type DocumentView } from '../../shared/contracts/documents.contract.ts';
import { callApi } from '../api/client.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { PageTitle } from '../ui/Layout.tsx';
import { ErrorSummary, Notice, type FormError } from '../ui/forms.tsx';
import { RadioGroup } from '../ui/fields.tsx';
import { formErrorsFrom } from '../ui/errors.ts';
import { DocumentStatus } from '../ui/DocumentStatus.tsx';
import { localDate } from '../ui/dates.ts';

type MyDocument = DocumentView & { holderName: string; holderPersonId: string };

export function MyDocumentsPage() {
  const t = useT();
  const client = useQueryClient();
  const docs = useQuery({ queryKey: ['my-documents'], queryFn: () => callApi(listMyDocuments) });
  const [reporting, setReporting] = useState<MyDocument>();
  const [done, setDone] = useState<string>();
  if (!docs.data) return <p>{docs.isError ? t('error.INTERNAL') : t('common.loading')}</p>;
  const holders = [...new Set(docs.data.documents.map((d) => d.holderName))];
  // A document is renewed from six months before it expires.
  const renewFrom = localDate(183);
  return (
    <>
      <PageTitle>{t('documents.my.title')}</PageTitle>
      <p className="lead">{t('documents.my.intro')}</p>
      <p>{t('documents.my.remindersHint')} <Link to="/my/contact">{t('portal.contact.title')}</Link></p>
      <p><Link className="button" to="/my/documents/apply">{t('documents.apply.open')}</Link></p>
      {done && <Notice kind="success">{done}</Notice>}
      {docs.data.documents.length === 0 && <p>{t('documents.my.none')}</p>}
      {holders.map((holder) => (
        <section key={holder} aria-label={holder}>
          <h2>{holder}</h2>
          <table className="data">
            <caption className="visually-hidden">{t('documents.my.title')}: {holder}</caption>
            <thead><tr><th scope="col">{t('documents.field.type')}</th><th scope="col">{t('documents.field.number')}</th><th scope="col">{t('documents.field.validUntil')}</th><th scope="col">{t('documents.field.status')}</th><th scope="col"><span className="visually-hidden">{t('documents.my.report')}</span></th></tr></thead>
            <tbody>
              {docs.data.documents.filter((d) => d.holderName === holder).map((d) => (
                <tr key={d.id}>
                  <td>{t(`documents.type.${d.type}`)}</td>
                  <td>{d.number}</td>
                  <td>{d.validUntil}</td>
                  <td><DocumentStatus doc={d} /></td>
                  <td>
                    <div className="button-row">
                      {d.status === 'valid' && <button type="button" className="button button--secondary" onClick={() => { setDone(undefined); setReporting(d); }}>{t('documents.my.reportButton', { number: d.number })}</button>}
                      {/* Renewing is an online application (prepared and paid now, taken at the visit). */}
                      {(d.status === 'invalid' || d.validUntil <= renewFrom) && <Link className="button button--secondary" to={`/my/documents/apply?person=${d.holderPersonId}`}>{t('documents.my.renew', { number: d.number })}</Link>}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
      {reporting && (
        <ReportForm doc={reporting} onCancel={() => setReporting(undefined)} onDone={(fresh) => {
          setReporting(undefined);
          setDone(t('documents.my.reported', { number: fresh.number, since: fresh.invalidSince ?? '' }));
          void client.invalidateQueries({ queryKey: ['my-documents'] });
        }} />
      )}
    </>
  );
}

function ReportForm({ doc, onCancel, onDone }: { doc: MyDocument; onCancel: () => void; onDone: (d: DocumentView) => void }) {
  const t = useT();
  const [reason, setReason] = useState<'lost' | 'stolen'>('lost');
  const [circumstances, setCircumstances] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const report = useMutation({
    mutationFn: () => callApi(reportMyDocument, { params: { documentId: doc.id }, body: { reason, circumstances } }),
    onSuccess: onDone,
    onError: (e) => setErrors(formErrorsFrom(e, t, { circumstances: t('documents.my.circumstances') })),
  });
  return (
    <form className="panel" aria-labelledby="report-title" onSubmit={(e) => {
      e.preventDefault();
      if (!circumstances.trim()) return setErrors([{ field: 'circumstances', message: t('errors.invalidField', { field: t('documents.my.circumstances') }) }]);
      report.mutate();
    }} noValidate>
      <h2 id="report-title">{t('documents.my.reportTitle', { number: doc.number })}</h2>
      <Notice kind="warning">{t('documents.my.reportWarning')}</Notice>
      <ErrorSummary errors={errors} />
      <RadioGroup name="reason" legend={t('documents.my.what')} value={reason} onChange={(v) => setReason(v as 'lost' | 'stolen')}
        options={[{ value: 'lost', label: t('documents.reason.lost') }, { value: 'stolen', label: t('documents.reason.stolen') }]} />
      <div className={`field${errors.length ? ' field--error' : ''}`}>
        <label htmlFor="circumstances">{t('documents.my.circumstances')}</label>
        <p className="hint" id="circumstances-hint">{t('documents.my.circumstancesHint')}</p>
        {errors[0] && <p className="field-error" id="circumstances-error">{errors[0].message}</p>}
        <textarea id="circumstances" rows={3} value={circumstances} onChange={(e) => setCircumstances(e.target.value)} aria-describedby={errors.length ? 'circumstances-hint circumstances-error' : 'circumstances-hint'} aria-invalid={errors.length ? true : undefined} />
      </div>
      <div className="button-row">
        <button type="submit" className="button button--warning" disabled={report.isPending}>{t('documents.my.confirmReport')}</button>
        <button type="button" className="button button--secondary" onClick={onCancel}>{t('common.cancel')}</button>
      </div>
    </form>
  );
}
