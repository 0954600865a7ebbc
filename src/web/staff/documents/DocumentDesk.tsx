/**
 * The desk flow on the person's card (the person is found and their identity is checked here): an
 * application prepared online is received, a new one is taken (identity, photo, fee, submit in one form),
 * a made document is handed over. Other applications in progress link to their case.
 */
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useWatch } from 'react-hook-form';
import type { z } from 'zod';
import {
  APPLICATION_REASONS,
  DESK_PAYMENT_METHODS,
  DeskApplicationRequest,
  HandOverRequest,
  IDENTITY_METHODS,
  ReceptionRequest,
  TIERS,
  applyAtDesk,
  handOverDocument,
  personApplications,
  receiveApplication,
} from '../../../shared/contracts/document-applications.contract.ts';
import { MAX_UPLOAD_BYTES, type CaseView } from '../../../shared/contracts/cases.contract.ts';
import { PHOTO_TYPES, photoFile } from '../../ui/form/upload-files.ts';
import type { DocumentType } from '../../../shared/contracts/documents.contract.ts';
import { cardLateForPermit } from '../../../shared/kernel/permit-grounds.ts';
import type { PlainDate } from '../../../shared/kernel/plain-date.ts';
import { callApi } from '../../api/client.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { useProblemText } from '../../ui/errors.ts';
import { toUploads } from '../../ui/files.ts';
import { useFormat } from '../../ui/format.ts';
import { useBranchName } from '../../ui/branch-names.ts';
import { refusedAtFormFields } from '../../ui/refused-fields.ts';
import { Form } from '../../ui/form/Form.tsx';
import { FileInput, Radios, Select, SubmitButton, TextInput } from '../../ui/form/fields.tsx';
import { useContractForm } from '../../ui/form/useContractForm.ts';

/**
 * The document desk on a person's card. `permitEndsOn`: the last day of the person's right to reside that a
 * residence permit card would be made for (the card page has read it already), for the late-card warning.
 */
export function DocumentDesk({
  personId,
  personName,
  permitEndsOn,
}: {
  personId: string;
  personName: string;
  permitEndsOn: PlainDate | null | undefined;
}) {
  const t = useT();
  const problemText = useProblemText();
  const f = useFormat();
  const branchName = useBranchName();
  const client = useQueryClient();
  const apps = useQuery({
    queryKey: ['desk-applications', personId],
    queryFn: () => callApi(personApplications, { query: { personId } }),
  });
  const [done, setDone] = useState<string>();
  const refresh = (message: string) => {
    setDone(message);
    void client.invalidateQueries({ queryKey: ['desk-applications', personId] });
    void client.invalidateQueries({ queryKey: ['person-documents'] });
  };
  if (!apps.data) return <p>{apps.isError ? problemText(apps.error) : t('common.loading')}</p>;
  const list = apps.data.applications;
  const prepared = list.filter((a) => a.status === 'prepared');
  const ready = list.filter((a) => a.status === 'ready');
  const others = list.filter((a) => a.status !== 'prepared' && a.status !== 'ready');
  return (
    <section aria-labelledby="desk-title">
      <h2 id="desk-title">{t('documents.desk.title')}</h2>
      {done && <Notice kind="success">{done}</Notice>}
      {apps.data.elsewhere.map((a) => (
        <Notice key={a.reference} kind="info">
          {t('documents.desk.elsewhere', {
            reference: a.reference,
            status: t(`cases.status.${a.status}`),
            branch: branchName(a.branch),
          })}
        </Notice>
      ))}
      {prepared.map((a) => (
        <ReceiveForm
          key={a.id}
          view={a}
          onDone={(v) =>
            refresh(t('documents.desk.taken', { reference: v.reference, date: f.date(subjectOf(v)?.readyOn ?? '') }))
          }
        />
      ))}
      {ready.map((a) => (
        <HandOverForm
          key={a.id}
          view={a}
          personName={personName}
          onDone={(v) =>
            refresh(t('documents.desk.handedOver', { number: subjectOf(v)?.issued?.documentNumber ?? '' }))
          }
        />
      ))}
      {others.length > 0 && (
        <>
          <h3>{t('documents.desk.inProgress')}</h3>
          <ul>
            {others.map((a) => (
              <li key={a.id}>
                <Link to={`/cases/${a.id}`}>{t('documents.desk.openCase', { reference: a.reference })}</Link>:{' '}
                {t(`documents.type.${subjectOf(a)?.documentType ?? 'passport'}`)}, {t(`cases.status.${a.status}`)}
              </li>
            ))}
          </ul>
        </>
      )}
      {/* Only the documents the person's legal status allows (the server's rule, as on the portal). */}
      {apps.data.documentTypes.length > 0 ? (
        <NewApplicationForm
          personId={personId}
          documentTypes={apps.data.documentTypes}
          permitEndsOn={permitEndsOn}
          onDone={(v) =>
            refresh(t('documents.desk.taken', { reference: v.reference, date: f.date(subjectOf(v)?.readyOn ?? '') }))
          }
        />
      ) : (
        <Notice kind="info">{t('documents.desk.noTypes')}</Notice>
      )}
    </section>
  );
}

