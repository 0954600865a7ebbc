/** My e-mail address for the office's reminders (an expiring document …): set, change or remove it. */
import { useEffect, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { readMyContact, saveMyContact } from '../../shared/contracts/identity.contract.ts';
import { callApi } from '../api/client.ts';
import { useLocale, useT } from '../i18n/I18nProvider.tsx';
import { PageTitle } from '../ui/Layout.tsx';
import { ErrorSummary, Notice, TextField, type FormError } from '../ui/forms.tsx';
import { SelectField } from '../ui/fields.tsx';
import { formErrorsFrom } from '../ui/errors.ts';

export function MyContactPage() {
  const t = useT();
  const { locale } = useLocale();
  const contact = useQuery({ queryKey: ['my-contact'], queryFn: () => callApi(readMyContact) });
  const [email, setEmail] = useState('');
  const [language, setLanguage] = useState<'lv' | 'en'>(locale);
  const [errors, setErrors] = useState<FormError[]>([]);
  useEffect(() => {
    if (!contact.data) return;
    setEmail(contact.data.email ?? '');
    if (contact.data.email) setLanguage(contact.data.language);
  }, [contact.data]);
  const label = t('portal.contact.email');
  const save = useMutation({
    mutationFn: (value: string | null) => callApi(saveMyContact, { body: { email: value, language } }),
    onSuccess: (saved) => { setErrors([]); setEmail(saved.email ?? ''); },
    onError: (e) => setErrors(formErrorsFrom(e, t, { email: label })),
  });
  const send = (e: FormEvent) => {
    e.preventDefault();
    if (email.trim() && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email.trim())) return setErrors([{ field: 'email', message: t('errors.invalidField', { field: label }) }]);
    save.mutate(email.trim() || null);
  };
  // The form waits for the saved address: filled in before it arrives, the typing would be overwritten.
  if (!contact.data) return <p>{contact.isError ? t('error.INTERNAL') : t('common.loading')}</p>;
  return (
    <>
      <PageTitle>{t('portal.contact.title')}</PageTitle>
      <p className="lead">{t('portal.contact.intro')}</p>
      {save.data && <Notice kind="success">{save.data.email ? t('portal.contact.saved', { email: save.data.email }) : t('portal.contact.removed')}</Notice>}
      <ErrorSummary errors={errors} />
      <form onSubmit={send} noValidate>
        <TextField id="email" type="email" label={label} hint={t('portal.contact.hint')} value={email} onChange={(e) => setEmail(e.target.value)} error={errors.find((x) => x.field === 'email')?.message} autoComplete="email" />
        <SelectField id="language" label={t('portal.contact.language')} value={language} onChange={(e) => setLanguage(e.target.value as 'lv' | 'en')}>
          <option value="lv">{t('language.lv')}</option>
          <option value="en">{t('language.en')}</option>
        </SelectField>
        <button type="submit" className="button" disabled={save.isPending}>{t('portal.contact.save')}</button>
      </form>
    </>
  );
}
