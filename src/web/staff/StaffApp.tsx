/** The staff workbench: sign-in (password, then TOTP), and the pages each role may use. */
import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { Link, Navigate, NavLink, Route, Routes } from 'react-router';
import { hasPermission, type Permission } from '../../shared/kernel/permissions.ts';
import { getSession } from '../../shared/contracts/identity.contract.ts';
import { callApi } from '../api/client.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { Layout, PageTitle } from '../ui/Layout.tsx';
import { Notice } from '../ui/Notice.tsx';
import { useClientConfig, useSession } from '../session/useSession.ts';
import { useSessionExit } from '../session/useSessionExit.ts';
import { SignInPage } from './SignInPage.tsx';
import { TotpPage } from './TotpPage.tsx';
import { HomePage } from './HomePage.tsx';
const AccountsPage = lazy(() => import('./AccountsPage.tsx').then((m) => ({ default: m.AccountsPage })));
const AuditPage = lazy(() => import('./AuditPage.tsx').then((m) => ({ default: m.AuditPage })));
const SearchPage = lazy(() => import('./register/SearchPage.tsx').then((m) => ({ default: m.SearchPage })));
const PersonPage = lazy(() => import('./register/PersonPage.tsx').then((m) => ({ default: m.PersonPage })));
const RegistrationPage = lazy(() =>
  import('./register/RegistrationPage.tsx').then((m) => ({ default: m.RegistrationPage })),
);
const DuplicatesPage = lazy(() => import('./register/DuplicatesPage.tsx').then((m) => ({ default: m.DuplicatesPage })));
const StatisticsPage = lazy(() => import('./register/StatisticsPage.tsx').then((m) => ({ default: m.StatisticsPage })));
const DeclarationsPage = lazy(() =>
  import('./register/DeclarationsPage.tsx').then((m) => ({ default: m.DeclarationsPage })),
);
const QueuePage = lazy(() => import('./cases/QueuePage.tsx').then((m) => ({ default: m.QueuePage })));
const CasePage = lazy(() => import('./cases/CasePage.tsx').then((m) => ({ default: m.CasePage })));
const DashboardPage = lazy(() => import('./cases/DashboardPage.tsx').then((m) => ({ default: m.DashboardPage })));
const NewCorrectionPage = lazy(() =>
  import('./cases/NewCorrectionPage.tsx').then((m) => ({ default: m.NewCorrectionPage })),
);
const NewInclusionPage = lazy(() =>
  import('./cases/NewInclusionPage.tsx').then((m) => ({ default: m.NewInclusionPage })),
);
const BatchesPage = lazy(() => import('./documents/BatchesPage.tsx').then((m) => ({ default: m.BatchesPage })));
const DeskDayPage = lazy(() => import('./appointments/DeskDayPage.tsx').then((m) => ({ default: m.DeskDayPage })));
const BranchSettingsPage = lazy(() =>
  import('./appointments/BranchSettingsPage.tsx').then((m) => ({ default: m.BranchSettingsPage })),
);
const OutboxPage = lazy(() => import('./OutboxPage.tsx').then((m) => ({ default: m.OutboxPage })));
const CalendarPage = lazy(() => import('./CalendarPage.tsx').then((m) => ({ default: m.CalendarPage })));
const ProcedureRulesPage = lazy(() =>
  import('./ProcedureRulesPage.tsx').then((m) => ({ default: m.ProcedureRulesPage })),
);
const MigrationPage = lazy(() => import('./migration/MigrationPage.tsx').then((m) => ({ default: m.MigrationPage })));
const NewVisaPage = lazy(() => import('./migration/NewVisaPage.tsx').then((m) => ({ default: m.NewVisaPage })));
const NewPermitPage = lazy(() => import('./migration/NewPermitPage.tsx').then((m) => ({ default: m.NewPermitPage })));
// Written alongside this page by another change; its module's default export is the page.
const StayCalculatorPage = lazy(() => import('./migration/StayCalculatorPage.tsx'));

