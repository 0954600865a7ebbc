/** Staff search: personal code, name (with or without diacritics, partial), birth date or year, municipality; under a stated purpose. */
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation } from '@tanstack/react-query';
import { searchPersons } from '../../../shared/contracts/register.contract.ts';
import { MUNICIPALITIES, findMunicipality } from '../../../shared/kernel/municipalities.ts';
import { formatPersonalCode } from '../../../shared/kernel/personal-code.ts';
import { callApi } from '../../api/client.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { PageTitle, useRevealOnOpen } from '../../ui/Layout.tsx';
import { ErrorSummary, TextField, type FormError } from '../../ui/forms.tsx';
import { SelectField } from '../../ui/fields.tsx';
import { useFormErrors } from '../../ui/errors.ts';
import { useLabel } from '../../ui/PersonDetails.tsx';
import { useFormat } from '../../ui/format.ts';
import { ScrollTable } from '../../ui/Table.tsx';
import { PURPOSE_GIVEN, purposeQuery, requirePurpose, usePurpose } from './purpose.ts';

export function PurposeFields({ purpose, onChange, error }: { purpose: { caseReference: string; reason: string }; onChange: (p: { caseReference: string; reason: string }) => void; error?: string | undefined }) {
  const t = useT();
  return (
    <fieldset className={`fieldset${error ? ' field--error' : ''}`} id="purpose">
      <legend>{t('purpose.title')}</legend>
      <p className="hint">{t('purpose.intro')}</p>
      {error && <p className="field-error">{error}</p>}
      <TextField id="caseReference" label={t('purpose.caseReference')} value={purpose.caseReference} onChange={(e) => onChange({ ...purpose, caseReference: e.target.value })} />
      <TextField id="reason" label={t('purpose.reason')} value={purpose.reason} onChange={(e) => onChange({ ...purpose, reason: e.target.value })} />
    </fieldset>
  );
}

export function SearchPage() {
  const t = useT();
  const formErrors = useFormErrors();
  const label = useLabel();
  const f = useFormat();
  const [purpose, setPurpose] = usePurpose();
  const [errors, setErrors] = useState<FormError[]>([]);
  const search = useMutation({
    mutationFn: (query: Record<string, string | undefined>) => callApi(searchPersons, { query: { ...query, ...purposeQuery(purpose) } }),
    onError: (error) => setErrors(formErrors(error, { q: t('staff.search.name'), code: t('staff.search.code'), birthDate: t('register.field.birthDate'), birthYear: t('register.field.birthYear'), caseReference: t('purpose.caseReference') })),
    onSuccess: () => setErrors([]),
  });

  // After a search, focus moves to the count of results (announced), and the page scrolls to it.
  const resultsHeading = useRevealOnOpen<HTMLHeadingElement>(Boolean(search.data), search.data);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!requirePurpose(purpose, setErrors, t)) return;
    const form = new FormData(event.currentTarget);
    const value = (k: string) => String(form.get(k) ?? '').trim() || undefined;
    search.mutate({ q: value('q'), code: value('code'), birthDate: value('birthDate'), birthYear: value('birthYear'), municipality: value('municipality') });
  }

  return (
    <>
      <PageTitle>{t('staff.search.title')}</PageTitle>
      <p className="lead">{t('staff.search.intro')}</p>
      <ErrorSummary errors={errors} />
      <form onSubmit={submit} noValidate>
        <PurposeFields purpose={purpose} onChange={setPurpose} error={errors.find((e) => e.field === 'caseReference')?.message} />
        <TextField id="q" label={t('staff.search.name')} hint={t('staff.search.nameHint')} autoComplete="off" />
        <TextField id="code" label={t('staff.search.code')} inputMode="numeric" autoComplete="off" />
        <TextField id="birthDate" label={t('register.field.birthDate')} type="date" />
        <TextField id="birthYear" label={t('register.field.birthYear')} inputMode="numeric" />
        <SelectField id="municipality" label={t('register.field.municipality')} defaultValue="">
          <option value="">{t('staff.search.anyMunicipality')}</option>
          {MUNICIPALITIES.map((m) => <option key={m.code} value={m.code}>{m.name}</option>)}
        </SelectField>
        <button type="submit" className="button" disabled={search.isPending}>{t('staff.search.submit')}</button>
      </form>
      {search.data && (
        <section aria-labelledby="results-title">
          <h2 id="results-title" tabIndex={-1} ref={resultsHeading}>{t(search.data.hasMore ? 'staff.search.resultsCut' : 'staff.search.results', { count: search.data.total })}</h2>
          {search.data.hasMore && <p className="hint">{t('staff.search.narrow')}</p>}
          {search.data.results.length > 0 && (
            <ScrollTable label={t('staff.search.resultsCaption')}>
              <table className="data">
                <caption className="visually-hidden">{t('staff.search.resultsCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('register.field.surname')}</th><th scope="col">{t('register.field.givenNames')}</th><th scope="col">{t('register.field.personalCode')}</th>
                    <th scope="col">{t('register.field.birthDate')}</th><th scope="col">{t('register.field.municipality')}</th><th scope="col">{t('register.field.legalStatus')}</th>
                    <th scope="col">{t('staff.search.score')}</th>
                  </tr>
                </thead>
                <tbody>
                  {search.data.results.map((r) => (
                    <tr key={r.id}>
                      <td><Link to={`/register/persons/${r.id}`} state={PURPOSE_GIVEN}>{r.surname}</Link>{r.deathDate ? ' †' : ''}</td>
                      <td>{r.givenNames}</td>
                      <td>{formatPersonalCode(r.personalCode)}</td>
                      <td>{f.date(r.birthDate)}</td>
                      <td>{r.municipalityCode ? findMunicipality(r.municipalityCode)?.name ?? r.municipalityCode : t('common.none')}</td>
                      <td>{label('legalStatus', r.legalStatus)}</td>
                      <td title={r.reasons.join(', ')}>{Math.round(r.score * 100)}%</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          )}
        </section>
      )}
    </>
  );
}
