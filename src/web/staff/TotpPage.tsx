import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { staffVerifyTotp, TotpRequest } from '../../shared/contracts/identity.contract.ts';
import { callApi } from '../api/client.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { PageTitle } from '../ui/Layout.tsx';
import { ErrorSummary, TextField, type FormError } from '../ui/forms.tsx';
import { useFormErrors, useSchemaErrors } from '../ui/errors.ts';
import { useSetSession } from '../session/useSession.ts';
import { rememberEnrolment, takeEnrolment } from './enrolment.ts';

export function TotpPage() {
  const t = useT();
  const formErrors = useFormErrors();
  const navigate = useNavigate();
  const setSession = useSetSession();
  const [errors, setErrors] = useState<FormError[]>([]);
  const enrolment = takeEnrolment();
  const schemaErrors = useSchemaErrors();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = TotpRequest.safeParse({ code: new FormData(event.currentTarget).get('code') }, { reportInput: true });
    if (!parsed.success) {
      setErrors(schemaErrors(parsed.error, { code: t('staff.totp.code') }));
      return;
    }
    try {
      setSession(await callApi(staffVerifyTotp, { body: parsed.data }));
      rememberEnrolment(undefined);
      void navigate('/');
    } catch (error) {
      setErrors(formErrors(error, { code: t('staff.totp.code') }));
    }
  }

  return (
    <>
      <PageTitle>{enrolment ? t('staff.totp.enrolTitle') : t('staff.totp.title')}</PageTitle>
      <ErrorSummary errors={errors} />
      {enrolment && (
        <>
          <p>{t('staff.totp.enrolIntro')}</p>
          <dl className="summary-list">
            <dt>{t('staff.totp.secret')}</dt>
            <dd><code className="secret">{enrolment.secret}</code></dd>
          </dl>
        </>
      )}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextField id="code" label={t('staff.totp.code')} hint={t('staff.totp.intro')} inputMode="numeric" autoComplete="one-time-code" maxLength={6} error={errors.find((e) => e.field === 'code')?.message} />
        <button type="submit" className="button">{t('common.continue')}</button>
      </form>
    </>
  );
}
