/** The migration desk's pages, reached from the menu's one "Migration" entry: a new visa or residence application, the stay calculator. */
import { Link } from 'react-router';
import { useT } from '../../i18n/I18nProvider.tsx';
import { PageTitle } from '../../ui/Layout.tsx';

export function MigrationPage() {
  const t = useT();
  return (
    <>
      <PageTitle>{t('staff.migration.title')}</PageTitle>
      <div className="card-grid">
        <div className="card">
          <h2>
            <Link to="/migration/visas/new">{t('visas.desk.title')}</Link>
          </h2>
          <p>{t('staff.migration.newVisaIntro')}</p>
        </div>
        <div className="card">
          <h2>
            <Link to="/migration/permits/new">{t('staff.permits.title')}</Link>
          </h2>
          <p>{t('staff.migration.newPermitIntro')}</p>
        </div>
        <div className="card">
          <h2>
            <Link to="/migration/stay">{t('staff.migration.stay')}</Link>
          </h2>
          <p>{t('staff.migration.stayIntro')}</p>
        </div>
      </div>
    </>
  );
}
