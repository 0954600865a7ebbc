/**
 * The purpose an officer works under (a case reference or a reason), as part of a contract form whose schema
 * takes `caseReference` and `reason` (the register's `Purpose`): one of the two is needed, so neither is
 * marked optional, and the form's schema adds `requirePurposeIn` so an empty pair is refused in the browser
 * as the server would refuse it.
 */
import { useT } from '../../i18n/I18nProvider.tsx';
import { TextInput } from '../../ui/form/fields.tsx';

/** The refinement a form's schema adds: a case reference or a reason (the message names the case reference field). */
export const requirePurposeIn: [
  (v: { caseReference?: string | undefined; reason?: string | undefined }) => boolean,
  { path: PropertyKey[]; message: string },
] = [(v) => Boolean(v.caseReference || v.reason), { path: ['caseReference'], message: 'validation.purposeRequired' }];

/** Labels of the two fields, for a form's label map. */
export function purposeLabels(t: (key: string) => string): Record<string, string> {
  return { caseReference: t('purpose.caseReference'), reason: t('purpose.reason') };
}

export function PurposeFieldset() {
  const t = useT();
  return (
    <fieldset className="fieldset">
      <legend>{t('purpose.title')}</legend>
      <p className="hint">{t('purpose.intro')}</p>
      <TextInput name="caseReference" className="input--short" oneOfGroup />
      <TextInput name="reason" oneOfGroup />
    </fieldset>
  );
}