export function StaffApp() {
  const t = useT();
  const session = useSession();
  const config = useClientConfig();
  const signedIn = session.data?.authenticated === true && session.data.kind === 'staff';
  const { exitReason, sessionEnded, signOut: doSignOut } = useSessionExit(signedIn);

  // The server ends idle sessions; ask just after the idle limit so the page does not sit there pretending.
  const idle = session.data?.idleTimeoutSeconds;
  useEffect(() => {
    if (!idle || !signedIn) return;
    const timer = setTimeout(
      () =>
        void callApi(getSession).then((fresh) => {
          if (!fresh.authenticated) sessionEnded();
        }),
      (idle + 5) * 1000,
    );
    return () => clearTimeout(timer);
  }, [idle, signedIn, session.dataUpdatedAt, sessionEnded]);

  if (session.isPending || config.isPending) return <p className="page">{t('common.loading')}</p>;
  const s = session.data;
  const staff = s?.authenticated && s.kind === 'staff' ? s.staff : undefined;
  const can = (p: Permission) => Boolean(staff && hasPermission(staff.roles, p));

  const nav = staff ? <StaffNav can={can} /> : undefined;
  const account = staff ? (
    <span className="account">
      {staff.displayName} ·{' '}
      <button type="button" className="button button--link" onClick={() => void doSignOut()}>
        {t('common.signOut')}
      </button>
    </span>
  ) : undefined;

  const guard = (element: ReactNode, permission?: Permission) => {
    if (!staff)
      return (
        <Navigate
          to={s?.mfaPending ? '/sign-in/totp' : `/sign-in${exitReason ? `?reason=${exitReason}` : ''}`}
          replace
        />
      );
    if (permission && !can(permission)) return <NotForYourRole />;
    return element;
  };

  return (
    <Layout appName={t('app.staff')} demo={Boolean(config.data?.demoMode)} nav={nav} account={account}>
      <Suspense fallback={<p>{t('common.loading')}</p>}>
        <Routes>
          <Route
            path="/sign-in"
            element={
              staff ? (
                <Navigate to="/" replace />
              ) : (
                <SignInPage demo={Boolean(config.data?.demoMode)} oidc={Boolean(config.data?.oidcForStaff)} />
              )
            }
          />
          <Route path="/sign-in/totp" element={staff ? <Navigate to="/" replace /> : <TotpPage />} />
          <Route
            path="/"
            element={guard(staff && <HomePage staff={staff} idleSeconds={s?.idleTimeoutSeconds ?? 0} />)}
          />
          <Route path="/accounts" element={guard(<AccountsPage canManage={can('staff:manage')} />, 'staff:read')} />
          <Route
            path="/audit"
            element={guard(<AuditPage canVerify={can('audit:verify')} canReadLogs={can('audit:read-person-log')} />)}
          />
          <Route path="/register" element={guard(<SearchPage />, 'register:search')} />
          <Route
            path="/register/persons/:personId"
            element={guard(
              <PersonPage
                canRecord={can('register:record-event')}
                canReadDocuments={can('documents:read')}
                canInvalidateDocuments={can('documents:invalidate')}
                canApply={can('documents:apply')}
              />,
              'register:read',
            )}
          />
          <Route
            path="/registration"
            element={guard(<RegistrationPage canReview={can('register:review-duplicates')} />, 'register:record-event')}
          />
          <Route path="/duplicates" element={guard(<DuplicatesPage />, 'register:review-duplicates')} />
          <Route path="/statistics" element={guard(<StatisticsPage />, 'register:statistics')} />
          <Route
            path="/declarations"
            element={guard(<DeclarationsPage />, 'register:read-municipality-declarations')}
          />
          <Route path="/cases" element={guard(<QueuePage canOpen={can('register:record-event')} />, 'cases:read')} />
          <Route path="/cases/dashboard" element={guard(<DashboardPage />, 'cases:supervise')} />
          <Route path="/cases/new" element={guard(<NewCorrectionPage />, 'cases:read')} />
          <Route path="/cases/new-inclusion" element={guard(<NewInclusionPage />, 'register:record-event')} />
          <Route path="/appointments" element={guard(<DeskDayPage />, 'appointments:desk')} />
          <Route
            path="/appointments/settings"
            element={guard(
              <BranchSettingsPage
                ownBranchId={staff?.branchId ?? ''}
                anyBranch={Boolean(staff?.roles.includes('administrator'))}
              />,
              'appointments:configure',
            )}
          />
          <Route
            path="/cases/:caseId"
            element={guard(<CasePage canSupervise={can('cases:supervise')} />, 'cases:read')}
          />
          <Route path="/documents/batches" element={guard(<BatchesPage />, 'documents:produce')} />
          <Route path="/outbox" element={guard(<OutboxPage />, 'notifications:read-outbox')} />
          <Route path="/calendar" element={guard(<CalendarPage canRecord={can('calendar:record-order')} />)} />
          <Route
            path="/procedure-rules"
            element={guard(<ProcedureRulesPage canOpenCases={can('cases:read')} />, 'procedures:move-rules')}
          />
          <Route path="/migration" element={guard(<MigrationPage />, 'migration:lodge')} />
          <Route path="/migration/visas/new" element={guard(<NewVisaPage />, 'migration:lodge')} />
          <Route path="/migration/permits/new" element={guard(<NewPermitPage />, 'migration:lodge')} />
          <Route path="/migration/stay" element={guard(<StayCalculatorPage />, 'migration:lodge')} />
          <Route path="*" element={<Navigate to="/" replace />} />
        </Routes>
      </Suspense>
    </Layout>
  );
}

