/**
 * The purpose fields outside a contract form: the person card's "confirm the purpose" step and the
 * duplicates page keep the purpose in the tab (purpose.ts) as it is typed. Contract forms use PurposeFieldset.
 */
import { useT } from '../../i18n/I18nProvider.tsx';
import { TextField } from '../../ui/forms.tsx';

export function PurposeFields({ purpose, onChange, error }: { purpose: { caseReference: string; reason: string }; onChange: (p: { caseReference: string; reason: string }) => void; error?: string | undefined }) {
  const t = useT();
  return (
    <fieldset className={`fieldset${error ? ' field--error' : ''}`} id="purpose">
      <legend>{t('purpose.title')}</legend>
      <p className="hint">{t('purpose.intro')}</p>
      {error && <p className="field-error">{error}</p>}
      <TextField id="caseReference" label={t('purpose.caseReference')} value={purpose.caseReference} onChange={(e) => onChange({ ...purpose, caseReference: e.target.value })} />
      <TextField id="reason" label={t('purpose.reason')} value={purpose.reason} onChange={(e) => onChange({ ...purpose, reason: e.target.value })} />
    </fieldset>
  );
}
