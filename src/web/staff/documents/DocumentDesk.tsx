/**
 * The desk flow on the person's card (the person is found and their identity is checked here): an
 * application prepared online is received, a new one is taken (identity, photo, fee, submit in one form),
 * a made document is handed over. Other applications in progress link to their case.
 */
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  applyAtDesk, handOverDocument, personApplications, receiveApplication, type DeskApplicationRequest,
} from '../../../shared/contracts/document-applications.contract.ts';
import type { CaseView, UploadInput } from '../../../shared/contracts/cases.contract.ts';
import { DOCUMENT_TYPES } from '../../../shared/contracts/documents.contract.ts';
import { callApi } from '../../api/client.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { ErrorSummary, Notice, TextField, type FormError } from '../../ui/forms.tsx';
import { RadioGroup, SelectField } from '../../ui/fields.tsx';
import { useFormErrors, useProblemText } from '../../ui/errors.ts';
import { toUploads } from '../../ui/files.ts';
import { useFormat } from '../../ui/format.ts';

type Identity = DeskApplicationRequest['identity'];
type Method = Identity['method'];

export function DocumentDesk({ personId, personName }: { personId: string; personName: string }) {
  const t = useT();
  const problemText = useProblemText();
  const f = useFormat();
  const client = useQueryClient();
  const apps = useQuery({ queryKey: ['desk-applications', personId], queryFn: () => callApi(personApplications, { query: { personId } }) });
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
        <Notice key={a.reference} kind="info">{t('documents.desk.elsewhere', { reference: a.reference, status: t(`cases.status.${a.status}`), branch: a.branch })}</Notice>
      ))}
      {prepared.map((a) => <ReceiveForm key={a.id} view={a} onDone={(v) => refresh(t('documents.desk.taken', { reference: v.reference, date: f.date(subjectOf(v)?.readyOn ?? '') }))} />)}
      {ready.map((a) => <HandOverForm key={a.id} view={a} personName={personName} onDone={(v) => refresh(t('documents.desk.handedOver', { number: subjectOf(v)?.issued?.documentNumber ?? '' }))} />)}
      {others.length > 0 && (
        <>
          <h3>{t('documents.desk.inProgress')}</h3>
          <ul>{others.map((a) => <li key={a.id}><Link to={`/cases/${a.id}`}>{t('documents.desk.openCase', { reference: a.reference })}</Link>: {t(`documents.type.${subjectOf(a)?.documentType ?? 'passport'}`)}, {t(`cases.status.${a.status}`)}</li>)}</ul>
        </>
      )}
      <NewApplicationForm personId={personId} onDone={(v) => refresh(t('documents.desk.taken', { reference: v.reference, date: f.date(subjectOf(v)?.readyOn ?? '') }))} />
    </section>
  );
}

const subjectOf = (v: CaseView) => (v.subject.kind === 'document-application' ? v.subject : undefined);

/** How the officer checked who stands at the desk; the number of the document presented. */
function IdentityFields({ prefix, method, number, onMethod, onNumber, error }: { prefix: string; method: Method; number: string; onMethod: (m: Method) => void; onNumber: (n: string) => void; error: string | undefined }) {
  const t = useT();
  return (
    <>
      <RadioGroup name={`${prefix}-method`} legend={t('documents.desk.identityMethod')} value={method} onChange={(v) => onMethod(v as Method)}
        options={(['identity-document', 'biometric-match', 'parent-present'] as const).map((m) => ({ value: m, label: t(`documents.desk.method.${m}`) }))} />
      {method === 'identity-document' && <TextField id={`${prefix}-number`} label={t('documents.desk.identityNumber')} value={number} onChange={(e) => onNumber(e.target.value)} error={error} autoComplete="off" />}
    </>
  );
}

function PhotoField({ id, label, hint, error, onChange }: { id: string; label: string; hint?: string; error: string | undefined; onChange: (u: UploadInput | undefined) => void }) {
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && <p className="hint" id={`${id}-hint`}>{hint}</p>}
      {error && <p className="field-error" id={`${id}-error`}>{error}</p>}
      <input id={id} type="file" accept="image/jpeg,image/png" aria-describedby={hint ? `${id}-hint` : undefined} onChange={async (e) => onChange((await toUploads(e.target.files, 'photo'))[0])} />
    </div>
  );
}

