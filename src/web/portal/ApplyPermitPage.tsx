/**
 * A registered foreigner applies for a residence permit or status for themselves, on the contract's
 * OnlinePermitApplication (decision 0022). Who applies is the person as the register knows them: their names,
 * sex, birth date, birth country and nationality are shown, not typed, and sent as the register has them (the
 * server takes them from the register again); only what the register lacks is asked. The rest is as at the
 * desk; the fee is shown as the kind, ground and tier change and is paid online on submitting; the new case
 * opens in "My applications".
 */
import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { applyForPermitOnline, OnlinePermitApplication } from '../../shared/contracts/residence-permits.contract.ts';
import { listCountries, type PersonCard } from '../../shared/contracts/register.contract.ts';
import { formatPersonalCode } from '../../shared/kernel/personal-code.ts';
import { callApi } from '../api/client.ts';
import { useLocale, useT } from '../i18n/I18nProvider.tsx';
import { PageTitle } from '../ui/Layout.tsx';
import { Notice } from '../ui/Notice.tsx';
import { toUploads } from '../ui/files.ts';
import { useFormat } from '../ui/format.ts';
import { CountrySelect } from '../ui/form/CountrySelect.tsx';
import { Form } from '../ui/form/Form.tsx';
import { SubmitButton, TextInput } from '../ui/form/fields.tsx';
import { useContractForm } from '../ui/form/useContractForm.ts';
import { noVisaNeededAt } from '../procedures/migration/VisaApplicationFields.tsx';
import {
  EnclosedFieldset,
  KindFieldset,
  PERMIT_FORM_OMIT,
  PermitFee,
  permitFormFields,
  permitLabels,
  sponsorNamedWhereNeeded,
  StayFieldset,
  usePermitQuote,
} from '../procedures/migration/PermitApplicationFields.tsx';
import { Group, TravelDocumentFieldset } from '../procedures/migration/TravellerFields.tsx';
import { useCountryName } from '../procedures/migration/PermitSubjectRows.tsx';
import { NO_VISA_STATUSES, useMyRegisterCard } from './useMyStatus.ts';

/** Who applies, as the register says: not fields of the form, but sent with it. */
const IDENTITY = {
  givenNames: true,
  surname: true,
  sex: true,
  birthDate: true,
  birthCountry: true,
  nationality: true,
} as const;

/** The contract's request as the page holds it (see permitFormFields); the identity comes from the register, the language is the page's. */
const OnlinePermitForm = OnlinePermitApplication.omit({ ...PERMIT_FORM_OMIT, ...IDENTITY, language: true }).extend(
  permitFormFields,
);
type OnlinePermitValues = z.output<typeof OnlinePermitForm> & { birthCountry?: string; nationality?: string };

/** What the register knows of who applies; a birth country or nationality it lacks is asked on the form (with the contract's rule). */
interface Identity {
  givenNames: string;
  surname: string;
  sex: 'M' | 'F';
  birthDate: string;
  birthCountry: string | null;
  nationality: string | null;
  personalCode: string | null;
}

function identityOf(card: PersonCard): Identity {
  return {
    givenNames: card.givenNames ?? '',
    surname: card.surname ?? '',
    sex: card.sex ?? 'F',
    birthDate: card.birthDate ?? '',
    birthCountry: card.birthCountry,
    nationality: card.citizenships[0] ?? null,
    personalCode: card.personalCode,
  };
}

/** The form's schema: with a field for what the register lacks; the sponsor needed where the ground rests on someone. */
function onlineForm(ask: { birthCountry: boolean; nationality: boolean }) {
  return OnlinePermitForm.extend({
    ...(ask.birthCountry ? { birthCountry: OnlinePermitApplication.shape.birthCountry } : {}),
    ...(ask.nationality ? { nationality: OnlinePermitApplication.shape.nationality } : {}),
  }).superRefine(...sponsorNamedWhereNeeded);
}

export function ApplyPermitPage() {
  const t = useT();
  const card = useMyRegisterCard();
  // The country lists must hold their options before the form starts (the same query as CountrySelect's).
  const countries = useQuery({ queryKey: ['countries'], queryFn: () => callApi(listCountries), staleTime: Infinity });
  const status = card.data?.legalStatus;
  return (
    <>
      <PageTitle>{t('portal.permits.title')}</PageTitle>
      <p className="lead">{t('portal.permits.intro')}</p>
      {/* The link is not offered to them; a person who came anyway is told before filling anything in. */}
      {status && NO_VISA_STATUSES.includes(status) && (
        <Notice kind="info">{t('portal.permits.noPermitNeeded', { status: t(`legalStatus.${status}`) })}</Notice>
      )}
      {card.isPending || countries.isPending ? (
        <p>{t('common.loading')}</p>
      ) : card.data ? (
        <OnlinePermitFormView identity={identityOf(card.data)} />
      ) : (
        <p>{t('portal.permits.noRegisterData')}</p>
      )}
    </>
  );
}