const subjectOf = (v: CaseView) => (v.subject.kind === 'document-application' ? v.subject : undefined);

/** The contracts' requests as the desk's forms hold them: the case, its version and the person go with the request, the photo is a file. */
const NewApplicationSchema = DeskApplicationRequest.omit({
  personId: true,
  photo: true,
  language: true,
  explanation: true,
  propose: true,
}).extend({ photo: photoFile(MAX_UPLOAD_BYTES, true) });
const receptionSchema = (photoRequired: boolean) =>
  ReceptionRequest.omit({ expectedVersion: true, photo: true, propose: true }).extend({
    photo: photoFile(MAX_UPLOAD_BYTES, photoRequired),
  });
const HandOverSchema = HandOverRequest.omit({ expectedVersion: true });

/** The server's field paths where the desk's forms hold the field in another shape. */
const FORM_PATHS = { 'photo.contentBase64': 'photo', payment: 'payment.method', identity: 'identity.method' };

function useLabels() {
  const t = useT();
  return {
    'identity.method': t('documents.desk.identityMethod'),
    'identity.documentNumber': t('documents.desk.identityNumber'),
    photo: t('documents.desk.photo'),
    documentType: t('documents.application.documentType'),
    tier: t('documents.application.tier'),
    reason: t('documents.application.reason'),
    'payment.method': t('documents.desk.paymentMethod'),
    receivedBy: t('documents.desk.receivedBy'),
  };
}

/** How the officer checked who stands at the desk; the number of the document presented (needed with that method). */
function IdentityFields() {
  const t = useT();
  const method = useWatch({ name: 'identity.method' }) as (typeof IDENTITY_METHODS)[number] | undefined;
  return (
    <>
      <Radios
        name="identity.method"
        options={IDENTITY_METHODS.map((m) => ({ value: m, label: t(`documents.desk.method.${m}`) }))}
      />
      {method === 'identity-document' && (
        <TextInput name="identity.documentNumber" oneOfGroup aria-required autoComplete="off" />
      )}
    </>
  );
}

function PhotoField({ hint }: { hint?: string }) {
  return <FileInput name="photo" accept={PHOTO_TYPES} multiple={false} hint={hint} />;
}

function PaymentField({ label }: { label?: string }) {
  const t = useT();
  return (
    <Radios
      name="payment.method"
      label={label}
      options={DESK_PAYMENT_METHODS.map((m) => ({ value: m, label: t(`documents.desk.pay.${m}`) }))}
    />
  );
}

const IDENTITY_DEFAULTS = { method: 'identity-document', documentNumber: '' } as const;

