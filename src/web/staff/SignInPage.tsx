import { Fragment, useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { staffSignIn, StaffSignInRequest } from '../../shared/contracts/identity.contract.ts';
import { callApi } from '../api/client.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { PageTitle } from '../ui/Layout.tsx';
import { ErrorSummary, Notice, TextField, type FormError } from '../ui/forms.tsx';
import { useFormErrors, useSchemaErrors } from '../ui/errors.ts';
import { useClientConfig, useSetSession } from '../session/useSession.ts';
import { rememberEnrolment } from './enrolment.ts';

export function SignInPage({ demo, oidc }: { demo: boolean; oidc: boolean }) {
  const t = useT();
  const formErrors = useFormErrors();
  const navigate = useNavigate();
  const setSession = useSetSession();
  const [params] = useSearchParams();
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);
  const labels = { username: t('staff.signIn.username'), password: t('staff.signIn.password') };
  const schemaErrors = useSchemaErrors();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = StaffSignInRequest.safeParse({ username: form.get('username'), password: form.get('password') }, { reportInput: true });
    if (!parsed.success) {
      setErrors(schemaErrors(parsed.error, labels));
      return;
    }
    setBusy(true);
    try {
      const result = await callApi(staffSignIn, { body: parsed.data });
      setSession(result.session);
      if (result.status === 'signed-in') void navigate('/');
      else {
        rememberEnrolment(result.enrolment);
        void navigate('/sign-in/totp');
      }
    } catch (error) {
      setErrors(formErrors(error, labels));
    } finally {
      setBusy(false);
    }
  }

  const reason = params.get('reason');
  return (
    <>
      <PageTitle>{t('staff.signIn.title')}</PageTitle>
      {reason === 'expired' && <Notice kind="warning">{t('staff.signIn.sessionEnded')}</Notice>}
      {reason === 'signed-out' && <Notice kind="success">{t('staff.signIn.signedOut')}</Notice>}
      <ErrorSummary errors={errors} />
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextField id="username" label={labels.username} autoComplete="username" autoCapitalize="none" spellCheck={false} error={errors.find((e) => e.field === 'username')?.message} />
        <TextField id="password" label={labels.password} type="password" autoComplete="current-password" error={errors.find((e) => e.field === 'password')?.message} />
        <div className="button-row">
          <button type="submit" className="button" disabled={busy}>{t('common.signIn')}</button>
          {oidc && <a className="button button--secondary" href="/api/auth/oidc/start?kind=staff&returnTo=/staff/">{t('staff.signIn.oidc')}</a>}
        </div>
      </form>
      {demo && <DemoAccounts />}
    </>
  );
}

/** The demo accounts with their roles, as the server seeded them (/api/config): the hint cannot fall behind the seed. */
function DemoAccounts() {
  const t = useT();
  const accounts = useClientConfig().data?.demoAccounts ?? [];
  return (
    <Notice kind="info">
      <p>{t('staff.signIn.demoHint', { password: 'civitas-demo' })}</p>
      <dl className="summary-list">
        {accounts.map((a) => (
          <Fragment key={a.username}>
            <dt><code>{a.username}</code></dt>
            <dd>{a.roles.map((r) => t(`role.${r}`)).join(', ')}</dd>
          </Fragment>
        ))}
      </dl>
    </Notice>
  );
}
