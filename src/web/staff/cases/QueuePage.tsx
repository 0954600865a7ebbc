/** The work queue of my branch: open cases by deadline (or closed ones, latest first), filtered by status, assignee and deadline flags, a page at a time. */
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { CASE_STATUSES, CASE_TYPES, QueueQuery, listQueue } from '../../../shared/contracts/cases.contract.ts';
import { callApi } from '../../api/client.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { PageTitle } from '../../ui/Layout.tsx';
import { useFormat } from '../../ui/format.ts';
import { Form } from '../../ui/form/Form.tsx';
import { Select, TextInput } from '../../ui/form/fields.tsx';
import { useFilterForm } from '../../ui/form/useFilterForm.ts';
import { caseWordingKey } from '../../../shared/i18n/case-wording.ts';
import { ScrollTable } from '../../ui/Table.tsx';

const CLOSED_STATUSES: readonly string[] = ['accepted', 'rejected', 'withdrawn', 'issued'];
const OPEN_STATUSES = CASE_STATUSES.filter((s) => !['accepted', 'rejected', 'withdrawn'].includes(s));
/** The queue's own query, less the page size and position the page sets. */
const QueueFilter = QueueQuery.omit({ limit: true, offset: true });
const PAGE = 50;
/** What a link from the start page may set (`?assignee=me`, `?flag=at-risk`, `?status=proposed`); anything else is ignored. */
const LinkedFilter = QueueQuery.pick({ status: true, assignee: true, flag: true });

export function QueuePage({ canOpen }: { canOpen: boolean }) {
  const t = useT();
  const f = useFormat();
  const [params] = useSearchParams();
  const linked = LinkedFilter.safeParse(Object.fromEntries(params)).data;
  const filter = useFilterForm(QueueFilter, {
    defaultValues: { assignee: 'any', state: 'open', ...linked },
    labels: {
      state: t('staff.queue.state'),
      type: t('cases.field.type'),
      status: t('cases.field.status'),
      assignee: t('cases.field.assignee'),
      flag: t('staff.queue.flag'),
      dueWithin: t('staff.queue.dueWithin'),
    },
  });
  const query = filter.query;
  // The page belongs to the filter it was turned for: a new filter starts at its first page.
  const [paging, setPaging] = useState<{ for: unknown; offset: number }>({ for: query, offset: 0 });
  const offset = paging.for === query ? paging.offset : 0;
  const turn = (to: number) => setPaging({ for: query, offset: to });
  const queue = useQuery({
    queryKey: ['queue', query, offset],
    queryFn: () => callApi(listQueue, { query: { ...query, limit: PAGE, offset } }),
    enabled: Boolean(query),
  });
  return (
    <>
      <PageTitle>{t('staff.queue.title')}</PageTitle>
      <p className="lead">{t('staff.queue.intro')}</p>
      {canOpen && (
        <p>
          <Link className="button button--secondary" to="/cases/new-inclusion">
            {t('staff.inclusion.open')}
          </Link>
        </p>
      )}
      <Form form={filter.form} onSubmit={filter.apply} className="filters" filter>
        <QueueFilters closed={filter.form.watch('state') === 'closed'} />
      </Form>
      {queue.data && (
        <>
          <p role="status">
            {offset === 0 && queue.data.cases.length >= queue.data.total
              ? t('staff.queue.count', { shown: queue.data.cases.length, total: queue.data.total })
              : t(queue.data.totalCapped ? 'staff.queue.rangeMore' : 'staff.queue.range', {
                  from: offset + 1,
                  to: offset + queue.data.cases.length,
                  total: queue.data.total,
                })}
          </p>
          {queue.data.cases.length > 0 && (
            <ScrollTable>
              <table className="data">
                <caption className="visually-hidden">{t('staff.queue.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('cases.deadline.due')}</th>
                    <th scope="col">{t('cases.field.reference')}</th>
                    <th scope="col">{t('cases.field.applicant')}</th>
                    <th scope="col">{t('cases.field.status')}</th>
                    <th scope="col">{t('cases.field.assignee')}</th>
                  </tr>
                </thead>
                <tbody>
                  {queue.data.cases.map((c) => (
                    <tr key={c.id}>
                      <td>
                        {c.dueOn ? f.date(c.dueOn) : '—'}{' '}
                        {c.deadlineAlert === 'breached' ? (
                          <span className="tag tag--danger">{t('cases.deadline.breached')}</span>
                        ) : c.deadlineAlert === 'warned' ? (
                          <span className="tag tag--warning">{t('staff.queue.atRisk')}</span>
                        ) : null}
                        {c.suspended ? <span className="tag">{t('cases.deadline.paused')}</span> : null}
                      </td>
                      <td>
                        <Link to={`/cases/${c.id}`}>{c.reference}</Link>
                        <br />
                        <span className="hint">{t(`cases.type.${c.caseType}`)}</span>
                      </td>
                      <td>{c.applicantName}</td>
                      <td>{t(caseWordingKey('status', c.caseType, c.status))}</td>
                      <td>{c.assigneeName ?? t('cases.unassigned')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          )}
          {(offset > 0 || offset + queue.data.cases.length < queue.data.total) && (
            <nav className="button-row" aria-label={t('staff.queue.pages')}>
              <button
                type="button"
                className="button button--secondary"
                disabled={offset === 0}
                onClick={() => turn(Math.max(0, offset - PAGE))}
              >
                {t('staff.queue.previous')}
              </button>
              <button
                type="button"
                className="button button--secondary"
                disabled={offset + queue.data.cases.length >= queue.data.total}
                onClick={() => turn(offset + PAGE)}
              >
                {t('staff.queue.next')}
              </button>
            </nav>
          )}
        </>
      )}
    </>
  );
}

function QueueFilters({ closed }: { closed: boolean }) {
  const t = useT();
  return (
    <>
      <Select name="state">
        <option value="open">{t('staff.queue.stateOpen')}</option>
        <option value="closed">{t('staff.queue.stateClosed')}</option>
      </Select>
      <Select name="type">
        <option value="">{t('staff.queue.allTypes')}</option>
        {CASE_TYPES.map((c) => (
          <option key={c} value={c}>
            {t(`cases.type.${c}`)}
          </option>
        ))}
      </Select>
      <Select name="status">
        <option value="">{t(closed ? 'staff.queue.allClosed' : 'staff.queue.allOpen')}</option>
        {(closed ? CLOSED_STATUSES : OPEN_STATUSES).map((s) => (
          <option key={s} value={s}>
            {t(`cases.status.${s}`)}
          </option>
        ))}
      </Select>
      <Select name="assignee">
        <option value="any">{t('staff.queue.anyone')}</option>
        <option value="me">{t('staff.queue.me')}</option>
        <option value="unassigned">{t('cases.unassigned')}</option>
      </Select>
      <Select name="flag">
        <option value="">{t('staff.queue.noFlag')}</option>
        <option value="at-risk">{t('staff.queue.atRisk')}</option>
        <option value="breached">{t('cases.deadline.breached')}</option>
        <option value="suspended">{t('cases.deadline.paused')}</option>
      </Select>
      <TextInput name="dueWithin" inputMode="numeric" size={4} hint={t('staff.queue.dueWithinHint')} />
    </>
  );
}
