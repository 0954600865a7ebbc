/** The audit log: the chain check, and who used one person's data (itself a recorded reading, under a reason). */
import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { listPersonAuditEntries, verifyAuditChain } from '../../shared/contracts/audit.contract.ts';
import { callApi } from '../api/client.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { PageTitle } from '../ui/Layout.tsx';
import { Notice } from '../ui/Notice.tsx';
import { refusedAtFormFields } from '../ui/refused-fields.ts';
import { DataUseTable } from '../ui/DataUseTable.tsx';
import { Form } from '../ui/form/Form.tsx';
import { SubmitButton, TextInput } from '../ui/form/fields.tsx';
import { NoFields, useContractForm } from '../ui/form/useContractForm.ts';

/**
 * The person (the endpoint's path parameter) and the reason the reading is recorded under (its query). The
 * query lets the reason be left out, but the audit gate then refuses a staff reading without a case
 * reference or a reason, and this page asks only for a reason: so here it must be given.
 */
const PersonLogForm = listPersonAuditEntries.params.extend({
  reason: listPersonAuditEntries.query.shape.reason.unwrap().min(1),
});
/** The server's names of the fields (by where they travel; the audit gate's `caseReference` is the page's reason). */
const FORM_PATHS = { 'params.personId': 'personId', 'query.reason': 'reason', caseReference: 'reason' };

export function AuditPage({ canVerify, canReadLogs }: { canVerify: boolean; canReadLogs: boolean }) {
  const t = useT();
  return (
    <>
      <PageTitle>{t('staff.audit.title')}</PageTitle>
      {canVerify && <VerifyChain />}
      {canReadLogs && <PersonLog />}
    </>
  );
}

function VerifyChain() {
  const t = useT();
  const form = useContractForm(NoFields, { defaultValues: {}, labels: {}, idPrefix: 'verify' });
  const verify = useMutation({ mutationFn: () => callApi(verifyAuditChain), onError: form.showServerError });
  return (
    <section aria-labelledby="verify-title">
      <h2 id="verify-title">{t('staff.audit.verifyTitle')}</h2>
      <p>{t('staff.audit.verifyIntro')}</p>
      {verify.data &&
        (verify.data.ok ? (
          <Notice kind="success">{t('staff.audit.intact', { count: verify.data.entriesChecked })}</Notice>
        ) : (
          <Notice kind="warning">{t('staff.audit.broken', { message: verify.data.message })}</Notice>
        ))}
      <Form form={form} onSubmit={() => verify.mutate()} labelledBy="verify-title">
        <SubmitButton pending={verify.isPending}>{t('staff.audit.verify')}</SubmitButton>
      </Form>
    </section>
  );
}

function PersonLog() {
  const t = useT();
  const form = useContractForm(PersonLogForm, {
    defaultValues: { personId: '', reason: '' },
    labels: { personId: t('staff.audit.personId'), reason: t('staff.audit.reason') },
  });
  const log = useMutation({
    mutationFn: ({ personId, reason }: z.output<typeof PersonLogForm>) =>
      callApi(listPersonAuditEntries, { params: { personId }, query: { reason } }),
    onError: (e) => form.showServerError(refusedAtFormFields(e, FORM_PATHS)),
  });
  return (
    <section aria-labelledby="person-title">
      <h2 id="person-title">{t('staff.audit.personTitle')}</h2>
      <Form form={form} onSubmit={(values) => log.mutate(values)} labelledBy="person-title">
        <TextInput
          name="personId"
          hint={t('staff.audit.personIdHint')}
          autoCapitalize="none"
          autoComplete="off"
          spellCheck={false}
        />
        <TextInput name="reason" />
        <SubmitButton pending={log.isPending}>{t('staff.audit.show')}</SubmitButton>
      </Form>
      {log.data &&
        (log.data.entries.length ? (
          <DataUseTable entries={log.data.entries} audience="auditor" />
        ) : (
          <p>{t('staff.audit.noEntries')}</p>
        ))}
    </section>
  );
}