function NewApplicationForm({
  personId,
  documentTypes,
  permitEndsOn,
  onDone,
}: {
  personId: string;
  /** The documents the person may apply for (never empty here). */
  documentTypes: readonly DocumentType[];
  permitEndsOn: PlainDate | null | undefined;
  onDone: (v: CaseView) => void;
}) {
  const t = useT();
  const labels = useLabels();
  const form = useContractForm(NewApplicationSchema, {
    defaultValues: {
      identity: IDENTITY_DEFAULTS,
      documentType: documentTypes[0],
      tier: 'standard',
      reason: 'renewal',
      payment: { method: 'card' },
    },
    labels: {
      'identity.method': labels['identity.method'],
      'identity.documentNumber': labels['identity.documentNumber'],
      documentType: labels.documentType,
      tier: labels.tier,
      reason: labels.reason,
      photo: labels.photo,
      'payment.method': labels['payment.method'],
    },
    idPrefix: 'new',
  });
  const send = useMutation({
    mutationFn: async ({ photo, ...values }: z.output<typeof NewApplicationSchema>) => {
      const [upload] = await toUploads(photo ?? null, 'photo');
      return callApi(applyAtDesk, { body: { ...values, personId, photo: upload as NonNullable<typeof upload> } });
    },
    onSuccess: onDone,
    onError: (e) => form.showServerError(refusedAtFormFields(e, FORM_PATHS)),
  });
  return (
    <div className="panel">
      <h3 id="new-application-title">{t('documents.desk.new')}</h3>
      <Form form={form} onSubmit={(values) => send.mutate(values)} labelledBy="new-application-title">
        <IdentityFields />
        <Select name="documentType">
          {documentTypes.map((d) => (
            <option key={d} value={d}>
              {t(`documents.type.${d}`)}
            </option>
          ))}
        </Select>
        <Radios name="tier" options={TIERS.map((k) => ({ value: k, label: t(`documents.tier.${k}`) }))} />
        <Select name="reason">
          {APPLICATION_REASONS.map((r) => (
            <option key={r} value={r}>
              {t(`documents.reasonApply.${r}`)}
            </option>
          ))}
        </Select>
        <CardLateWarning permitEnd={permitEndsOn} />
        <PhotoField />
        <PaymentField />
        <p className="hint">{t('documents.desk.propose')}</p>
        <SubmitButton pending={send.isPending}>{t('documents.desk.submit')}</SubmitButton>
      </Form>
    </div>
  );
}

/**
 * A residence permit card that could be ready only after the permit ends (10 or 2 working days by the tier): the
 * desk is warned before it takes the application, with both days, and may still take it (a renewal may be under
 * way). Not a refusal: the server decides the card's validity from the permit.
 */
function CardLateWarning({ permitEnd }: { permitEnd: PlainDate | null | undefined }) {
  const t = useT();
  const f = useFormat();
  const [documentType, tier] = useWatch({ name: ['documentType', 'tier'] }) as [unknown, unknown];
  if (documentType !== 'residence-permit-card' || !permitEnd) return null;
  const late = cardLateForPermit(permitEnd, f.today() as PlainDate, tier === 'urgent' ? 'urgent' : 'standard');
  if (!late) return null;
  return (
    <Notice kind="warning">
      {t('documents.desk.cardLate', { endsOn: f.date(late.endsOn), readyOn: f.date(late.readyOn) })}
    </Notice>
  );
}

