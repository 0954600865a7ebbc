import { Link } from 'react-router';
import { formatPersonalCode } from '../../shared/kernel/personal-code.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { PageTitle } from '../ui/Layout.tsx';
import { MigrationServiceCard } from './MigrationServiceCard.tsx';

export function MyPage({ resident }: { resident: { displayName: string; personalCode: string | null } }) {
  const t = useT();
  return (
    <>
      <PageTitle>{t('portal.my.title', { name: resident.displayName })}</PageTitle>
      <dl className="summary-list">
        <dt>{t('portal.my.personalCode')}</dt>
        <dd>{resident.personalCode ? formatPersonalCode(resident.personalCode) : t('common.none')}</dd>
      </dl>
      <div className="card-grid">
        <div className="card">
          <h2>
            <Link to="/my/data">{t('portal.my.registerLink')}</Link>
          </h2>
          <p>{t('portal.my.registerIntro')}</p>
        </div>
        <div className="card">
          <h2>
            <Link to="/my/declare">{t('portal.my.declareLink')}</Link>
          </h2>
          <p>{t('portal.my.declareIntro')}</p>
        </div>
        <div className="card">
          <h2>
            <Link to="/my/documents">{t('documents.my.title')}</Link>
          </h2>
          <p>{t('documents.my.cardIntro')}</p>
        </div>
        <div className="card">
          <h2>
            <Link to="/my/appointments">{t('appointments.my.title')}</Link>
          </h2>
          <p>{t('appointments.my.cardIntro')}</p>
        </div>
        <div className="card">
          <h2>
            <Link to="/my/cases">{t('portal.cases.title')}</Link>
          </h2>
          <p>{t('portal.cases.cardIntro')}</p>
        </div>
        <MigrationServiceCard />
        <div className="card">
          <h2>
            <Link to="/my/contact">{t('portal.contact.title')}</Link>
          </h2>
          <p>{t('portal.contact.cardIntro')}</p>
        </div>
        <div className="card">
          <h2>
            <Link to="/my/data-use">{t('portal.my.dataUseLink')}</Link>
          </h2>
          <p>{t('portal.dataUse.intro')}</p>
        </div>
      </div>
    </>
  );
}
