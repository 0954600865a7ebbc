/** The residence declaration e-service: for me, my minor child or ward; takes effect at once; a PDF confirmation. */
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from '@tanstack/react-query';
import { listMySubjects, submitResidenceDeclaration } from '../../shared/contracts/register.contract.ts';
import { callApi } from '../api/client.ts';
import { useLocale, useT } from '../i18n/I18nProvider.tsx';
import { PageTitle } from '../ui/Layout.tsx';
import { ErrorSummary, Notice, TextField, type FormError } from '../ui/forms.tsx';
import { RadioGroup } from '../ui/fields.tsx';
import { formErrorsFrom } from '../ui/errors.ts';
import { AddressFields, EMPTY_ADDRESS, missingAddressFields, toAddressInput, type AddressDraft } from '../ui/AddressFields.tsx';

const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Riga' }).format(new Date());

export function DeclarePage() {
  const t = useT();
  const { locale } = useLocale();
  const subjects = useQuery({ queryKey: ['my-subjects'], queryFn: () => callApi(listMySubjects) });
  const [subject, setSubject] = useState<string>('');
  const [validFrom, setValidFrom] = useState(today());
  const [housingBasis, setHousingBasis] = useState('');
  const [address, setAddress] = useState<AddressDraft>(EMPTY_ADDRESS);
  const [withAdditional, setWithAdditional] = useState(false);
  const [additional, setAdditional] = useState<AddressDraft>(EMPTY_ADDRESS);
  const [additionalFrom, setAdditionalFrom] = useState('');
  const [additionalUntil, setAdditionalUntil] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const chosen = subject || subjects.data?.subjects[0]?.personId || '';

  const labels: Record<string, string> = {
    validFrom: t('declaration.validFrom'), housingBasis: t('declaration.housingBasis'), subjectPersonId: t('portal.declare.subject'),
    'address.country': t('address.country'), 'address.postcode': t('address.postcode'), 'address.street': t('address.street'), 'address.building': t('address.building'),
    'address.addressLine': t('address.addressLine'), 'address.municipalityCode': t('address.municipality'),
  };
  const submit = useMutation({
    mutationFn: () => callApi(submitResidenceDeclaration, { body: {
      subjectPersonId: chosen, validFrom, address: toAddressInput(address), housingBasis,
      additionalAddresses: withAdditional ? [{ address: toAddressInput(additional), validFrom: additionalFrom, ...(additionalUntil ? { validUntil: additionalUntil } : {}) }] : [],
    } }),
    onError: (error) => setErrors(formErrorsFrom(error, t, labels)),
    onSuccess: () => setErrors([]),
  });

  function send(event: FormEvent) {
    event.preventDefault();
    // The same rules the server applies, checked first so the message can say exactly what to fix.
    const problems: FormError[] = [];
    if (!validFrom) problems.push({ field: 'validFrom', message: t('errors.invalidField', { field: t('declaration.validFrom') }) });
    else if (validFrom > today()) problems.push({ field: 'validFrom', message: t('portal.declare.futureDate') });
    if (address.kind === 'abroad' && !address.country) problems.push({ field: 'main-country', message: t('portal.declare.countryNeeded') });
    for (const f of missingAddressFields(address, 'main')) if (f !== 'main-country') problems.push({ field: f, message: t('errors.invalidField', { field: t(`address.${f.slice(5)}`.replace('municipalityCode', 'municipality')) }) });
    if (!housingBasis.trim()) problems.push({ field: 'housingBasis', message: t('errors.invalidField', { field: t('declaration.housingBasis') }) });
    if (withAdditional) {
      for (const f of missingAddressFields(additional, 'extra')) problems.push({ field: f, message: t('errors.invalidField', { field: t(`address.${f.slice(6)}`.replace('municipalityCode', 'municipality')) }) });
      if (!additionalFrom) problems.push({ field: 'additionalFrom', message: t('errors.invalidField', { field: t('portal.declare.additionalFrom') }) });
    }
    setErrors(problems);
    if (problems.length === 0) submit.mutate();
  }

  const fieldErrors = Object.fromEntries(errors.filter((e) => e.field).map((e) => [e.field as string, e.message]));
  if (submit.data) {
    const pdf = `/api/portal/me/residence-declarations/${submit.data.declarationId}/confirmation.pdf?lang=${locale}`;
    return (
      <>
        <PageTitle>{t('portal.declare.done')}</PageTitle>
        <Notice kind="success">{t('portal.declare.doneText', { date: submit.data.validFrom })}</Notice>
        <p><a className="button" href={pdf} download>{t('portal.declare.pdf')}</a></p>
        <p><Link to="/my/data">{t('portal.my.registerLink')}</Link></p>
      </>
    );
  }
  return (
    <>
      <PageTitle>{t('portal.declare.title')}</PageTitle>
      <p className="lead">{t('portal.declare.intro')}</p>
      <ErrorSummary errors={errors} />
      <form onSubmit={send} noValidate>
        {subjects.data && (
          <RadioGroup name="subject" legend={t('portal.declare.subject')} value={chosen} onChange={setSubject}
            options={subjects.data.subjects.map((s) => ({ value: s.personId, label: t(`portal.data.subject.${s.relation}`, { name: `${s.givenNames} ${s.surname}` }) }))} />
        )}
        <AddressFields prefix="main" value={address} onChange={setAddress} errors={fieldErrors} />
        <TextField id="validFrom" label={t('declaration.validFrom')} type="date" value={validFrom} max={today()} onChange={(e) => setValidFrom(e.target.value)} error={fieldErrors['validFrom']} />
        <TextField id="housingBasis" label={t('declaration.housingBasis')} hint={t('portal.declare.housingHint')} value={housingBasis} onChange={(e) => setHousingBasis(e.target.value)} error={fieldErrors['housingBasis']} />
        <div className="checkboxes">
          <input type="checkbox" id="withAdditional" checked={withAdditional} onChange={(e) => setWithAdditional(e.target.checked)} />
          <label htmlFor="withAdditional">{t('portal.declare.additionalAdd')}</label>
        </div>
        {withAdditional && (
          <fieldset className="fieldset">
            <legend>{t('portal.declare.additional')}</legend>
            <AddressFields prefix="extra" value={additional} onChange={setAdditional} errors={fieldErrors} />
            <TextField id="additionalFrom" label={t('portal.declare.additionalFrom')} type="date" value={additionalFrom} onChange={(e) => setAdditionalFrom(e.target.value)} error={fieldErrors['additionalFrom']} />
            <TextField id="additionalUntil" label={t('portal.declare.additionalUntil')} type="date" value={additionalUntil} onChange={(e) => setAdditionalUntil(e.target.value)} />
          </fieldset>
        )}
        <button type="submit" className="button" disabled={submit.isPending}>{t('portal.declare.submit')}</button>
      </form>
    </>
  );
}
