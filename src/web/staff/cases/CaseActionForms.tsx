/**
 * The officer's actions on a case, one contract form each (decision 0022): each form checks against its
 * member of `CaseActionInput` without `kind` and `expectedVersion`, which the page adds when it sends; each
 * has its own id prefix (several forms on one page) and shows its own refusal in its own summary.
 */
import { useQuery, useMutation } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { z } from 'zod';
import {
  AddDocumentAction,
  AddRepresentativeAction,
  ApproveDecisionAction,
  AssignAction,
  CloseRequestAction,
  DecideTermRenewalAction,
  ExtendDeadlineAction,
  LinkApplicantAction,
  MAX_UPLOAD_BYTES,
  REPRESENTATIVE_KINDS,
  REPRESENTATIVE_RIGHTS,
  RequestInformationAction,
  ReturnProposalAction,
  WithdrawAction,
  type CaseActionInput,
  type CaseView,
} from '../../../shared/contracts/cases.contract.ts';
import { SYSTEM_RULES } from '../../../shared/i18n/case-wording.ts';
import { listStaffAccounts } from '../../../shared/contracts/identity.contract.ts';
import { callApi } from '../../api/client.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { toUploads } from '../../ui/files.ts';
import { useFormat } from '../../ui/format.ts';
import { Form } from '../../ui/form/Form.tsx';
import {
  Checkboxes,
  DateInput,
  FileInput,
  Radios,
  Select,
  SubmitButton,
  TextArea,
  TextInput,
} from '../../ui/form/fields.tsx';
import { uploadFiles } from '../../ui/form/upload-files.ts';
import { useContractForm, type ContractForm } from '../../ui/form/useContractForm.ts';

/** Sends an action (the page adds `expectedVersion`) and shows its result; a refusal is thrown to the form. */
export type Act = (body: DistributiveOmit<CaseActionInput, 'expectedVersion'>) => Promise<void>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

const ACCEPTED = ['application/pdf', 'image/jpeg', 'image/png'] as const;
/** What the page adds to every action when it sends it; each form checks the rest. */
export const FIXED = { kind: true, expectedVersion: true } as const;
const AssignForm = AssignAction.omit(FIXED);
const RequestForm = RequestInformationAction.omit(FIXED);
const CloseForm = CloseRequestAction.omit(FIXED);
const LinkForm = LinkApplicantAction.omit(FIXED);
const ApproveForm = ApproveDecisionAction.omit(FIXED);
const ReturnForm = ReturnProposalAction.omit(FIXED);
const ExtendForm = ExtendDeadlineAction.omit(FIXED);
const WithdrawForm = WithdrawAction.omit(FIXED);
const RepresentativeForm = AddRepresentativeAction.omit(FIXED);
/** Renewed or not, as the radio buttons say it (the contract's boolean). */
const TermRenewalForm = DecideTermRenewalAction.omit(FIXED).extend({
  granted: z.preprocess((v) => (v === 'yes' ? true : v === 'no' ? false : v), z.boolean()),
});
/** The page holds the file as chosen; it is read into the contract's upload when sent. */
const DocumentForm = AddDocumentAction.omit({ ...FIXED, document: true }).extend({
  file: uploadFiles(ACCEPTED, MAX_UPLOAD_BYTES).refine((files) => Boolean(files?.length), 'validation.attachFile'),
});

/** A form over `schema` whose submit runs `send`; the server's refusal lands on the form. */
export function useActionForm<S extends z.ZodType>(
  schema: S,
  options: { defaultValues: Partial<z.input<S>>; labels: Record<string, string>; idPrefix: string },
  send: (values: z.output<S>) => Promise<void>,
) {
  const form = useContractForm(schema, options);
  const mutation = useMutation({ mutationFn: send, onError: form.showServerError });
  return { form, mutation };
}