function ReceiveForm({ view, onDone }: { view: CaseView; onDone: (v: CaseView) => void }) {
  const t = useT();
  const f = useFormat();
  const labels = useLabels();
  const s = subjectOf(view);
  const onlinePhoto = view.documents.some((d) => d.kind === 'photo');
  const schema = useMemo(() => receptionSchema(!onlinePhoto), [onlinePhoto]);
  const form = useContractForm(schema, {
    defaultValues: { identity: IDENTITY_DEFAULTS, payment: { method: 'card' } },
    labels: {
      'identity.method': labels['identity.method'],
      'identity.documentNumber': labels['identity.documentNumber'],
      photo: labels.photo,
      'payment.method': labels['payment.method'],
    },
    idPrefix: `r-${view.id}`,
  });
  const send = useMutation({
    mutationFn: async ({ photo, ...values }: z.output<typeof schema>) => {
      const [upload] = await toUploads(photo ?? null, 'photo');
      return callApi(receiveApplication, {
        params: { caseId: view.id },
        body: { ...values, expectedVersion: view.version, ...(upload ? { photo: upload } : {}) },
      });
    },
    onSuccess: onDone,
    onError: (e) => form.showServerError(refusedAtFormFields(e, FORM_PATHS)),
  });
  if (!s) return null;
  // What is still owed: the whole fee, or the rest a move of rules added after an online payment.
  const owed = s.fee.amountCents - (s.payment?.amountCents ?? 0);
  return (
    <div className="panel">
      <h3 id={`receive-${view.id}`}>
        {t('documents.desk.prepared')}: {view.reference}
      </h3>
      <p>
        {t(`documents.type.${s.documentType}`)}, {t(`documents.tier.${s.tier}`)}
      </p>
      <Form form={form} onSubmit={(values) => send.mutate(values)} labelledBy={`receive-${view.id}`}>
        <IdentityFields />
        <PhotoField hint={onlinePhoto ? t('documents.desk.photoKeep') : undefined} />
        {owed <= 0 && s.payment && <p>{t('documents.desk.alreadyPaid', { amount: f.money(s.payment.amountCents) })}</p>}
        {owed > 0 && s.payment && (
          <p>{t('documents.desk.partlyPaid', { paid: f.money(s.payment.amountCents), owed: f.money(owed) })}</p>
        )}
        {owed > 0 && (
          <PaymentField
            label={`${labels['payment.method']}: ${t('documents.application.feeAmount', { amount: f.money(owed) })}`}
          />
        )}
        <p className="hint">{t('documents.desk.propose')}</p>
        <SubmitButton pending={send.isPending}>{t('documents.desk.receive')}</SubmitButton>
      </Form>
    </div>
  );
}

function HandOverForm({
  view,
  personName,
  onDone,
}: {
  view: CaseView;
  personName: string;
  onDone: (v: CaseView) => void;
}) {
  const t = useT();
  const labels = useLabels();
  const s = subjectOf(view);
  const form = useContractForm(HandOverSchema, {
    defaultValues: { identity: IDENTITY_DEFAULTS, receivedBy: personName },
    labels: {
      'identity.method': labels['identity.method'],
      'identity.documentNumber': labels['identity.documentNumber'],
      receivedBy: labels.receivedBy,
    },
    idPrefix: `h-${view.id}`,
  });
  const send = useMutation({
    mutationFn: (values: z.output<typeof HandOverSchema>) =>
      callApi(handOverDocument, { params: { caseId: view.id }, body: { ...values, expectedVersion: view.version } }),
    onSuccess: onDone,
    onError: (e) => form.showServerError(refusedAtFormFields(e, FORM_PATHS)),
  });
  if (!s?.production) return null;
  return (
    <div className="panel">
      <h3 id={`hand-${view.id}`}>
        {t('documents.desk.ready')}: {view.reference}
      </h3>
      <p>
        {t(`documents.type.${s.documentType}`)} {s.production.documentNumber}
      </p>
      <Form form={form} onSubmit={(values) => send.mutate(values)} labelledBy={`hand-${view.id}`}>
        <IdentityFields />
        <TextInput name="receivedBy" />
        <SubmitButton pending={send.isPending}>
          {t('documents.desk.handOver', { number: s.production.documentNumber })}
        </SubmitButton>
      </Form>
    </div>
  );
}
