/** One of my applications: where it stands, the deadline, a request to answer, the decision and how to appeal. */
import { useState } from 'react';
import type { z } from 'zod';
import { Link, Navigate, useParams, useSearchParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  AnswerInformationAction,
  AppealRequest,
  LateAppealRequest,
  MAX_UPLOAD_BYTES,
  WithdrawAction,
  appealMyCase,
  myVisaEndingPdf,
  readMyCase,
  takeMyCaseAction,
  type CaseActionInput,
  type CaseView,
} from '../../shared/contracts/cases.contract.ts';
import { payOnline } from '../../shared/contracts/document-applications.contract.ts';
import { callApi } from '../api/client.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { PageTitle, useRevealOnOpen } from '../ui/Layout.tsx';
import { useFormat } from '../ui/format.ts';
import { Form } from '../ui/form/Form.tsx';
import { FileInput, SubmitButton, TextArea } from '../ui/form/fields.tsx';
import { uploadFiles } from '../ui/form/upload-files.ts';
import { useContractForm } from '../ui/form/useContractForm.ts';
import { Notice } from '../ui/Notice.tsx';
import { useProblemText } from '../ui/errors.ts';
import { toUploads } from '../ui/files.ts';
import { CaseDetails } from '../ui/CaseDetails.tsx';
import { useSession } from '../session/useSession.ts';

export function MyCasePage() {
  const t = useT();
  const f = useFormat();
  const problemText = useProblemText();
  const { caseId = '' } = useParams();
  const [search] = useSearchParams();
  const client = useQueryClient();
  const view = useQuery({ queryKey: ['my-case', caseId], queryFn: () => callApi(readMyCase, { params: { caseId } }) });
  // The catalogue key of what was just done: worded at render, so a language switch words it again.
  const [done, setDone] = useState<{ key: string; at: number }>();
  const doneRef = useRevealOnOpen<HTMLDivElement>(Boolean(done), done?.at);
  /** An action the applicant takes; its form shows a refusal itself, the page the result. */
  const act = async (body: CaseActionInput): Promise<void> => {
    const fresh = await callApi(takeMyCaseAction, { params: { caseId }, body });
    client.setQueryData(['my-case', caseId], fresh);
    setDone({ key: `portal.case.done.${body.kind}`, at: Date.now() });
  };
  if (!view.data) return <p>{view.isError ? problemText(view.error) : t('common.loading')}</p>;
  const v = view.data;
  return (
    <>
      <PageTitle>{t('portal.case.title', { reference: v.reference })}</PageTitle>
      {search.get('new') && (
        <Notice kind="success">
          {v.status === 'prepared'
            ? t('documents.apply.created', { reference: v.reference })
            : t('portal.case.received', { reference: v.reference, dueOn: v.dueOn ? f.date(v.dueOn) : '' })}
        </Notice>
      )}
      {v.subject.kind === 'document-application' && v.status === 'prepared' && (
        <PreparedApplication
          view={v}
          onPaid={(fresh) => {
            client.setQueryData(['my-case', caseId], fresh);
            setDone({ key: 'documents.apply.paid', at: Date.now() });
          }}
        />
      )}
      {done && (
        <div ref={doneRef} tabIndex={-1}>
          <Notice kind="success">{t(done.key)}</Notice>
        </div>
      )}
      {v.openRequest && v.availableActions.includes('answer-information') && (
        <AnswerForm
          question={v.openRequest.question}
          dueOn={v.openRequest.dueOn}
          onSend={async (text, files) =>
            act({
              kind: 'answer-information',
              expectedVersion: v.version,
              requestId: v.openRequest?.requestId as string,
              text,
              documents: await toUploads(files ?? null),
            })
          }
        />
      )}
      <VisaEnding view={v} />
      <CaseDetails
        view={v}
        documentUrl={(id) => `/api/portal/me/cases/${v.id}/documents/${id}`}
        decisionUrl={`/api/portal/me/cases/${v.id}/decision.pdf`}
        caseLink={(id, reference) => <Link to={`/my/cases/${id}`}>{reference}</Link>}
      />
      {(v.canAppeal || v.canAppealLate) && (
        <AppealForm caseId={v.id} until={v.decision?.appealUntil ?? ''} late={v.canAppealLate} />
      )}
      {v.availableActions.includes('withdraw') && (
        <WithdrawForm onSend={(reason) => act({ kind: 'withdraw', expectedVersion: v.version, reason })} />
      )}
    </>
  );
}

