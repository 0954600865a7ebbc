/** Registering a person (a birth, or someone arriving from abroad) and the second officer's review of held registrations. */
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from '@tanstack/react-query';
import * as c from '../../../shared/contracts/register.contract.ts';
import { LEGAL_STATUSES } from '../../../shared/kernel/legal-status.ts';
import { MUNICIPALITIES } from '../../../shared/kernel/municipalities.ts';
import { formatPersonalCode } from '../../../shared/kernel/personal-code.ts';
import { callApi } from '../../api/client.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { PageTitle } from '../../ui/Layout.tsx';
import { ErrorSummary, Notice, TextField, type FormError } from '../../ui/forms.tsx';
import { RadioGroup, SelectField } from '../../ui/fields.tsx';
import { formErrorsFrom } from '../../ui/errors.ts';
import { AddressFields, EMPTY_ADDRESS, toAddressInput, type AddressDraft } from '../../ui/AddressFields.tsx';
import { hasPurpose, purposeQuery, requirePurpose, usePurpose, type Purpose } from './purpose.ts';
import { PurposeFields } from './SearchPage.tsx';

const FIELD_LABELS = (t: (k: string) => string) => ({
  givenNames: t('register.field.givenNames'), surname: t('register.field.surname'), birthDate: t('register.field.birthDate'), sex: t('register.field.sex'),
  sourceDocument: t('staff.event.sourceDocument'), motherId: t('staff.registration.mother'), fatherId: t('staff.registration.father'), birthCountry: t('register.field.birthCountry'),
  citizenships: t('register.field.citizenships'), housingBasis: t('declaration.housingBasis'), 'address.country': t('address.country'), 'address.postcode': t('address.postcode'),
  'address.street': t('address.street'), 'address.building': t('address.building'), 'address.municipalityCode': t('address.municipality'), birthMunicipality: t('register.field.birthMunicipality'),
  caseReference: t('purpose.caseReference'),
});

export function RegistrationPage({ canReview }: { canReview: boolean }) {
  const t = useT();
  const [purpose, setPurpose] = usePurpose();
  const [kind, setKind] = useState<'birth' | 'arrival'>('birth');
  const [address, setAddress] = useState<AddressDraft>(EMPTY_ADDRESS);
  const [errors, setErrors] = useState<FormError[]>([]);
  const register = useMutation({
    mutationFn: async (form: FormData) => {
      const v = (k: string) => String(form.get(k) ?? '').trim();
      const base = { ...purposeQuery(purpose), givenNames: v('givenNames'), surname: v('surname'), sex: v('sex'), birthDate: v('birthDate'), sourceDocument: v('sourceDocument') };
      const byCode = async (code: string) => (await callApi(c.lookupPersonByCode, { params: { code }, query: purposeQuery(purpose) })).id;
      if (kind === 'birth') {
        const motherId = v('mother') ? await byCode(v('mother')) : '';
        const fatherId = v('father') ? await byCode(v('father')) : undefined;
        return callApi(c.registerBirth, { body: { ...base, birthMunicipality: v('birthMunicipality'), motherId, ...(fatherId ? { fatherId } : {}) } });
      }
      return callApi(c.registerPerson, { body: {
        ...base, birthCountry: v('birthCountry'), legalStatus: v('legalStatus'), citizenships: v('citizenships').split(/[\s,]+/).filter(Boolean).map((s) => s.toUpperCase()),
        address: toAddressInput(address), housingBasis: v('housingBasis'), ...(v('originalName') ? { originalName: v('originalName') } : {}),
      } });
    },
    onError: (error) => setErrors(formErrorsFrom(error, t, FIELD_LABELS(t))),
    onSuccess: () => setErrors([]),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!requirePurpose(purpose, setErrors, t)) return;
    register.mutate(new FormData(event.currentTarget));
  }

  const result = register.data;
  return (
    <>
      <PageTitle>{t('staff.registration.title')}</PageTitle>
      {result?.status === 'registered' && result.personalCode && result.personId && (
        <Notice kind="success">{t('staff.registration.registered', { code: formatPersonalCode(result.personalCode) })} <Link to={`/register/persons/${result.personId}`}>{t('staff.search.open')}</Link></Notice>
      )}
      {result?.status === 'held' && <Notice kind="warning">{t('staff.registration.held')}</Notice>}
      <ErrorSummary errors={errors} />
      <form onSubmit={submit} noValidate>
        <PurposeFields purpose={purpose} onChange={setPurpose} />
        <RadioGroup name="kind" legend={t('staff.registration.kind')} value={kind} onChange={(k) => setKind(k as 'birth' | 'arrival')}
          options={[{ value: 'birth', label: t('staff.registration.birth') }, { value: 'arrival', label: t('staff.registration.arrival') }]} />
        <TextField id="givenNames" label={t('register.field.givenNames')} />
        <TextField id="surname" label={t('register.field.surname')} />
        {kind === 'arrival' && <TextField id="originalName" label={t('register.field.originalName')} />}
        <SelectField id="sex" label={t('register.field.sex')} defaultValue="F">
          <option value="F">{t('register.sex.F')}</option>
          <option value="M">{t('register.sex.M')}</option>
        </SelectField>
        <TextField id="birthDate" label={t('register.field.birthDate')} type="date" />
        {kind === 'birth' ? (
          <>
            <SelectField id="birthMunicipality" label={t('register.field.birthMunicipality')} defaultValue="LV-RIX">
              {MUNICIPALITIES.map((m) => <option key={m.code} value={m.code}>{m.name}</option>)}
            </SelectField>
            <TextField id="mother" label={t('staff.registration.mother')} inputMode="numeric" />
            <TextField id="father" label={t('staff.registration.father')} inputMode="numeric" />
          </>
        ) : (
          <>
            <TextField id="birthCountry" label={t('register.field.birthCountry')} hint="ISO 3166, e.g. UKR" />
            <SelectField id="legalStatus" label={t('register.field.legalStatus')} defaultValue="foreigner">
              {LEGAL_STATUSES.map((s) => <option key={s} value={s}>{t(`legalStatus.${s}`)}</option>)}
            </SelectField>
            <TextField id="citizenships" label={t('staff.event.citizenships')} />
            <AddressFields prefix="address" value={address} onChange={setAddress} errors={{}} />
            <TextField id="housingBasis" label={t('declaration.housingBasis')} hint={t('portal.declare.housingHint')} />
          </>
        )}
        <TextField id="sourceDocument" label={t('staff.event.sourceDocument')} hint={t('staff.event.sourceDocumentHint')} />
        <button type="submit" className="button" disabled={register.isPending}>{t('staff.registration.submit')}</button>
      </form>
      {canReview && <PendingRegistrations purpose={purpose} />}
    </>
  );
}

