/** A table of data-use entries, for the resident ("who used my data") and for auditors. */
import type { DataUseEntry } from '../../shared/contracts/audit.contract.ts';
import { useLocale, useT } from '../i18n/I18nProvider.tsx';

type Entry = DataUseEntry & { actorName?: string | null };

export function DataUseTable({ entries, showActor = false }: { entries: Entry[]; showActor?: boolean }) {
  const t = useT();
  const { locale } = useLocale();
  const label = (prefix: string, value: string) => {
    const key = `${prefix}.${value}`;
    const text = t(key);
    return text === key ? value : text;
  };
  const when = (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'Europe/Riga' }).format(new Date(iso));
  return (
    <table className="data">
      <caption className="visually-hidden">{t('portal.dataUse.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('portal.dataUse.when')}</th>
          <th scope="col">{t('portal.dataUse.who')}</th>
          <th scope="col">{t('portal.dataUse.what')}</th>
          <th scope="col">{t('portal.dataUse.purpose')}</th>
          <th scope="col">{t('portal.dataUse.legalBasis')}</th>
          <th scope="col">{t('portal.dataUse.case')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.id}>
            <td>{when(e.occurredAt)}</td>
            <td>
              {e.institution} · {label('actor', e.actorType)}
              {e.actorRole && e.actorType === 'staff' ? ` (${e.actorRole.split(',').map((r) => label('role', r)).join(', ')})` : ''}
              {showActor && e.actorName ? ` — ${e.actorName}` : ''}
            </td>
            <td>{label('action', e.action)}</td>
            <td>{label('purpose', e.purpose)}</td>
            <td>{e.legalBasis}</td>
            <td>{e.caseReference ?? t('common.none')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
