/**
 * A registered foreigner applies for a visa for themselves (a D visa to stay on, a C visa), on the contract's
 * OnlineVisaApplication (decision 0022). The register's data fills in who they are; the fee is shown as the
 * type and birth date change and is paid online on submitting; the new case opens in "My applications".
 */
import { useNavigate } from 'react-router';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  applyForVisaOnline,
  fitsVisaType,
  OnlineVisaApplicationFields,
} from '../../shared/contracts/visas.contract.ts';
import { listCountries, type PersonCard } from '../../shared/contracts/register.contract.ts';
import { callApi } from '../api/client.ts';
import { useLocale, useT } from '../i18n/I18nProvider.tsx';
import { PageTitle } from '../ui/Layout.tsx';
import { Notice } from '../ui/Notice.tsx';
import { toUploads } from '../ui/files.ts';
import { Form } from '../ui/form/Form.tsx';
import { SubmitButton, TextInput } from '../ui/form/fields.tsx';
import { useContractForm } from '../ui/form/useContractForm.ts';
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
} from '../procedures/migration/VisaApplicationFields.tsx';
import { NO_VISA_STATUSES, useMyRegisterCard } from './useMyStatus.ts';

/** The contract's request as the page holds it (see visaFormFields), with its type's checks; the language is the page's, sent with it. */
const VisaForm = fitsVisaType(
  OnlineVisaApplicationFields.omit({ ...VISA_FORM_OMIT, language: true })
    .extend(visaFormFields)
    .refine(...exitNotBeforeEntry),
);
type VisaValues = z.output<typeof VisaForm>;

export function ApplyVisaPage() {
  const t = useT();
  const card = useMyRegisterCard();
  // The country lists must hold their options before the form starts, or the nationality filled in from the
  // register would be held by the form but shown as "choose a country" (the same query as CountrySelect's).
  const countries = useQuery({ queryKey: ['countries'], queryFn: () => callApi(listCountries), staleTime: Infinity });
  const status = card.data?.legalStatus;
  return (
    <>
      <PageTitle>{t('visas.online.title')}</PageTitle>
      <p className="lead">{t('visas.online.intro')}</p>
      {/* The link is not offered to them; a person who came anyway is told before filling anything in. */}
      {status && NO_VISA_STATUSES.includes(status) && (
        <Notice kind="info">{t('visas.online.noVisaNeeded', { status: t(`legalStatus.${status}`) })}</Notice>
      )}
      {card.isPending || countries.isPending ? <p>{t('common.loading')}</p> : <OnlineVisaForm card={card.data} />}
    </>
  );
}

/** The register's data as the form's start: the person checks it against their travel document. */
function defaultsFrom(card: PersonCard | undefined): Partial<z.input<typeof VisaForm>> {
  const nationality = card?.citizenships[0] ?? '';
  return {
    givenNames: card?.givenNames ?? '',
    surname: card?.surname ?? '',
    sex: card?.sex ?? 'F',
    birthDate: card?.birthDate ?? '',
    nationality,
    travelDocument: { number: '', country: nationality, validUntil: '' },
    purpose: '' as never,
    purposeDetail: '',
    intendedEntry: '',
    intendedExit: '',
    entriesRequested: 'single',
    means: { kind: '' as never, amountEur: '' },
    contactEmail: '',
  };
}

function OnlineVisaForm({ card }: { card: PersonCard | undefined }) {
  const t = useT();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const form = useContractForm(VisaForm, { defaultValues: defaultsFrom(card), labels: visaLabels(t) });
  const apply = useMutation({
    mutationFn: async ({ files, ...values }: VisaValues) =>
      callApi(applyForVisaOnline, { body: { ...values, language: locale, documents: await toUploads(files ?? null) } }),
    onSuccess: (view) => navigate(`/my/cases/${view.id}?new=1`),
    onError: (error) => form.showServerError(noVisaNeededAt(error, 'visas.online.notForStatus')),
  });
  return (
    <Form form={form} label={t('visas.online.title')} onSubmit={(values) => apply.mutate(values)}>
      <VisaTypeField />
      <TravellerFieldset />
      <TravelDocumentFieldset validUntilHint={t('visas.form.documentValidUntilHint')} />
      <JourneyFieldset channel="portal" />
      <NationalGroundFieldset enclosedHint={t('visas.form.enclosedHintOnline')} channel="portal" />
      <InsuranceFieldset channel="portal" />
      <MeansFieldset />
      <TextInput
        name="contactEmail"
        type="email"
        autoComplete="email"
        spellCheck={false}
        hint={t('portal.cases.emailHint')}
      />
      <DocumentsInput />
      <ExemptionSelect />
      <VisaFee paidAt="online" />
      <SubmitButton pending={apply.isPending}>{t('visas.online.submit')}</SubmitButton>
    </Form>
  );
}
