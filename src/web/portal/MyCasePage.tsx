/** One of my applications: where it stands, the deadline, a request to answer, the decision and how to appeal. */
import { useState, type FormEvent } from 'react';
import { Link, Navigate, useParams, useSearchParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { appealMyCase, readMyCase, takeMyCaseAction, type CaseActionInput, type CaseView } from '../../shared/contracts/cases.contract.ts';
import { payOnline } from '../../shared/contracts/document-applications.contract.ts';
import { callApi } from '../api/client.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { PageTitle } from '../ui/Layout.tsx';
import { ErrorSummary, Notice, TextField, type FormError } from '../ui/forms.tsx';
import { formErrorsFrom } from '../ui/errors.ts';
import { toUploads } from '../ui/files.ts';
import { CaseDetails } from '../ui/CaseDetails.tsx';

export function MyCasePage() {
  const t = useT();
  const { caseId = '' } = useParams();
  const [search] = useSearchParams();
  const client = useQueryClient();
  const view = useQuery({ queryKey: ['my-case', caseId], queryFn: () => callApi(readMyCase, { params: { caseId } }) });
  const [errors, setErrors] = useState<FormError[]>([]);
  const [done, setDone] = useState<string>();
  const act = useMutation({
    mutationFn: (body: CaseActionInput) => callApi(takeMyCaseAction, { params: { caseId }, body }),
    onSuccess: (fresh: CaseView, body) => {
      client.setQueryData(['my-case', caseId], fresh);
      setErrors([]);
      setDone(t(`portal.case.done.${body.kind}`));
    },
    onError: (e) => setErrors(formErrorsFrom(e, t, { text: t('portal.case.answer'), reason: t('portal.case.withdrawReason'), 'documents.0.contentBase64': t('cases.section.documents') })),
  });
  if (!view.data) return <p>{view.isError ? t('error.NOT_FOUND') : t('common.loading')}</p>;
  const v = view.data;
  return (
    <>
      <PageTitle>{t('portal.case.title', { reference: v.reference })}</PageTitle>
      {search.get('new') && <Notice kind="success">{v.status === 'prepared' ? t('documents.apply.created', { reference: v.reference }) : t('portal.case.received', { reference: v.reference, dueOn: v.dueOn ?? '' })}</Notice>}
      {v.subject.kind === 'document-application' && v.status === 'prepared' && <PreparedApplication view={v} onPaid={(fresh) => { client.setQueryData(['my-case', caseId], fresh); setDone(t('documents.apply.paid')); }} onError={setErrors} />}
      {done && <Notice kind="success">{done}</Notice>}
      <ErrorSummary errors={errors} />
      {v.openRequest && v.availableActions.includes('answer-information') && (
        <AnswerForm question={v.openRequest.question} dueOn={v.openRequest.dueOn} busy={act.isPending} error={errors.find((e) => e.field === 'text')?.message}
          onSend={async (text, files) => act.mutate({ kind: 'answer-information', expectedVersion: v.version, requestId: v.openRequest?.requestId as string, text, documents: await toUploads(files) })} />
      )}
      <CaseDetails view={v} documentUrl={(id) => `/api/portal/me/cases/${v.id}/documents/${id}`} decisionUrl={`/api/portal/me/cases/${v.id}/decision.pdf`} caseLink={(id, reference) => <Link to={`/my/cases/${id}`}>{reference}</Link>} />
      {v.canAppeal && <AppealForm caseId={v.id} until={v.decision?.appealUntil ?? ''} onError={setErrors} />}
      {v.availableActions.includes('withdraw') && <WithdrawForm busy={act.isPending} onSend={(reason) => act.mutate({ kind: 'withdraw', expectedVersion: v.version, reason })} />}
    </>
  );
}

/** An application prepared online: pay the fee, then book the visit that takes it. */
function PreparedApplication({ view, onPaid, onError }: { view: CaseView; onPaid: (v: CaseView) => void; onError: (e: FormError[]) => void }) {
  const t = useT();
  const pay = useMutation({
    mutationFn: () => callApi(payOnline, { params: { caseId: view.id }, body: { expectedVersion: view.version } }),
    onSuccess: onPaid,
    onError: (e) => onError(formErrorsFrom(e, t)),
  });
  if (view.subject.kind !== 'document-application') return null;
  const s = view.subject;
  return (
    <div className="panel">
      <div className="button-row">
        {!s.payment && <button type="button" className="button" disabled={pay.isPending} onClick={() => pay.mutate()}>{t('documents.apply.pay', { amount: (s.fee.amountCents / 100).toFixed(2) })}</button>}
        <Link className={`button${s.payment ? '' : ' button--secondary'}`} to={`/my/appointments/new?service=document-application&person=${s.personId}&application=${view.id}&branch=${s.pickupBranchId}`}>{t('documents.apply.book')}</Link>
      </div>
    </div>
  );
}

function AnswerForm({ question, dueOn, busy, error, onSend }: { question: string; dueOn: string; busy: boolean; error: string | undefined; onSend: (text: string, files: FileList | null) => void }) {
  const t = useT();
  const [text, setText] = useState('');
  const [files, setFiles] = useState<FileList | null>(null);
  const send = (e: FormEvent) => {
    e.preventDefault();
    onSend(text, files);
  };
  return (
    <form onSubmit={send} noValidate className="panel">
      <h2>{t('portal.case.answerTitle')}</h2>
      <p><strong>{question}</strong></p>
      <p className="hint">{t('portal.case.answerBy', { dueOn })}</p>
      <TextField id="text" label={t('portal.case.answer')} value={text} onChange={(e) => setText(e.target.value)} error={error} />
      <div className="field">
        <label htmlFor="answer-files">{t('cases.section.documents')}</label>
        <p className="hint" id="answer-files-hint">{t('cases.filesHint')}</p>
        <input id="answer-files" type="file" multiple accept="application/pdf,image/jpeg,image/png" onChange={(e) => setFiles(e.target.files)} aria-describedby="answer-files-hint" />
      </div>
      <button type="submit" className="button" disabled={busy}>{t('portal.case.sendAnswer')}</button>
    </form>
  );
}

function WithdrawForm({ busy, onSend }: { busy: boolean; onSend: (reason: string) => void }) {
  const t = useT();
  const [reason, setReason] = useState('');
  return (
    <details className="panel">
      <summary>{t('portal.case.withdraw')}</summary>
      <form onSubmit={(e) => { e.preventDefault(); onSend(reason); }} noValidate>
        <TextField id="reason" label={t('portal.case.withdrawReason')} value={reason} onChange={(e) => setReason(e.target.value)} />
        <button type="submit" className="button button--warning" disabled={busy}>{t('portal.case.withdrawConfirm')}</button>
      </form>
    </details>
  );
}

function AppealForm({ caseId, until, onError }: { caseId: string; until: string; onError: (errors: FormError[]) => void }) {
  const t = useT();
  const [reason, setReason] = useState('');
  const [files, setFiles] = useState<FileList | null>(null);
  const appeal = useMutation({
    mutationFn: async () => callApi(appealMyCase, { params: { caseId }, body: { reason, documents: await toUploads(files) } }),
    onError: (e) => onError(formErrorsFrom(e, t, { reason: t('portal.case.appealReason') })),
  });
  if (appeal.data) return <Navigate to={`/my/cases/${appeal.data.id}?new=1`} />;
  return (
    <form className="panel" onSubmit={(e) => { e.preventDefault(); appeal.mutate(); }} noValidate>
      <h2>{t('portal.case.appealTitle')}</h2>
      <p>{t('portal.case.appealIntro', { until })}</p>
      <div className="field">
        <label htmlFor="appeal-reason">{t('portal.case.appealReason')}</label>
        <textarea id="appeal-reason" rows={4} value={reason} onChange={(e) => setReason(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="appeal-files">{t('cases.section.documents')}</label>
        <p className="hint" id="appeal-files-hint">{t('cases.filesHint')}</p>
        <input id="appeal-files" type="file" multiple accept="application/pdf,image/jpeg,image/png" onChange={(e) => setFiles(e.target.files)} aria-describedby="appeal-files-hint" />
      </div>
      <button type="submit" className="button" disabled={appeal.isPending}>{t('portal.case.appealSubmit')}</button>
    </form>
  );
}
