import { useNavigate } from 'react-router';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { demoEidSignIn, listDemoEidPersons } from '../../shared/contracts/identity.contract.ts';
import { formatPersonalCode } from '../../shared/kernel/personal-code.ts';
import { callApi } from '../api/client.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { PageTitle } from '../ui/Layout.tsx';
import { Notice } from '../ui/Notice.tsx';
import { useProblemText } from '../ui/errors.ts';
import { Form } from '../ui/form/Form.tsx';
import { Radios, SubmitButton } from '../ui/form/fields.tsx';
import { useContractForm } from '../ui/form/useContractForm.ts';
import { useFormat } from '../ui/format.ts';
import { useSetSession } from '../session/useSession.ts';

const DemoEidBody = demoEidSignIn.body;

export function DemoEidPage() {
  const t = useT();
  const f = useFormat();
  const problemText = useProblemText();
  const navigate = useNavigate();
  const setSession = useSetSession();
  const persons = useQuery({ queryKey: ['demo-eid-persons'], queryFn: () => callApi(listDemoEidPersons) });
  const form = useContractForm(DemoEidBody, {
    defaultValues: { personId: '' },
    labels: { personId: t('portal.demoEid.choose') },
  });
  const signIn = useMutation({
    mutationFn: (body: z.output<typeof DemoEidBody>) => callApi(demoEidSignIn, { body }),
    onSuccess: (session) => {
      setSession(session);
      void navigate('/my');
    },
    onError: form.showServerError,
  });

  return (
    <>
      <PageTitle>{t('portal.demoEid.title')}</PageTitle>
      <Notice kind="warning">{t('portal.demoEid.warning')}</Notice>
      {!persons.data ? (
        <p>{persons.isError ? problemText(persons.error) : t('common.loading')}</p>
      ) : (
        <Form form={form} onSubmit={(body) => signIn.mutate(body)}>
          <Radios
            name="personId"
            options={persons.data.persons.map((p) => ({
              value: p.personId,
              label: t('portal.demoEid.person', {
                name: `${p.givenNames} ${p.surname}`,
                code: formatPersonalCode(p.personalCode),
                birthDate: f.date(p.birthDate),
              }),
            }))}
          />
          <SubmitButton pending={signIn.isPending}>{t('common.signIn')}</SubmitButton>
        </Form>
      )}
    </>
  );
}
