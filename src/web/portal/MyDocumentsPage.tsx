/** My documents and my minor children's and wards': validity, and reporting one lost or stolen (it is invalid at once). */
import { useRef, useState } from 'react';
import type { z } from 'zod';
import { Link } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { listMyDocuments, reportMyDocument, type DocumentView } from '../../shared/contracts/documents.contract.ts';
import { callApi } from '../api/client.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { PageTitle, useRevealOnOpen } from '../ui/Layout.tsx';
import { Notice } from '../ui/Notice.tsx';
import { useProblemText } from '../ui/errors.ts';
import { Form } from '../ui/form/Form.tsx';
import { Radios, TextArea } from '../ui/form/fields.tsx';
import { useContractForm } from '../ui/form/useContractForm.ts';
import { DocumentStatus } from '../ui/DocumentStatus.tsx';
import { useFormat } from '../ui/format.ts';
import { ScrollTable } from '../ui/Table.tsx';

type MyDocument = DocumentView & { holderName: string; holderPersonId: string };

export function MyDocumentsPage() {
  const t = useT();
  const problemText = useProblemText();
  const f = useFormat();
  const client = useQueryClient();
  const docs = useQuery({ queryKey: ['my-documents'], queryFn: () => callApi(listMyDocuments) });
  const [reporting, setReporting] = useState<MyDocument>();
  const [done, setDone] = useState<string>();
  const doneRef = useRevealOnOpen<HTMLDivElement>(Boolean(done), done);
  /** The button that opened the report form, to take focus back when it is cancelled. */
  const opener = useRef<HTMLButtonElement | null>(null);
  if (!docs.data) return <p>{docs.isError ? problemText(docs.error) : t('common.loading')}</p>;
  const holders = [...new Set(docs.data.documents.map((d) => d.holderName))];
  // A document is renewed from six months before it expires.
  const renewFrom = f.today(183);
  return (
    <>
      <PageTitle>{t('documents.my.title')}</PageTitle>
      <p className="lead">{t('documents.my.intro')}</p>
      <p>
        {t('documents.my.remindersHint')} <Link to="/my/contact">{t('portal.contact.title')}</Link>
      </p>
      <p>
        <Link className="button" to="/my/documents/apply">
          {t('documents.apply.open')}
        </Link>
      </p>
      {done && (
        <div ref={doneRef} tabIndex={-1}>
          <Notice kind="success">{done}</Notice>
        </div>
      )}
      {docs.data.documents.length === 0 && <p>{t('documents.my.none')}</p>}
      {holders.map((holder) => (
        <section key={holder} aria-label={holder}>
          <h2>{holder}</h2>
          <ScrollTable>
            <table className="data">
              <caption className="visually-hidden">
                {t('documents.my.title')}: {holder}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('documents.field.type')}</th>
                  <th scope="col">{t('documents.field.number')}</th>
                  <th scope="col">{t('documents.field.validUntil')}</th>
                  <th scope="col">{t('documents.field.status')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('documents.my.report')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {docs.data.documents
                  .filter((d) => d.holderName === holder)
                  .map((d) => (
                    <tr key={d.id}>
                      <td>{t(`documents.type.${d.type}`)}</td>
                      <td>{d.number}</td>
                      <td>{f.date(d.validUntil)}</td>
                      <td>
                        <DocumentStatus doc={d} />
                      </td>
                      <td>
                        <div className="button-row">
                          {d.status === 'valid' && (
                            <button
                              type="button"
                              className="button button--secondary"
                              onClick={(e) => {
                                opener.current = e.currentTarget;
                                setDone(undefined);
                                setReporting(d);
                              }}
                            >
                              {t('documents.my.reportButton', { number: d.number })}
                            </button>
                          )}
                          {/* Renewing is an online application (prepared and paid now, taken at the visit). */}
                          {(d.status === 'invalid' || d.validUntil <= renewFrom) && (
                            <Link
                              className="button button--secondary"
                              to={`/my/documents/apply?person=${d.holderPersonId}`}
                            >
                              {t('documents.my.renew', { number: d.number })}
                            </Link>
                          )}
                        </div>
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </ScrollTable>
        </section>
      ))}
      {reporting && (
        <ReportForm
          key={reporting.id}
          doc={reporting}
          onCancel={() => {
            setReporting(undefined);
            opener.current?.focus();
          }}
          onDone={(fresh) => {
            setReporting(undefined);
            setDone(
              t('documents.my.reported', {
                number: fresh.number,
                since: fresh.invalidSince ? f.date(fresh.invalidSince) : '',
              }),
            );
            void client.invalidateQueries({ queryKey: ['my-documents'] });
          }}
        />
      )}
    </>
  );
}

const ReportBody = reportMyDocument.body;

/**
 * Reporting a document lost or stolen opens below the table: it is scrolled into view and its heading takes
 * focus, so the click visibly does something. Cancelling returns focus to the button that opened it.
 */
function ReportForm({
  doc,
  onCancel,
  onDone,
}: {
  doc: MyDocument;
  onCancel: () => void;
  onDone: (d: DocumentView) => void;
}) {
  const t = useT();
  const heading = useRevealOnOpen<HTMLHeadingElement>(true, doc.id);
  const form = useContractForm(ReportBody, {
    defaultValues: { reason: 'lost', circumstances: '' },
    labels: { reason: t('documents.my.what'), circumstances: t('documents.my.circumstances') },
  });
  const report = useMutation({
    mutationFn: (body: z.output<typeof ReportBody>) =>
      callApi(reportMyDocument, { params: { documentId: doc.id }, body }),
    onSuccess: onDone,
    onError: form.showServerError,
  });
  return (
    <section className="panel" aria-labelledby="report-title">
      <h2 id="report-title" ref={heading} tabIndex={-1}>
        {t('documents.my.reportTitle', { number: doc.number })}
      </h2>
      <Notice kind="warning">{t('documents.my.reportWarning')}</Notice>
      <Form form={form} onSubmit={(body) => report.mutate(body)}>
        <Radios
          name="reason"
          options={[
            { value: 'lost', label: t('documents.reason.lost') },
            { value: 'stolen', label: t('documents.reason.stolen') },
          ]}
        />
        <TextArea name="circumstances" rows={3} hint={t('documents.my.circumstancesHint')} />
        <div className="button-row">
          <button type="submit" className="button button--warning" disabled={report.isPending}>
            {t('documents.my.confirmReport')}
          </button>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </Form>
    </section>
  );
}
