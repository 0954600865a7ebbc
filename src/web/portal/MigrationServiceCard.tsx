/**
 * The migration service on the portal's home page, as one more card among the services: an invitation for a
 * person who may invite (a Latvian citizen or non-citizen), a visa for a person who needs one. Nothing shows
 * until the register has said which the person is.
 */
import { Link } from 'react-router';
import { useT } from '../i18n/I18nProvider.tsx';
import { useNeedsVisa } from './useMyStatus.ts';

export function MigrationServiceCard() {
  const t = useT();
  const needsVisa = useNeedsVisa();
  if (needsVisa === undefined) return null;
  const [to, title, intro] = needsVisa
    ? ['/my/visas/new', 'visas.online.title', 'visas.online.cardIntro']
    : ['/my/invitations/new', 'visas.invite.title', 'visas.invite.cardIntro'];
  return (
    <div className="card">
      <h2><Link to={to}>{t(title)}</Link></h2>
      <p>{t(intro)}</p>
    </div>
  );
}
