/** A document's validity as a tag: valid, or invalid since a day and why. */
import type { DocumentView } from '../../shared/contracts/documents.contract.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { useFormat } from './format.ts';

export function DocumentStatus({ doc }: { doc: Pick<DocumentView, 'status' | 'invalidSince' | 'invalidationReason'> }) {
  const t = useT();
  const f = useFormat();
  if (doc.status === 'valid') return <span className="tag tag--success">{t('documents.status.valid')}</span>;
  return (
    <>
      <span className="tag tag--danger">{t('documents.status.invalid')}</span>{' '}
      {t('documents.status.invalidSince', { since: doc.invalidSince ? f.date(doc.invalidSince) : '' })}
      {doc.invalidationReason && <> ({t(`documents.reason.${doc.invalidationReason}`)})</>}
    </>
  );
}
