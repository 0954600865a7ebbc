/** The register's sex (F/M) as a select in a contract form. */
import { useT } from '../../i18n/I18nProvider.tsx';
import { Select } from './fields.tsx';

export function SexSelect({ name = 'sex' }: { name?: string }) {
  const t = useT();
  return (
    <Select name={name}>
      <option value="F">{t('register.sex.F')}</option>
      <option value="M">{t('register.sex.M')}</option>
    </Select>
  );
}