/**
 * The decision that annulled or revoked the visa this application was issued: the same form the office
 * keeps, for the applicant to download (a representative reads the case, not the applicant's visa papers).
 */
function VisaEnding({ view }: { view: CaseView }) {
  const t = useT();
  const session = useSession();
  const me = session.data?.authenticated && session.data.kind === 'resident' ? session.data.resident : undefined;
  const visa = view.subject.kind === 'visa' ? view.subject.visa : null;
  if (!visa?.ended || !me || view.representatives.some((r) => r.personId === me.personId)) return null;
  return (
    <section className="panel" aria-labelledby="visa-ending-title">
      <h2 id="visa-ending-title">{t(`visas.ending.title.${visa.ended.kind}`)}</h2>
      <p>{t('portal.case.visaEnding.text', { kind: visa.ended.kind })}</p>
      <p>
        <a href={myVisaEndingPdf.path.replace('{caseId}', encodeURIComponent(view.id))} download>
          {t('portal.case.visaEnding.pdf', { kind: visa.ended.kind })}
        </a>
      </p>
    </section>
  );
}

/** The fee is paid as it stands: the page adds the version it showed, so the form has no fields of its own. */
const PayForm = payOnline.body.omit({ expectedVersion: true });

/** An application prepared online: pay the fee (a refusal is shown at the button), then book the visit that takes it. */
function PreparedApplication({ view, onPaid }: { view: CaseView; onPaid: (v: CaseView) => void }) {
  const t = useT();
  const f = useFormat();
  const form = useContractForm(PayForm, { defaultValues: {}, labels: {}, idPrefix: 'pay' });
  // The payment of this case as it stands (its version fixes the amount): pressing again after a lost answer gets
  // the first answer, not a second charge.
  const key = `pay:${view.id}:${view.version}`;
  const pay = useMutation({
    mutationFn: () =>
      callApi(payOnline, {
        params: { caseId: view.id },
        body: { expectedVersion: view.version },
        idempotencyKey: key,
      }),
    onSuccess: onPaid,
    onError: form.showServerError,
  });
  if (view.subject.kind !== 'document-application') return null;
  const s = view.subject;
  // The fee, or the rest a move of rules added after it was paid.
  const owed = s.fee.amountCents - (s.payment?.amountCents ?? 0);
  return (
    <div className="panel">
      <Form form={form} onSubmit={() => pay.mutate()}>
        <div className="button-row">
          {owed > 0 && (
            <SubmitButton pending={pay.isPending}>{t('documents.apply.pay', { amount: f.money(owed) })}</SubmitButton>
          )}
          <Link
            className={`button${owed > 0 ? ' button--secondary' : ''}`}
            to={`/my/appointments/new?service=document-application&person=${s.personId}&application=${view.id}&branch=${s.pickupBranchId}`}
          >
            {t('documents.apply.book')}
          </Link>
        </div>
      </Form>
    </div>
  );
}

const ACCEPTED = ['application/pdf', 'image/jpeg', 'image/png'] as const;
const AnswerFormSchema = AnswerInformationAction.pick({ text: true }).extend({
  files: uploadFiles(ACCEPTED, MAX_UPLOAD_BYTES),
});
const WithdrawFormSchema = WithdrawAction.pick({ reason: true });
const AppealFormSchema = AppealRequest.omit({ documents: true }).extend({
  files: uploadFiles(ACCEPTED, MAX_UPLOAD_BYTES),
});
const LateAppealFormSchema = LateAppealRequest.omit({ documents: true }).extend({
  files: uploadFiles(ACCEPTED, MAX_UPLOAD_BYTES),
});

