import { useNavigate } from 'react-router';
import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { staffVerifyTotp, TotpRequest } from '../../shared/contracts/identity.contract.ts';
import { callApi } from '../api/client.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { PageTitle } from '../ui/Layout.tsx';
import { Form } from '../ui/form/Form.tsx';
import { SubmitButton, TextInput } from '../ui/form/fields.tsx';
import { useContractForm } from '../ui/form/useContractForm.ts';
import { useSetSession } from '../session/useSession.ts';
import { rememberEnrolment, takeEnrolment } from './enrolment.ts';

export function TotpPage() {
  const t = useT();
  const navigate = useNavigate();
  const setSession = useSetSession();
  const enrolment = takeEnrolment();
  const form = useContractForm(TotpRequest, { defaultValues: { code: '' }, labels: { code: t('staff.totp.code') } });
  const verify = useMutation({
    mutationFn: (body: z.output<typeof TotpRequest>) => callApi(staffVerifyTotp, { body }),
    onSuccess: (session) => {
      setSession(session);
      // Enrolled: the secret is no longer needed in memory.
      rememberEnrolment(undefined);
      void navigate('/');
    },
    onError: form.showServerError,
  });

  return (
    <>
      <PageTitle>{enrolment ? t('staff.totp.enrolTitle') : t('staff.totp.title')}</PageTitle>
      {enrolment && (
        <>
          <p>{t('staff.totp.enrolIntro')}</p>
          <dl className="summary-list">
            <dt>{t('staff.totp.secret')}</dt>
            <dd>
              <code className="secret">{enrolment.secret}</code>
            </dd>
          </dl>
        </>
      )}
      <Form form={form} onSubmit={(body) => verify.mutate(body)}>
        <TextInput
          name="code"
          hint={t('staff.totp.intro')}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          spellCheck={false}
        />
        <SubmitButton pending={verify.isPending}>{t('common.continue')}</SubmitButton>
      </Form>
    </>
  );
}
