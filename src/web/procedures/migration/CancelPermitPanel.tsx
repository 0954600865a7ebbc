/**
 * A decision-maker cancels a granted residence permit from a day (Immigration Law s.35) on its grounds. It is
 * destructive and cannot be undone here: the form opens from a button and says what will happen; once filled
 * in, the page asks once more, naming the permit, the day and what follows (the right ends, the card becomes
 * invalid, the holder is told), and only then sends it. Afterwards the panel says what was done.
 */
import { useEffect, useMemo, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  CancelPermitRequest,
  cancelPermit,
  permitCancellationPdf,
} from '../../../shared/contracts/residence-permits.contract.ts';
import { PERMIT_CANCELLATION_GROUNDS, type GrantedPermitView } from '../../../shared/contracts/permit-subjects.ts';
import { PlainDateSchema } from '../../../shared/kernel/plain-date.ts';
import { callApi } from '../../api/client.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { useRevealOnOpen } from '../../ui/Layout.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { useFormat } from '../../ui/format.ts';
import { Form } from '../../ui/form/Form.tsx';
import { Checkboxes, DateInput, TextArea } from '../../ui/form/fields.tsx';
import { useContractForm } from '../../ui/form/useContractForm.ts';

/**
 * The contract's request, with the server's two rules on the day mirrored with its own reasons so they show
 * with every other problem at once: a cancellation takes effect from today or later, never for days already
 * lived (`before-today`), and not after the permit ends anyway (`after-permit-end`).
 */
const cancelForm = (today: string, validUntil: string | null) =>
  CancelPermitRequest.extend({
    effectiveOn: PlainDateSchema.refine((d) => d >= today, { params: { reason: 'before-today' } }).refine(
      (d) => validUntil === null || d <= validUntil,
      { params: { reason: 'after-permit-end' } },
    ),
  });
type CancelValues = z.output<typeof CancelPermitRequest>;

export function CancelPermitPanel({
  permit,
  holderName,
  onCancelled,
}: {
  permit: GrantedPermitView;
  holderName: string;
  onCancelled: () => void;
}) {
  const t = useT();
  const f = useFormat();
  const [open, setOpen] = useState(false);
  const [cancelled, setCancelled] = useState(false);
  // The result shows once the case is read again with the permit cancelled; only then can focus move to it.
  const resultRef = useRevealOnOpen<HTMLHeadingElement>(cancelled && Boolean(permit.cancelled));
  if (permit.cancelled) {
    return (
      <section className="panel" aria-labelledby="permit-cancelled-title">
        <h3 id="permit-cancelled-title" ref={resultRef} tabIndex={-1}>
          {t('permits.cancel.done', { number: permit.permitNumber, on: f.date(permit.cancelled.on) })}
        </h3>
        <p>
          <a
            href={permitCancellationPdf.path.replace('{permitNumber}', encodeURIComponent(permit.permitNumber))}
            download
          >
            {t('permits.cancel.pdf')}
          </a>
        </p>
      </section>
    );
  }
  return (
    <section className="panel" aria-labelledby="permit-cancel-title">
      <h3 id="permit-cancel-title">{t('permits.cancel.title')}</h3>
      {open ? (
        <CancelPermitForm
          permit={permit}
          holderName={holderName}
          onClose={() => setOpen(false)}
          onCancelled={() => {
            setCancelled(true);
            onCancelled();
          }}
        />
      ) : (
        <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
          {t('permits.cancel.open')}
        </button>
      )}
    </section>
  );
}

