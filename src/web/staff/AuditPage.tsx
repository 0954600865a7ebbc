import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { listPersonAuditEntries, verifyAuditChain } from '../../shared/contracts/audit.contract.ts';
import { callApi } from '../api/client.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { PageTitle } from '../ui/Layout.tsx';
import { ErrorSummary, Notice, TextField, type FormError } from '../ui/forms.tsx';
import { useFormErrors } from '../ui/errors.ts';
import { DataUseTable } from '../ui/DataUseTable.tsx';

export function AuditPage({ canVerify, canReadLogs }: { canVerify: boolean; canReadLogs: boolean }) {
  const t = useT();
  const formErrors = useFormErrors();
  const verify = useMutation({ mutationFn: () => callApi(verifyAuditChain) });
  const [errors, setErrors] = useState<FormError[]>([]);
  const log = useMutation({
    mutationFn: (v: { personId: string; reason: string }) => callApi(listPersonAuditEntries, { params: { personId: v.personId }, query: { reason: v.reason } }),
    onError: (error) => setErrors(formErrors(error, { personId: t('staff.audit.personId'), 'params.personId': t('staff.audit.personId'), caseReference: t('staff.audit.reason') })),
    onSuccess: () => setErrors([]),
  });

  function show(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    log.mutate({ personId: String(form.get('personId') ?? '').trim(), reason: String(form.get('reason') ?? '').trim() });
  }

  return (
    <>
      <PageTitle>{t('staff.audit.title')}</PageTitle>
      {canVerify && (
        <section aria-labelledby="verify-title">
          <h2 id="verify-title">{t('staff.audit.verifyTitle')}</h2>
          <p>{t('staff.audit.verifyIntro')}</p>
          {verify.data && (verify.data.ok
            ? <Notice kind="success">{t('staff.audit.intact', { count: verify.data.entriesChecked })}</Notice>
            : <Notice kind="warning">{t('staff.audit.broken', { message: verify.data.message })}</Notice>)}
          <button type="button" className="button" onClick={() => verify.mutate()} disabled={verify.isPending}>{t('staff.audit.verify')}</button>
        </section>
      )}
      {canReadLogs && (
        <section aria-labelledby="person-title">
          <h2 id="person-title">{t('staff.audit.personTitle')}</h2>
          <ErrorSummary errors={errors} />
          <form onSubmit={show} noValidate>
            <TextField id="personId" label={t('staff.audit.personId')} autoCapitalize="none" spellCheck={false} />
            <TextField id="reason" label={t('staff.audit.reason')} />
            <button type="submit" className="button">{t('staff.audit.show')}</button>
          </form>
          {log.data && (log.data.entries.length ? <DataUseTable entries={log.data.entries} audience="auditor" /> : <p>{t('staff.audit.noEntries')}</p>)}
        </section>
      )}
    </>
  );
}
