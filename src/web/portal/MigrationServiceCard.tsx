/**
 * The migration services on the portal's home page, as more cards among the services: an invitation for a
 * person who may invite (a Latvian citizen or non-citizen); a visa and a residence permit for a person who needs
 * them. Nothing shows until the register has said which the person is.
 */
import { Link } from 'react-router';
import { useT } from '../i18n/I18nProvider.tsx';
import { useNeedsVisa } from './useMyStatus.ts';

export function MigrationServiceCard() {
  const needsVisa = useNeedsVisa();
  if (needsVisa === undefined) return null;
  if (!needsVisa)
    return <ServiceCard to="/my/invitations/new" title="visas.invite.title" intro="visas.invite.cardIntro" />;
  return (
    <>
      <ServiceCard to="/my/visas/new" title="visas.online.title" intro="visas.online.cardIntro" />
      <ServiceCard to="/my/permits/new" title="portal.permits.title" intro="portal.permits.cardIntro" />
    </>
  );
}

function ServiceCard({ to, title, intro }: { to: string; title: string; intro: string }) {
  const t = useT();
  return (
    <div className="card">
      <h2>
        <Link to={to}>{t(title)}</Link>
      </h2>
      <p>{t(intro)}</p>
    </div>
  );
}
