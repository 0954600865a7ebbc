/** Messages to people: what is queued, what was sent (the demo mailbox) and what failed, with the error and a retry. */
import { useMutation, useQuery } from '@tanstack/react-query';
import { listOutbox, retryOutboxMessage } from '../../shared/contracts/notifications.contract.ts';
import { callApi } from '../api/client.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { PageTitle } from '../ui/Layout.tsx';
import { useFormat } from '../ui/format.ts';
import { Form } from '../ui/form/Form.tsx';
import { Select } from '../ui/form/fields.tsx';
import { useFilterForm } from '../ui/form/useFilterForm.ts';

/** The list's filter: the endpoint's own query, less the page size the page sets. */
const OutboxFilter = listOutbox.query.pick({ status: true });

export function OutboxPage() {
  const t = useT();
  const f = useFormat();
  const filter = useFilterForm(OutboxFilter, { defaultValues: {}, labels: { status: t('cases.field.status') } });
  const status = filter.query?.status;
  const outbox = useQuery({
    queryKey: ['outbox', status],
    queryFn: () => callApi(listOutbox, { query: { status, limit: 100 } }),
  });
  const retry = useMutation({
    mutationFn: (id: string) => callApi(retryOutboxMessage, { params: { id } }),
    onSuccess: () => void outbox.refetch(),
  });
  const d = outbox.data;
  return (
    <>
      <PageTitle>{t('staff.outbox.title')}</PageTitle>
      <p className="lead">{d?.transport === 'mailbox' ? t('staff.outbox.mailbox') : t('staff.outbox.intro')}</p>
      {d && <p>{t('staff.outbox.counts', d.counts)}</p>}
      <Form form={filter.form} onSubmit={filter.apply} filter>
        <Select name="status">
          <option value="">{t('staff.outbox.all')}</option>
          {OutboxFilter.shape.status.unwrap().options.map((s) => (
            <option key={s} value={s}>
              {t(`staff.outbox.status.${s}`)}
            </option>
          ))}
        </Select>
      </Form>
      {d &&
        d.messages.map((m) => (
          <article key={m.id} className="panel">
            <h2>{m.subject ?? t(`staff.outbox.template.${m.template}`)}</h2>
            <p className="hint">
              {t(`staff.outbox.status.${m.status}`)} · {t(`staff.outbox.channel.${m.channel}`)} · {m.recipient} ·{' '}
              <time dateTime={m.sentAt ?? m.createdAt}>
                {m.sentAt
                  ? t('staff.outbox.sentAt', { time: f.dateTime(m.sentAt) })
                  : t('staff.outbox.queuedAt', { time: f.dateTime(m.createdAt) })}
              </time>{' '}
              · {t('staff.outbox.attempts', { n: m.attempts })}
            </p>
            {m.body && <pre className="message-body">{m.body}</pre>}
            {m.lastError && <p className="field-error">{m.lastError}</p>}
            {m.status === 'failed' && (
              <button type="button" className="button button--secondary" onClick={() => retry.mutate(m.id)}>
                {t('staff.outbox.retry')}
              </button>
            )}
          </article>
        ))}
    </>
  );
}
