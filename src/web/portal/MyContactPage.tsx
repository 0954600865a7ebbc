/** My e-mail address for the office's reminders (an expiring document …): set, change or remove it. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { readMyContact, saveMyContact, type ResidentContact } from '../../shared/contracts/identity.contract.ts';
import { callApi } from '../api/client.ts';
import { useLocale, useT } from '../i18n/I18nProvider.tsx';
import { PageTitle, useRevealOnOpen } from '../ui/Layout.tsx';
import { Notice } from '../ui/Notice.tsx';
import { useProblemText } from '../ui/errors.ts';
import { Form } from '../ui/form/Form.tsx';
import { Select, SubmitButton, TextInput } from '../ui/form/fields.tsx';
import { useContractForm } from '../ui/form/useContractForm.ts';

const ContactBody = saveMyContact.body;

export function MyContactPage() {
  const t = useT();
  const problemText = useProblemText();
  const contact = useQuery({ queryKey: ['my-contact'], queryFn: () => callApi(readMyContact) });
  // The form waits for the saved address: filled in before it arrives, the typing would be overwritten.
  if (!contact.data) return <p>{contact.isError ? problemText(contact.error) : t('common.loading')}</p>;
  return (
    <>
      <PageTitle>{t('portal.contact.title')}</PageTitle>
      <p className="lead">{t('portal.contact.intro')}</p>
      <ContactForm saved={contact.data} />
    </>
  );
}

function ContactForm({ saved }: { saved: ResidentContact }) {
  const t = useT();
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  const form = useContractForm(ContactBody, {
    defaultValues: { email: saved.email ?? '', language: saved.email ? saved.language : locale },
    labels: { email: t('portal.contact.email'), language: t('portal.contact.language') },
  });
  const save = useMutation({
    mutationFn: (body: z.output<typeof ContactBody>) => callApi(saveMyContact, { body }),
    onSuccess: (result) => {
      queryClient.setQueryData(['my-contact'], result);
      form.reset({ email: result.email ?? '', language: result.language });
    },
    onError: form.showServerError,
  });
  const done = useRevealOnOpen<HTMLDivElement>(Boolean(save.data), save.submittedAt);
  return (
    <>
      {save.data && (
        <div ref={done} tabIndex={-1}>
          <Notice kind="success">
            {save.data.email ? t('portal.contact.saved', { email: save.data.email }) : t('portal.contact.removed')}
          </Notice>
        </div>
      )}
      <Form form={form} onSubmit={(body) => save.mutate(body)}>
        <TextInput name="email" type="email" hint={t('portal.contact.hint')} autoComplete="email" spellCheck={false} />
        <Select name="language">
          <option value="lv">{t('language.lv')}</option>
          <option value="en">{t('language.en')}</option>
        </Select>
        <SubmitButton pending={save.isPending}>{t('portal.contact.save')}</SubmitButton>
      </Form>
    </>
  );
}
