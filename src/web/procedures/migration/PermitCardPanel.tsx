/**
 * After a grant: the residence permit card is made through a document application at a document desk (the
 * holder's fingerprints and photo), applied for from the holder's register card. The panel says so and links there.
 */
import { Link } from 'react-router';
import { useT } from '../../i18n/I18nProvider.tsx';

export function PermitCardPanel({ personId }: { personId: string }) {
  const t = useT();
  return (
    <section className="panel" aria-labelledby="permit-card-title">
      <h3 id="permit-card-title">{t('permits.card.title')}</h3>
      <p>{t('permits.card.how')}</p>
      <p>
        <Link to={`/register/persons/${personId}`}>{t('permits.card.link')}</Link>
      </p>
    </section>
  );
}
