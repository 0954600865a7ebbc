/**
 * Fields of a contract form (inside <Form>): each has its label (from the form's labels), a hint, its own
 * error message, `aria-describedby` for both, and the required/optional mark the schema implies.
 */
import {
  useEffect,
  useState,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';
import { useFormContext, useWatch, type FieldError } from 'react-hook-form';
import { useT } from '../../i18n/I18nProvider.tsx';
import { fieldId, useFormMeta, useMessageText } from './Form.tsx';
import { useFormat } from '../format.ts';
import { emptyValueAt, isRequiredAt, maxLengthAt } from './schema-paths.ts';

interface FieldFrame {
  name: string;
  /** Overrides the form's label for this field. */
  label?: string;
  hint?: ReactNode;
  /** For fields where one of a group is needed (the purpose: a case reference or a reason; a search criterion): no "(optional)". */
  oneOfGroup?: boolean;
  /** In a table row whose row and column headings say what the field is: the label is read out, not shown. */
  hideLabel?: boolean;
}

/** What every field needs: its id, label, required mark, error text and the ids describing it. */
function useField(name: string, labelOverride?: string, hasHint = false) {
  const { schema, labels, idPrefix, markOptional } = useFormMeta();
  const { register, formState, getFieldState } = useFormContext();
  const text = useMessageText();
  const id = fieldId(name, idPrefix);
  const label = labelOverride ?? labels[name] ?? name;
  const error = getFieldState(name, formState).error as FieldError | undefined;
  const message = error ? text(error.message, label) : undefined;
  const required = isRequiredAt(schema, name);
  const empty = emptyValueAt(schema, name);
  /** Registers the input; an empty optional field sends what the contract takes for "nothing". */
  const registerField = () =>
    register(name, empty === '' ? {} : { setValueAs: (v: unknown) => (v === '' ? empty : v) });
  const describedBy =
    [hasHint ? `${id}-hint` : '', message ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  /** "(optional)" after the label: the schema lets the field stay empty, and the form is not a filter. */
  const optional = !required && markOptional;
  return { id, label, message, required, optional, describedBy, register, registerField, schema };
}

function Label({
  htmlFor,
  label,
  optional,
  hidden = false,
}: {
  htmlFor: string;
  label: string;
  optional: boolean;
  hidden?: boolean | undefined;
}) {
  const t = useT();
  return (
    <label htmlFor={htmlFor} className={hidden ? 'visually-hidden' : undefined}>
      {label}
      {optional && <span className="optional"> {t('form.optional')}</span>}
    </label>
  );
}

function HintAndError({ id, hint, message }: { id: string; hint?: ReactNode; message: string | undefined }) {
  const t = useT();
  return (
    <>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {message && (
        <p className="field-error" id={`${id}-error`}>
          <span className="visually-hidden">{t('form.errorPrefix')} </span>
          {message}
        </p>
      )}
    </>
  );
}

export function TextInput({
  name,
  label,
  hint,
  oneOfGroup = false,
  hideLabel,
  ...input
}: FieldFrame & Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'id'>) {
  const f = useField(name, label, Boolean(hint));
  return (
    <div className={`field${f.message ? ' field--error' : ''}`}>
      <Label htmlFor={f.id} label={f.label} optional={f.optional && !oneOfGroup} hidden={hideLabel} />
      <HintAndError id={f.id} hint={hint} message={f.message} />
      <input
        id={f.id}
        aria-invalid={f.message ? true : undefined}
        aria-describedby={f.describedBy}
        aria-required={f.required || undefined}
        {...input}
        {...f.registerField()}
      />
    </div>
  );
}

/**
 * A date (the browser's own date picker, decision 0026); a typed day that does not exist is refused as such.
 * The field shows day, month and year in the browser's order, not the page's, and a phone shows no pattern
 * until it is opened: the hint always says the order this browser expects (`dd.mm.gggg`, `mm/dd/yyyy`).
 */
export function DateInput({
  name,
  label,
  hint,
  min,
  max,
  oneOfGroup = false,
  hideLabel,
}: FieldFrame & { min?: string; max?: string }) {
  const f = useField(name, label, true);
  const t = useT();
  const format = useFormat();
  const pattern = <span className="date-pattern">{t('form.dateFormat', { pattern: format.datePattern })}</span>;
  return (
    <div className={`field field--date${f.message ? ' field--error' : ''}`}>
      <Label htmlFor={f.id} label={f.label} optional={f.optional && !oneOfGroup} hidden={hideLabel} />
      <HintAndError
        id={f.id}
        hint={
          hint ? (
            <>
              {hint} {pattern}
            </>
          ) : (
            pattern
          )
        }
        message={f.message}
      />
      <input
        type="date"
        id={f.id}
        min={min}
        max={max}
        aria-invalid={f.message ? true : undefined}
        aria-describedby={f.describedBy}
        aria-required={f.required || undefined}
        {...f.registerField()}
      />
    </div>
  );
}

/**
 * Several lines of text, with a count of the characters left under the schema's maximum (as the server
 * counts: without the spaces at either end). The count is announced only after typing pauses.
 */
export function TextArea({
  name,
  label,
  hint,
  rows = 5,
  oneOfGroup: _oneOfGroup,
  hideLabel,
  ...area
}: FieldFrame & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'name' | 'id'>) {
  const f = useField(name, label, Boolean(hint));
  const max = maxLengthAt(f.schema, name);
  const value = useWatch({ name }) as string | undefined;
  return (
    <div className={`field field--wide${f.message ? ' field--error' : ''}`}>
      <Label htmlFor={f.id} label={f.label} optional={f.optional} hidden={hideLabel} />
      <HintAndError id={f.id} hint={hint} message={f.message} />
      <textarea
        id={f.id}
        rows={rows}
        aria-invalid={f.message ? true : undefined}
        aria-describedby={[f.describedBy, max ? `${f.id}-count` : ''].filter(Boolean).join(' ') || undefined}
        aria-required={f.required || undefined}
        {...area}
        {...f.registerField()}
      />
      {max !== undefined && <CharacterCount id={`${f.id}-count`} left={max - (value ?? '').trim().length} />}
    </div>
  );
}

function CharacterCount({ id, left }: { id: string; left: number }) {
  const t = useT();
  const text = left >= 0 ? t('form.charactersLeft', { count: left }) : t('form.charactersOver', { count: -left });
  const [spoken, setSpoken] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setSpoken(text), 1000);
    return () => clearTimeout(timer);
  }, [text]);
  return (
    <>
      <p className={`char-count${left < 0 ? ' char-count--over' : ''}`} id={id} aria-hidden="true">
        {text}
      </p>
      <p className="visually-hidden" aria-live="polite">
        {spoken}
      </p>
    </>
  );
}

