import { Fragment } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { staffSignIn, StaffSignInRequest } from '../../shared/contracts/identity.contract.ts';
import { callApi } from '../api/client.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { PageTitle } from '../ui/Layout.tsx';
import { Notice } from '../ui/Notice.tsx';
import { Form } from '../ui/form/Form.tsx';
import { SubmitButton, TextInput } from '../ui/form/fields.tsx';
import { useContractForm } from '../ui/form/useContractForm.ts';
import { useClientConfig, useSetSession } from '../session/useSession.ts';
import { rememberEnrolment } from './enrolment.ts';

export function SignInPage({ demo, oidc }: { demo: boolean; oidc: boolean }) {
  const t = useT();
  const navigate = useNavigate();
  const setSession = useSetSession();
  const [params] = useSearchParams();
  const form = useContractForm(StaffSignInRequest, {
    defaultValues: { username: '', password: '' },
    labels: { username: t('staff.signIn.username'), password: t('staff.signIn.password') },
  });
  const signIn = useMutation({
    mutationFn: (body: z.output<typeof StaffSignInRequest>) => callApi(staffSignIn, { body }),
    onSuccess: (result) => {
      setSession(result.session);
      if (result.status === 'signed-in') void navigate('/');
      else {
        // The second factor's page reads the new secret from memory (enrolment.ts), never from the URL.
        rememberEnrolment(result.enrolment);
        void navigate('/sign-in/totp');
      }
    },
    // A wrong password has no field of its own (which one was wrong is not told): it is the form's own error.
    onError: form.showServerError,
  });

  const reason = params.get('reason');
  return (
    <>
      <PageTitle>{t('staff.signIn.title')}</PageTitle>
      {reason === 'expired' && <Notice kind="warning">{t('staff.signIn.sessionEnded')}</Notice>}
      {reason === 'signed-out' && <Notice kind="success">{t('staff.signIn.signedOut')}</Notice>}
      <Form form={form} onSubmit={(body) => signIn.mutate(body)}>
        <TextInput name="username" autoComplete="username" autoCapitalize="none" spellCheck={false} />
        <TextInput name="password" type="password" autoComplete="current-password" />
        <div className="button-row">
          <SubmitButton pending={signIn.isPending}>{t('common.signIn')}</SubmitButton>
          {oidc && (
            <a className="button button--secondary" href="/api/auth/oidc/start?kind=staff&returnTo=/staff/">
              {t('staff.signIn.oidc')}
            </a>
          )}
        </div>
      </Form>
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
            <dt>
              <code>{a.username}</code>
            </dt>
            <dd>{a.roles.map((r) => t(`role.${r}`)).join(', ')}</dd>
          </Fragment>
        ))}
      </dl>
    </Notice>
  );
}
