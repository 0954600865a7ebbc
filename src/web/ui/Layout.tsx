/**
 * The page frame both apps share: skip link, header with the language switch, navigation landmark,
 * a main region that takes focus on every page change (so screen readers announce the new page), footer.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { useLocale, useT, type Locale } from '../i18n/I18nProvider.tsx';

export function Layout(props: {
  appName: string;
  demo: boolean;
  nav?: ReactNode;
  account?: ReactNode;
  children: ReactNode;
}) {
  const t = useT();
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const first = useRef(true);
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => {
    setMenuOpen(false);
    if (first.current) {
      first.current = false;
      return;
    }
    const heading = mainRef.current?.querySelector('h1');
    (heading ?? mainRef.current)?.focus();
  }, [location.pathname]);
  return (
    <>
      <a className="skip-link" href="#main">
        {t('a11y.skip')}
      </a>
      {props.demo && (
        <div className="demo-banner" role="note">
          {t('app.demoBanner')}
        </div>
      )}
      <header className="site-header">
        <div className="site-header__inner">
          <div className="brand">
            <span className="brand__name">{t('app.name')}</span>
            <span className="brand__app">{props.appName}</span>
          </div>
          <div className="header-tools">
            {props.account}
            <LanguageSwitch />
            {props.nav && (
              <button
                type="button"
                className="menu-button"
                aria-expanded={menuOpen}
                aria-controls="main-nav"
                onClick={() => setMenuOpen((open) => !open)}
              >
                <span aria-hidden="true" className="menu-button__icon">
                  {menuOpen ? '×' : '≡'}
                </span>{' '}
                {t('a11y.menu')}
              </button>
            )}
          </div>
        </div>
        {props.nav && (
          <nav id="main-nav" className={`main-nav${menuOpen ? ' main-nav--open' : ''}`} aria-label={t('a11y.mainNav')}>
            {props.nav}
          </nav>
        )}
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
    <button
      type="button"
      className="button button--link"
      lang={other}
      onClick={() => setLocale(other)}
      aria-label={`${t('a11y.language')}: ${t(`language.${other}`)}`}
    >
      {t(`language.${other}`)}
    </button>
  );
}

/**
 * The page's h1, and the browser tab's title: "<page> — Civitas" in the page's language (WCAG 2.4.2).
 * `title` gives the tab's words when the heading holds more than text. With `announce`, the heading takes
 * focus and is scrolled to whenever its text changes: the result of an action replacing a form.
 */
export function PageTitle({
  children,
  title,
  announce = false,
}: {
  children: ReactNode;
  title?: string;
  announce?: boolean;
}) {
  const t = useT();
  const ref = useRef<HTMLHeadingElement>(null);
  const text = title ?? (typeof children === 'string' ? children : '');
  useEffect(() => {
    document.title = text ? `${text} — ${t('app.name')}` : t('app.name');
  }, [text, t]);
  useEffect(() => {
    if (!announce || !ref.current) return;
    ref.current.scrollIntoView({ block: 'start' });
    ref.current.focus({ preventScroll: true });
  }, [announce, text]);
  return (
    <h1 tabIndex={-1} ref={ref}>
      {children}
    </h1>
  );
}

/**
 * Something that opens below what the person clicked (a form under a button): scrolled into view and
 * focused when it appears, so it does not open out of sight with focus left behind. `version` moves focus
 * there again when the content is replaced (a second save's result).
 */
export function useRevealOnOpen<T extends HTMLElement>(open: boolean, version: unknown = undefined) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (!open || !ref.current) return;
    ref.current.scrollIntoView({ block: 'nearest' });
    ref.current.focus({ preventScroll: true });
  }, [open, version]);
  return ref;
}
