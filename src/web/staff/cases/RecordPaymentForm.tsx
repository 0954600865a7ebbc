/**
 * The fee still owed, taken at the desk: after a move of the procedure's rules raised the fee of a case already
 * paid, the officer records the difference (by card or in cash, with the receipt's number); where nothing was paid
 * (an online charge refused), the whole fee. The amount is what the case owes, never typed.
 */
import { RecordPaymentAction, type CaseView } from '../../../shared/contracts/cases.contract.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { useFormat } from '../../ui/format.ts';
import { Radios, TextInput } from '../../ui/form/fields.tsx';
import { ActionPanel, FIXED, useActionForm, type Act } from './CaseActionForms.tsx';

const PaymentForm = RecordPaymentAction.omit({ ...FIXED, amountCents: true });

export function RecordPaymentForm({ fee, act }: { fee: NonNullable<CaseView['fee']>; act: Act }) {
  const t = useT();
  const f = useFormat();
  const owed = fee.dueCents - fee.paidCents;
  const action = useActionForm(
    PaymentForm,
    {
      defaultValues: { reference: '' },
      labels: { method: t('staff.case.payment.method'), reference: t('staff.case.payment.reference') },
      idPrefix: 'payment',
    },
    (v) => act({ kind: 'record-payment', amountCents: owed, ...v }),
  );
  // Nothing paid yet (an online charge that was refused): the whole fee; else the rest a move of rules added.
  const unpaid = fee.paidCents === 0;
  return (
    <ActionPanel
      title={t(unpaid ? 'staff.case.payment.titleUnpaid' : 'staff.case.payment.title')}
      submit={t('staff.case.payment.submit', { amount: f.money(owed) })}
      action={action}
    >
      <p>
        {unpaid
          ? t('staff.case.payment.unpaid', { due: f.money(fee.dueCents) })
          : t('staff.case.payment.owed', {
              owed: f.money(owed),
              due: f.money(fee.dueCents),
              paid: f.money(fee.paidCents),
            })}
      </p>
      <Radios
        name="method"
        options={[
          { value: 'card', label: t('staff.case.payment.card') },
          { value: 'cash', label: t('staff.case.payment.cash') },
        ]}
      />
      <TextInput name="reference" autoComplete="off" hint={t('staff.case.payment.referenceHint')} />
    </ActionPanel>
  );
}