const identityOf = (method: Method, number: string): Identity => (method === 'identity-document' ? { method, ...(number.trim() ? { documentNumber: number.trim() } : {}) } : { method });

function useLabels() {
  const t = useT();
  return {
    'identity.documentNumber': t('documents.desk.identityNumber'), 'photo.contentBase64': t('documents.desk.photo'), photo: t('documents.desk.photo'),
    documentType: t('documents.application.documentType'), payment: t('documents.desk.paymentMethod'), receivedBy: t('documents.desk.receivedBy'), expectedVersion: t('documents.desk.title'),
  };
}

function NewApplicationForm({ personId, onDone }: { personId: string; onDone: (v: CaseView) => void }) {
  const t = useT();
  const formErrors = useFormErrors();
  const labels = useLabels();
  const [method, setMethod] = useState<Method>('identity-document');
  const [number, setNumber] = useState('');
  const [documentType, setDocumentType] = useState<DeskApplicationRequest['documentType']>('passport');
  const [tier, setTier] = useState<'standard' | 'urgent'>('standard');
  const [reason, setReason] = useState<DeskApplicationRequest['reason']>('renewal');
  const [pay, setPay] = useState<'card' | 'cash'>('card');
  const [photo, setPhoto] = useState<UploadInput>();
  const [errors, setErrors] = useState<FormError[]>([]);
  const send = useMutation({
    mutationFn: (body: DeskApplicationRequest) => callApi(applyAtDesk, { body }),
    onSuccess: (v) => { setErrors([]); onDone(v); },
    onError: (e) => setErrors(formErrors(e, labels)),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!photo) return setErrors([{ field: 'photo.contentBase64', message: t('fieldReason.photo-missing', { field: labels.photo }) }]);
    send.mutate({ personId, documentType, tier, reason, identity: identityOf(method, number), photo, payment: { method: pay } });
  };
  const errorOf = (f: string) => errors.find((x) => x.field === f)?.message;
  return (
    <form className="panel" onSubmit={submit} noValidate aria-labelledby="new-application-title">
      <h3 id="new-application-title">{t('documents.desk.new')}</h3>
      <ErrorSummary errors={errors} />
      <IdentityFields prefix="new" method={method} number={number} onMethod={setMethod} onNumber={setNumber} error={errorOf('identity.documentNumber')} />
      <SelectField id="new-type" label={labels.documentType} value={documentType} onChange={(e) => setDocumentType(e.target.value as DeskApplicationRequest['documentType'])} error={errorOf('documentType')}>
        {DOCUMENT_TYPES.map((d) => <option key={d} value={d}>{t(`documents.type.${d}`)}</option>)}
      </SelectField>
      <RadioGroup name="new-tier" legend={t('documents.application.tier')} value={tier} onChange={(v) => setTier(v as 'standard' | 'urgent')}
        options={(['standard', 'urgent'] as const).map((k) => ({ value: k, label: t(`documents.tier.${k}`) }))} />
      <SelectField id="new-reason" label={t('documents.application.reason')} value={reason} onChange={(e) => setReason(e.target.value as DeskApplicationRequest['reason'])}>
        {(['first', 'renewal', 'lost-or-stolen', 'damaged', 'data-changed'] as const).map((r) => <option key={r} value={r}>{t(`documents.reasonApply.${r}`)}</option>)}
      </SelectField>
      <PhotoField id="new-photo" label={labels.photo} error={errorOf('photo.contentBase64')} onChange={setPhoto} />
      <RadioGroup name="new-pay" legend={labels.payment} value={pay} onChange={(v) => setPay(v as 'card' | 'cash')}
        options={[{ value: 'card', label: t('documents.desk.pay.card') }, { value: 'cash', label: t('documents.desk.pay.cash') }]} />
      <p className="hint">{t('documents.desk.propose')}</p>
      <button type="submit" className="button" disabled={send.isPending}>{t('documents.desk.submit')}</button>
    </form>
  );
}

