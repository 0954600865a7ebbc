/** The supervisor's view of the branch: open cases per officer, cases near or past their deadline. */
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { branchDashboard } from '../../../shared/contracts/cases.contract.ts';
import { callApi } from '../../api/client.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { PageTitle } from '../../ui/Layout.tsx';
import { useFormat } from '../../ui/format.ts';
import { ScrollTable } from '../../ui/Table.tsx';

export function DashboardPage() {
  const t = useT();
  const f = useFormat();
  const board = useQuery({ queryKey: ['dashboard'], queryFn: () => callApi(branchDashboard) });
  const d = board.data;
  return (
    <>
      <PageTitle>{t('staff.dashboard.title')}</PageTitle>
      {d && (
        <>
          <dl className="summary-list">
            <dt>{t('staff.dashboard.open')}</dt>
            <dd>{d.open}</dd>
            <dt>{t('cases.unassigned')}</dt>
            <dd>{d.unassigned}</dd>
            <dt>{t('cases.deadline.paused')}</dt>
            <dd>{d.suspended}</dd>
            <dt>{t('staff.queue.atRisk')}</dt>
            <dd>{d.atRisk}</dd>
            <dt>{t('cases.deadline.breached')}</dt>
            <dd>{d.breached}</dd>
          </dl>
          {d.officers.length === 0 ? (
            <p>{t('staff.dashboard.noOpen')}</p>
          ) : (
            <ScrollTable>
              <table className="data">
                <caption>{t('staff.dashboard.perOfficer')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('cases.field.assignee')}</th>
                    <th scope="col">{t('staff.dashboard.open')}</th>
                    <th scope="col">{t('staff.queue.atRisk')}</th>
                    <th scope="col">{t('cases.deadline.breached')}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.officers.map((o) => (
                    <tr key={o.assigneeId ?? 'none'}>
                      <td>{o.assigneeName ?? t('cases.unassigned')}</td>
                      <td>{o.open}</td>
                      <td>{o.atRisk}</td>
                      <td>{o.breached}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          )}
          <h2>{t('staff.dashboard.atRiskCases')}</h2>
          {d.atRiskCases.length === 0 ? (
            <p>{t('staff.dashboard.noneAtRisk')}</p>
          ) : (
            <ul>
              {d.atRiskCases.map((c) => (
                <li key={c.id}>
                  <Link to={`/cases/${c.id}`}>{c.reference}</Link> · {c.dueOn ? f.date(c.dueOn) : '—'} ·{' '}
                  {c.assigneeName ?? t('cases.unassigned')}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </>
  );
}
