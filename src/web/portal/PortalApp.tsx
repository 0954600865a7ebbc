/** The resident portal: sign-in (national eID, or the demo eID page in demo mode), my data, who used my data. */
import type { ReactNode } from 'react';
import { Navigate, NavLink, Route, Routes } from 'react-router';
import { useT } from '../i18n/I18nProvider.tsx';
import { Layout } from '../ui/Layout.tsx';
import { useClientConfig, useSession } from '../session/useSession.ts';
import { useSessionExit } from '../session/useSessionExit.ts';
import { LandingPage } from './LandingPage.tsx';
import { DemoEidPage } from './DemoEidPage.tsx';
import { MyPage } from './MyPage.tsx';
import { DataUsePage } from './DataUsePage.tsx';
import { MyDataPage } from './MyDataPage.tsx';
import { DeclarePage } from './DeclarePage.tsx';
import { MyCasesPage } from './MyCasesPage.tsx';
import { MyCasePage } from './MyCasePage.tsx';
import { CorrectionRequestPage } from './CorrectionRequestPage.tsx';
import { DocumentCheckPage } from './DocumentCheckPage.tsx';
import { MyDocumentsPage } from './MyDocumentsPage.tsx';
import { ApplyDocumentPage } from './ApplyDocumentPage.tsx';
import { MyAppointmentsPage } from './MyAppointmentsPage.tsx';
import { BookAppointmentPage } from './BookAppointmentPage.tsx';
import { QueueScreenPage } from './QueueScreenPage.tsx';
import { MyContactPage } from './MyContactPage.tsx';

export function PortalApp() {
  const t = useT();
  const session = useSession();
  const config = useClientConfig();
  const signedIn = session.data?.authenticated === true && session.data.kind === 'resident';
  const { exitReason, signOut: doSignOut } = useSessionExit(signedIn);

  if (session.isPending || config.isPending) return <p className="page">{t('common.loading')}</p>;
  const resident = session.data?.authenticated && session.data.kind === 'resident' ? session.data.resident : undefined;

  const guard = (element: ReactNode) => (resident ? element : <Navigate to={exitReason ? `/?reason=${exitReason}` : '/'} replace />);
  const nav = resident ? (
    <ul>
      <li><NavLink to="/my" end>{t('common.home')}</NavLink></li>
      <li><NavLink to="/my/data">{t('portal.my.registerLink')}</NavLink></li>
      <li><NavLink to="/my/declare">{t('portal.my.declareLink')}</NavLink></li>
      <li><NavLink to="/my/documents">{t('documents.my.title')}</NavLink></li>
      <li><NavLink to="/my/appointments">{t('appointments.my.title')}</NavLink></li>
      <li><NavLink to="/my/cases">{t('portal.cases.title')}</NavLink></li>
      <li><NavLink to="/my/data-use">{t('portal.my.dataUseLink')}</NavLink></li>
    </ul>
  ) : undefined;
  const account = resident ? (
    <span className="account">{resident.displayName} · <button type="button" className="button button--link" onClick={() => void doSignOut()}>{t('common.signOut')}</button></span>
  ) : undefined;

  return (
    <Layout appName={t('app.portal')} demo={Boolean(config.data?.demoMode)} nav={nav} account={account}>
      <Routes>
        <Route path="/" element={resident ? <Navigate to="/my" replace /> : <LandingPage demo={Boolean(config.data?.demoMode)} oidc={Boolean(config.data?.oidcForResidents)} />} />
        <Route path="/sign-in/demo-eid" element={config.data?.demoMode ? <DemoEidPage /> : <Navigate to="/" replace />} />
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
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </Layout>
  );
}
