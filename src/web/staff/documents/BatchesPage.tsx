/** Production batches: order the approved applications' documents from the centre (signed export), and record the centre's confirmation. */
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { confirmBatch, createBatch, listBatches, readBatch } from '../../../shared/contracts/document-applications.contract.ts';
import { callApi } from '../../api/client.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { PageTitle } from '../../ui/Layout.tsx';
import { ErrorSummary, Notice, type FormError } from '../../ui/forms.tsx';
import { useFormErrors, useProblemText } from '../../ui/errors.ts';
import { useFormat } from '../../ui/format.ts';
import { ScrollTable } from '../../ui/Table.tsx';

export function BatchesPage() {
  const t = useT();
  const formErrors = useFormErrors();
  const problemText = useProblemText();
  const f = useFormat();
  const client = useQueryClient();
  const list = useQuery({ queryKey: ['batches'], queryFn: () => callApi(listBatches) });
  const [openId, setOpenId] = useState<string>();
  const [done, setDone] = useState<string>();
  const [errors, setErrors] = useState<FormError[]>([]);
  const create = useMutation({
    mutationFn: () => callApi(createBatch),
    onSuccess: (b) => { setErrors([]); setDone(t('documents.batches.created', { reference: b.reference, count: b.itemCount })); setOpenId(b.id); void client.invalidateQueries({ queryKey: ['batches'] }); },
    onError: (e) => setErrors(formErrors(e)),
  });
  if (!list.data) return <p>{list.isError ? problemText(list.error) : t('common.loading')}</p>;
  return (
    <>
      <PageTitle>{t('documents.batches.title')}</PageTitle>
      <p className="lead">{t('documents.batches.intro')}</p>
      {done && <Notice kind="success">{done}</Notice>}
      <ErrorSummary errors={errors} />
      <p>{t('documents.batches.waiting', { count: list.data.waiting })}</p>
      <button type="button" className="button" disabled={create.isPending || list.data.waiting === 0} onClick={() => create.mutate()}>{t('documents.batches.create')}</button>
      {list.data.batches.length === 0 ? <p>{t('documents.batches.none')}</p> : (
        <ScrollTable>
          <table className="data">
            <caption className="visually-hidden">{t('documents.batches.title')}</caption>
            <thead><tr>
              <th scope="col">{t('documents.batches.reference')}</th><th scope="col">{t('documents.batches.createdAt')}</th><th scope="col">{t('documents.batches.items')}</th>
              <th scope="col">{t('documents.batches.produced')}</th><th scope="col">{t('documents.batches.failed')}</th><th scope="col">{t('documents.batches.confirmedAt')}</th>
              <th scope="col"><span className="visually-hidden">{t('documents.batches.open')}</span></th>
            </tr></thead>
            <tbody>
              {list.data.batches.map((b) => (
                <tr key={b.id}>
                  <td>{b.reference}</td><td>{f.dateTime(b.createdAt)}</td><td>{b.itemCount}</td><td>{b.produced}</td><td>{b.failed}</td>
                  <td>{b.confirmedAt ? f.dateTime(b.confirmedAt) : '—'}</td>
                  <td><button type="button" className="button button--secondary" onClick={() => setOpenId(b.id)}>{t('documents.batches.open')} {b.reference}</button></td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
      {openId && <BatchDetail batchId={openId} onChanged={() => { setDone(t('documents.batches.confirmed')); void client.invalidateQueries({ queryKey: ['batches'] }); }} />}
    </>
  );
}

function BatchDetail({ batchId, onChanged }: { batchId: string; onChanged: () => void }) {
  const t = useT();
  const formErrors = useFormErrors();
  const client = useQueryClient();
  const batch = useQuery({ queryKey: ['batch', batchId], queryFn: () => callApi(readBatch, { params: { batchId } }) });
  const [errors, setErrors] = useState<FormError[]>([]);
  const confirm = useMutation({
    mutationFn: (items: Array<{ documentNumber: string; result: 'produced' | 'failed' }>) => callApi(confirmBatch, { params: { batchId }, body: { items } }),
    onSuccess: (b) => { setErrors([]); client.setQueryData(['batch', batchId], b); onChanged(); },
    onError: (e) => setErrors(formErrors(e)),
  });
  if (!batch.data) return <p>{t('common.loading')}</p>;
  const b = batch.data;
  const waiting = b.items.filter((i) => i.result === 'ordered');
  return (
    <section className="panel" aria-labelledby="batch-title">
      <h2 id="batch-title">{b.reference}</h2>
      <p>{t('documents.batches.keyId', { keyId: b.keyId })}</p>
      <ErrorSummary errors={errors} />
      <div className="button-row">
        <a className="button button--secondary" href={`/api/documents/production-batches/${b.id}/export`} download>{t('documents.batches.export')}</a>
        {waiting.length > 0 && <button type="button" className="button" disabled={confirm.isPending} onClick={() => confirm.mutate(waiting.map((i) => ({ documentNumber: i.documentNumber, result: 'produced' })))}>{t('documents.batches.confirmAll')}</button>}
      </div>
      <h3>{t('documents.batches.confirm')}</h3>
      <ScrollTable>
        <table className="data">
          <caption className="visually-hidden">{b.reference}</caption>
          <thead><tr><th scope="col">{t('cases.field.reference')}</th><th scope="col">{t('documents.field.type')}</th><th scope="col">{t('documents.field.number')}</th><th scope="col">{t('documents.field.status')}</th><th scope="col"><span className="visually-hidden">{t('documents.batches.markFailed')}</span></th></tr></thead>
          <tbody>
            {b.items.map((i) => (
              <tr key={i.caseId}>
                <td>{i.caseReference}</td><td>{t(`documents.type.${i.documentType}`)}</td><td>{i.documentNumber}</td><td>{t(`documents.batches.result.${i.result}`)}</td>
                <td>{i.result === 'ordered' && <button type="button" className="button button--secondary" disabled={confirm.isPending} onClick={() => confirm.mutate([{ documentNumber: i.documentNumber, result: 'failed' }])}>{t('documents.batches.markFailed')} {i.documentNumber}</button>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </section>
  );
}
