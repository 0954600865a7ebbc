/** Latvian by default, English complete; the choice is remembered and sets <html lang>. */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { IntlProvider, useIntl } from 'react-intl';
import lv from '../../shared/i18n/lv.json' with { type: 'json' };
import en from '../../shared/i18n/en.json' with { type: 'json' };

export type Locale = 'lv' | 'en';
const CATALOGUES: Record<Locale, Record<string, string>> = { lv, en };
const STORAGE_KEY = 'civitas.locale';

const LocaleContext = createContext<{ locale: Locale; setLocale: (l: Locale) => void }>({
  locale: 'lv',
  setLocale: () => {},
});

function initialLocale(): Locale {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  return stored === 'en' || stored === 'lv' ? stored : 'lv';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const setLocale = useCallback((l: Locale) => {
    localStorage.setItem(STORAGE_KEY, l);
    setLocaleState(l);
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return (
    <LocaleContext.Provider value={value}>
      <IntlProvider locale={locale} messages={CATALOGUES[locale]} defaultLocale="lv" onError={reportIntlError}>
        {children}
      </IntlProvider>
    </LocaleContext.Provider>
  );
}

export const useLocale = () => useContext(LocaleContext);

/** Free-text values (a purpose code the catalogue lacks) fall back to themselves; other intl errors are reported. */
function reportIntlError(error: { code: string }): void {
  if (error.code !== 'MISSING_TRANSLATION') console.error(error);
}

/** `t('key', values)`: a message from the catalogue. */
export function useT() {
  const intl = useIntl();
  return useCallback(
    (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values),
    [intl],
  );
}
