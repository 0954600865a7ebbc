/**
 * Proposing a decision: the outcome and its reasoning, and, when the case's procedure decides more than yes or
 * no, its terms for the chosen outcome (a visa's validity and days, a refusal's grounds) from the procedure's
 * plug-in (procedures/terms.tsx). The form's schema is the contract's action with the plug-in's terms schema
 * for the outcome chosen; a case without terms keeps the contract's action as it is.
 */
import { useEffect, useMemo, useState } from 'react';
import { useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { ProposeDecisionAction, type CaseView } from '../../../shared/contracts/cases.contract.ts';
import { caseWordingKey } from '../../../shared/i18n/case-wording.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { Radios, TextArea } from '../../ui/form/fields.tsx';
import { decisionTermsOf, type DecisionTermsPlugin, type Outcome } from '../../procedures/terms.tsx';
import { ActionPanel, FIXED, useActionForm, type Act } from './CaseActionForms.tsx';

const ProposeForm = ProposeDecisionAction.omit(FIXED);
type ProposeValues = z.output<typeof ProposeForm>;

/** The form's schema for an outcome: with the plug-in's terms when that outcome takes any. */
function schemaFor(
  plugin: DecisionTermsPlugin | undefined,
  view: CaseView,
  outcome: Outcome,
  t: ReturnType<typeof useT>,
): z.ZodType {
  const terms = plugin?.form(view.subject, outcome, t);
  return terms ? ProposeForm.extend({ terms: terms.schema }) : ProposeForm;
}

export function ProposeDecisionForm({ view, act }: { view: CaseView; act: Act }) {
  const t = useT();
  const plugin = decisionTermsOf(view.subject);
  // The schema follows the outcome chosen: the radios are the form's, so the page mirrors their value.
  const [outcome, setOutcome] = useState<Outcome>('accept');
  const schema = useMemo(() => schemaFor(plugin, view, outcome, t), [plugin, view, outcome, t]);
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
        ...accept?.labels,
        ...reject?.labels,
      },
      idPrefix: 'propose',
    },
    (v) => act({ kind: 'propose-decision', ...(v as ProposeValues) }),
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
    </ActionPanel>
  );
}
