/** A person's documents on the person card: validity and MRZ, and the invalidation form for document officers. */
import { useState } from 'react';
import type { z } from 'zod';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  INVALIDATION_REASONS,
  InvalidationBody,
  invalidateDocument,
  listPersonDocuments,
  type DocumentView,
} from '../../../shared/contracts/documents.contract.ts';
import { callApi } from '../../api/client.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { useRevealOnOpen } from '../../ui/Layout.tsx';
import { Form } from '../../ui/form/Form.tsx';
import { DateInput, Select, TextInput } from '../../ui/form/fields.tsx';
import { useContractForm } from '../../ui/form/useContractForm.ts';
import { DocumentStatus } from '../../ui/DocumentStatus.tsx';
import { useFormat } from '../../ui/format.ts';
import { useBranchName } from '../../ui/branch-names.ts';
import { purposeQuery, type Purpose } from '../register/purpose.ts';
import { ScrollTable } from '../../ui/Table.tsx';

export function PersonDocuments({
  personId,
  purpose,
  canRead,
  canInvalidate,
  today,
}: {
  personId: string;
  purpose: Purpose;
  canRead: boolean;
  canInvalidate: boolean;
  today: string;
}) {
  const t = useT();
  const f = useFormat();
  const branchName = useBranchName();
  const docs = useQuery({
    queryKey: ['person-documents', personId, purpose.caseReference, purpose.reason],
    queryFn: () => callApi(listPersonDocuments, { params: { personId }, query: purposeQuery(purpose) }),
    enabled: canRead,
    retry: false,
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
            <thead>
              <tr>
                <th scope="col">{t('documents.field.type')}</th>
                <th scope="col">{t('documents.field.number')}</th>
                <th scope="col">{t('documents.field.issued')}</th>
                <th scope="col">{t('documents.field.validUntil')}</th>
                <th scope="col">{t('documents.field.status')}</th>
                <th scope="col">{t('documents.field.mrz')}</th>
              </tr>
            </thead>
            <tbody>
              {docs.data.documents.map((d) => (
                <tr key={d.id}>
                  <td>{t(`documents.type.${d.type}`)}</td>
                  <td>{d.number}</td>
                  <td>
                    {f.date(d.issuedOn)}
                    {d.issuingBranch ? (
                      <>
                        <br />
                        <span className="hint">{branchName(d.issuingBranch)}</span>
                      </>
                    ) : null}
                  </td>
                  <td>{f.date(d.validUntil)}</td>
                  <td>
                    <DocumentStatus doc={d} />
                    {canInvalidate && d.status === 'valid' && (
                      <>
                        <br />
                        <button
                          type="button"
                          className="button button--link"
                          onClick={() => {
                            setDone(undefined);
                            setInvalidating(d);
                          }}
                        >
                          {t('documents.invalidate.open', { number: d.number })}
                        </button>
                      </>
                    )}
                  </td>
                  <td>
                    <code className="mrz">
                      {d.mrz.map((line) => (
                        <span key={line}>
                          {line}
                          <br />
                        </span>
                      ))}
                    </code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
      {invalidating && (
        <InvalidationForm
          doc={invalidating}
          today={today}
          onCancel={() => setInvalidating(undefined)}
          onDone={(fresh) => {
            setInvalidating(undefined);
            setDone(
              t('documents.invalidate.done', {
                number: fresh.number,
                since: fresh.invalidSince ? f.date(fresh.invalidSince) : '',
              }),
            );
            void docs.refetch();
          }}
        />
      )}
    </section>
  );
}

/**
 * Invalidating a document (a destructive act: it asks with this form, says what happens, and the officer
 * confirms). The contract's request; the form opens under the table, so it is scrolled to and focused.
 */
function InvalidationForm({
  doc,
  today,
  onCancel,
  onDone,
}: {
  doc: DocumentView;
  today: string;
  onCancel: () => void;
  onDone: (d: DocumentView) => void;
}) {
  const t = useT();
  const heading = useRevealOnOpen<HTMLHeadingElement>(true, doc.id);
  const form = useContractForm(InvalidationBody, {
    defaultValues: { reason: 'damaged', effectiveOn: today, note: '' },
    labels: {
      reason: t('documents.invalidate.reason'),
      effectiveOn: t('documents.invalidate.effectiveOn'),
      note: t('documents.invalidate.note'),
    },
    idPrefix: 'invalidate',
  });
  const send = useMutation({
    mutationFn: (body: z.output<typeof InvalidationBody>) =>
      callApi(invalidateDocument, { params: { documentId: doc.id }, body }),
    onSuccess: onDone,
    onError: form.showServerError,
  });
  return (
    <section className="panel" aria-labelledby="invalidate-title">
      <h3 id="invalidate-title" ref={heading} tabIndex={-1}>
        {t('documents.invalidate.title', { number: doc.number })}
      </h3>
      <Form form={form} onSubmit={(body) => send.mutate(body)}>
        <Select name="reason">
          {INVALIDATION_REASONS.filter((r) => r !== 'replaced' && r !== 'holder-died').map((r) => (
            <option key={r} value={r}>
              {t(`documents.reason.${r}`)}
            </option>
          ))}
        </Select>
        <DateInput name="effectiveOn" hint={t('documents.invalidate.effectiveOnHint')} />
        <TextInput name="note" />
        <div className="button-row">
          <button type="submit" className="button button--warning" disabled={send.isPending}>
            {t('documents.invalidate.submit')}
          </button>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </Form>
    </section>
  );
}
