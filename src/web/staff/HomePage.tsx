import type { StaffProfile } from '../../shared/contracts/identity.contract.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { PageTitle } from '../ui/Layout.tsx';
import { Notice } from '../ui/forms.tsx';

export function HomePage({ staff, idleSeconds }: { staff: StaffProfile; idleSeconds: number }) {
  const t = useT();
  return (
    <>
      <PageTitle>{t('staff.home.title', { name: staff.displayName })}</PageTitle>
      {staff.isDemo && <Notice kind="warning"><span className="tag">{t('staff.accounts.demo')}</span> {t('staff.home.demoAccount')}</Notice>}
      <dl className="summary-list">
        <dt>{t('staff.home.roles')}</dt>
        <dd>{staff.roles.map((r) => t(`role.${r}`)).join(', ')}</dd>
        <dt>{t('staff.home.branch')}</dt>
        <dd>{staff.branchCode}</dd>
        <dt>{t('staff.home.institution')}</dt>
        <dd>{staff.institution}</dd>
      </dl>
      <p>{t('staff.home.sessionInfo', { minutes: Math.round(idleSeconds / 60) })}</p>
      <p className="lead">{t('staff.home.nextModules')}</p>
    </>
  );
}