function PendingRegistrations({ purpose }: { purpose: Purpose }) {
  const t = useT();
  const [errors, setErrors] = useState<FormError[]>([]);
  const [decided, setDecided] = useState(false);
  const pending = useQuery({ queryKey: ['pending', purpose], queryFn: () => callApi(c.listPendingRegistrations, { query: purposeQuery(purpose) }), enabled: hasPurpose(purpose) });
  const decide = useMutation({
    mutationFn: (v: { id: string; decision: 'register' | 'same-person'; existingPersonId?: string; note: string }) =>
      callApi(c.decidePendingRegistration, { params: { id: v.id }, body: { decision: v.decision, note: v.note, ...(v.existingPersonId ? { existingPersonId: v.existingPersonId } : {}), ...purposeQuery(purpose) } }),
    onSuccess: () => { setErrors([]); setDecided(true); void pending.refetch(); },
    onError: (error) => setErrors(formErrorsFrom(error, t, { note: t('staff.registration.decisionNote') })),
  });
  if (!hasPurpose(purpose)) return null;
  return (
    <section aria-labelledby="pending-title">
      <h2 id="pending-title">{t('staff.registration.pending')}</h2>
      {decided && <Notice kind="success">{t('staff.registration.decided')}</Notice>}
      <ErrorSummary errors={errors} />
      {pending.data?.pending.length === 0 && <p>{t('staff.registration.noPending')}</p>}
      {pending.data?.pending.map((p) => (
        <form key={p.id} className="card" onSubmit={(e) => e.preventDefault()}>
          <h3>{p.givenNames} {p.surname}, {p.birthDate}</h3>
          <ul>
            {p.candidates.map((cand) => (
              <li key={cand.id}>
                {cand.other.givenNames} {cand.other.surname}, {cand.other.birthDate}, {formatPersonalCode(cand.other.personalCode)} — {Math.round(cand.score * 100)}%
                <button type="button" className="button button--secondary" onClick={(e) => decide.mutate({ id: p.id, decision: 'same-person', existingPersonId: cand.other.id, note: String(new FormData(e.currentTarget.form ?? undefined).get(`note-${p.id}`) ?? '') })}>
                  {t('staff.registration.samePerson')}
                </button>
              </li>
            ))}
          </ul>
          <TextField id={`note-${p.id}`} label={t('staff.registration.decisionNote')} />
          <button type="button" className="button" onClick={(e) => decide.mutate({ id: p.id, decision: 'register', note: String(new FormData(e.currentTarget.form ?? undefined).get(`note-${p.id}`) ?? '') })}>
            {t('staff.registration.registerNew')}
          </button>
        </form>
      ))}
    </section>
  );
}
