/** The work queue of my branch: open cases by deadline, filtered by status, assignee and deadline flags. */
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { CASE_STATUSES, CASE_TYPES, QueueQuery, listQueue } from '../../../shared/contracts/cases.contract.ts';
import { callApi } from '../../api/client.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { PageTitle } from '../../ui/Layout.tsx';
import { SelectField } from '../../ui/fields.tsx';
import { TextField } from '../../ui/forms.tsx';
import { useFormat } from '../../ui/format.ts';
import { caseWordingKey } from '../../../shared/i18n/case-wording.ts';
import { ScrollTable } from '../../ui/Table.tsx';

const OPEN_STATUSES = CASE_STATUSES.filter((s) => !['accepted', 'rejected', 'withdrawn'].includes(s));

export function QueuePage({ canOpen }: { canOpen: boolean }) {
  const t = useT();
  const f = useFormat();
  // The start page links here with a filter set (`?assignee=me`, `?flag=at-risk`, `?status=proposed`); anything else is ignored.
  const [params] = useSearchParams();
  const linked = QueueQuery.pick({ status: true, assignee: true, flag: true }).safeParse(Object.fromEntries(params)).data;
  const [status, setStatus] = useState<string>(linked?.status ?? '');
  const [assignee, setAssignee] = useState<'any' | 'me' | 'unassigned'>(linked?.assignee ?? 'any');
  const [flag, setFlag] = useState<string>(linked?.flag ?? '');
  const [type, setType] = useState('');
  const [dueWithin, setDueWithin] = useState('');
  const within = /^\d{1,3}$/.test(dueWithin) ? Number(dueWithin) : undefined;
  const queue = useQuery({
    queryKey: ['queue', status, assignee, flag, type, within],
    queryFn: () => callApi(listQueue, { query: { status: status || undefined, assignee, flag: flag || undefined, type: type || undefined, dueWithin: within, limit: 100 } }),
  });
  return (
    <>
      <PageTitle>{t('staff.queue.title')}</PageTitle>
      <p className="lead">{t('staff.queue.intro')}</p>
      {canOpen && <p><Link className="button button--secondary" to="/cases/new-inclusion">{t('staff.inclusion.open')}</Link></p>}
      <div className="filters">
        <SelectField id="type" label={t('cases.field.type')} value={type} onChange={(e) => setType(e.target.value)}>
          <option value="">{t('staff.queue.allTypes')}</option>
          {CASE_TYPES.map((c) => <option key={c} value={c}>{t(`cases.type.${c}`)}</option>)}
        </SelectField>
        <SelectField id="status" label={t('cases.field.status')} value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="">{t('staff.queue.allOpen')}</option>
          {OPEN_STATUSES.map((s) => <option key={s} value={s}>{t(`cases.status.${s}`)}</option>)}
        </SelectField>
        <SelectField id="assignee" label={t('cases.field.assignee')} value={assignee} onChange={(e) => setAssignee(e.target.value as typeof assignee)}>
          <option value="any">{t('staff.queue.anyone')}</option>
          <option value="me">{t('staff.queue.me')}</option>
          <option value="unassigned">{t('cases.unassigned')}</option>
        </SelectField>
        <SelectField id="flag" label={t('staff.queue.flag')} value={flag} onChange={(e) => setFlag(e.target.value)}>
          <option value="">{t('staff.queue.noFlag')}</option>
          <option value="at-risk">{t('staff.queue.atRisk')}</option>
          <option value="breached">{t('cases.deadline.breached')}</option>
          <option value="suspended">{t('cases.deadline.paused')}</option>
        </SelectField>
        <TextField id="dueWithin" label={t('staff.queue.dueWithin')} inputMode="numeric" size={4} value={dueWithin} onChange={(e) => setDueWithin(e.target.value)}
          error={dueWithin && within === undefined ? t('staff.queue.dueWithinError') : undefined} />
      </div>
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
