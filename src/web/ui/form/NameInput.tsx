/**
 * A person's name as the register writes it (Latin letters, Latvian orthography). Typed in Cyrillic, the field
 * suggests its Latvian form (`kernel/cyrillic-names.ts`) under the label, with a button that puts it in: the
 * person accepts or corrects it; nothing is rewritten behind their back. The original spelling has its own field.
 */
import { useFormContext, useWatch } from 'react-hook-form';
import { latvianFormOf } from '../../../shared/kernel/cyrillic-names.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { TextInput } from './fields.tsx';

export function NameInput({ name, sexField = 'sex' }: { name: string; sexField?: string }) {
  const t = useT();
  const { control, setValue, setFocus } = useFormContext();
  const [typed, sex] = useWatch({ control, name: [name, sexField] }) as [unknown, unknown];
  const suggestion =
    typeof typed === 'string' ? latvianFormOf(typed, sex === 'M' || sex === 'F' ? sex : undefined) : undefined;
  return (
    <TextInput
      name={name}
      autoComplete="off"
      hint={
        suggestion && (
          <>
            {t('form.latvianForm', { suggestion })}{' '}
            <button
              type="button"
              className="button button--link"
              onClick={() => {
                setValue(name, suggestion, { shouldValidate: true, shouldDirty: true });
                // The button goes with the suggestion: focus stays on the field it filled, not the page.
                setFocus(name);
              }}
            >
              {t('form.useLatvianForm', { suggestion })}
            </button>
          </>
        )
      }
    />
  );
}
