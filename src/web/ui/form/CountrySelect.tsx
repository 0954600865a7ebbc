/** A country chosen from the ISO 3166 list in the page's language (a contract's three-letter CountryCode). */
import { useQuery } from '@tanstack/react-query';
import { listCountries } from '../../../shared/contracts/register.contract.ts';
import { callApi } from '../../api/client.ts';
import { useLocale, useT } from '../../i18n/I18nProvider.tsx';
import { Select } from './fields.tsx';

export function CountrySelect({
  name,
  hint,
  exclude = [],
}: {
  name: string;
  hint?: string;
  exclude?: readonly string[];
}) {
  const t = useT();
  const { locale } = useLocale();
  const countries = useQuery({ queryKey: ['countries'], queryFn: () => callApi(listCountries), staleTime: Infinity });
  const collator = new Intl.Collator(locale);
  const options = (countries.data?.countries ?? [])
    .filter((c) => !exclude.includes(c.code))
    .map((c) => ({ code: c.code, name: locale === 'lv' ? c.lv : c.en }))
    .sort((a, b) => collator.compare(a.name, b.name));
  return (
    <Select name={name} {...(hint ? { hint } : {})}>
      <option value="">{t('address.chooseCountry')}</option>
      {options.map((c) => (
        <option key={c.code} value={c.code}>
          {c.name}
        </option>
      ))}
    </Select>
  );
}
