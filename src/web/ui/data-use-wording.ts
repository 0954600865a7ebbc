/**
 * "Who used my data" in words: who acted (you, your legal representative, an officer of an institution, a
 * partner institution's system, the office's own system), what they did ("Booked a visit") and why. Pure,
 * over a translate function, so both languages can be checked without a browser.
 */
import type { DataUseEntry } from '../../shared/contracts/audit.contract.ts';

/** `t(key, values)`; returns the key itself when the catalogue has no such message (as react-intl does). */
export type Translate = (key: string, values?: Record<string, string | number>) => string;
/** The resident reads "you"; an auditor reads about "the person" and sees the officer's name. */
export type DataUseAudience = 'resident' | 'auditor';
export type DataUseRow = DataUseEntry & { actorName?: string | null };
/** Who acted: the person or institution, and (for an institution) in what capacity. */
export interface ActorWords {
  who: string;
  capacity?: string;
}

/** The institution staff accounts carry by default: the office itself. */
const OFFICE_INSTITUTION = 'PMLP';

/** The wording of data-use entries for `audience`, in the language of `t`. */
export function dataUseWording(t: Translate, audience: DataUseAudience) {
  const optional = (key: string, values?: Record<string, string | number>): string | undefined => {
    const text = t(key, values);
    return text === key ? undefined : text;
  };
  const office = t('app.office');
  const forAuditor = audience === 'auditor' ? 'ForAuditor' : '';
  const roles = (e: DataUseRow) =>
    (e.actorRole ?? '')
      .split(',')
      .filter(Boolean)
      .map((r) => optional(`role.${r}`) ?? r)
      .join(', ');

  function actor(e: DataUseRow): ActorWords {
    switch (e.actor) {
      case 'self':
        return { who: t(`dataUse.who.self${forAuditor}`) };
      case 'representative':
        return { who: t(`dataUse.who.representative${forAuditor}`) };
      case 'system':
        return { who: office, capacity: t('dataUse.who.system') };
      case 'partner':
        return {
          who: optional(`institution.partner.${e.institution}`) ?? e.institution,
          capacity: t('dataUse.who.partner'),
        };
      case 'officer': {
        const role = roles(e);
        const name = audience === 'auditor' && e.actorName ? ` — ${e.actorName}` : '';
        return {
          who: e.institution === OFFICE_INSTITUTION ? office : e.institution,
          capacity: `${role ? t('dataUse.who.officer', { role }) : t('dataUse.who.officerNoRole')}${name}`,
        };
      }
    }
  }

  return {
    actor,
    /** What was done to what ("Booked a visit"); a pair without its own message falls back to the action. */
    activity: (e: DataUseRow) =>
      optional(`dataUse.activity.${e.resource}.${e.action}`) ?? optional(`action.${e.action}`) ?? e.action,
    purpose: (e: DataUseRow) =>
      (audience === 'auditor' ? optional(`dataUse.auditorPurpose.${e.purpose}`) : undefined) ??
      optional(`purpose.${e.purpose}`) ??
      e.purpose,
  };
}
