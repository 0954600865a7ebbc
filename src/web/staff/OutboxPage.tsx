/** Messages to people: what is queued, what was sent (the demo mailbox) and what failed, with the error and a retry. */
import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { listOutbox, retryOutboxMessage } from '../../shared/contracts/notifications.contract.ts';
import { callApi } from '../api/client.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { PageTitle } from '../ui/Layout.tsx';
import { SelectField } from '../ui/fields.tsx';
import { useFormat } from '../ui/format.ts';

export function OutboxPage() {
  const t = useT();
  const f = useFormat();
  const [status, setStatus] = useState('');
  const outbox = useQuery({ queryKey: ['outbox', status], queryFn: () => callApi(listOutbox, { query: { status: status || undefined, limit: 100 } }) });
  const retry = useMutation({ mutationFn: (id: string) => callApi(retryOutboxMessage, { params: { id } }), onSuccess: () => void outbox.refetch() });
  const d = outbox.data;
  return (
    <>
      <PageTitle>{t('staff.outbox.title')}</PageTitle>
      <p className="lead">{d?.transport === 'mailbox' ? t('staff.outbox.mailbox') : t('staff.outbox.intro')}</p>
      {d && <p>{t('staff.outbox.counts', d.counts)}</p>}
      <SelectField id="status" label={t('cases.field.status')} value={status} onChange={(e) => setStatus(e.target.value)}>
        <option value="">{t('staff.outbox.all')}</option>
        {(['pending', 'sent', 'failed'] as const).map((s) => <option key={s} value={s}>{t(`staff.outbox.status.${s}`)}</option>)}
      </SelectField>
      {d && d.messages.map((m) => (
        <article key={m.id} className="panel">
          <h2>{m.subject ?? t(`staff.outbox.template.${m.template}`)}</h2>
          <p className="hint">
            {t(`staff.outbox.status.${m.status}`)} · {t(`staff.outbox.channel.${m.channel}`)} · {m.recipient} ·{' '}
            <time dateTime={m.sentAt ?? m.createdAt}>{m.sentAt ? t('staff.outbox.sentAt', { time: f.dateTime(m.sentAt) }) : t('staff.outbox.queuedAt', { time: f.dateTime(m.createdAt) })}</time>
            {' '}· {t('staff.outbox.attempts', { n: m.attempts })}
          </p>
          {m.body && <pre className="message-body">{m.body}</pre>}
          {m.lastError && <p className="field-error">{m.lastError}</p>}
          {m.status === 'failed' && <button type="button" className="button button--secondary" onClick={() => retry.mutate(m.id)}>{t('staff.outbox.retry')}</button>}
        </article>
      ))}
    </>
  );
}
