import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { demoEidSignIn, listDemoEidPersons } from '../../shared/contracts/identity.contract.ts';
import { formatPersonalCode } from '../../shared/kernel/personal-code.ts';
import { callApi } from '../api/client.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { PageTitle } from '../ui/Layout.tsx';
import { ErrorSummary, Notice, type FormError } from '../ui/forms.tsx';
import { useFormErrors } from '../ui/errors.ts';
import { useFormat } from '../ui/format.ts';
import { useSetSession } from '../session/useSession.ts';

export function DemoEidPage() {
  const t = useT();
  const formErrors = useFormErrors();
  const f = useFormat();
  const navigate = useNavigate();
  const setSession = useSetSession();
  const persons = useQuery({ queryKey: ['demo-eid-persons'], queryFn: () => callApi(listDemoEidPersons) });
  const [errors, setErrors] = useState<FormError[]>([]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const personId = new FormData(event.currentTarget).get('personId');
    if (!personId) {
      setErrors([{ field: 'person-0', message: t('validation.choose', { field: t('portal.demoEid.choose') }) }]);
      return;
    }
    try {
      setSession(await callApi(demoEidSignIn, { body: { personId: String(personId) } }));
      void navigate('/my');
    } catch (error) {
      setErrors(formErrors(error));
    }
  }

  return (
    <>
      <PageTitle>{t('portal.demoEid.title')}</PageTitle>
      <Notice kind="warning">{t('portal.demoEid.warning')}</Notice>
      <ErrorSummary errors={errors} />
      {persons.isPending ? <p>{t('common.loading')}</p> : (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <fieldset className="fieldset">
            <legend>{t('portal.demoEid.choose')}</legend>
            {persons.data?.persons.map((p, i) => (
              <div className="radio" key={p.personId}>
                <input type="radio" name="personId" id={`person-${i}`} value={p.personId} />
                <label htmlFor={`person-${i}`}>{t('portal.demoEid.person', { name: `${p.givenNames} ${p.surname}`, code: formatPersonalCode(p.personalCode), birthDate: f.date(p.birthDate) })}</label>
              </div>
            ))}
          </fieldset>
          <button type="submit" className="button">{t('common.signIn')}</button>
        </form>
      )}
    </>
  );
}
