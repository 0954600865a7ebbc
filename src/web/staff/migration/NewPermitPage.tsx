/**
 * A migration officer lodges a residence application at the desk, on the contract's DeskPermitApplication
 * (decision 0022): a residence permit, EU long-term resident status or an EU citizen's residence document, from
 * the applicant's travel document and the documents handed in (the sponsor asked only where the ground rests
 * on someone, and then needed), linked to the register when the person is in it (a first applicant need not
 * be: a grant registers them; a renewal, a permanent permit, EU long-term status and the EU permanent documents
 * must be, and the field is then marked required), the fee taken here by card or cash. The new case opens on its
 * staff page.
 */
import { useState } from 'react';
import { useWatch } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { DeskPermitApplication, lodgePermitAtDesk } from '../../../shared/contracts/residence-permits.contract.ts';
import { PermitKindSchema } from '../../../shared/contracts/permit-subjects.ts';
import { needsRegisteredPerson } from '../../../shared/kernel/permit-grounds.ts';
import { ApiError, callApi } from '../../api/client.ts';
import { useLocale, useT } from '../../i18n/I18nProvider.tsx';
import { PageTitle } from '../../ui/Layout.tsx';
import { toUploads } from '../../ui/files.ts';
import { Form } from '../../ui/form/Form.tsx';
import { Radios, Select, SubmitButton, TextInput } from '../../ui/form/fields.tsx';
import { useContractForm } from '../../ui/form/useContractForm.ts';
import {
  EnclosedFieldset,
  KindFieldset,
  PERMIT_FORM_OMIT,
  PermitFee,
  permitFormFields,
  permitLabels,
  personFoundWhereNeeded,
  sponsorNamedWhereNeeded,
  StayFieldset,
  usePermitQuote,
} from '../../procedures/migration/PermitApplicationFields.tsx';
import { TravelDocumentFieldset, TravellerFieldset } from '../../procedures/migration/TravellerFields.tsx';
import { RegisterLookup, useFillFromRegister, type RegisteredApplicant } from './RegisterLookup.tsx';

/**
 * The contract's desk request as the page holds it (see permitFormFields). The payment method is asked only
 * when there is a fee; for a free application (an EU citizen's document) the contract still takes one, which
 * the server does not use, so the page sends its default. The server's rules on whom the application names are
 * mirrored with its reasons: the sponsor a ground rests on, and the person found in the register where the kind
 * or a renewal needs one.
 */
const DeskPermitForm = DeskPermitApplication.omit(PERMIT_FORM_OMIT)
  .extend({
    ...permitFormFields,
    payment: DeskPermitApplication.shape.payment.default({ method: 'card' }),
  })
  .superRefine(...sponsorNamedWhereNeeded)
  .refine(...personFoundWhereNeeded);
type DeskPermitValues = z.output<typeof DeskPermitForm>;

/**
 * A refusal at the person field says more on this page than its general words: a citizen or non-citizen needs no
 * permit (`not-for-status`, which in general words is about documents).
 */
const PERSON_REFUSALS: Record<string, string> = {
  'not-for-status': 'staff.permits.notForStatus',
};
function inPermitWords(error: unknown): unknown {
  if (!(error instanceof ApiError)) return error;
  const fieldErrors = error.fieldErrors.map((f) =>
    f.path === 'personId' && f.reason && PERSON_REFUSALS[f.reason] ? { ...f, key: PERSON_REFUSALS[f.reason] } : f,
  );
  return new ApiError(
    error.code,
    error.status,
    error.message,
    fieldErrors,
    error.rule ? { id: error.rule, values: error.ruleValues } : undefined,
  );
}

export function NewPermitPage() {
  const t = useT();
  const [person, setPerson] = useState<RegisteredApplicant>();
  return (
    <>
      <PageTitle>{t('staff.permits.title')}</PageTitle>
      <p className="lead">{t('staff.permits.intro')}</p>
      <RegisterLookup found={person} onFound={setPerson} purpose="permit" />
      <DeskPermitFormView person={person} />
    </>
  );
}

function DeskPermitFormView({ person }: { person: RegisteredApplicant | undefined }) {
  const t = useT();
  // The decision is written in the language the officer works in unless the applicant asks for the other.
  const { locale } = useLocale();
  const navigate = useNavigate();
  const form = useContractForm(DeskPermitForm, {
    defaultValues: {
      permitKind: '' as never,
      ground: '' as never,
      application: 'first',
      tier: 'standard',
      givenNames: '',
      surname: '',
      sex: 'F',
      birthDate: '',
      birthCountry: '',
      nationality: '',
      travelDocument: { number: '', country: '', validUntil: '' },
      sponsor: '',
      monthlyIncomeEur: '',
      addressInLatvia: '',
      enclosed: [],
      contactEmail: '',
      language: locale,
      payment: { method: 'card' },
    },
    labels: {
      ...permitLabels(t),
      personId: t('visas.desk.person'),
      contactEmail: t('visas.desk.email'),
      language: t('staff.newCorrection.language'),
      'payment.method': t('visas.desk.paidBy'),
    },
  });
  useFillFromRegister(form, person);
  const lodge = useMutation({
    mutationFn: async ({ files, ...values }: DeskPermitValues) =>
      callApi(lodgePermitAtDesk, { body: { ...values, documents: await toUploads(files ?? null) } }),
    onSuccess: (view) => navigate(`/cases/${view.id}`),
    onError: (error) => form.showServerError(inPermitWords(error)),
  });
  return (
    <Form form={form} label={t('staff.permits.title')} onSubmit={(values) => lodge.mutate(values)}>
      <DeskFields person={person} pending={lodge.isPending} />
    </Form>
  );
}

/** The form's fields, inside the form (the quote follows what is chosen in it). */
function DeskFields({ person, pending }: { person: RegisteredApplicant | undefined; pending: boolean }) {
  const t = useT();
  const { quote, failed } = usePermitQuote();
  const [kind, application] = useWatch({ name: ['permitKind', 'application'] }) as [unknown, unknown];
  const parsedKind = PermitKindSchema.safeParse(kind);
  // Required where the kind or a renewal rests on a stay the register knows (the form checks it), optional otherwise.
  const personNeeded =
    parsedKind.success && needsRegisteredPerson(parsedKind.data, application === 'renewal' ? 'renewal' : 'first');
  return (
    <>
      <Select
        name="personId"
        hint={t('staff.permits.personHint')}
        oneOfGroup={personNeeded}
        aria-required={personNeeded || undefined}
      >
        <option value="">{t('visas.desk.notRegistered')}</option>
        {person && <option value={person.id}>{`${person.givenNames} ${person.surname}`}</option>}
      </Select>
      <KindFieldset quote={quote} />
      <TravellerFieldset birthCountry />
      <TravelDocumentFieldset validUntilHint={t('permits.form.documentValidUntilHint')} />
      <StayFieldset quote={quote} channel="desk" />
      <EnclosedFieldset quote={quote} hint={t('staff.permits.enclosedHint')} />
      <TextInput name="contactEmail" type="email" autoComplete="off" spellCheck={false} />
      <Select name="language">
        <option value="lv">{t('language.lv')}</option>
        <option value="en">{t('language.en')}</option>
      </Select>
      <PermitFee quote={quote} failed={failed} paidAt="desk" />
      {quote?.amountCents !== 0 && (
        <Radios
          name="payment.method"
          options={[
            { value: 'card', label: t('visas.desk.card') },
            { value: 'cash', label: t('visas.desk.cash') },
          ]}
        />
      )}
      <SubmitButton pending={pending}>{t('staff.permits.submit')}</SubmitButton>
    </>
  );
}
