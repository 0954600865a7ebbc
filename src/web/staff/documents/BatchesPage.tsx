/** Production batches: order the approved applications' documents from the centre (signed export), and record the centre's confirmation. */
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  confirmBatch,
  createBatch,
  listBatches,
  readBatch,
} from '../../../shared/contracts/document-applications.contract.ts';
import { callApi } from '../../api/client.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { PageTitle } from '../../ui/Layout.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { useProblemText } from '../../ui/errors.ts';
import { useFormat } from '../../ui/format.ts';
import { Form } from '../../ui/form/Form.tsx';
import { SubmitButton } from '../../ui/form/fields.tsx';
import { NoFields, useContractForm } from '../../ui/form/useContractForm.ts';
import { ScrollTable } from '../../ui/Table.tsx';

type Batch = z.output<typeof createBatch.response>;
type BatchSummary = z.output<typeof listBatches.response>['batches'][number];

export function BatchesPage() {
  const t = useT();
  const problemText = useProblemText();
  const client = useQueryClient();
  const list = useQuery({ queryKey: ['batches'], queryFn: () => callApi(listBatches) });
  const [openId, setOpenId] = useState<string>();
  const [done, setDone] = useState<string>();
  if (!list.data) return <p>{list.isError ? problemText(list.error) : t('common.loading')}</p>;
  return (
    <>
      <PageTitle>{t('documents.batches.title')}</PageTitle>
      <p className="lead">{t('documents.batches.intro')}</p>
      {done && <Notice kind="success">{done}</Notice>}
      <p>{t('documents.batches.waiting', { count: list.data.waiting })}</p>
      <CreateBatchForm
        waiting={list.data.waiting}
        onCreated={(b) => {
          setDone(t('documents.batches.created', { reference: b.reference, count: b.itemCount }));
          setOpenId(b.id);
          void client.invalidateQueries({ queryKey: ['batches'] });
        }}
      />
      {list.data.batches.length === 0 ? (
        <p>{t('documents.batches.none')}</p>
      ) : (
        <BatchList batches={list.data.batches} onOpen={setOpenId} />
      )}
      {openId && (
        <BatchDetail
          batchId={openId}
          onChanged={() => {
            setDone(t('documents.batches.confirmed'));
            void client.invalidateQueries({ queryKey: ['batches'] });
          }}
        />
      )}
    </>
  );
}

/** Orders the waiting documents in one batch; the form has no fields, only the refusal it may meet (nothing waiting…). */
function CreateBatchForm({ waiting, onCreated }: { waiting: number; onCreated: (b: Batch) => void }) {
  const t = useT();
  const form = useContractForm(NoFields, { defaultValues: {}, labels: {}, idPrefix: 'create' });
  const create = useMutation({
    mutationFn: () => callApi(createBatch),
    onSuccess: onCreated,
    onError: form.showServerError,
  });
  return (
    <Form form={form} onSubmit={() => create.mutate()}>
      <SubmitButton pending={create.isPending} disabled={waiting === 0}>
        {t('documents.batches.create')}
      </SubmitButton>
    </Form>
  );
}

function BatchList({ batches, onOpen }: { batches: BatchSummary[]; onOpen: (id: string) => void }) {
  const t = useT();
  const f = useFormat();
  return (
    <ScrollTable>
      <table className="data">
        <caption className="visually-hidden">{t('documents.batches.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('documents.batches.reference')}</th>
            <th scope="col">{t('documents.batches.createdAt')}</th>
            <th scope="col">{t('documents.batches.items')}</th>
            <th scope="col">{t('documents.batches.produced')}</th>
            <th scope="col">{t('documents.batches.failed')}</th>
            <th scope="col">{t('documents.batches.confirmedAt')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('documents.batches.open')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {batches.map((b) => (
            <tr key={b.id}>
              <td>{b.reference}</td>
              <td>{f.dateTime(b.createdAt)}</td>
              <td>{b.itemCount}</td>
              <td>{b.produced}</td>
              <td>{b.failed}</td>
              <td>{b.confirmedAt ? f.dateTime(b.confirmedAt) : '—'}</td>
              <td>
                <button type="button" className="button button--secondary" onClick={() => onOpen(b.id)}>
                  {t('documents.batches.open')} {b.reference}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

/**
 * One batch: its signed export, and the centre's answer per document. "All made" is the form; marking one
 * document spoiled is a button in its row, and a refusal of either is shown in that form's summary.
 */
function BatchDetail({ batchId, onChanged }: { batchId: string; onChanged: () => void }) {
  const t = useT();
  const client = useQueryClient();
  const batch = useQuery({ queryKey: ['batch', batchId], queryFn: () => callApi(readBatch, { params: { batchId } }) });
  const form = useContractForm(NoFields, { defaultValues: {}, labels: {}, idPrefix: 'confirm' });
  const confirm = useMutation({
    mutationFn: (items: Array<{ documentNumber: string; result: 'produced' | 'failed' }>) =>
      callApi(confirmBatch, { params: { batchId }, body: { items } }),
    onSuccess: (b) => {
      form.clearErrors();
      client.setQueryData(['batch', batchId], b);
      onChanged();
    },
    onError: form.showServerError,
  });
  if (!batch.data) return <p>{t('common.loading')}</p>;
  const b = batch.data;
  const waiting = b.items.filter((i) => i.result === 'ordered');
  return (
    <section className="panel" aria-labelledby="batch-title">
      <h2 id="batch-title">{b.reference}</h2>
      <p>{t('documents.batches.keyId', { keyId: b.keyId })}</p>
      <Form
        form={form}
        onSubmit={() => confirm.mutate(waiting.map((i) => ({ documentNumber: i.documentNumber, result: 'produced' })))}
      >
        <div className="button-row">
          <a className="button button--secondary" href={`/api/documents/production-batches/${b.id}/export`} download>
            {t('documents.batches.export')}
          </a>
          {waiting.length > 0 && (
            <SubmitButton pending={confirm.isPending}>{t('documents.batches.confirmAll')}</SubmitButton>
          )}
        </div>
      </Form>
      <h3>{t('documents.batches.confirm')}</h3>
      <ScrollTable>
        <table className="data">
          <caption className="visually-hidden">{b.reference}</caption>
          <thead>
            <tr>
              <th scope="col">{t('cases.field.reference')}</th>
              <th scope="col">{t('documents.field.type')}</th>
              <th scope="col">{t('documents.field.number')}</th>
              <th scope="col">{t('documents.field.status')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('documents.batches.markFailed')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {b.items.map((i) => (
              <tr key={i.caseId}>
                <td>{i.caseReference}</td>
                <td>{t(`documents.type.${i.documentType}`)}</td>
                <td>{i.documentNumber}</td>
                <td>{t(`documents.batches.result.${i.result}`)}</td>
                <td>
                  {i.result === 'ordered' && (
                    <button
                      type="button"
                      className="button button--secondary"
                      disabled={confirm.isPending}
                      onClick={() => confirm.mutate([{ documentNumber: i.documentNumber, result: 'failed' }])}
                    >
                      {t('documents.batches.markFailed')} {i.documentNumber}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </section>
  );
}