/** A page the signed-in role may not use: said in words, with the way back, instead of a silent bounce home. */
function NotForYourRole() {
  const t = useT();
  return (
    <>
      <PageTitle>{t('staff.forbidden.title')}</PageTitle>
      <Notice kind="warning">{t('staff.forbidden.text')}</Notice>
      <p>
        <Link to="/">{t('staff.forbidden.home')}</Link>
      </p>
    </>
  );
}

/** The workbench's menu: the pages the signed-in roles may use. */
function StaffNav({ can }: { can: (p: Permission) => boolean }) {
  const t = useT();
  return (
    <ul>
      <li>
        <NavLink to="/" end>
          {t('staff.nav.home')}
        </NavLink>
      </li>
      {can('cases:read') && (
        <li>
          <NavLink to="/cases" end>
            {t('staff.nav.queue')}
          </NavLink>
        </li>
      )}
      {can('cases:supervise') && (
        <li>
          <NavLink to="/cases/dashboard">{t('staff.nav.dashboard')}</NavLink>
        </li>
      )}
      {can('appointments:desk') && (
        <li>
          <NavLink to="/appointments" end>
            {t('staff.nav.appointments')}
          </NavLink>
        </li>
      )}
      {can('appointments:configure') && (
        <li>
          <NavLink to="/appointments/settings">{t('staff.nav.branchSettings')}</NavLink>
        </li>
      )}
      {can('migration:lodge') && (
        <li>
          <NavLink to="/migration">{t('staff.nav.migration')}</NavLink>
        </li>
      )}
      {can('documents:produce') && (
        <li>
          <NavLink to="/documents/batches">{t('staff.nav.batches')}</NavLink>
        </li>
      )}
      {can('register:search') && (
        <li>
          <NavLink to="/register">{t('staff.nav.register')}</NavLink>
        </li>
      )}
      {can('register:record-event') && (
        <li>
          <NavLink to="/registration">{t('staff.nav.registration')}</NavLink>
        </li>
      )}
      {can('register:review-duplicates') && (
        <li>
          <NavLink to="/duplicates">{t('staff.nav.duplicates')}</NavLink>
        </li>
      )}
      {can('register:statistics') && (
        <li>
          <NavLink to="/statistics">{t('staff.nav.statistics')}</NavLink>
        </li>
      )}
      {can('register:read-municipality-declarations') && (
        <li>
          <NavLink to="/declarations">{t('staff.nav.declarations')}</NavLink>
        </li>
      )}
      {can('staff:read') && (
        <li>
          <NavLink to="/accounts">{t('staff.nav.accounts')}</NavLink>
        </li>
      )}
      {(can('audit:verify') || can('audit:read-person-log')) && (
        <li>
          <NavLink to="/audit">{t('staff.nav.audit')}</NavLink>
        </li>
      )}
      {can('notifications:read-outbox') && (
        <li>
          <NavLink to="/outbox">{t('staff.nav.outbox')}</NavLink>
        </li>
      )}
      {can('calendar:record-order') && (
        <li>
          <NavLink to="/calendar">{t('staff.nav.calendar')}</NavLink>
        </li>
      )}
      {can('procedures:move-rules') && (
        <li>
          <NavLink to="/procedure-rules">{t('staff.nav.procedureRules')}</NavLink>
        </li>
      )}
    </ul>
  );
}
