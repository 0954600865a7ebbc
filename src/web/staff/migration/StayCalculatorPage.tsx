/**
 * The 90/180-day calculator for officers (Schengen Borders Code Art. 6(1)): the stays a person made, a control
 * date, and optionally a planned entry and the visa they hold. The kernel (`assessShortStay`) counts; the page
 * shows the days used in the window, the days left, any overstay, and how long the stay in progress or the
 * planned one may last and what limits it. Nothing is sent to the server: the check is arithmetic on what the
 * officer typed (from the passport's stamps or the entry/exit system), so nothing about the person is stored.
 */
import { useState } from 'react';
import { useWatch } from 'react-hook-form';
import { assessShortStay, ShortStayError, type ShortStayAssessment } from '../../../shared/kernel/short-stay.ts';
import { encodeMessage } from '../../../shared/validation/messages.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { PageTitle } from '../../ui/Layout.tsx';
import { useFormat } from '../../ui/format.ts';
import { Form } from '../../ui/form/Form.tsx';
import { Checkbox, DateInput, SubmitButton } from '../../ui/form/fields.tsx';
import { useContractForm } from '../../ui/form/useContractForm.ts';
import {
  MAX_STAYS,
  StayCalculatorForm,
  stayRefusal,
  toShortStayInput,
  type StayCalculatorValues,
} from './stay-calculator.ts';
import { StayRows, VisaFieldset } from './StayFields.tsx';
import { StayResult } from './StayResult.tsx';

/** The form's labels: each stay's dates by the stay's number, so the error summary says which stay is meant. */
function calculatorLabels(t: ReturnType<typeof useT>): Record<string, string> {
  const labels: Record<string, string> = {
    controlDate: t('staff.stay.controlDate'),
    plannedEntry: t('staff.stay.plannedEntry'),
    hasVisa: t('staff.stay.hasVisa'),
    'visa.validFrom': t('visas.terms.validFrom'),
    'visa.validUntil': t('visas.terms.validUntil'),
    'visa.durationOfStay': t('visas.field.durationDays'),
    'visa.entries': t('visas.field.entries'),
    stays: t('staff.stay.stays'),
  };
  for (let i = 0; i < MAX_STAYS; i++) {
    labels[`stays.${i}.entry`] = t('staff.stay.entryOf', { n: i + 1 });
    labels[`stays.${i}.exit`] = t('staff.stay.exitOf', { n: i + 1 });
  }
  return labels;
}

export default function StayCalculatorPage() {
  const t = useT();
  const f = useFormat();
  const form = useContractForm(StayCalculatorForm, {
    defaultValues: {
      stays: [{ entry: '', exit: '' }],
      controlDate: f.today(),
      plannedEntry: '',
      hasVisa: false,
      visa: { validFrom: '', validUntil: '', durationOfStay: '90', entries: 'multiple' },
    },
    labels: calculatorLabels(t),
  });
  const hasVisa = useWatch({ control: form.control, name: 'hasVisa' }) as boolean | undefined;
  const [result, setResult] = useState<{ assessment: ShortStayAssessment; at: number }>();
  /** Counts with the kernel; input it cannot count is refused at the field it is about, as the form's own error. */
  const calculate = (values: StayCalculatorValues) => {
    const input = toShortStayInput(values);
    try {
      setResult({ assessment: assessShortStay(input), at: Date.now() });
    } catch (error) {
      if (!(error instanceof ShortStayError)) throw error;
      setResult(undefined);
      const refusal = stayRefusal(error, input);
      form.setError(refusal.field as never, { type: 'kernel', message: encodeMessage(refusal.message) });
    }
  };
  return (
    <>
      <PageTitle>{t('staff.stay.title')}</PageTitle>
      <p className="lead">{t('staff.stay.intro')}</p>
      <Form form={form} onSubmit={calculate} label={t('staff.stay.title')}>
        <StayRows />
        <DateInput name="controlDate" hint={t('staff.stay.controlDateHint')} />
        <DateInput name="plannedEntry" hint={t('staff.stay.plannedEntryHint')} />
        <Checkbox name="hasVisa" />
        {hasVisa && <VisaFieldset />}
        <SubmitButton>{t('staff.stay.calculate')}</SubmitButton>
      </Form>
      {result && <StayResult assessment={result.assessment} at={result.at} />}
    </>
  );
}
