/**
 * A decision-maker annuls or revokes an issued visa (Visa Code Art. 34) on the standard form's grounds. It is
 * destructive and cannot be undone here, so the form opens from a button, says what will happen, and is sent
 * once; afterwards the panel says what was done and links to the form for the holder (PDF).
 */
import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { EndVisaRequest, endVisa } from '../../../shared/contracts/visas.contract.ts';
import { visaGroundsFor, type IssuedVisaView } from '../../../shared/contracts/migration-subjects.ts';
import { callApi } from '../../api/client.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { useRevealOnOpen } from '../../ui/Layout.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { useFormat } from '../../ui/format.ts';
import { Form } from '../../ui/form/Form.tsx';
import { Checkboxes, Radios, TextArea } from '../../ui/form/fields.tsx';
import { useContractForm } from '../../ui/form/useContractForm.ts';
import { endingPdfUrl } from './visa-links.ts';

export function EndVisaPanel({ visa, onEnded }: { visa: IssuedVisaView; onEnded: () => void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [ended, setEnded] = useState(false);
  // The result shows once the case is read again with the visa ended; only then can focus move to it.
  const resultRef = useRevealOnOpen<HTMLHeadingElement>(ended && Boolean(visa.ended));
  if (visa.ended) {
    return (
      <section className="panel" aria-labelledby="visa-ended-title">
        <h3 id="visa-ended-title" ref={resultRef} tabIndex={-1}>
          {t(`visas.end.done.${visa.ended.kind}`, { number: visa.visaNumber })}
        </h3>
        <p>
          <a href={endingPdfUrl(visa.visaNumber)} download>
            {t('visas.ended.pdf')}
          </a>
        </p>
      </section>
    );
  }
  return (
    <section className="panel" aria-labelledby="visa-end-title">
      <h3 id="visa-end-title">{t('visas.end.title')}</h3>
      {open ? (
        <EndVisaForm
          visa={visa}
          onCancel={() => setOpen(false)}
          onEnded={() => {
            setEnded(true);
            onEnded();
          }}
        />
      ) : (
        <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
          {t('visas.end.open')}
        </button>
      )}
    </section>
  );
}

function EndVisaForm({ visa, onCancel, onEnded }: { visa: IssuedVisaView; onCancel: () => void; onEnded: () => void }) {
  const t = useT();
  const f = useFormat();
  const lead = useRevealOnOpen<HTMLDivElement>(true);
  const form = useContractForm(EndVisaRequest, {
    defaultValues: { kind: 'annulment', grounds: [], reasoning: '' },
    labels: { kind: t('visas.end.kind'), grounds: t('visas.end.grounds'), reasoning: t('visas.end.reasoning') },
    idPrefix: 'end-visa',
  });
  const send = useMutation({
    mutationFn: (body: z.output<typeof EndVisaRequest>) =>
      callApi(endVisa, { params: { visaNumber: visa.visaNumber }, body }),
    onSuccess: onEnded,
    onError: form.showServerError,
  });
  const kinds = (['annulment', 'revocation'] as const).map((value) => ({
    value,
    label: t(`visas.end.kind.${value}`),
    hint: t(`visas.end.kindHint.${value}`),
  }));
  // Grounds that fit: a holder's request revokes (never annuls) a visa; the national ground is the long-stay visa's.
  const kind = form.watch('kind');
  const grounds = visaGroundsFor(visa.visaType).filter((g) => g !== 'holder-requested' || kind === 'revocation');
  return (
    <>
      <div ref={lead} tabIndex={-1}>
        <Notice kind="warning">
          {t('visas.end.warning', { number: visa.visaNumber, until: f.date(visa.validUntil) })}
        </Notice>
      </div>
      <Form form={form} label={t('visas.end.open')} onSubmit={(body) => send.mutate(body)}>
        <Radios name="kind" options={kinds} />
        <Checkboxes name="grounds" options={grounds.map((g) => ({ value: g, label: t(`visas.ground.${g}`) }))} />
        <TextArea name="reasoning" rows={4} />
        <div className="button-row">
          <button type="submit" className="button button--warning" disabled={send.isPending}>
            {t('visas.end.submit')}
          </button>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </Form>
    </>
  );
}
