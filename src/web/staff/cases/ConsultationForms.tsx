/**
 * Asking another authority about an applicant (the security services, the police, the border guard, another
 * Schengen state) and recording its answer when it came another way than through the authority's own system.
 * Both are contract forms over their member of `CaseActionInput`, as every other action on the case page.
 */
import {
  AnswerConsultationAction,
  CONSULTATION_OUTCOMES,
  CONSULTED_AUTHORITIES,
  RequestConsultationAction,
  type CaseView,
} from '../../../shared/contracts/cases.contract.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { useFormat } from '../../ui/format.ts';
import { DateInput, Radios, Select, TextArea } from '../../ui/form/fields.tsx';
import { ActionPanel, FIXED, useActionForm, type Act } from './CaseActionForms.tsx';

const RequestForm = RequestConsultationAction.omit(FIXED);
const AnswerForm = AnswerConsultationAction.omit(FIXED);

export function RequestConsultationForm({ act }: { act: Act }) {
  const t = useT();
  const f = useFormat();
  const action = useActionForm(
    RequestForm,
    {
      defaultValues: { authority: '' as never, question: '', dueOn: '' },
      labels: {
        authority: t('staff.consultation.authority'),
        question: t('staff.consultation.question'),
        dueOn: t('staff.consultation.dueOn'),
      },
      idPrefix: 'consult',
    },
    (v) => act({ kind: 'request-consultation', ...v }),
  );
  return (
    <ActionPanel title={t('cases.action.request-consultation')} submit={t('staff.consultation.send')} action={action}>
      <Select name="authority">
        <option value="">{t('common.choose')}</option>
        {CONSULTED_AUTHORITIES.map((a) => (
          <option key={a} value={a}>
            {t(`cases.authority.${a}`)}
          </option>
        ))}
      </Select>
      <TextArea name="question" rows={3} />
      <DateInput name="dueOn" min={f.today(1)} hint={t('staff.consultation.dueHint')} />
    </ActionPanel>
  );
}

type Consultation = CaseView['consultations'][number];

/** The answer to one of the consultations still open; with a single one open, it is already chosen. */
export function AnswerConsultationForm({ open, act }: { open: Consultation[]; act: Act }) {
  const t = useT();
  const f = useFormat();
  const action = useActionForm(
    AnswerForm,
    {
      defaultValues: { consultationId: open.length === 1 ? open[0]?.consultationId : '', remarks: '' },
      labels: {
        consultationId: t('staff.consultation.which'),
        outcome: t('staff.consultation.outcome'),
        remarks: t('staff.consultation.remarks'),
      },
      idPrefix: 'consult-answer',
    },
    (v) => act({ kind: 'answer-consultation', ...v }),
  );
  const outcomes = CONSULTATION_OUTCOMES.map((value) => ({ value, label: t(`cases.consultation.outcome.${value}`) }));
  return (
    <ActionPanel title={t('cases.action.answer-consultation')} submit={t('staff.consultation.record')} action={action}>
      <Select name="consultationId">
        {open.length > 1 && <option value="">{t('common.choose')}</option>}
        {open.map((c) => (
          <option key={c.consultationId} value={c.consultationId}>
            {t('staff.consultation.option', {
              authority: t(`cases.authority.${c.authority}`),
              askedOn: f.date(c.askedOn),
            })}
          </option>
        ))}
      </Select>
      <Radios name="outcome" options={outcomes} />
      <TextArea name="remarks" rows={3} hint={t('staff.consultation.remarksHint')} />
    </ActionPanel>
  );
}