function CancelPermitForm({
  permit,
  holderName,
  onClose,
  onCancelled,
}: {
  permit: GrantedPermitView;
  holderName: string;
  onClose: () => void;
  onCancelled: () => void;
}) {
  const t = useT();
  const f = useFormat();
  const today = f.today();
  const lead = useRevealOnOpen<HTMLDivElement>(true);
  const schema = useMemo(() => cancelForm(today, permit.validUntil), [today, permit.validUntil]);
  const form = useContractForm(schema, {
    defaultValues: { grounds: [], effectiveOn: today, reasoning: '' },
    labels: {
      grounds: t('permits.cancel.grounds'),
      effectiveOn: t('permits.cancel.effectiveOn'),
      reasoning: t('permits.cancel.reasoning'),
    },
    idPrefix: 'cancel-permit',
  });
  // What the person confirms: the values as checked; any change to the form asks for the check again.
  const [confirming, setConfirming] = useState<CancelValues>();
  useEffect(() => {
    const watching = form.watch(() => setConfirming(undefined));
    return () => watching.unsubscribe();
  }, [form]);
  const client = useQueryClient();
  const send = useMutation({
    mutationFn: (body: CancelValues) => callApi(cancelPermit, { params: { permitNumber: permit.permitNumber }, body }),
    // Everything the page shows may have changed (the case, the holder's register card and documents, the queues):
    // each query on the page is read again, not only the case.
    onSuccess: () => {
      void client.invalidateQueries();
      onCancelled();
    },
    onError: (error) => {
      setConfirming(undefined);
      form.showServerError(error);
    },
  });
  return (
    <>
      <div ref={lead} tabIndex={-1}>
        <Notice kind="warning">{t('permits.cancel.warning', { number: permit.permitNumber })}</Notice>
      </div>
      <Form form={form} label={t('permits.cancel.title')} onSubmit={(values) => setConfirming(values)}>
        <Checkboxes
          name="grounds"
          options={PERMIT_CANCELLATION_GROUNDS.map((g) => ({ value: g, label: t(`permits.cancelGround.${g}`) }))}
        />
        <DateInput
          name="effectiveOn"
          min={today}
          {...(permit.validUntil ? { max: permit.validUntil } : {})}
          hint={
            permit.validUntil
              ? t('permits.cancel.fromTodayUntilHint', { until: f.date(permit.validUntil) })
              : t('permits.cancel.fromTodayHint')
          }
        />
        <TextArea name="reasoning" rows={4} hint={t('permits.cancel.reasoningHint')} />
        {!confirming && (
          <div className="button-row">
            <button type="submit" className="button button--warning">
              {t('permits.cancel.continue')}
            </button>
            <button type="button" className="button button--secondary" onClick={onClose}>
              {t('common.cancel')}
            </button>
          </div>
        )}
      </Form>
      {confirming && (
        <Confirmation
          permit={permit}
          holderName={holderName}
          values={confirming}
          pending={send.isPending}
          onConfirm={() => send.mutate(confirming)}
          onBack={() => setConfirming(undefined)}
        />
      )}
    </>
  );
}

/** The one question before the act: which permit, from which day, what follows; the answer sends it. */
function Confirmation({
  permit,
  holderName,
  values,
  pending,
  onConfirm,
  onBack,
}: {
  permit: GrantedPermitView;
  holderName: string;
  values: CancelValues;
  pending: boolean;
  onConfirm: () => void;
  onBack: () => void;
}) {
  const t = useT();
  const f = useFormat();
  const ref = useRevealOnOpen<HTMLHeadingElement>(true);
  return (
    <div className="notice notice--warning" role="group" aria-labelledby="cancel-permit-confirm-title">
      <h4 id="cancel-permit-confirm-title" ref={ref} tabIndex={-1}>
        {t('permits.cancel.confirmTitle', { number: permit.permitNumber })}
      </h4>
      <p>
        {t('permits.cancel.confirmText', {
          number: permit.permitNumber,
          name: holderName,
          on: f.date(values.effectiveOn),
        })}
      </p>
      <p>{t('permits.cancel.confirmGrounds')}</p>
      <ul>
        {values.grounds.map((g) => (
          <li key={g}>{t(`permits.cancelGround.${g}`)}</li>
        ))}
      </ul>
      <div className="button-row">
        <button
          type="button"
          className="button button--warning"
          onClick={onConfirm}
          disabled={pending}
          aria-disabled={pending || undefined}
        >
          {t('permits.cancel.submit')}
        </button>
        <button type="button" className="button button--secondary" onClick={onBack}>
          {t('permits.cancel.back')}
        </button>
      </div>
    </div>
  );
}
