/** Select, date and radio fields in the same pattern as TextField (label, hint, error, described-by). */
import type { ReactNode, SelectHTMLAttributes } from 'react';

function describedBy(id: string, hint?: string, error?: string) {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

export function SelectField(props: { id: string; label: string; hint?: string; error?: string | undefined; children: ReactNode } & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'>) {
  const { id, label, hint, error, children, ...select } = props;
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && <p className="hint" id={`${id}-hint`}>{hint}</p>}
      {error && <p className="field-error" id={`${id}-error`}>{error}</p>}
      <select id={id} name={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} {...select}>{children}</select>
    </div>
  );
}

export function RadioGroup(props: { name: string; legend: string; options: ReadonlyArray<{ value: string; label: string }>; value: string; onChange: (value: string) => void; error?: string | undefined }) {
  return (
    <fieldset className={`fieldset${props.error ? ' field--error' : ''}`} id={props.name}>
      <legend>{props.legend}</legend>
      {props.error && <p className="field-error">{props.error}</p>}
      {props.options.map((o) => (
        <div className="radio" key={o.value}>
          <input type="radio" id={`${props.name}-${o.value}`} name={props.name} value={o.value} checked={props.value === o.value} onChange={() => props.onChange(o.value)} />
          <label htmlFor={`${props.name}-${o.value}`}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  );
}
