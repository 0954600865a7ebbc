/** The work queue of my branch: open cases by deadline, filtered by status, assignee and deadline flags. */
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

const OPEN_STATUSES = CASE_STATUSES.filter((s) => !['accepted', 'rejected', 'withdrawn'].includes(s));
/** The queue's own query, less the page size the page sets. */
const QueueFilter = QueueQuery.omit({ limit: true });
/** What a link from the start page may set (`?assignee=me`, `?flag=at-risk`, `?status=proposed`); anything else is ignored. */
const LinkedFilter = QueueQuery.pick({ status: true, assignee: true, flag: true });

export function QueuePage({ canOpen }: { canOpen: boolean }) {
  const t = useT();
  const f = useFormat();
  const [params] = useSearchParams();
  const linked = LinkedFilter.safeParse(Object.fromEntries(params)).data;
  const filter = useFilterForm(QueueFilter, {
    defaultValues: { assignee: 'any', ...linked },
    labels: { type: t('cases.field.type'), status: t('cases.field.status'), assignee: t('cases.field.assignee'), flag: t('staff.queue.flag'), dueWithin: t('staff.queue.dueWithin') },
  });
  const query = filter.query;
  const queue = useQuery({ queryKey: ['queue', query], queryFn: () => callApi(listQueue, { query: { ...query, limit: 100 } }), enabled: Boolean(query) });
  return (
    <>
      <PageTitle>{t('staff.queue.title')}</PageTitle>
      <p className="lead">{t('staff.queue.intro')}</p>
      {canOpen && <p><Link className="button button--secondary" to="/cases/new-inclusion">{t('staff.inclusion.open')}</Link></p>}
      <Form form={filter.form} onSubmit={filter.apply} className="filters" filter>
        <QueueFilters />
      </Form>
      {queue.data && (
        <>
          <p role="status">{t(queue.data.totalCapped ? 'staff.queue.countMore' : 'staff.queue.count', { shown: queue.data.cases.length, total: queue.data.total })}</p>
          {queue.data.cases.length > 0 && (
            <ScrollTable>
              <table className="data">
                <caption className="visually-hidden">{t('staff.queue.title')}</caption>
                <thead><tr><th scope="col">{t('cases.deadline.due')}</th><th scope="col">{t('cases.field.reference')}</th><th scope="col">{t('cases.field.applicant')}</th><th scope="col">{t('cases.field.status')}</th><th scope="col">{t('cases.field.assignee')}</th></tr></thead>
                <tbody>
                  {queue.data.cases.map((c) => (
                    <tr key={c.id}>
                      <td>{c.dueOn ? f.date(c.dueOn) : '—'}{' '}{c.deadlineAlert === 'breached' ? <span className="tag tag--danger">{t('cases.deadline.breached')}</span> : c.deadlineAlert === 'warned' ? <span className="tag tag--warning">{t('staff.queue.atRisk')}</span> : null}{c.suspended ? <span className="tag">{t('cases.deadline.paused')}</span> : null}</td>
                      <td><Link to={`/cases/${c.id}`}>{c.reference}</Link><br /><span className="hint">{t(`cases.type.${c.caseType}`)}</span></td>
                      <td>{c.applicantName}</td>
                      <td>{t(caseWordingKey('status', c.caseType, c.status))}</td>
                      <td>{c.assigneeName ?? t('cases.unassigned')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          )}
        </>
      )}
    </>
  );
}

function QueueFilters() {
  const t = useT();
  return (
    <>
      <Select name="type">
        <option value="">{t('staff.queue.allTypes')}</option>
        {CASE_TYPES.map((c) => <option key={c} value={c}>{t(`cases.type.${c}`)}</option>)}
      </Select>
      <Select name="status">
        <option value="">{t('staff.queue.allOpen')}</option>
        {OPEN_STATUSES.map((s) => <option key={s} value={s}>{t(`cases.status.${s}`)}</option>)}
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
