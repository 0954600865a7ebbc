/**
 * My applications: each with its status in plain words, the legal deadline and working days left, any request
 * to answer, and whom it is about when that is not me (the person my invitation invites). A table on a wide
 * screen; on a phone each application is a card of its own, so nothing scrolls sideways (STYLE §13).
 */
import { useSyncExternalStore } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { listMyCases, type CaseSummary } from '../../shared/contracts/cases.contract.ts';
import { callApi } from '../api/client.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { PageTitle } from '../ui/Layout.tsx';
import { useFormat } from '../ui/format.ts';
import { caseWordingKey } from '../../shared/i18n/case-wording.ts';
import { ScrollTable } from '../ui/Table.tsx';

/** The phone layout's width (the stylesheet stacks summary lists below it too). */
const NARROW = '(max-width: 48rem)';
const subscribe = (changed: () => void) => {
  const query = window.matchMedia(NARROW);
  query.addEventListener('change', changed);
  return () => query.removeEventListener('change', changed);
};
const useNarrow = (): boolean => useSyncExternalStore(subscribe, () => window.matchMedia(NARROW).matches);

export function MyCasesPage() {
  const t = useT();
  const narrow = useNarrow();
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
        ) : narrow ? (
          <ul className="card-list" aria-label={t('portal.cases.title')}>
            {cases.data.cases.map((c) => (
              <CaseCard key={c.id} summary={c} />
            ))}
          </ul>
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
                      <CaseKind summary={c} />
                    </td>
                    <td>
                      <CaseStatus summary={c} />
                    </td>
                    <td>
                      <CaseDeadline summary={c} />
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

/** One application on a phone: its reference as the card's heading, then the table's columns as a list. */
function CaseCard({ summary: c }: { summary: CaseSummary }) {
  const t = useT();
  return (
    <li className="card">
      <h2>
        <Link to={`/my/cases/${c.id}`}>{c.reference}</Link>
      </h2>
      <dl className="summary-list">
        <dt>{t('cases.field.type')}</dt>
        <dd>
          <CaseKind summary={c} />
        </dd>
        <dt>{t('cases.field.status')}</dt>
        <dd>
          <CaseStatus summary={c} />
        </dd>
        <dt>{t('cases.deadline.due')}</dt>
        <dd>
          <CaseDeadline summary={c} />
        </dd>
      </dl>
    </li>
  );
}

/** The kind of application and whom it is about: the person invited, else the applicant (me, or my child). */
function CaseKind({ summary: c }: { summary: CaseSummary }) {
  const t = useT();
  return (
    <>
      {t(`cases.type.${c.caseType}`)} ·{' '}
      {c.concerns ? t('portal.cases.concerns', { name: c.concerns }) : c.applicantName}
    </>
  );
}

function CaseStatus({ summary: c }: { summary: CaseSummary }) {
  const t = useT();
  return (
    <>
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
    </>
  );
}

function CaseDeadline({ summary: c }: { summary: CaseSummary }) {
  const t = useT();
  const f = useFormat();
  if (!c.dueOn) return <>—</>;
  return (
    <>
      {f.date(c.dueOn)}
      <br />
      <span className="hint">
        {c.suspended
          ? t('cases.deadline.paused')
          : t('cases.deadline.left', { days: Math.max(0, c.workingDaysLeft ?? 0) })}
      </span>
    </>
  );
}
