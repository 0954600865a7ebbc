/** A case at the desk: its facts, documents, timeline and deadline clock, and a form for each action the officer may take now. */
import { RecordPaymentForm } from './RecordPaymentForm.tsx';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { readCase, takeCaseAction, type CaseView } from '../../../shared/contracts/cases.contract.ts';
import { callApi } from '../../api/client.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { PageTitle, useRevealOnOpen } from '../../ui/Layout.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { useProblemText } from '../../ui/errors.ts';
import { CaseDetails } from '../../ui/CaseDetails.tsx';
import { hasPermission, type Permission } from '../../../shared/kernel/permissions.ts';
import { useSession } from '../../session/useSession.ts';
import { procedureActions } from '../../procedures/staff-actions.tsx';
import {
  AddDocumentForm,
  AddRepresentativeForm,
  ApproveDecisionForm,
  AssignActionForm,
  CloseRequestForm,
  DecideTermRenewalForm,
  ExtendDeadlineForm,
  LinkApplicantForm,
  RequestInformationForm,
  ReturnProposalForm,
  WithdrawCaseForm,
  type Act,
} from './CaseActionForms.tsx';
import { AnswerConsultationForm, RequestConsultationForm } from './ConsultationForms.tsx';
import { ProposeDecisionForm } from './ProposeDecisionForm.tsx';
import { RecordAppealForm } from './RecordAppealForm.tsx';

export function CasePage({ canSupervise }: { canSupervise: boolean }) {
  const t = useT();
  const problemText = useProblemText();
  const { caseId = '' } = useParams();
  const client = useQueryClient();
  const view = useQuery({ queryKey: ['case', caseId], queryFn: () => callApi(readCase, { params: { caseId } }) });
  // The action's kind, not its words: the notice is worded when shown, so it follows a change of language.
  const [done, setDone] = useState<{ kind: string; at: number }>();
  const doneRef = useRevealOnOpen<HTMLDivElement>(Boolean(done), done?.at);
  if (!view.data) return <p>{view.isError ? problemText(view.error) : t('common.loading')}</p>;
  const v = view.data;
  /** An action the officer takes on the version they see; its form shows a refusal itself, the page the result. */
  const act: Act = async (body) => {
    setDone(undefined);
    const fresh = await callApi(takeCaseAction, { params: { caseId }, body: { ...body, expectedVersion: v.version } });
    client.setQueryData(['case', caseId], fresh);
    void client.invalidateQueries({ queryKey: ['queue'] });
    setDone({ kind: body.kind, at: Date.now() });
  };
  return (
    <>
      <PageTitle>{t('staff.case.title', { reference: v.reference })}</PageTitle>
      {done && (
        <div ref={doneRef} tabIndex={-1}>
          <Notice kind="success">{t(`staff.case.done.${done.kind}`)}</Notice>
        </div>
      )}
      <div className="case-layout">
        <div>
          <CaseDetails
            view={v}
            documentUrl={(id) => `/api/cases/${v.id}/documents/${id}`}
            decisionUrl={`/api/cases/${v.id}/decision.pdf`}
            caseLink={(id, reference) => <Link to={`/cases/${id}`}>{reference}</Link>}
            audience="staff"
          />
        </div>
        <CaseActions
          view={v}
          canSupervise={canSupervise}
          act={act}
          // A procedure's own act (a permit cancelled, a visa ended) makes the last action's notice stale: it goes.
          refresh={() => {
            setDone(undefined);
            void view.refetch();
          }}
        />
      </div>
    </>
  );
}

/** The signed-in staff member's permissions: the case view does not carry them, the session does. */
function useStaffCan(): (permission: Permission) => boolean {
  const session = useSession();
  const staff = session.data?.authenticated && session.data.kind === 'staff' ? session.data.staff : undefined;
  return (permission) => Boolean(staff && hasPermission(staff.roles, permission));
}

/** The forms for the actions the officer may take now, in the order of the work. */
function CaseActions({
  view: v,
  canSupervise,
  act,
  refresh,
}: {
  view: CaseView;
  canSupervise: boolean;
  act: Act;
  refresh: () => void;
}) {
  const t = useT();
  const staffCan = useStaffCan();
  const can = (k: CaseView['availableActions'][number]) => v.availableActions.includes(k);
  // A form's key holds the case version, so after an action each form starts afresh on the new version.
  const key = (kind: CaseView['availableActions'][number]) => `${kind}-${v.version}`;
  const openConsultations = v.consultations.filter((c) => !c.answer);
  const procedure = procedureActions({ view: v, can: staffCan, refresh });
  return (
    <aside aria-label={t('staff.case.actions')}>
      <h2>{t('staff.case.actions')}</h2>
      {v.availableActions.length === 0 && procedure.length === 0 && !v.canAppeal && !v.canAppealLate && (
        <p>{t('staff.case.noActions')}</p>
      )}
      {can('assign') && (canSupervise || !v.assigneeName) && (
        <AssignActionForm
          key={key('assign')}
          canSupervise={canSupervise}
          assigned={Boolean(v.assigneeName)}
          act={act}
        />
      )}
      {can('request-information') && <RequestInformationForm key={key('request-information')} act={act} />}
      {can('close-request') && <CloseRequestForm key={key('close-request')} act={act} />}
      {can('request-consultation') && <RequestConsultationForm key={key('request-consultation')} act={act} />}
      {can('answer-consultation') && openConsultations.length > 0 && (
        <AnswerConsultationForm key={key('answer-consultation')} open={openConsultations} act={act} />
      )}
      {can('decide-term-renewal') && v.termRenewal && (
        <DecideTermRenewalForm key={key('decide-term-renewal')} renewal={v.termRenewal} act={act} />
      )}
      {can('record-payment') && v.fee && v.fee.dueCents > v.fee.paidCents && (
        <RecordPaymentForm key={key('record-payment')} fee={v.fee} act={act} />
      )}
      {can('propose-decision') && <ProposeDecisionForm key={key('propose-decision')} view={v} act={act} />}
      {can('link-applicant') && <LinkApplicantForm key={key('link-applicant')} act={act} />}
      {can('approve-decision') && <ApproveDecisionForm key={key('approve-decision')} view={v} act={act} />}
      {can('return-proposal') && <ReturnProposalForm key={key('return-proposal')} act={act} />}
      {can('extend-deadline') && (
        <ExtendDeadlineForm key={key('extend-deadline')} extensionCap={v.deadline.extensionCap} act={act} />
      )}
      {can('withdraw') && <WithdrawCaseForm key={key('withdraw')} act={act} />}
      {can('add-representative') && <AddRepresentativeForm key={key('add-representative')} act={act} />}
      {can('add-document') && <AddDocumentForm key={key('add-document')} act={act} />}
      {(v.canAppeal || v.canAppealLate) && <RecordAppealForm key={`appeal-${v.version}`} view={v} />}
      {procedure}
    </aside>
  );
}
