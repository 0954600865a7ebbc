/**
 * Proposing a decision: the outcome and its reasoning, and, when the case's procedure decides more than yes or
 * no, its terms for the chosen outcome (a visa's validity and days, a refusal's grounds) from the procedure's
 * plug-in (procedures/terms.tsx). The form's schema is the contract's action with the plug-in's terms schema
 * for the outcome chosen; a case without terms keeps the contract's action as it is.
 *
 * The system checks the case when the proposal is sent. A grant over a failed check is refused until the
 * officer says they saw it and why the grant stands: the refusal names how many and which, and the form then
 * shows them with a box to tick and the reason to give (the error summary takes focus and links to it); the
 * reason becomes a line of the decision's rule trace.
 */
import { useEffect, useMemo, useState } from 'react';
import { useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { OverrideReason, ProposeDecisionAction, type CaseView } from '../../../shared/contracts/cases.contract.ts';
import { caseWordingKey } from '../../../shared/i18n/case-wording.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { Radios, TextArea } from '../../ui/form/fields.tsx';
import { ApiError } from '../../api/client.ts';
import { decisionTermsOf, type DecisionTermsPlugin, type Outcome } from '../../procedures/terms.tsx';
import {
  AcknowledgedForm,
  AcknowledgeFailedChecks,
  ActionPanel,
  FailedChecks,
  FIXED,
  useActionForm,
  type Act,
} from './CaseActionForms.tsx';

const ProposeForm = ProposeDecisionAction.omit(FIXED);
type ProposeValues = z.output<typeof ProposeForm>;

/** The form's schema for an outcome: with the plug-in's terms when that outcome takes any. */
function schemaFor(
  plugin: DecisionTermsPlugin | undefined,
  view: CaseView,
  outcome: Outcome,
  t: ReturnType<typeof useT>,
  confirm: boolean,
): z.ZodType {
  const terms = plugin?.form(view.subject, outcome, t);
  // A grant over failed checks is an override: the box that they were seen, and the reason it stands.
  const form =
    confirm && outcome === 'accept'
      ? ProposeForm.extend({ ...AcknowledgedForm.shape, overrideReason: OverrideReason })
      : ProposeForm;
  return terms ? form.extend({ terms: terms.schema }) : form;
}

/** The checks a refusal of a grant names as failed (none for any other refusal). */
function failedChecksOf(error: unknown): string[] | undefined {
  const refused =
    error instanceof ApiError && error.fieldErrors.find((e) => e.reason === 'failed-checks-unacknowledged');
  if (!refused) return undefined;
  return String(refused.values?.['rules'] ?? '')
    .split(',')
    .filter(Boolean);
}

export function ProposeDecisionForm({ view, act }: { view: CaseView; act: Act }) {
  const t = useT();
  const plugin = decisionTermsOf(view.subject);
  // The schema follows the outcome chosen: the radios are the form's, so the page mirrors their value.
  const [outcome, setOutcome] = useState<Outcome>('accept');
  // The checks the server found failed when a grant was sent: from then on, a grant needs the box ticked.
  const [failed, setFailed] = useState<string[]>();
  const schema = useMemo(
    () => schemaFor(plugin, view, outcome, t, Boolean(failed)),
    [plugin, view, outcome, t, failed],
  );
  // Both outcomes' terms start from the plug-in's defaults; only the fields on the page are sent.
  const accept = plugin?.form(view.subject, 'accept', t);
  const reject = plugin?.form(view.subject, 'reject', t);
  const action = useActionForm(
    schema,
    {
      defaultValues: {
        outcome: 'accept',
        reasoning: '',
        ...(plugin ? { terms: { ...accept?.defaultValues, ...reject?.defaultValues } } : {}),
      },
      labels: {
        outcome: t('cases.field.outcome'),
        reasoning: t('cases.field.reasoning'),
        acknowledgeFailedChecks: t('staff.case.failedChecks.legend'),
        overrideReason: t('staff.case.overrideReason'),
        ...accept?.labels,
        ...reject?.labels,
      },
      idPrefix: 'propose',
    },
    async (v) => {
      try {
        await act({ kind: 'propose-decision', ...(v as ProposeValues) });
      } catch (error) {
        const rules = failedChecksOf(error);
        if (rules) setFailed(rules);
        throw error;
      }
    },
  );
  const chosen = useWatch({ control: action.form.control, name: 'outcome' as never }) as unknown;
  useEffect(() => {
    if (chosen === 'accept' || chosen === 'reject') setOutcome(chosen);
  }, [chosen]);
  const outcomes = (['accept', 'reject'] as const).map((value) => ({
    value,
    label: t(caseWordingKey('outcome', view.caseType, value)),
  }));
  const Fieldset = plugin?.Fieldset;
  return (
    <ActionPanel title={t('cases.action.propose-decision')} submit={t('staff.case.propose')} action={action}>
      <Radios name="outcome" options={outcomes} />
      {Fieldset && <Fieldset subject={view.subject} outcome={outcome} />}
      <TextArea name="reasoning" rows={4} />
      {failed && outcome === 'accept' && (
        <>
          <FailedChecks rules={failed} />
          <AcknowledgeFailedChecks label={t('staff.case.failedChecks.proposeLabel')} />
          <TextArea name="overrideReason" rows={3} />
        </>
      )}
    </ActionPanel>
  );
}