export function Select({
  name,
  label,
  hint,
  children,
  oneOfGroup = false,
  hideLabel,
  ...select
}: FieldFrame & { children: ReactNode } & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'name' | 'id'>) {
  const f = useField(name, label, Boolean(hint));
  return (
    <div className={`field${f.message ? ' field--error' : ''}`}>
      <Label htmlFor={f.id} label={f.label} optional={f.optional && !oneOfGroup} hidden={hideLabel} />
      <HintAndError id={f.id} hint={hint} message={f.message} />
      <select
        id={f.id}
        aria-invalid={f.message ? true : undefined}
        aria-describedby={f.describedBy}
        aria-required={f.required || undefined}
        {...select}
        {...f.registerField()}
      >
        {children}
      </select>
    </div>
  );
}

/** A choice of one, as radio buttons in a fieldset whose legend is the label; the summary links to the first. */
export function Radios({
  name,
  label,
  hint,
  options,
}: FieldFrame & { options: ReadonlyArray<{ value: string; label: string; hint?: string }> }) {
  const f = useField(name, label, Boolean(hint));
  return (
    <fieldset className={`fieldset${f.message ? ' field--error' : ''}`} aria-describedby={f.describedBy}>
      <legend>{f.label}</legend>
      <HintAndError id={f.id} hint={hint} message={f.message} />
      {options.map((o, i) => (
        <div className="radio" key={o.value}>
          <input type="radio" id={i === 0 ? f.id : `${f.id}-${o.value}`} value={o.value} {...f.register(name)} />
          <label htmlFor={i === 0 ? f.id : `${f.id}-${o.value}`}>
            {o.label}
            {o.hint && <span className="hint"> {o.hint}</span>}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

/**
 * The submit button; disabled while the request runs so a double click sends once, and where there is
 * nothing to send (`disabled`: no document waits for a batch). `secondary`: not the page's main action.
 */
export function SubmitButton({
  pending,
  disabled = false,
  secondary = false,
  children,
}: {
  pending?: boolean;
  disabled?: boolean;
  secondary?: boolean;
  children: ReactNode;
}) {
  return (
    <button
      type="submit"
      className={`button${secondary ? ' button--secondary' : ''}`}
      disabled={pending || disabled}
      aria-disabled={pending || undefined}
    >
      {children}
    </button>
  );
}

/** Files to attach (the form's schema checks their type and size, as the server will: see uploadFiles). */
export function FileInput({
  name,
  label,
  hint,
  accept,
  multiple = true,
  hideLabel,
}: FieldFrame & { accept: readonly string[]; multiple?: boolean }) {
  const f = useField(name, label, Boolean(hint));
  return (
    <div className={`field${f.message ? ' field--error' : ''}`}>
      <Label htmlFor={f.id} label={f.label} optional={f.optional} hidden={hideLabel} />
      <HintAndError id={f.id} hint={hint} message={f.message} />
      <input
        type="file"
        id={f.id}
        multiple={multiple}
        accept={accept.join(',')}
        aria-invalid={f.message ? true : undefined}
        aria-describedby={f.describedBy}
        {...f.register(name)}
      />
    </div>
  );
}

/**
 * A choice of several, as checkboxes in a fieldset whose legend is the label; each box is registered under
 * the one name, so the value is the list of the checked ones (react-hook-form does this for a group of
 * checkboxes). The summary links to the first box. A fieldset takes no `aria-required`, so the schema's
 * verdict shows only as the "(optional)" mark on a group that may stay empty.
 */
export function Checkboxes({
  name,
  label,
  hint,
  options,
}: FieldFrame & { options: ReadonlyArray<{ value: string; label: string; hint?: string }> }) {
  const t = useT();
  const f = useField(name, label, Boolean(hint));
  return (
    <fieldset className={`fieldset${f.message ? ' field--error' : ''}`} aria-describedby={f.describedBy}>
      <legend>
        {f.label}
        {f.optional && <span className="optional"> {t('form.optional')}</span>}
      </legend>
      <HintAndError id={f.id} hint={hint} message={f.message} />
      <div className="checkboxes">
        {options.map((o, i) => {
          const id = i === 0 ? f.id : `${f.id}-${o.value}`;
          return (
            <div className="radio" key={o.value}>
              <input type="checkbox" id={id} value={o.value} {...f.register(name)} />
              <label htmlFor={id}>
                {o.label}
                {o.hint && <span className="hint"> {o.hint}</span>}
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

/** One box to tick (open on a weekday, takes appointments): its value is true or false. */
export function Checkbox({ name, label, hint, hideLabel }: FieldFrame) {
  const f = useField(name, label, Boolean(hint));
  return (
    <div className={`radio${f.message ? ' field--error' : ''}`}>
      <input
        type="checkbox"
        id={f.id}
        aria-invalid={f.message ? true : undefined}
        aria-describedby={f.describedBy}
        {...f.register(name)}
      />
      <label htmlFor={f.id} className={hideLabel ? 'visually-hidden' : undefined}>
        {f.label}
      </label>
      <HintAndError id={f.id} hint={hint} message={f.message} />
    </div>
  );
}
