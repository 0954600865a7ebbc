/**
 * A migration officer lodges a visa application at the desk, on the contract's DeskVisaApplication (decision
 * 0022): from the applicant's travel document, linked to the register when the person is in it, the fee taken
 * here by card or cash. The new case opens on its staff page.
 */
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { DeskVisaApplicationFields, fitsVisaType, lodgeVisaAtDesk } from '../../../shared/contracts/visas.contract.ts';
import { callApi } from '../../api/client.ts';
import { useLocale, useT } from '../../i18n/I18nProvider.tsx';
import { PageTitle } from '../../ui/Layout.tsx';
import { toUploads } from '../../ui/files.ts';
import { Form } from '../../ui/form/Form.tsx';
import { Radios, Select, SubmitButton, TextInput } from '../../ui/form/fields.tsx';
import { useContractForm } from '../../ui/form/useContractForm.ts';
import {
  DocumentsInput,
  ExemptionSelect,
  exitNotBeforeEntry,
  InsuranceFieldset,
  JourneyFieldset,
  MeansFieldset,
  NationalGroundFieldset,
  noVisaNeededAt,
  TravelDocumentFieldset,
  TravellerFieldset,
  VISA_FORM_OMIT,
  VisaFee,
  visaFormFields,
  visaLabels,
  VisaTypeField,
} from '../../procedures/migration/VisaApplicationFields.tsx';
import { RegisterLookup, useFillFromRegister, type RegisteredApplicant } from './RegisterLookup.tsx';

/** The contract's desk request as the page holds it (see visaFormFields), with its type's checks; the language of the decision is chosen here. */
const DeskVisaForm = fitsVisaType(
  DeskVisaApplicationFields.omit(VISA_FORM_OMIT)
    .extend(visaFormFields)
    .refine(...exitNotBeforeEntry),
);
type DeskVisaValues = z.output<typeof DeskVisaForm>;

export function NewVisaPage() {
  const t = useT();
  const [person, setPerson] = useState<RegisteredApplicant>();
  return (
    <>
      <PageTitle>{t('visas.desk.title')}</PageTitle>
      <p className="lead">{t('visas.desk.intro')}</p>
      <RegisterLookup found={person} onFound={setPerson} />
      <DeskVisaFormView person={person} />
    </>
  );
}

function DeskVisaFormView({ person }: { person: RegisteredApplicant | undefined }) {
  const t = useT();
  // The decision is written in the language the officer works in unless the applicant asks for the other.
  const { locale } = useLocale();
  const navigate = useNavigate();
  const form = useContractForm(DeskVisaForm, {
    defaultValues: {
      givenNames: '',
      surname: '',
      sex: 'F',
      birthDate: '',
      nationality: '',
      travelDocument: { number: '', country: '', validUntil: '' },
      purpose: '' as never,
      purposeDetail: '',
      intendedEntry: '',
      intendedExit: '',
      entriesRequested: 'single',
      means: { kind: '' as never, amountEur: '' },
      contactEmail: '',
      language: locale,
      payment: { method: 'card' },
    },
    labels: {
      ...visaLabels(t),
      personId: t('visas.desk.person'),
      contactEmail: t('visas.desk.email'),
      language: t('staff.newCorrection.language'),
      'payment.method': t('visas.desk.paidBy'),
    },
  });
  useFillFromRegister(form, person);
  const lodge = useMutation({
    mutationFn: async ({ files, ...values }: DeskVisaValues) =>
      callApi(lodgeVisaAtDesk, { body: { ...values, documents: await toUploads(files ?? null) } }),
    onSuccess: (view) => navigate(`/cases/${view.id}`),
    onError: (error) => form.showServerError(noVisaNeededAt(error, 'visas.desk.notForStatus')),
  });
  return (
    <Form form={form} label={t('visas.desk.title')} onSubmit={(values) => lodge.mutate(values)}>
      <Select name="personId" hint={t('visas.desk.personHint')}>
        <option value="">{t('visas.desk.notRegistered')}</option>
        {person && <option value={person.id}>{`${person.givenNames} ${person.surname}`}</option>}
      </Select>
      <VisaTypeField />
      <TravellerFieldset />
      <TravelDocumentFieldset validUntilHint={t('visas.form.documentValidUntilHintDesk')} />
      <JourneyFieldset channel="desk" />
      <NationalGroundFieldset enclosedHint={t('visas.form.enclosedHintDesk')} channel="desk" />
      <InsuranceFieldset channel="desk" />
      <MeansFieldset />
      <TextInput name="contactEmail" type="email" autoComplete="off" spellCheck={false} />
      <Select name="language">
        <option value="lv">{t('language.lv')}</option>
        <option value="en">{t('language.en')}</option>
      </Select>
      <DocumentsInput />
      <ExemptionSelect />
      <VisaFee paidAt="desk" />
      <Radios
        name="payment.method"
        options={[
          { value: 'card', label: t('visas.desk.card') },
          { value: 'cash', label: t('visas.desk.cash') },
        ]}
      />
      <SubmitButton pending={lodge.isPending}>{t('visas.desk.submit')}</SubmitButton>
    </Form>
  );
}
