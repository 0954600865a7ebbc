/**
 * "Is the applicant in the population register?": the officer types the personal code, the register answers
 * with the person (the read is recorded under the purpose of taking a visa application), and the page links
 * the application to them. A foreigner who was never registered is simply not looked up.
 */
import { useEffect } from 'react';
import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import {
  lookupPersonByCode,
  PersonalCodeParam,
  type PersonSummary,
} from '../../../shared/contracts/register.contract.ts';
import { formatPersonalCode } from '../../../shared/kernel/personal-code.ts';
import { ApiError, callApi } from '../../api/client.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { useFormat } from '../../ui/format.ts';
import { Form } from '../../ui/form/Form.tsx';
import { SubmitButton, TextInput } from '../../ui/form/fields.tsx';
import { useContractForm } from '../../ui/form/useContractForm.ts';
import { Notice } from '../../ui/Notice.tsx';

export type RegisteredApplicant = z.infer<typeof PersonSummary>;

/** The applicant fields a desk form shares with the register (both desk forms name them the same). */
type ApplicantField = 'personId' | 'givenNames' | 'surname' | 'sex' | 'birthDate' | 'nationality';

/**
 * A person found in the register is linked, and what the register knows of them fills the applicant's fields.
 * Any desk form with those fields takes it: its `setValue` is narrowed to them here.
 */
export function useFillFromRegister(
  form: { setValue: (name: never, value: never) => void },
  person: RegisteredApplicant | undefined,
) {
  useEffect(() => {
    if (!person) return;
    const set = form.setValue as unknown as (name: ApplicantField, value: string) => void;
    set('personId', person.id);
    set('givenNames', person.givenNames);
    set('surname', person.surname);
    set('sex', person.sex);
    set('birthDate', person.birthDate);
    const nationality = person.citizenships[0];
    if (nationality) set('nationality', nationality);
  }, [person, form]);
}

/** The endpoint's own path parameter is the form: a personal code, checked as the register checks it. */
const LookupForm = z.strictObject({ code: PersonalCodeParam });

/** A person the register does not know is said at the field, in the register's own words (`unknown-person`). */
function atCodeField(error: unknown): unknown {
  if (!(error instanceof ApiError)) return error;
  if (error.code === 'NOT_FOUND')
    return new ApiError('VALIDATION_FAILED', 400, error.message, [
      { path: 'code', message: error.message, reason: 'unknown-person' },
    ]);
  return new ApiError(
    error.code,
    error.status,
    error.message,
    error.fieldErrors.map((f) => (f.path === 'params.code' ? { ...f, path: 'code' } : f)),
  );
}

/** `purpose`: what the officer is taking, for the page's words and the audit entry's reason. */
export function RegisterLookup({
  found,
  onFound,
  purpose = 'visa',
}: {
  found: RegisteredApplicant | undefined;
  onFound: (person: RegisteredApplicant) => void;
  purpose?: 'visa' | 'permit';
}) {
  const t = useT();
  const form = useContractForm(LookupForm, {
    defaultValues: { code: '' },
    labels: { code: t('register.field.personalCode') },
    idPrefix: 'lookup',
  });
  const lookup = useMutation({
    mutationFn: ({ code }: z.output<typeof LookupForm>) =>
      callApi(lookupPersonByCode, {
        params: { code },
        query: { reason: t(purpose === 'permit' ? 'permits.desk.lookupReason' : 'visas.desk.lookupReason') },
      }),
    onSuccess: onFound,
    onError: (error) => form.showServerError(atCodeField(error)),
  });
  return (
    <section className="panel" aria-labelledby="lookup-title">
      <h2 id="lookup-title">{t('visas.desk.lookupTitle')}</h2>
      <p className="hint">{t(purpose === 'permit' ? 'permits.desk.lookupIntro' : 'visas.desk.lookupIntro')}</p>
      <Form form={form} onSubmit={(values) => lookup.mutate(values)} className="inline-form" labelledBy="lookup-title">
        <TextInput name="code" inputMode="numeric" autoComplete="off" className="input--short" />
        <SubmitButton pending={lookup.isPending} secondary>
          {t('visas.desk.lookupSubmit')}
        </SubmitButton>
      </Form>
      {found && <FoundPerson person={found} />}
    </section>
  );
}

function FoundPerson({ person: p }: { person: RegisteredApplicant }) {
  const t = useT();
  const f = useFormat();
  const noVisa = p.legalStatus === 'citizen' || p.legalStatus === 'non-citizen';
  return (
    <Notice kind={noVisa ? 'warning' : 'success'}>
      {t('visas.desk.found', {
        name: `${p.givenNames} ${p.surname}`,
        code: formatPersonalCode(p.personalCode),
        birthDate: f.date(p.birthDate),
        status: t(`legalStatus.${p.legalStatus}`),
      })}{' '}
      {t(noVisa ? 'visas.desk.foundNoVisa' : 'visas.desk.foundFilled')}
    </Notice>
  );
}
