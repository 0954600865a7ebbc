/** A case at the desk: its facts, documents, timeline and deadline clock, and a form for each action the officer may take now. */
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { readCase, takeCaseAction, type CaseView } from '../../../shared/contracts/cases.contract.ts';
import { callApi } from '../../api/client.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { PageTitle, useRevealOnOpen } from '../../ui/Layout.tsx';
import { Notice } from '../../ui/forms.tsx';
import { useProblemText } from '../../ui/errors.ts';
import { CaseDetails } from '../../ui/CaseDetails.tsx';
import {
  AddDocumentForm, AddRepresentativeForm, ApproveDecisionForm, AssignActionForm, CloseRequestForm, ExtendDeadlineForm, LinkApplicantForm,
  ProposeDecisionForm, RequestInformationForm, ReturnProposalForm, WithdrawCaseForm, type Act,
} from './CaseActionForms.tsx';

export function CasePage({ canSupervise }: { canSupervise: boolean }) {
  const t = useT();
  const problemText = useProblemText();
  const { caseId = '' } = useParams();
  const client = useQueryClient();
  const view = useQuery({ queryKey: ['case', caseId], queryFn: () => callApi(readCase, { params: { caseId } }) });
  const [done, setDone] = useState<{ text: string; at: number }>();
  const doneRef = useRevealOnOpen<HTMLDivElement>(Boolean(done), done?.at);
  if (!view.data) return <p>{view.isError ? problemText(view.error) : t('common.loading')}</p>;
  const v = view.data;
  /** An action the officer takes on the version they see; its form shows a refusal itself, the page the result. */
  const act: Act = async (body) => {
    setDone(undefined);
    const fresh = await callApi(takeCaseAction, { params: { caseId }, body: { ...body, expectedVersion: v.version } });
    client.setQueryData(['case', caseId], fresh);
    void client.invalidateQueries({ queryKey: ['queue'] });
    setDone({ text: t(`staff.case.done.${body.kind}`), at: Date.now() });
  };
  return (
    <>
      <PageTitle>{t('staff.case.title', { reference: v.reference })}</PageTitle>
      {done && <div ref={doneRef} tabIndex={-1}><Notice kind="success">{done.text}</Notice></div>}
      <div className="case-layout">
        <div>
          <CaseDetails view={v} documentUrl={(id) => `/api/cases/${v.id}/documents/${id}`} decisionUrl={`/api/cases/${v.id}/decision.pdf`} caseLink={(id, reference) => <Link to={`/cases/${id}`}>{reference}</Link>} audience="staff" />
        </div>
        <CaseActions view={v} canSupervise={canSupervise} act={act} />
      </div>
    </>
  );
}

/** The forms for the actions the officer may take now, in the order of the work. */
function CaseActions({ view: v, canSupervise, act }: { view: CaseView; canSupervise: boolean; act: Act }) {
  const t = useT();
  const can = (k: CaseView['availableActions'][number]) => v.availableActions.includes(k);
  // A form's key holds the case version, so after an action each form starts afresh on the new version.
  const key = (kind: CaseView['availableActions'][number]) => `${kind}-${v.version}`;
  return (
    <aside aria-label={t('staff.case.actions')}>
      <h2>{t('staff.case.actions')}</h2>
      {v.availableActions.length === 0 && <p>{t('staff.case.noActions')}</p>}
      {can('assign') && (canSupervise || !v.assigneeName) && <AssignActionForm key={key('assign')} canSupervise={canSupervise} assigned={Boolean(v.assigneeName)} act={act} />}
      {can('request-information') && <RequestInformationForm key={key('request-information')} act={act} />}
      {can('close-request') && <CloseRequestForm key={key('close-request')} act={act} />}
      {can('propose-decision') && <ProposeDecisionForm key={key('propose-decision')} caseType={v.caseType} act={act} />}
      {can('link-applicant') && <LinkApplicantForm key={key('link-applicant')} act={act} />}
      {can('approve-decision') && <ApproveDecisionForm key={key('approve-decision')} act={act} />}
      {can('return-proposal') && <ReturnProposalForm key={key('return-proposal')} act={act} />}
      {can('extend-deadline') && <ExtendDeadlineForm key={key('extend-deadline')} extensionCap={v.deadline.extensionCap} act={act} />}
      {can('withdraw') && <WithdrawCaseForm key={key('withdraw')} act={act} />}
      {can('add-representative') && <AddRepresentativeForm key={key('add-representative')} act={act} />}
      {can('add-document') && <AddDocumentForm key={key('add-document')} act={act} />}
    </aside>
  );
}