/** One action's panel: its heading, its form (with its own error summary) and its button. */
export function ActionPanel<S extends z.ZodType>({
  title,
  submit,
  action,
  children,
}: {
  title: string;
  submit: string;
  action: ReturnType<typeof useActionForm<S>>;
  children?: ReactNode;
}) {
  const { form, mutation } = action;
  return (
    <div className="panel">
      <h3>{title}</h3>
      <Form form={form as ContractForm<S>} label={title} onSubmit={(values) => mutation.mutate(values)}>
        {children}
        <SubmitButton pending={mutation.isPending}>{submit}</SubmitButton>
      </Form>
    </div>
  );
}

export function AssignActionForm({
  canSupervise,
  assigned,
  act,
}: {
  canSupervise: boolean;
  assigned: boolean;
  act: Act;
}) {
  const t = useT();
  const staff = useQuery({
    queryKey: ['staff-accounts'],
    queryFn: () => callApi(listStaffAccounts),
    enabled: canSupervise,
  });
  const officers = (staff.data?.accounts ?? []).filter((a) => a.roles.includes('registrar') && !a.disabledAt);
  const action = useActionForm(
    AssignForm,
    {
      defaultValues: { assigneeId: '', outOfOrderReason: '' },
      labels: { assigneeId: t('cases.field.assignee'), outOfOrderReason: t('staff.case.outOfOrderReason') },
      idPrefix: 'assign',
    },
    (v) => act({ kind: 'assign', ...v }),
  );
  return (
    <ActionPanel
      title={t(assigned ? 'staff.case.reassign' : 'cases.action.assign')}
      submit={t(assigned ? 'staff.case.reassign' : 'staff.case.take')}
      action={action}
    >
      {canSupervise && (
        <Select name="assigneeId">
          <option value="">{t('staff.case.toMe')}</option>
          {officers.map((o) => (
            <option key={o.id} value={o.id}>
              {o.displayName}
            </option>
          ))}
        </Select>
      )}
      {!assigned && <TextInput name="outOfOrderReason" hint={t('staff.case.outOfOrderHint')} />}
    </ActionPanel>
  );
}

export function RequestInformationForm({ act }: { act: Act }) {
  const t = useT();
  const f = useFormat();
  const action = useActionForm(
    RequestForm,
    {
      defaultValues: { question: '', dueOn: '' },
      labels: { question: t('staff.case.question'), dueOn: t('staff.case.answerDue') },
      idPrefix: 'request',
    },
    (v) => act({ kind: 'request-information', ...v }),
  );
  return (
    <ActionPanel title={t('cases.action.request-information')} submit={t('staff.case.sendRequest')} action={action}>
      <TextArea name="question" rows={3} />
      <DateInput name="dueOn" min={f.today(1)} />
    </ActionPanel>
  );
}

export function CloseRequestForm({ act }: { act: Act }) {
  const t = useT();
  const action = useActionForm(
    CloseForm,
    { defaultValues: { reason: '' }, labels: { reason: t('staff.case.reason') }, idPrefix: 'close' },
    (v) => act({ kind: 'close-request', ...v }),
  );
  return (
    <ActionPanel title={t('cases.action.close-request')} submit={t('staff.case.closeRequest')} action={action}>
      <TextArea name="reason" rows={3} hint={t('staff.case.closeRequestHint')} />
    </ActionPanel>
  );
}

export function LinkApplicantForm({ act }: { act: Act }) {
  const t = useT();
  const action = useActionForm(
    LinkForm,
    {
      defaultValues: { personalCode: '', reason: '' },
      labels: { personalCode: t('register.field.personalCode'), reason: t('staff.case.reason') },
      idPrefix: 'link',
    },
    (v) => act({ kind: 'link-applicant', ...v }),
  );
  return (
    <ActionPanel title={t('cases.action.link-applicant')} submit={t('staff.case.link')} action={action}>
      <p className="hint">{t('staff.case.linkHint')}</p>
      <TextInput name="personalCode" autoComplete="off" />
      <TextArea name="reason" rows={3} />
    </ActionPanel>
  );
}

