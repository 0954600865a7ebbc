/**
 * The page frame both apps share: skip link, header with the language switch, navigation landmark,
 * a main region that takes focus on every page change (so screen readers announce the new page), footer.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { useLocale, useT, type Locale } from '../i18n/I18nProvider.tsx';

export function Layout(props: { appName: string; demo: boolean; nav?: ReactNode; account?: ReactNode; children: ReactNode }) {
  const t = useT();
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const heading = mainRef.current?.querySelector('h1');
    (heading ?? mainRef.current)?.focus();
  }, [location.pathname]);
  return (
    <>
      <a className="skip-link" href="#main">{t('a11y.skip')}</a>
      {props.demo && <div className="demo-banner" role="note">{t('app.demoBanner')}</div>}
      <header className="site-header">
        <div className="site-header__inner">
          <div className="brand">
            <span className="brand__name">{t('app.name')}</span>
            <span className="brand__app">{props.appName}</span>
          </div>
          <div className="header-tools">
            {props.account}
            <LanguageSwitch />
          </div>
        </div>
        {props.nav && <nav className="main-nav" aria-label={t('a11y.mainNav')}>{props.nav}</nav>}
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="page">
        {props.children}
      </main>
      <footer className="site-footer">
        <p>{t('app.office')}</p>
      </footer>
    </>
  );
}

function LanguageSwitch() {
  const { locale, setLocale } = useLocale();
  const t = useT();
  const other: Locale = locale === 'lv' ? 'en' : 'lv';
  return (
    <button type="button" className="button button--link" lang={other} onClick={() => setLocale(other)} aria-label={`${t('a11y.language')}: ${t(`language.${other}`)}`}>
      {t(`language.${other}`)}
    </button>
  );
}

/** h1 that receives focus on page changes (tabIndex -1: focusable by script, not in the tab order). */
export function PageTitle({ children }: { children: ReactNode }) {
  return <h1 tabIndex={-1}>{children}</h1>;
}
