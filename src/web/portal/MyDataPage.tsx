/** "My data": current and historical register data about me or my minor child / ward, as of a date, and the PDF extract. */
import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { listMySubjects, readMyRegisterData } from '../../shared/contracts/register.contract.ts';
import { callApi } from '../api/client.ts';
import { useLocale, useT } from '../i18n/I18nProvider.tsx';
import { PageTitle } from '../ui/Layout.tsx';
import { ErrorSummary, TextField } from '../ui/forms.tsx';
import { SelectField } from '../ui/fields.tsx';
import { useFormErrors } from '../ui/errors.ts';
import { PersonDetails, LifeEvents } from '../ui/PersonDetails.tsx';

export function MyDataPage() {
  const t = useT();
  const formErrors = useFormErrors();
  const { locale } = useLocale();
  const subjects = useQuery({ queryKey: ['my-subjects'], queryFn: () => callApi(listMySubjects) });
  const [subject, setSubject] = useState<string | undefined>();
  const [validOn, setValidOn] = useState<string | undefined>();
  const data = useQuery({ queryKey: ['my-register', subject, validOn], queryFn: () => callApi(readMyRegisterData, { query: { subject, validOn } }), retry: false });

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setSubject(String(form.get('subject') ?? '') || undefined);
    setValidOn(String(form.get('validOn') ?? '') || undefined);
  }

  const extract = `/api/portal/me/register/extract.pdf?${new URLSearchParams({ lang: locale, ...(subject ? { subject } : {}) }).toString()}`;
  return (
    <>
      <PageTitle>{t('portal.data.title')}</PageTitle>
      <form className="inline-form" onSubmit={apply}>
        {subjects.data && subjects.data.subjects.length > 1 && (
          <SelectField id="subject" label={t('portal.data.subject')} defaultValue={subject ?? subjects.data.subjects[0]?.personId}>
            {subjects.data.subjects.map((s) => <option key={s.personId} value={s.personId}>{t(`portal.data.subject.${s.relation}`, { name: `${s.givenNames} ${s.surname}` })}</option>)}
          </SelectField>
        )}
        <TextField id="validOn" label={t('portal.data.validOn')} type="date" defaultValue={validOn ?? ''} />
        <button type="submit" className="button button--secondary">{t('portal.data.show')}</button>
      </form>
      {data.error && <ErrorSummary errors={formErrors(data.error)} />}
      {data.data && (
        <>
          <p><a className="button" href={extract} download>{t('portal.data.extract')}</a></p>
          <PersonDetails card={data.data} />
          <LifeEvents card={data.data} />
        </>
      )}
    </>
  );
}
