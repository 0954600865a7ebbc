/** Staff search: personal code, name (with or without diacritics, partial), birth date or year, municipality; under a stated purpose. */
import type { z } from 'zod';
import { Link } from 'react-router';
import { useMutation } from '@tanstack/react-query';
import { SearchQuery, searchPersons } from '../../../shared/contracts/register.contract.ts';
import { MUNICIPALITIES, findMunicipality } from '../../../shared/kernel/municipalities.ts';
import { formatPersonalCode } from '../../../shared/kernel/personal-code.ts';
import { callApi } from '../../api/client.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { PageTitle, useRevealOnOpen } from '../../ui/Layout.tsx';
import { Form } from '../../ui/form/Form.tsx';
import { DateInput, Select, SubmitButton, TextInput } from '../../ui/form/fields.tsx';
import { useContractForm } from '../../ui/form/useContractForm.ts';
import { useLabel } from '../../ui/PersonDetails.tsx';
import { useFormat } from '../../ui/format.ts';
import { ScrollTable } from '../../ui/Table.tsx';
import { PURPOSE_GIVEN, usePurpose } from './purpose.ts';
import { PurposeFieldset, purposeLabels, requirePurposeIn } from './PurposeFieldset.tsx';

/** The search form: the contract's query under a purpose, with at least one criterion (the server's own rule). */
const SearchForm = SearchQuery.omit({ limit: true })
  .refine(...requirePurposeIn)
  .refine((v) => Boolean(v.q || v.code || v.birthDate || v.birthYear || v.municipality), {
    path: ['q'],
    params: { reason: 'search-criteria' },
  });
type SearchValues = z.output<typeof SearchForm>;

export function SearchPage() {
  const t = useT();
  const label = useLabel();
  const f = useFormat();
  const [purpose, setPurpose] = usePurpose();
  const form = useContractForm(SearchForm, {
    defaultValues: { ...purpose, q: '', code: '', birthDate: '', birthYear: '' as never, municipality: '' as never },
    labels: {
      ...purposeLabels(t),
      q: t('staff.search.name'),
      code: t('staff.search.code'),
      birthDate: t('register.field.birthDate'),
      birthYear: t('register.field.birthYear'),
      municipality: t('register.field.municipality'),
    },
  });
  const search = useMutation({
    mutationFn: (query: SearchValues) => {
      // The purpose is kept for the tab: the card opened from a result is read under it.
      setPurpose({ caseReference: query.caseReference ?? '', reason: query.reason ?? '' });
      return callApi(searchPersons, { query });
    },
    onError: form.showServerError,
  });

  // After a search, focus moves to the count of results (announced), and the page scrolls to it.
  const resultsHeading = useRevealOnOpen<HTMLHeadingElement>(Boolean(search.data), search.data);

  return (
    <>
      <PageTitle>{t('staff.search.title')}</PageTitle>
      <p className="lead">{t('staff.search.intro')}</p>
      <Form form={form} onSubmit={(values) => search.mutate(values)}>
        <PurposeFieldset />
        <TextInput name="q" hint={t('staff.search.nameHint')} autoComplete="off" oneOfGroup />
        <TextInput name="code" inputMode="numeric" autoComplete="off" className="input--short" oneOfGroup />
        <DateInput name="birthDate" max={f.today()} oneOfGroup />
        <TextInput name="birthYear" inputMode="numeric" className="input--short" oneOfGroup />
        <Select name="municipality" oneOfGroup>
          <option value="">{t('staff.search.anyMunicipality')}</option>
          {MUNICIPALITIES.map((m) => (
            <option key={m.code} value={m.code}>
              {m.name}
            </option>
          ))}
        </Select>
        <SubmitButton pending={search.isPending}>{t('staff.search.submit')}</SubmitButton>
      </Form>
      {search.data && (
        <section aria-labelledby="results-title">
          <h2 id="results-title" tabIndex={-1} ref={resultsHeading}>
            {search.data.hasMore
              ? t('staff.search.resultsCut', {
                  total: search.data.total,
                  atLeast: search.data.totalAtLeast ? 'yes' : 'no',
                  count: search.data.results.length,
                })
              : t('staff.search.results', { count: search.data.total })}
          </h2>
          {search.data.hasMore && <p className="hint">{t('staff.search.narrow')}</p>}
          {search.data.results.length > 0 && (
            <ScrollTable label={t('staff.search.resultsCaption')}>
              <table className="data">
                <caption className="visually-hidden">{t('staff.search.resultsCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('register.field.surname')}</th>
                    <th scope="col">{t('register.field.givenNames')}</th>
                    <th scope="col">{t('register.field.personalCode')}</th>
                    <th scope="col">{t('register.field.birthDate')}</th>
                    <th scope="col">{t('register.field.municipality')}</th>
                    <th scope="col">{t('register.field.legalStatus')}</th>
                    <th scope="col">{t('staff.search.score')}</th>
                  </tr>
                </thead>
                <tbody>
                  {search.data.results.map((r) => (
                    <tr key={r.id}>
                      <td>
                        <Link to={`/register/persons/${r.id}`} state={PURPOSE_GIVEN}>
                          {r.surname}
                        </Link>
                        {r.deathDate ? ' †' : ''}
                        {r.exactName && (
                          <>
                            {' '}
                            <span className="tag">{t('staff.search.exactName')}</span>
                          </>
                        )}
                      </td>
                      <td>{r.givenNames}</td>
                      <td>{formatPersonalCode(r.personalCode)}</td>
                      <td>{f.date(r.birthDate)}</td>
                      <td>
                        {r.municipalityCode
                          ? (findMunicipality(r.municipalityCode)?.name ?? r.municipalityCode)
                          : t('common.none')}
                      </td>
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