function ReceiveForm({ view, onDone }: { view: CaseView; onDone: (v: CaseView) => void }) {
  const t = useT();
  const formErrors = useFormErrors();
  const labels = useLabels();
  const s = subjectOf(view);
  const [method, setMethod] = useState<Method>('identity-document');
  const [number, setNumber] = useState('');
  const [pay, setPay] = useState<'card' | 'cash'>('card');
  const [photo, setPhoto] = useState<UploadInput>();
  const [errors, setErrors] = useState<FormError[]>([]);
  const send = useMutation({
    mutationFn: () => callApi(receiveApplication, { params: { caseId: view.id }, body: { expectedVersion: view.version, identity: identityOf(method, number), ...(photo ? { photo } : {}), ...(s?.payment ? {} : { payment: { method: pay } }) } }),
    onSuccess: (v) => { setErrors([]); onDone(v); },
    onError: (e) => setErrors(formErrors(e, labels)),
  });
  if (!s) return null;
  const onlinePhoto = view.documents.some((d) => d.kind === 'photo');
  const errorOf = (f: string) => errors.find((x) => x.field === f)?.message;
  return (
    <form className="panel" onSubmit={(e) => { e.preventDefault(); send.mutate(); }} noValidate aria-labelledby={`receive-${view.id}`}>
      <h3 id={`receive-${view.id}`}>{t('documents.desk.prepared')}: {view.reference}</h3>
      <p>{t(`documents.type.${s.documentType}`)}, {t(`documents.tier.${s.tier}`)}</p>
      <ErrorSummary errors={errors} />
      <IdentityFields prefix={`r-${view.id}`} method={method} number={number} onMethod={setMethod} onNumber={setNumber} error={errorOf('identity.documentNumber')} />
      <PhotoField id={`photo-${view.id}`} label={labels.photo} hint={onlinePhoto ? t('documents.desk.photoKeep') : undefined} error={errorOf('photo.contentBase64') ?? errorOf('photo')} onChange={setPhoto} />
      {s.payment ? <p>{t('documents.desk.alreadyPaid', { amount: (s.payment.amountCents / 100).toFixed(2) })}</p> : (
        <RadioGroup name={`pay-${view.id}`} legend={`${labels.payment}: ${t('documents.application.feeAmount', { amount: (s.fee.amountCents / 100).toFixed(2) })}`} value={pay} onChange={(v) => setPay(v as 'card' | 'cash')}
          options={[{ value: 'card', label: t('documents.desk.pay.card') }, { value: 'cash', label: t('documents.desk.pay.cash') }]} />
      )}
      <p className="hint">{t('documents.desk.propose')}</p>
      <button type="submit" className="button" disabled={send.isPending}>{t('documents.desk.receive')}</button>
    </form>
  );
}

function HandOverForm({ view, personName, onDone }: { view: CaseView; personName: string; onDone: (v: CaseView) => void }) {
  const t = useT();
  const formErrors = useFormErrors();
  const labels = useLabels();
  const s = subjectOf(view);
  const [method, setMethod] = useState<Method>('identity-document');
  const [number, setNumber] = useState('');
  const [receivedBy, setReceivedBy] = useState(personName);
  const [errors, setErrors] = useState<FormError[]>([]);
  const send = useMutation({
    mutationFn: () => callApi(handOverDocument, { params: { caseId: view.id }, body: { expectedVersion: view.version, identity: identityOf(method, number), receivedBy } }),
    onSuccess: (v) => { setErrors([]); onDone(v); },
    onError: (e) => setErrors(formErrors(e, labels)),
  });
  if (!s?.production) return null;
  const errorOf = (f: string) => errors.find((x) => x.field === f)?.message;
  return (
    <form className="panel" onSubmit={(e) => { e.preventDefault(); send.mutate(); }} noValidate aria-labelledby={`hand-${view.id}`}>
      <h3 id={`hand-${view.id}`}>{t('documents.desk.ready')}: {view.reference}</h3>
      <p>{t(`documents.type.${s.documentType}`)} {s.production.documentNumber}</p>
      <ErrorSummary errors={errors} />
      <IdentityFields prefix={`h-${view.id}`} method={method} number={number} onMethod={setMethod} onNumber={setNumber} error={errorOf('identity.documentNumber')} />
      <TextField id={`received-${view.id}`} label={labels.receivedBy} value={receivedBy} onChange={(e) => setReceivedBy(e.target.value)} error={errorOf('receivedBy')} />
      <button type="submit" className="button" disabled={send.isPending}>{t('documents.desk.handOver', { number: s.production.documentNumber })}</button>
    </form>
  );
}