function OnlinePermitFormView({ identity }: { identity: Identity }) {
  const t = useT();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const askBirthCountry = !identity.birthCountry;
  const askNationality = !identity.nationality;
  const schema = useMemo(
    () => onlineForm({ birthCountry: askBirthCountry, nationality: askNationality }),
    [askBirthCountry, askNationality],
  );
  const form = useContractForm(schema, {
    defaultValues: {
      permitKind: '' as never,
      ground: '' as never,
      application: 'first',
      tier: 'standard',
      travelDocument: { number: '', country: identity.nationality ?? '', validUntil: '' },
      sponsor: '',
      monthlyIncomeEur: '',
      addressInLatvia: '',
      enclosed: [],
      contactEmail: '',
    },
    labels: { ...permitLabels(t), contactEmail: t('portal.cases.email') },
  });
  const apply = useMutation({
    mutationFn: async ({ files, ...values }: OnlinePermitValues) =>
      callApi(applyForPermitOnline, {
        body: {
          ...values,
          givenNames: identity.givenNames,
          surname: identity.surname,
          sex: identity.sex,
          birthDate: identity.birthDate,
          birthCountry: identity.birthCountry ?? values.birthCountry ?? '',
          nationality: identity.nationality ?? values.nationality ?? '',
          language: locale,
          documents: await toUploads(files ?? null),
        },
      }),
    onSuccess: (view) => navigate(`/my/cases/${view.id}?new=1`),
    onError: (error) => form.showServerError(noVisaNeededAt(error, 'portal.permits.notForStatus')),
  });
  return (
    <>
      <IdentityPanel identity={identity} />
      <Form
        form={form}
        label={t('portal.permits.title')}
        onSubmit={(values) => apply.mutate(values as OnlinePermitValues)}
      >
        <OnlineFields identity={identity} pending={apply.isPending} />
      </Form>
    </>
  );
}

/** Who applies, as the register knows them: to be read, not typed; a mistake there is corrected through the register. */
function IdentityPanel({ identity: p }: { identity: Identity }) {
  const t = useT();
  const f = useFormat();
  const country = useCountryName();
  return (
    <section className="panel" aria-labelledby="permit-identity-title">
      <h2 id="permit-identity-title">{t('portal.permits.identityTitle')}</h2>
      <dl className="summary-list">
        <dt>{t('register.field.person')}</dt>
        <dd>
          {p.givenNames} {p.surname}
        </dd>
        {p.personalCode && (
          <>
            <dt>{t('register.field.personalCode')}</dt>
            <dd>{formatPersonalCode(p.personalCode)}</dd>
          </>
        )}
        <dt>{t('register.field.sex')}</dt>
        <dd>{t(`register.sex.${p.sex}`)}</dd>
        <dt>{t('register.field.birthDate')}</dt>
        <dd>{p.birthDate ? f.date(p.birthDate) : t('cases.notRecorded')}</dd>
        <dt>{t('register.field.birthCountry')}</dt>
        <dd>{p.birthCountry ? country(p.birthCountry) : t('cases.notRecorded')}</dd>
        <dt>{t('visas.form.nationality')}</dt>
        <dd>{p.nationality ? country(p.nationality) : t('cases.notRecorded')}</dd>
      </dl>
      <p className="hint">
        {t('portal.permits.identityHint')} <Link to="/my/cases/new">{t('portal.permits.correction')}</Link>
      </p>
    </section>
  );
}

/** The form's fields, inside the form (the quote follows what is chosen in it). */
function OnlineFields({ identity, pending }: { identity: Identity; pending: boolean }) {
  const t = useT();
  const { quote, failed } = usePermitQuote();
  return (
    <>
      <KindFieldset quote={quote} />
      {(!identity.birthCountry || !identity.nationality) && (
        <Group title={t('portal.permits.missingTitle')} hint={t('portal.permits.missingHint')}>
          {!identity.birthCountry && <CountrySelect name="birthCountry" />}
          {!identity.nationality && <CountrySelect name="nationality" />}
        </Group>
      )}
      <TravelDocumentFieldset validUntilHint={t('permits.form.documentValidUntilHint')} />
      <StayFieldset quote={quote} channel="portal" />
      <EnclosedFieldset quote={quote} hint={t('portal.permits.enclosedHint')} />
      <TextInput
        name="contactEmail"
        type="email"
        autoComplete="email"
        spellCheck={false}
        hint={t('portal.cases.emailHint')}
      />
      <PermitFee quote={quote} failed={failed} paidAt="online" />
      <SubmitButton pending={pending}>
        {t(quote?.amountCents === 0 ? 'portal.permits.submitFree' : 'portal.permits.submit')}
      </SubmitButton>
    </>
  );
}
