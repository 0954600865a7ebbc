/** The workbench's start page: who is signed in, at which branch, and what work waits for their roles (with links to it). */
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import type { StaffProfile } from '../../shared/contracts/identity.contract.ts';
import { readWorkSummary, type WorkSummary } from '../../shared/contracts/workbench.contract.ts';
import { callApi } from '../api/client.ts';
import { useLocale, useT } from '../i18n/I18nProvider.tsx';
import { PageTitle } from '../ui/Layout.tsx';
import { Notice } from '../ui/Notice.tsx';
import { useFormat } from '../ui/format.ts';

export function HomePage({ staff, idleSeconds }: { staff: StaffProfile; idleSeconds: number }) {
  const t = useT();
  const { locale } = useLocale();
  // Refreshed now and then: the counts change while the page stays open at a desk.
  const summary = useQuery({
    queryKey: ['work-summary'],
    queryFn: () => callApi(readWorkSummary),
    refetchInterval: 60_000,
  });
  const s = summary.data;
  const branch = s?.branch ? (locale === 'en' ? s.branch.nameEn : s.branch.nameLv) : t('common.loading');
  const counted = Boolean(s && (s.cases || s.appointments || s.production));
  return (
    <>
      <PageTitle>{t('staff.home.title', { name: staff.displayName })}</PageTitle>
      {staff.isDemo && (
        <Notice kind="warning">
          <span className="tag">{t('staff.accounts.demo')}</span> {t('staff.home.demoAccount')}
        </Notice>
      )}
      <dl className="summary-list">
        <dt>{t('staff.home.roles')}</dt>
        <dd>{staff.roles.map((r) => t(`role.${r}`)).join(', ')}</dd>
        <dt>{t('staff.home.branch')}</dt>
        <dd>{branch}</dd>
        <dt>{t('staff.home.institution')}</dt>
        <dd>{staff.institution}</dd>
      </dl>
      <section aria-labelledby="work-title">
        <h2 id="work-title">{t('staff.home.work')}</h2>
        {summary.isError && <Notice kind="warning">{t('staff.home.loadFailed')}</Notice>}
        {summary.isPending && <p>{t('common.loading')}</p>}
        {s && counted && <WorkCards summary={s} />}
        {/* An auditor, an administrator, a municipality's officer: nothing queues for them; the menu has their pages. */}
        {s && !counted && <p>{t('staff.home.nothingToCount')}</p>}
      </section>
      <p>{t('staff.home.sessionInfo', { minutes: Math.round(idleSeconds / 60) })}</p>
    </>
  );
}

/** One card per kind of work, each line a count that links to the filtered list. */
function WorkCards({ summary: s }: { summary: WorkSummary }) {
  const t = useT();
  const f = useFormat();
  return (
    <div className="card-grid">
      {s.cases && (
        <WorkCard title={t('staff.queue.title')} to="/cases">
          <li>
            <Link to="/cases?assignee=me">{t('staff.home.assignedToMe', { count: s.cases.assignedToMe })}</Link>
          </li>
          <li>
            <Link to="/cases?assignee=unassigned">{t('staff.home.unassigned', { count: s.cases.unassigned })}</Link>
          </li>
          <li>
            <Link to="/cases?flag=at-risk">
              {t('staff.home.nearDeadline', { count: s.cases.nearDeadline, days: s.cases.nearDeadlineDays })}
            </Link>
          </li>
          {s.cases.awaitingApproval !== null && (
            <li>
              <Link to="/cases?status=proposed">
                {t('staff.home.awaitingApproval', { count: s.cases.awaitingApproval })}
              </Link>
            </li>
          )}
        </WorkCard>
      )}
      {s.appointments && (
        <WorkCard title={t('staff.home.today', { date: f.date(s.appointments.date) })} to="/appointments">
          <li>{t('staff.home.expected', { count: s.appointments.expected })}</li>
          <li>{t('staff.home.arrived', { count: s.appointments.arrived })}</li>
          <li>{t('staff.home.waitingTickets', { count: s.appointments.waitingTickets })}</li>
        </WorkCard>
      )}
      {s.production && (
        <WorkCard title={t('staff.home.production')} to="/documents/batches">
          <li>{t('staff.home.productionWaiting', { count: s.production.waiting })}</li>
        </WorkCard>
      )}
    </div>
  );
}

function WorkCard({ title, to, children }: { title: string; to: string; children: ReactNode }) {
  return (
    <div className="card">
      <h3>
        <Link to={to}>{title}</Link>
      </h3>
      <ul>{children}</ul>
    </div>
  );
}
