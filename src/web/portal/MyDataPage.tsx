/** "My data": current and historical register data about me or my minor child / ward, as of a date, and the PDF extract. */
import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { listMySubjects, readMyRegisterData, type MySubject } from '../../shared/contracts/register.contract.ts';
import { callApi } from '../api/client.ts';
import { useLocale, useT } from '../i18n/I18nProvider.tsx';
import { PageTitle } from '../ui/Layout.tsx';
import { Form } from '../ui/form/Form.tsx';
import { DateInput, Select, SubmitButton } from '../ui/form/fields.tsx';
import { useContractForm } from '../ui/form/useContractForm.ts';
import { refusedAtFormFields } from '../ui/refused-fields.ts';
import { PersonDetails, LifeEvents } from '../ui/PersonDetails.tsx';

/** Whose data, as true on which day: the endpoint's own query (nothing: mine, today). */
const DataQuery = readMyRegisterData.query;
type Query = z.output<typeof DataQuery>;
type Subject = z.infer<typeof MySubject>;

export function MyDataPage() {
  const t = useT();
  const { locale } = useLocale();
  const subjects = useQuery({ queryKey: ['my-subjects'], queryFn: () => callApi(listMySubjects) });
  const [query, setQuery] = useState<Query>({});
  const data = useQuery({
    queryKey: ['my-register', query.subject, query.validOn],
    queryFn: () => callApi(readMyRegisterData, { query }),
    retry: false,
  });
  const extract = `/api/portal/me/register/extract.pdf?${new URLSearchParams({ lang: locale, ...(query.subject ? { subject: query.subject } : {}) }).toString()}`;
  return (
    <>
      <PageTitle>{t('portal.data.title')}</PageTitle>
      {/* The form waits for the persons I may act for, so the first one is chosen from the start. */}
      {subjects.data && <AsOfForm subjects={subjects.data.subjects} refusal={data.error} onShow={setQuery} />}
      {data.data && (
        <>
          <p>
            <a className="button" href={extract} download>
              {t('portal.data.extract')}
            </a>
          </p>
          <PersonDetails card={data.data} />
          <LifeEvents card={data.data} />
        </>
      )}
    </>
  );
}

/** Whose data and on which day; the server's refusal of a choice (a day before the person was registered…) is shown at it. */
function AsOfForm({
  subjects,
  refusal,
  onShow,
}: {
  subjects: readonly Subject[];
  refusal: unknown;
  onShow: (query: Query) => void;
}) {
  const t = useT();
  const form = useContractForm(DataQuery, {
    defaultValues: { subject: subjects[0]?.personId, validOn: undefined },
    labels: { subject: t('portal.data.subject'), validOn: t('portal.data.validOn') },
  });
  const { showServerError } = form;
  useEffect(() => {
    if (refusal)
      showServerError(refusedAtFormFields(refusal, { 'query.subject': 'subject', 'query.validOn': 'validOn' }));
    // Each new refusal once (the function itself is made anew on every render).
  }, [refusal]);
  return (
    <Form form={form} onSubmit={onShow} className="inline-form" filter>
      {subjects.length > 1 && (
        <Select name="subject">
          {subjects.map((s) => (
            <option key={s.personId} value={s.personId}>
              {t(`portal.data.subject.${s.relation}`, { name: `${s.givenNames} ${s.surname}` })}
            </option>
          ))}
        </Select>
      )}
      <DateInput name="validOn" />
      <SubmitButton secondary>{t('portal.data.show')}</SubmitButton>
    </Form>
  );
}
