/** The resident portal: sign-in (national eID, or the demo eID page in demo mode), my data, who used my data. */
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, NavLink, Route, Routes } from 'react-router';
import { useT } from '../i18n/I18nProvider.tsx';
import { Layout } from '../ui/Layout.tsx';
import { useClientConfig, useSession } from '../session/useSession.ts';
import { useSessionExit } from '../session/useSessionExit.ts';
import { LandingPage } from './LandingPage.tsx';
import { DemoEidPage } from './DemoEidPage.tsx';
import { MyPage } from './MyPage.tsx';
const DataUsePage = lazy(() => import('./DataUsePage.tsx').then((m) => ({ default: m.DataUsePage })));
const MyDataPage = lazy(() => import('./MyDataPage.tsx').then((m) => ({ default: m.MyDataPage })));
const DeclarePage = lazy(() => import('./DeclarePage.tsx').then((m) => ({ default: m.DeclarePage })));
const MyCasesPage = lazy(() => import('./MyCasesPage.tsx').then((m) => ({ default: m.MyCasesPage })));
const MyCasePage = lazy(() => import('./MyCasePage.tsx').then((m) => ({ default: m.MyCasePage })));
const CorrectionRequestPage = lazy(() =>
  import('./CorrectionRequestPage.tsx').then((m) => ({ default: m.CorrectionRequestPage })),
);
const DocumentCheckPage = lazy(() => import('./DocumentCheckPage.tsx').then((m) => ({ default: m.DocumentCheckPage })));
const MyDocumentsPage = lazy(() => import('./MyDocumentsPage.tsx').then((m) => ({ default: m.MyDocumentsPage })));
const ApplyDocumentPage = lazy(() => import('./ApplyDocumentPage.tsx').then((m) => ({ default: m.ApplyDocumentPage })));
const MyAppointmentsPage = lazy(() =>
  import('./MyAppointmentsPage.tsx').then((m) => ({ default: m.MyAppointmentsPage })),
);
const BookAppointmentPage = lazy(() =>
  import('./BookAppointmentPage.tsx').then((m) => ({ default: m.BookAppointmentPage })),
);
const QueueScreenPage = lazy(() => import('./QueueScreenPage.tsx').then((m) => ({ default: m.QueueScreenPage })));
const MyContactPage = lazy(() => import('./MyContactPage.tsx').then((m) => ({ default: m.MyContactPage })));
const InvitePage = lazy(() => import('./InvitePage.tsx').then((m) => ({ default: m.InvitePage })));
const ApplyVisaPage = lazy(() => import('./ApplyVisaPage.tsx').then((m) => ({ default: m.ApplyVisaPage })));
const ApplyPermitPage = lazy(() => import('./ApplyPermitPage.tsx').then((m) => ({ default: m.ApplyPermitPage })));

export function PortalApp() {
  const t = useT();
  const session = useSession();
  const config = useClientConfig();
  const signedIn = session.data?.authenticated === true && session.data.kind === 'resident';
  const { exitReason, signOut: doSignOut } = useSessionExit(signedIn);

  if (session.isPending || config.isPending) return <p className="page">{t('common.loading')}</p>;
  const resident = session.data?.authenticated && session.data.kind === 'resident' ? session.data.resident : undefined;

  const guard = (element: ReactNode) =>
    resident ? element : <Navigate to={exitReason ? `/?reason=${exitReason}` : '/'} replace />;
  const nav = resident ? (
    <ul>
      <li>
        <NavLink to="/my" end>
          {t('common.home')}
        </NavLink>
      </li>
      <li>
        <NavLink to="/my/data">{t('portal.my.registerLink')}</NavLink>
      </li>
      <li>
        <NavLink to="/my/declare">{t('portal.my.declareLink')}</NavLink>
      </li>
      <li>
        <NavLink to="/my/documents">{t('documents.my.title')}</NavLink>
      </li>
      <li>
        <NavLink to="/my/appointments">{t('appointments.my.title')}</NavLink>
      </li>
      <li>
        <NavLink to="/my/cases">{t('portal.cases.title')}</NavLink>
      </li>
      <li>
        <NavLink to="/my/contact">{t('portal.contact.title')}</NavLink>
      </li>
      <li>
        <NavLink to="/my/data-use">{t('portal.my.dataUseLink')}</NavLink>
      </li>
    </ul>
  ) : undefined;
  const account = resident ? (
    <span className="account">
      {resident.displayName} ·{' '}
      <button type="button" className="button button--link" onClick={() => void doSignOut()}>
        {t('common.signOut')}
      </button>
    </span>
  ) : undefined;

  return (
    <Layout appName={t('app.portal')} demo={Boolean(config.data?.demoMode)} nav={nav} account={account}>
      <Suspense fallback={<p>{t('common.loading')}</p>}>
        <Routes>
          <Route
            path="/"
            element={
              resident ? (
                <Navigate to="/my" replace />
              ) : (
                <LandingPage demo={Boolean(config.data?.demoMode)} oidc={Boolean(config.data?.oidcForResidents)} />
              )
            }
          />
          <Route
            path="/sign-in/demo-eid"
            element={config.data?.demoMode ? <DemoEidPage /> : <Navigate to="/" replace />}
          />
          <Route path="/my" element={guard(resident && <MyPage resident={resident} />)} />
          <Route path="/my/data-use" element={guard(<DataUsePage />)} />
          <Route path="/my/data" element={guard(<MyDataPage />)} />
          <Route path="/my/declare" element={guard(<DeclarePage />)} />
          <Route path="/document-check" element={<DocumentCheckPage />} />
          <Route path="/queue" element={<QueueScreenPage />} />
          <Route path="/my/documents" element={guard(<MyDocumentsPage />)} />
          <Route path="/my/documents/apply" element={guard(<ApplyDocumentPage />)} />
          <Route path="/my/appointments" element={guard(<MyAppointmentsPage />)} />
          <Route path="/my/contact" element={guard(<MyContactPage />)} />
          <Route path="/my/appointments/new" element={guard(<BookAppointmentPage />)} />
          <Route path="/my/cases" element={guard(<MyCasesPage />)} />
          <Route path="/my/cases/new" element={guard(<CorrectionRequestPage />)} />
          <Route path="/my/cases/:caseId" element={guard(<MyCasePage />)} />
          <Route path="/my/invitations/new" element={guard(<InvitePage />)} />
          <Route path="/my/visas/new" element={guard(<ApplyVisaPage />)} />
          <Route path="/my/permits/new" element={guard(<ApplyPermitPage />)} />
          <Route path="*" element={<Navigate to="/" replace />} />
        </Routes>
      </Suspense>
    </Layout>
  );
}
