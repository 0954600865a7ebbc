/** Apply for a passport or eID card online (for myself, my minor child or ward): prepared now, paid online, taken at the branch visit. */
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQuery } from '@tanstack/react-query';
import { applicationOptions, applyOnline, type OnlineApplicationRequest } from '../../shared/contracts/document-applications.contract.ts';
import type { UploadInput } from '../../shared/contracts/cases.contract.ts';
import { callApi } from '../api/client.ts';
import { useLocale, useT } from '../i18n/I18nProvider.tsx';
import { PageTitle } from '../ui/Layout.tsx';
import { ErrorSummary, TextField, type FormError } from '../ui/forms.tsx';
import { RadioGroup, SelectField } from '../ui/fields.tsx';
import { useFormErrors, useProblemText } from '../ui/errors.ts';
import { toUploads } from '../ui/files.ts';

export function ApplyDocumentPage() {
  const t = useT();
  const formErrors = useFormErrors();
  const problemText = useProblemText();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const options = useQuery({ queryKey: ['application-options'], queryFn: () => callApi(applicationOptions) });
  const [personId, setPersonId] = useState(search.get('person') ?? '');
  const [documentType, setDocumentType] = useState('');
  const [tier, setTier] = useState<'standard' | 'urgent'>('standard');
  const [reason, setReason] = useState<OnlineApplicationRequest['reason']>('renewal');
  const [ground, setGround] = useState('');
  const [branchId, setBranchId] = useState('');
  const [photo, setPhoto] = useState<UploadInput | undefined>();
  const [email, setEmail] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const labels = { documentType: t('documents.application.documentType'), pickupBranchId: t('documents.application.pickup'), 'photo.contentBase64': t('documents.apply.photoOptional'), contactEmail: t('portal.contact.email') };
  const apply = useMutation({
    mutationFn: (body: OnlineApplicationRequest) => callApi(applyOnline, { body }),
    onSuccess: (view) => navigate(`/my/cases/${view.id}?new=1`),
    onError: (e) => setErrors(formErrors(e, labels)),
  });
  if (!options.data) return <p>{options.isError ? problemText(options.error) : t('common.loading')}</p>;
  const o = options.data;
  const subject = o.subjects.find((s) => s.personId === personId) ?? o.subjects[0];
  if (!subject) return <p>{t('documents.apply.noSubjects')}</p>;
  const types = subject.documentTypes;
  const chosen = types.find((d) => d.type === documentType) ?? types[0];
  const fee = chosen?.fees[tier];
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const problems: FormError[] = [];
    if (!branchId) problems.push({ field: 'pickupBranchId', message: t('validation.choose', { field: labels.pickupBranchId }) });
    if (problems.length) return setErrors(problems);
    apply.mutate({
      ...(subject.relation === 'self' ? {} : { subjectPersonId: subject.personId }), documentType: chosen?.type ?? 'passport', tier, reason, pickupBranchId: branchId,
      ...(ground ? { reducedGround: ground as 'pensioner' | 'disability' } : {}), ...(photo ? { photo } : {}), ...(email ? { contactEmail: email } : {}),
    });
  };
  return (
    <>
      <PageTitle>{t('documents.apply.title')}</PageTitle>
      <p className="lead">{t('documents.apply.intro')}</p>
      <ErrorSummary errors={errors} />
      <form onSubmit={submit} noValidate>
        {o.subjects.length > 1 && (
          <RadioGroup name="for" legend={t('documents.apply.for')} value={subject.personId} onChange={setPersonId}
            options={o.subjects.map((s) => ({ value: s.personId, label: t(`documents.apply.relation.${s.relation}`, { name: s.name }) }))} />
        )}
        <SelectField id="documentType" label={labels.documentType} value={chosen?.type ?? ''} onChange={(e) => setDocumentType(e.target.value)} error={errorOf('documentType')}>
          {types.map((d) => <option key={d.type} value={d.type}>{t(`documents.type.${d.type}`)}</option>)}
        </SelectField>
        <RadioGroup name="tier" legend={t('documents.application.tier')} value={tier} onChange={(v) => setTier(v as 'standard' | 'urgent')}
          options={(['standard', 'urgent'] as const).map((k) => ({ value: k, label: `${t(`documents.tier.${k}`)} — ${t('documents.application.feeAmount', { amount: ((chosen?.fees[k]?.amountCents ?? 0) / 100).toFixed(2) })}` }))} />
        <p className="hint">{t('documents.apply.readyHint', { date: o.readyOn[tier] })}</p>
        <SelectField id="reason" label={t('documents.application.reason')} value={reason} onChange={(e) => setReason(e.target.value as OnlineApplicationRequest['reason'])}>
          {(['first', 'renewal', 'lost-or-stolen', 'damaged', 'data-changed'] as const).map((r) => <option key={r} value={r}>{t(`documents.reasonApply.${r}`)}</option>)}
        </SelectField>
        {tier === 'standard' && !fee?.reducedFor && (
          <SelectField id="ground" label={t('documents.apply.reducedGround')} hint={t('documents.apply.reducedGroundHint')} value={ground} onChange={(e) => setGround(e.target.value)}>
            <option value="">{t('documents.apply.ground.none')}</option>
            <option value="pensioner">{t('documents.apply.ground.pensioner')}</option>
            <option value="disability">{t('documents.apply.ground.disability')}</option>
          </SelectField>
        )}
        <SelectField id="pickupBranchId" label={labels.pickupBranchId} value={branchId} onChange={(e) => setBranchId(e.target.value)} error={errorOf('pickupBranchId')}>
          <option value="">—</option>
          {o.branches.map((b) => <option key={b.id} value={b.id}>{locale === 'en' ? b.nameEn : b.name}</option>)}
        </SelectField>
        <div className={`field${errorOf('photo.contentBase64') ? ' field--error' : ''}`}>
          <label htmlFor="photo">{labels['photo.contentBase64']}</label>
          <p className="hint" id="photo-hint">{t('documents.apply.photoHint')}</p>
          {errorOf('photo.contentBase64') && <p className="field-error">{errorOf('photo.contentBase64')}</p>}
          <input id="photo" type="file" accept="image/jpeg,image/png" aria-describedby="photo-hint" onChange={async (e) => setPhoto((await toUploads(e.target.files, 'photo'))[0])} />
        </div>
        <TextField id="contactEmail" type="email" label={labels.contactEmail} value={email} onChange={(e) => setEmail(e.target.value)} error={errorOf('contactEmail')} />
        <button type="submit" className="button" disabled={apply.isPending}>{t('documents.apply.submit')}</button>
      </form>
    </>
  );
}
