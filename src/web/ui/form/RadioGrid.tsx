/**
 * A choice of one among many short options (the free times of a day), as radio buttons laid out in a grid
 * inside a fieldset whose legend is the label. Otherwise as `Radios` (fields.tsx): its own error, described
 * by it, and the summary's link goes to the first option.
 */
import type { ReactNode } from 'react';
import { useFormContext, type FieldError } from 'react-hook-form';
import { useT } from '../../i18n/I18nProvider.tsx';
import { fieldId, useFormMeta, useMessageText } from './Form.tsx';

export function RadioGrid({
  name,
  label,
  options,
}: {
  name: string;
  label?: string;
  options: ReadonlyArray<{ value: string; label: ReactNode }>;
}) {
  const t = useT();
  const { labels, idPrefix } = useFormMeta();
  const { register, formState, getFieldState } = useFormContext();
  const text = useMessageText();
  const id = fieldId(name, idPrefix);
  const legend = label ?? labels[name] ?? name;
  const error = getFieldState(name, formState).error as FieldError | undefined;
  const message = error ? text(error.message, legend) : undefined;
  return (
    <fieldset
      className={`fieldset${message ? ' field--error' : ''}`}
      aria-describedby={message ? `${id}-error` : undefined}
    >
      <legend>{legend}</legend>
      {message && (
        <p className="field-error" id={`${id}-error`}>
          <span className="visually-hidden">{t('form.errorPrefix')} </span>
          {message}
        </p>
      )}
      <div className="radio-grid">
        {options.map((o, i) => {
          // Option values may be instants ("…T06:30:00.000Z"): ids by position stay plain.
          const optionId = i === 0 ? id : `${id}-${i}`;
          return (
            <div className="radio" key={o.value}>
              <input type="radio" id={optionId} value={o.value} {...register(name)} />
              <label htmlFor={optionId}>{o.label}</label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