/** The answer to the office's question: several lines of text (the question may ask for an explanation) and files. */
function AnswerForm({
  question,
  dueOn,
  onSend,
}: {
  question: string;
  dueOn: string;
  onSend: (text: string, files: FileList | undefined) => Promise<void>;
}) {
  const t = useT();
  const f = useFormat();
  const form = useContractForm(AnswerFormSchema, {
    defaultValues: { text: '' },
    labels: { text: t('portal.case.answer'), files: t('cases.section.documents') },
    idPrefix: 'answer',
  });
  const send = useMutation({
    mutationFn: (v: z.output<typeof AnswerFormSchema>) => onSend(v.text, v.files),
    onError: form.showServerError,
  });
  return (
    <section className="panel" aria-labelledby="answer-title">
      <h2 id="answer-title">{t('portal.case.answerTitle')}</h2>
      <p>
        <strong>{question}</strong>
      </p>
      <p className="hint">{t('portal.case.answerBy', { dueOn: f.date(dueOn) })}</p>
      <Form form={form} onSubmit={(v) => send.mutate(v)}>
        <TextArea name="text" rows={6} />
        <FileInput name="files" accept={ACCEPTED} hint={t('cases.filesHint')} />
        <SubmitButton pending={send.isPending}>{t('portal.case.sendAnswer')}</SubmitButton>
      </Form>
    </section>
  );
}

function WithdrawForm({ onSend }: { onSend: (reason: string) => Promise<void> }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const form = useContractForm(WithdrawFormSchema, {
    defaultValues: { reason: '' },
    labels: { reason: t('portal.case.withdrawReason') },
    idPrefix: 'withdraw',
  });
  const send = useMutation({ mutationFn: (reason: string) => onSend(reason), onError: form.showServerError });
  const opened = useRevealOnOpen<HTMLDivElement>(open);
  return (
    <section className="panel">
      <button type="button" className="button button--secondary" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t('portal.case.withdraw')}
      </button>
      {open && (
        <div ref={opened} tabIndex={-1} className="reveal">
          <Form form={form} onSubmit={(v) => send.mutate(v.reason)}>
            <TextArea name="reason" rows={3} />
            <SubmitButton pending={send.isPending}>{t('portal.case.withdrawConfirm')}</SubmitButton>
          </Form>
        </div>
      )}
    </section>
  );
}

/**
 * Contesting a refusal: within the term, the reasons; after it, also why the term was missed (the office
 * decides first whether to renew it).
 */
function AppealForm({ caseId, until, late }: { caseId: string; until: string; late: boolean }) {
  const t = useT();
  const f = useFormat();
  const form = useContractForm(late ? LateAppealFormSchema : AppealFormSchema, {
    defaultValues: { reason: '', lateReason: '' },
    labels: {
      reason: t('portal.case.appealReason'),
      lateReason: t('portal.case.lateReason'),
      files: t('cases.section.documents'),
    },
    idPrefix: 'appeal',
  });
  const appeal = useMutation({
    mutationFn: async ({ files, ...body }: z.output<typeof AppealFormSchema>) =>
      callApi(appealMyCase, { params: { caseId }, body: { ...body, documents: await toUploads(files ?? null) } }),
    onError: form.showServerError,
  });
  if (appeal.data) return <Navigate to={`/my/cases/${appeal.data.id}?new=1`} />;
  return (
    <section className="panel" aria-labelledby="appeal-title">
      <h2 id="appeal-title">{t('portal.case.appealTitle')}</h2>
      <p>{t(late ? 'portal.case.appealLateIntro' : 'portal.case.appealIntro', { until: f.date(until) })}</p>
      <Form form={form} onSubmit={(v) => appeal.mutate(v)}>
        {late && <TextArea name="lateReason" rows={3} />}
        <TextArea name="reason" rows={5} />
        <FileInput name="files" accept={ACCEPTED} hint={t('cases.filesHint')} />
        <SubmitButton pending={appeal.isPending}>{t('portal.case.appealSubmit')}</SubmitButton>
      </Form>
    </section>
  );
}