const SEEN = 'seen';
/**
 * The box that says the person granting saw the failed checks; the form refuses a grant without it. It is the
 * one option of a fieldset (its legend names what is confirmed, its message stands above the box): ticked, it
 * is its value, else false.
 */
export const AcknowledgedForm = z.object({
  acknowledgeFailedChecks: z.preprocess(
    (v) => v === SEEN || v === true || (Array.isArray(v) && v.includes(SEEN)),
    z.boolean().refine((ticked) => ticked, 'validation.confirmFailedChecks'),
  ),
});

/** The confirmation itself: "I have looked at the checks not met and … all the same". */
export function AcknowledgeFailedChecks({ label }: { label: string }) {
  return <Checkboxes name="acknowledgeFailedChecks" options={[{ value: SEEN, label }]} />;
}

/** The rule-trace checks that failed, by name (the system's in the catalogue's words, an officer's as written). */
export function FailedChecks({ rules }: { rules: readonly string[] }) {
  const t = useT();
  return (
    <div className="notice notice--warning" role="note">
      <p>{t('staff.case.failedChecks.warning', { count: rules.length })}</p>
      <ul>
        {rules.map((rule, i) => (
          <li key={`${rule}-${i}`}>{SYSTEM_RULES.has(rule) ? t(`cases.rule.${rule}`) : rule}</li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Approving: a proposal to grant over failed checks of its rule trace asks the decision-maker to tick that
 * they saw them (how many, and which) before the grant is sent; a refusal, or a grant where all passed, does not.
 */
export function ApproveDecisionForm({ view, act }: { view: CaseView; act: Act }) {
  const t = useT();
  const failed =
    view.proposal?.outcome === 'accept' ? view.proposal.ruleTrace.filter((c) => !c.passed).map((c) => c.rule) : [];
  const action = useActionForm(
    failed.length > 0 ? ApproveForm.extend(AcknowledgedForm.shape) : ApproveForm,
    {
      defaultValues: { acknowledgeFailedChecks: false },
      labels: { acknowledgeFailedChecks: t('staff.case.failedChecks.legend') },
      idPrefix: 'approve',
    },
    (v) => act({ kind: 'approve-decision', ...(v.acknowledgeFailedChecks ? { acknowledgeFailedChecks: true } : {}) }),
  );
  return (
    <ActionPanel title={t('cases.action.approve-decision')} submit={t('staff.case.approve')} action={action}>
      <p>{t('staff.case.approveHint')}</p>
      {failed.length > 0 && (
        <>
          <FailedChecks rules={failed} />
          <AcknowledgeFailedChecks label={t('staff.case.failedChecks.approveLabel')} />
        </>
      )}
    </ActionPanel>
  );
}

/**
 * A late appeal: whether the missed term is renewed, with the reasons (APL). Renewed, the appeal is examined on
 * its merits; not renewed, it can only be refused without examining them.
 */
export function DecideTermRenewalForm({ renewal, act }: { renewal: NonNullable<CaseView['termRenewal']>; act: Act }) {
  const t = useT();
  const f = useFormat();
  const action = useActionForm(
    TermRenewalForm,
    {
      defaultValues: { reasoning: '' },
      labels: { granted: t('staff.case.termRenewal.granted'), reasoning: t('cases.field.reasoning') },
      idPrefix: 'renewal',
    },
    (v) => act({ kind: 'decide-term-renewal', ...v }),
  );
  return (
    <ActionPanel
      title={t('cases.action.decide-term-renewal')}
      submit={t('staff.case.termRenewal.submit')}
      action={action}
    >
      <p>{t('staff.case.termRenewal.hint', { termEnded: f.date(renewal.termEnded) })}</p>
      <Radios
        name="granted"
        options={[
          { value: 'yes', label: t('staff.case.termRenewal.yes') },
          { value: 'no', label: t('staff.case.termRenewal.no') },
        ]}
      />
      <TextArea name="reasoning" rows={3} />
    </ActionPanel>
  );
}

export function ReturnProposalForm({ act }: { act: Act }) {
  const t = useT();
  const action = useActionForm(
    ReturnForm,
    { defaultValues: { reason: '' }, labels: { reason: t('staff.case.reason') }, idPrefix: 'return' },
    (v) => act({ kind: 'return-proposal', ...v }),
  );
  return (
    <ActionPanel title={t('cases.action.return-proposal')} submit={t('staff.case.returnProposal')} action={action}>
      <TextArea name="reason" rows={3} />
    </ActionPanel>
  );
}

export function ExtendDeadlineForm({ extensionCap, act }: { extensionCap: string | null; act: Act }) {
  const t = useT();
  const f = useFormat();
  const action = useActionForm(
    ExtendForm,
    {
      defaultValues: { to: '', reason: '' },
      labels: { to: t('staff.case.newDeadline'), reason: t('staff.case.reason') },
      idPrefix: 'extend',
    },
    (v) => act({ kind: 'extend-deadline', ...v }),
  );
  return (
    <ActionPanel title={t('cases.action.extend-deadline')} submit={t('staff.case.extend')} action={action}>
      <DateInput
        name="to"
        min={f.today(1)}
        max={extensionCap ?? undefined}
        hint={extensionCap ? t('staff.case.extensionCap', { cap: f.date(extensionCap) }) : undefined}
      />
      <TextArea name="reason" rows={3} />
    </ActionPanel>
  );
}

export function WithdrawCaseForm({ act }: { act: Act }) {
  const t = useT();
  const action = useActionForm(
    WithdrawForm,
    { defaultValues: { reason: '' }, labels: { reason: t('staff.case.reason') }, idPrefix: 'withdraw' },
    (v) => act({ kind: 'withdraw', ...v }),
  );
  return (
    <ActionPanel title={t('staff.case.withdrawTitle')} submit={t('staff.case.withdraw')} action={action}>
      <p className="hint">{t('staff.case.withdrawHint')}</p>
      <TextArea name="reason" rows={3} />
    </ActionPanel>
  );
}

export function AddRepresentativeForm({ act }: { act: Act }) {
  const t = useT();
  const action = useActionForm(
    RepresentativeForm,
    {
      defaultValues: { personalCode: '', representativeKind: 'lawyer', may: ['see'], authorization: '' },
      labels: {
        personalCode: t('staff.case.representativeCode'),
        representativeKind: t('staff.case.representativeKind'),
        may: t('staff.case.representativeRights'),
        authorization: t('staff.case.authorization'),
      },
      idPrefix: 'representative',
    },
    (v) => act({ kind: 'add-representative', ...v }),
  );
  return (
    <ActionPanel
      title={t('cases.action.add-representative')}
      submit={t('staff.case.addRepresentative')}
      action={action}
    >
      <TextInput name="personalCode" autoComplete="off" />
      <Select name="representativeKind">
        {REPRESENTATIVE_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`cases.representative.${k}`)}
          </option>
        ))}
      </Select>
      <Checkboxes name="may" options={REPRESENTATIVE_RIGHTS.map((r) => ({ value: r, label: t(`cases.right.${r}`) }))} />
      <TextInput name="authorization" />
    </ActionPanel>
  );
}

export function AddDocumentForm({ act }: { act: Act }) {
  const t = useT();
  const action = useActionForm(
    DocumentForm,
    { defaultValues: {}, labels: { file: t('cases.section.documents') }, idPrefix: 'document' },
    async ({ file }) => {
      const [document] = await toUploads(file ?? null);
      if (document) await act({ kind: 'add-document', document });
    },
  );
  return (
    <ActionPanel title={t('cases.action.add-document')} submit={t('staff.case.upload')} action={action}>
      <FileInput name="file" accept={ACCEPTED} multiple={false} />
    </ActionPanel>
  );
}
