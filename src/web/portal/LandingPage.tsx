import { Link, useSearchParams } from 'react-router';
import { useT } from '../i18n/I18nProvider.tsx';
import { PageTitle } from '../ui/Layout.tsx';
import { Notice } from '../ui/Notice.tsx';

export function LandingPage({ demo, oidc }: { demo: boolean; oidc: boolean }) {
  const t = useT();
  const [params] = useSearchParams();
  const reason = params.get('reason');
  return (
    <>
      <PageTitle>{t('portal.home.title')}</PageTitle>
      {reason === 'expired' && <Notice kind="warning">{t('error.SESSION_EXPIRED')}</Notice>}
      {reason === 'signed-out' && <Notice kind="success">{t('staff.signIn.signedOut')}</Notice>}
      <p className="lead">{t('portal.home.intro')}</p>
      <div className="button-row">
        {oidc && (
          <a className="button" href="/api/auth/oidc/start?kind=resident&returnTo=/my">
            {t('portal.signIn.eid')}
          </a>
        )}
        {demo && (
          <Link className="button" to="/sign-in/demo-eid">
            {t('portal.signIn.demo')}
          </Link>
        )}
      </div>
      <h2>{t('documents.check.title')}</h2>
      <p>
        {t('documents.check.landing')} <Link to="/document-check">{t('documents.check.open')}</Link>
      </p>
      <p>
        <Link to="/queue">{t('appointments.screen.open')}</Link>
      </p>
    </>
  );
}
