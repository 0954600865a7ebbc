/** A case at the desk: its facts, documents, timeline and deadline clock, and a form for each action the officer may take now. */
import { useState, type FormEvent, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { REPRESENTATIVE_KINDS, REPRESENTATIVE_RIGHTS, readCase, takeCaseAction, type CaseActionInput, type CaseView } from '../../../shared/contracts/cases.contract.ts';
import { listStaffAccounts } from '../../../shared/contracts/identity.contract.ts';
import { callApi } from '../../api/client.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { PageTitle } from '../../ui/Layout.tsx';
import { ErrorSummary, Notice, TextField, type FormError } from '../../ui/forms.tsx';
import { RadioGroup, SelectField } from '../../ui/fields.tsx';
import { useFormErrors, useProblemText } from '../../ui/errors.ts';
import { toUploads } from '../../ui/files.ts';
import { CaseDetails } from '../../ui/CaseDetails.tsx';
import { useFormat } from '../../ui/format.ts';
import { caseWordingKey } from '../../../shared/i18n/case-wording.ts';

export function CasePage({ canSupervise }: { canSupervise: boolean }) {
  const t = useT();
  const f = useFormat();
  const formErrors = useFormErrors();
  const problemText = useProblemText();
  const { caseId = '' } = useParams();
  const client = useQueryClient();
  const view = useQuery({ queryKey: ['case', caseId], queryFn: () => callApi(readCase, { params: { caseId } }) });
  const [errors, setErrors] = useState<FormError[]>([]);
  const [done, setDone] = useState<string>();
  // Two forms ask for a personal code (a representative, the registered applicant): errors go beside the one that was sent.
  const [lastKind, setLastKind] = useState<CaseActionInput['kind']>();
  const labels: Record<string, string> = {
    question: t('staff.case.question'), dueOn: t('staff.case.answerDue'), reasoning: t('cases.field.reasoning'), reason: t('staff.case.reason'), to: t('staff.case.newDeadline'),
    outOfOrderReason: t('staff.case.outOfOrderReason'), personalCode: lastKind === 'link-applicant' ? t('register.field.personalCode') : t('staff.case.representativeCode'), outcome: t('cases.field.outcome'), authorization: t('staff.case.authorization'), may: t('staff.case.representativeRights'), assigneeId: t('cases.field.assignee'), expectedVersion: t('staff.case.version'), 'document.contentBase64': t('cases.section.documents'),
  };
  const act = useMutation({
    mutationFn: (body: CaseActionInput) => callApi(takeCaseAction, { params: { caseId }, body }),
    onSuccess: (fresh: CaseView, body) => {
      client.setQueryData(['case', caseId], fresh);
      void client.invalidateQueries({ queryKey: ['queue'] });
      setErrors([]);
      setDone(t(`staff.case.done.${body.kind}`));
    },
    onError: (e) => {
      setDone(undefined);
      setErrors(formErrors(e, labels));
    },
  });
  if (!view.data) return <p>{view.isError ? problemText(view.error) : t('common.loading')}</p>;
  const v = view.data;
  // Field errors beside their fields too (the summary lists them and links to them).
  const fieldError = (path: string, kind?: CaseActionInput['kind']) => (kind && kind !== lastKind ? undefined : errors.find((e) => e.field === path)?.message);
  const can = (k: string) => v.availableActions.includes(k as CaseView['availableActions'][number]);
  const send = (body: CaseActionInput) => {
    setLastKind(body.kind);
    act.mutate(body);
  };
  const version = v.version;
  return (
    <>
      <PageTitle>{t('staff.case.title', { reference: v.reference })}</PageTitle>
      {done && <Notice kind="success">{done}</Notice>}
      <ErrorSummary errors={errors} />
      <div className="case-layout">
        <div>
          <CaseDetails view={v} documentUrl={(id) => `/api/cases/${v.id}/documents/${id}`} decisionUrl={`/api/cases/${v.id}/decision.pdf`} caseLink={(id, reference) => <Link to={`/cases/${id}`}>{reference}</Link>} audience="staff" />
        </div>
        <aside aria-label={t('staff.case.actions')}>
          <h2>{t('staff.case.actions')}</h2>
          {v.availableActions.length === 0 && <p>{t('staff.case.noActions')}</p>}
          {can('assign') && (canSupervise || !v.assigneeName) && <AssignForm canSupervise={canSupervise} assigned={Boolean(v.assigneeName)} busy={act.isPending} onSend={(a) => send({ kind: 'assign', expectedVersion: version, ...a })} />}
          {can('request-information') && (
            <ActionForm title={t('cases.action.request-information')} busy={act.isPending} submit={t('staff.case.sendRequest')}
              onSubmit={(f) => send({ kind: 'request-information', expectedVersion: version, question: f.get('question') as string, dueOn: f.get('dueOn') as string })}>
              <TextField id="question" label={t('staff.case.question')} error={fieldError('question')} />
              <TextField id="dueOn" type="date" label={t('staff.case.answerDue')} error={fieldError('dueOn')} />
            </ActionForm>
          )}
          {can('close-request') && (
            <ActionForm title={t('cases.action.close-request')} busy={act.isPending} submit={t('staff.case.closeRequest')} onSubmit={(f) => send({ kind: 'close-request', expectedVersion: version, reason: f.get('closeReason') as string })}>
              <TextField id="closeReason" label={t('staff.case.reason')} hint={t('staff.case.closeRequestHint')} />
            </ActionForm>
          )}
          {can('propose-decision') && <ProposeForm caseType={v.caseType} busy={act.isPending} onSend={(p) => send({ kind: 'propose-decision', expectedVersion: version, ...p })} />}
          {can('link-applicant') && (
            <ActionForm title={t('cases.action.link-applicant')} busy={act.isPending} submit={t('staff.case.link')}
              onSubmit={(f) => send({ kind: 'link-applicant', expectedVersion: version, personalCode: f.get('linkPersonalCode') as string, reason: f.get('linkReason') as string })}>
              <p className="hint">{t('staff.case.linkHint')}</p>
              <TextField id="linkPersonalCode" label={t('register.field.personalCode')} error={fieldError('personalCode', 'link-applicant')} />
              <TextField id="linkReason" label={t('staff.case.reason')} error={fieldError('reason', 'link-applicant')} />
            </ActionForm>
          )}
          {can('approve-decision') && (
            <ActionForm title={t('cases.action.approve-decision')} busy={act.isPending} submit={t('staff.case.approve')} onSubmit={() => send({ kind: 'approve-decision', expectedVersion: version })}>
              <p>{t('staff.case.approveHint')}</p>
            </ActionForm>
          )}
          {can('return-proposal') && (
            <ActionForm title={t('cases.action.return-proposal')} busy={act.isPending} submit={t('staff.case.returnProposal')} onSubmit={(f) => send({ kind: 'return-proposal', expectedVersion: version, reason: f.get('returnReason') as string })}>
              <TextField id="returnReason" label={t('staff.case.reason')} />
            </ActionForm>
          )}
          {can('extend-deadline') && (
            <ActionForm title={t('cases.action.extend-deadline')} busy={act.isPending} submit={t('staff.case.extend')} onSubmit={(f) => send({ kind: 'extend-deadline', expectedVersion: version, to: f.get('to') as string, reason: f.get('extendReason') as string })}>
              <TextField id="to" type="date" label={t('staff.case.newDeadline')} hint={v.deadline.extensionCap ? t('staff.case.extensionCap', { cap: f.date(v.deadline.extensionCap) }) : undefined} error={fieldError('to')} />
              <TextField id="extendReason" label={t('staff.case.reason')} />
            </ActionForm>
          )}
          {can('withdraw') && (
            <ActionForm title={t('staff.case.withdrawTitle')} busy={act.isPending} submit={t('staff.case.withdraw')} onSubmit={(f) => send({ kind: 'withdraw', expectedVersion: version, reason: f.get('withdrawReason') as string })}>
              <p className="hint">{t('staff.case.withdrawHint')}</p>
              <TextField id="withdrawReason" label={t('staff.case.reason')} error={fieldError('reason', 'withdraw')} />
            </ActionForm>
          )}
          {can('add-representative') && (
            <ActionForm title={t('cases.action.add-representative')} busy={act.isPending} submit={t('staff.case.addRepresentative')}
              onSubmit={(f) => send({
                kind: 'add-representative', expectedVersion: version, personalCode: f.get('personalCode') as string,
                representativeKind: f.get('representativeKind') as 'lawyer', may: f.getAll('may') as Array<'see'>, authorization: f.get('authorization') as string,
              })}>
              <TextField id="personalCode" label={t('staff.case.representativeCode')} error={fieldError('personalCode', 'add-representative')} />
              <SelectField id="representativeKind" label={t('staff.case.representativeKind')} defaultValue="lawyer">
                {REPRESENTATIVE_KINDS.map((k) => <option key={k} value={k}>{t(`cases.representative.${k}`)}</option>)}
              </SelectField>
              <fieldset className="fieldset">
                <legend>{t('staff.case.representativeRights')}</legend>
                {REPRESENTATIVE_RIGHTS.map((r) => (
                  <div className="checkboxes" key={r}><input type="checkbox" id={`may-${r}`} name="may" value={r} defaultChecked={r === 'see'} /><label htmlFor={`may-${r}`}>{t(`cases.right.${r}`)}</label></div>
                ))}
              </fieldset>
              <TextField id="authorization" label={t('staff.case.authorization')} error={fieldError('authorization')} />
            </ActionForm>
          )}
          {can('add-document') && (
            <ActionForm title={t('cases.action.add-document')} busy={act.isPending} submit={t('staff.case.upload')}
              onSubmit={async (f) => {
                const [document] = await toUploads(f.getAll('file') as File[]);
                if (document) send({ kind: 'add-document', expectedVersion: version, document });
              }}>
              <div className="field"><label htmlFor="file">{t('cases.section.documents')}</label><input id="file" name="file" type="file" accept="application/pdf,image/jpeg,image/png" /></div>
            </ActionForm>
          )}
        </aside>
      </div>
    </>
  );
}

function ActionForm({ title, submit, busy, onSubmit, children }: { title: string; submit: string; busy: boolean; onSubmit: (form: FormData) => void | Promise<void>; children: ReactNode }) {
  const handle = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    void onSubmit(new FormData(e.currentTarget));
  };
  return (
    <form className="panel" onSubmit={handle} noValidate>
      <h3>{title}</h3>
      {children}
      <button type="submit" className="button" disabled={busy}>{submit}</button>
    </form>
  );
}

