/** The resident portal: sign-in (national eID, or the demo eID page in demo mode), my data, who used my data. */
import { useEffect, useState, type ReactNode } from 'react';
import { Navigate, NavLink, Route, Routes } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { signOut } from '../../shared/contracts/identity.contract.ts';
import { callApi, onSessionExpired, setCsrfToken } from '../api/client.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { Layout } from '../ui/Layout.tsx';
import { SESSION_KEY, useClientConfig, useSession } from '../session/useSession.ts';
import { LandingPage } from './LandingPage.tsx';
import { DemoEidPage } from './DemoEidPage.tsx';
import { MyPage } from './MyPage.tsx';
import { DataUsePage } from './DataUsePage.tsx';

export function PortalApp() {
  const t = useT();
  const session = useSession();
  const config = useClientConfig();
  const queryClient = useQueryClient();
  // Why the person was sent to sign-in; the route guard's redirect carries it so the page can say so.
  const [exitReason, setExitReason] = useState<'expired' | 'signed-out'>();

  useEffect(() => onSessionExpired(() => {
    setCsrfToken(undefined);
    setExitReason('expired');
    queryClient.setQueryData(SESSION_KEY, { authenticated: false });
  }), [queryClient]);

  if (session.isPending || config.isPending) return <p className="page">{t('common.loading')}</p>;
  const resident = session.data?.authenticated && session.data.kind === 'resident' ? session.data.resident : undefined;

  if (resident && exitReason) setExitReason(undefined);
  const doSignOut = async () => {
    await callApi(signOut).catch(() => undefined);
    setCsrfToken(undefined);
    setExitReason('signed-out');
    queryClient.setQueryData(SESSION_KEY, { authenticated: false });
  };
  const guard = (element: ReactNode) => (resident ? element : <Navigate to={exitReason ? `/?reason=${exitReason}` : '/'} replace />);
  const nav = resident ? (
    <ul>
      <li><NavLink to="/my" end>{t('common.home')}</NavLink></li>
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
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </Layout>
  );
}
