/** My applications: each with its status in plain words, the legal deadline and working days left, any request to answer. */
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { listMyCases } from '../../shared/contracts/cases.contract.ts';
import { callApi } from '../api/client.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { PageTitle } from '../ui/Layout.tsx';
import { useFormat } from '../ui/format.ts';
import { caseWordingKey } from '../../shared/i18n/case-wording.ts';
import { ScrollTable } from '../ui/Table.tsx';

export function MyCasesPage() {
  const t = useT();
  const f = useFormat();
  const cases = useQuery({ queryKey: ['my-cases'], queryFn: () => callApi(listMyCases) });
  return (
    <>
      <PageTitle>{t('portal.cases.title')}</PageTitle>
      <p className="lead">{t('portal.cases.intro')}</p>
      <p>
        <Link className="button" to="/my/cases/new">
          {t('portal.cases.newCorrection')}
        </Link>
      </p>
      {cases.data &&
        (cases.data.cases.length === 0 ? (
          <p>{t('portal.cases.none')}</p>
        ) : (
          <ScrollTable>
            <table className="data">
              <caption className="visually-hidden">{t('portal.cases.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('cases.field.reference')}</th>
                  <th scope="col">{t('cases.field.type')}</th>
                  <th scope="col">{t('cases.field.status')}</th>
                  <th scope="col">{t('cases.deadline.due')}</th>
                </tr>
              </thead>
              <tbody>
                {cases.data.cases.map((c) => (
                  <tr key={c.id}>
                    <td>
                      <Link to={`/my/cases/${c.id}`}>{c.reference}</Link>
                    </td>
                    <td>
                      {t(`cases.type.${c.caseType}`)} · {c.applicantName}
                    </td>
                    <td>
                      <span className="tag">{t(caseWordingKey('status', c.caseType, c.status))}</span>{' '}
                      {t(caseWordingKey('step', c.caseType, c.status))}
                      {c.status === 'awaiting-applicant' && (
                        <>
                          {' '}
                          <Link to={`/my/cases/${c.id}`} className="tag tag--warning">
                            {t('portal.cases.answerNeeded')}
                          </Link>
                        </>
                      )}
                    </td>
                    <td>
                      {c.dueOn ? f.date(c.dueOn) : '—'}
                      {c.dueOn && (
                        <>
                          <br />
                          <span className="hint">
                            {c.suspended
                              ? t('cases.deadline.paused')
                              : t('cases.deadline.left', { days: Math.max(0, c.workingDaysLeft ?? 0) })}
                          </span>
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        ))}
    </>
  );
}