function AssignForm({ canSupervise, assigned, busy, onSend }: { canSupervise: boolean; assigned: boolean; busy: boolean; onSend: (a: { assigneeId?: string; outOfOrderReason?: string }) => void }) {
  const t = useT();
  const staff = useQuery({ queryKey: ['staff-accounts'], queryFn: () => callApi(listStaffAccounts), enabled: canSupervise });
  const [assignee, setAssignee] = useState('');
  const [reason, setReason] = useState('');
  const officers = (staff.data?.accounts ?? []).filter((a) => a.roles.includes('registrar') && !a.disabledAt);
  return (
    <form className="panel" onSubmit={(e) => { e.preventDefault(); onSend({ ...(assignee ? { assigneeId: assignee } : {}), ...(reason.trim() ? { outOfOrderReason: reason.trim() } : {}) }); }} noValidate>
      <h3>{t(assigned ? 'staff.case.reassign' : 'cases.action.assign')}</h3>
      {canSupervise && (
        <SelectField id="assigneeId" label={t('cases.field.assignee')} value={assignee} onChange={(e) => setAssignee(e.target.value)}>
          <option value="">{t('staff.case.toMe')}</option>
          {officers.map((o) => <option key={o.id} value={o.id}>{o.displayName}</option>)}
        </SelectField>
      )}
      {!assigned && <TextField id="outOfOrderReason" label={t('staff.case.outOfOrderReason')} hint={t('staff.case.outOfOrderHint')} value={reason} onChange={(e) => setReason(e.target.value)} />}
      <button type="submit" className="button" disabled={busy}>{t(assigned ? 'staff.case.reassign' : 'staff.case.take')}</button>
    </form>
  );
}

function ProposeForm({ caseType, busy, onSend }: { caseType: CaseView['caseType']; busy: boolean; onSend: (p: { outcome: 'accept' | 'reject'; reasoning: string }) => void }) {
  const t = useT();
  const [outcome, setOutcome] = useState<'accept' | 'reject'>('accept');
  const [reasoning, setReasoning] = useState('');
  return (
    <form className="panel" onSubmit={(e) => { e.preventDefault(); onSend({ outcome, reasoning }); }} noValidate>
      <h3>{t('cases.action.propose-decision')}</h3>
      <RadioGroup name="outcome" legend={t('cases.field.outcome')} value={outcome} onChange={(v) => setOutcome(v as 'accept' | 'reject')}
        options={[{ value: 'accept', label: t(caseWordingKey('outcome', caseType, 'accept')) }, { value: 'reject', label: t(caseWordingKey('outcome', caseType, 'reject')) }]} />
      <div className="field">
        <label htmlFor="reasoning">{t('cases.field.reasoning')}</label>
        <textarea id="reasoning" rows={4} value={reasoning} onChange={(e) => setReasoning(e.target.value)} />
      </div>
      <button type="submit" className="button" disabled={busy}>{t('staff.case.propose')}</button>
    </form>
  );
}
