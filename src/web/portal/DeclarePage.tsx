/** The residence declaration e-service: for me, my minor child or ward; takes effect at once; a PDF confirmation. */
import { useEffect, useMemo, useState } from 'react';
import type { z } from 'zod';
import { Link } from 'react-router';
import { useMutation, useQuery } from '@tanstack/react-query';
import { PlainDateSchema } from '../../shared/kernel/plain-date.ts';
import {
  listMySubjects,
  ResidentDeclarationBody,
  submitResidenceDeclaration,
} from '../../shared/contracts/register.contract.ts';
import { callApi } from '../api/client.ts';
import { useLocale, useT } from '../i18n/I18nProvider.tsx';
import { PageTitle } from '../ui/Layout.tsx';
import { Notice } from '../ui/Notice.tsx';
import { useFormat } from '../ui/format.ts';
import { Form } from '../ui/form/Form.tsx';
import { DateInput, Radios, SubmitButton, TextInput } from '../ui/form/fields.tsx';
import { AddressFieldset, addressLabels, EMPTY_ADDRESS_VALUES } from '../ui/form/AddressFieldset.tsx';
import { useContractForm } from '../ui/form/useContractForm.ts';

/** The contract's body, with the rule the server also applies (a declaration is not dated in the future). */
const declarationForm = (today: string) =>
  ResidentDeclarationBody.extend({
    validFrom: PlainDateSchema.refine((d) => d <= today, { params: { reason: 'future-date' } }),
  });
type DeclarationBody = z.output<ReturnType<typeof declarationForm>>;

export function DeclarePage() {
  const t = useT();
  const { locale } = useLocale();
  const f = useFormat();
  const today = f.today();
  const subjects = useQuery({ queryKey: ['my-subjects'], queryFn: () => callApi(listMySubjects) });
  const [withAdditional, setWithAdditional] = useState(false);
  const labels: Record<string, string> = {
    subjectPersonId: t('portal.declare.subject'),
    validFrom: t('declaration.validFrom'),
    housingBasis: t('declaration.housingBasis'),
    ...addressLabels(t, 'address'),
    ...addressLabels(t, 'additionalAddresses.0.address'),
    'additionalAddresses.0.validFrom': t('portal.declare.additionalFrom'),
    'additionalAddresses.0.validUntil': t('portal.declare.additionalUntil'),
  };
  const schema = useMemo(() => declarationForm(today), [today]);
  const form = useContractForm(schema, {
    defaultValues: { subjectPersonId: '', validFrom: today, housingBasis: '', address: EMPTY_ADDRESS_VALUES },
    labels,
  });
  const firstSubject = subjects.data?.subjects[0]?.personId;
  useEffect(() => {
    if (firstSubject && !form.getValues('subjectPersonId')) form.setValue('subjectPersonId', firstSubject);
  }, [firstSubject, form]);
  const submit = useMutation({
    mutationFn: (body: DeclarationBody) => callApi(submitResidenceDeclaration, { body }),
    onError: form.showServerError,
  });

  if (submit.data) {
    const pdf = `/api/portal/me/residence-declarations/${submit.data.declarationId}/confirmation.pdf?lang=${locale}`;
    return (
      <>
        <PageTitle announce>{t('portal.declare.done')}</PageTitle>
        <Notice kind="success">{t('portal.declare.doneText', { date: f.date(submit.data.validFrom) })}</Notice>
        <p>
          <a className="button" href={pdf} download>
            {t('portal.declare.pdf')}
          </a>
        </p>
        <p>
          <Link to="/my/data">{t('portal.my.registerLink')}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <PageTitle>{t('portal.declare.title')}</PageTitle>
      <p className="lead">{t('portal.declare.intro')}</p>
      <Form form={form} onSubmit={(body) => submit.mutate(body)}>
        {subjects.data && (
          <Radios
            name="subjectPersonId"
            options={subjects.data.subjects.map((s) => ({
              value: s.personId,
              label: t(`portal.data.subject.${s.relation}`, { name: `${s.givenNames} ${s.surname}` }),
            }))}
          />
        )}
        <AddressFieldset prefix="address" />
        <DateInput name="validFrom" max={today} />
        <TextInput name="housingBasis" hint={t('portal.declare.housingHint')} />
        <div className="checkboxes">
          <input
            type="checkbox"
            id="withAdditional"
            checked={withAdditional}
            onChange={(e) => setWithAdditional(e.target.checked)}
          />
          <label htmlFor="withAdditional">{t('portal.declare.additionalAdd')}</label>
        </div>
        {withAdditional && (
          <fieldset className="fieldset">
            <legend>{t('portal.declare.additional')}</legend>
            <AddressFieldset prefix="additionalAddresses.0.address" />
            <DateInput name="additionalAddresses.0.validFrom" />
            <DateInput name="additionalAddresses.0.validUntil" />
          </fieldset>
        )}
        <SubmitButton pending={submit.isPending}>{t('portal.declare.submit')}</SubmitButton>
      </Form>
    </>
  );
}
