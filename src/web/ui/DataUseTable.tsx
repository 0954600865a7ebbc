/**
 * A table of data-use entries, for the resident ("who used my data") and for auditors: every code told
 * in words (data-use-wording.ts), times on the office's clock.
 */
import { useMemo } from 'react';
import { useT } from '../i18n/I18nProvider.tsx';
import { useFormat } from './format.ts';
import { ScrollTable } from './Table.tsx';
import { useBranchName } from './branch-names.ts';
import { dataUseWording, type DataUseAudience, type DataUseRow } from './data-use-wording.ts';

/** The entries, newest first as given; on a narrow screen the table scrolls inside its own box. */
export function DataUseTable({
  entries,
  audience = 'resident',
}: {
  entries: DataUseRow[];
  audience?: DataUseAudience;
}) {
  const t = useT();
  const f = useFormat();
  // An officer's institution is recorded by its Latvian name; a municipality's office is also a branch with an English name.
  const branchName = useBranchName();
  const words = useMemo(() => dataUseWording(t, audience), [t, audience]);
  return (
    <ScrollTable label={t('portal.dataUse.title')}>
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
          {entries.map((e) => {
            const actor = words.actor(e);
            return (
              <tr key={e.id}>
                <td>
                  <time dateTime={e.occurredAt}>{f.dateTime(e.occurredAt)}</time>
                </td>
                <td>
                  {branchName(actor.who)}
                  {actor.capacity && (
                    <>
                      <br />
                      <span className="hint">{actor.capacity}</span>
                    </>
                  )}
                </td>
                <td>{words.activity(e)}</td>
                <td>{words.purpose(e)}</td>
                <td>{f.citation(e.legalBasis)}</td>
                <td>{e.caseReference ?? t('common.none')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollTable>
  );
}
