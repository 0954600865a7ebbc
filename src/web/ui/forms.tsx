/**
 * Form pieces in the GOV.UK pattern for the forms not yet on the contract form layer (ui/form/, decision 0022):
 * labelled fields with hints and errors, and an error summary that takes focus.
 */
import { useEffect, useId, useRef, type InputHTMLAttributes, type ReactNode } from 'react';
import { useT } from '../i18n/I18nProvider.tsx';

export interface FormError {
  field?: string;
  message: string;
}

export function ErrorSummary({ errors }: { errors: FormError[] }) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const titleId = `${useId()}-summary-title`;
  useEffect(() => {
    if (errors.length) ref.current?.focus();
  }, [errors]);
  if (!errors.length) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby={titleId}>
      {/* "Please correct" only when there is something to correct; a refusal (a rule, a rate limit) is not the person's typing. */}
      <h2 id={titleId}>{t(errors.some((e) => e.field) ? 'errors.fixTitle' : 'errors.refusedTitle')}</h2>
      <ul>
        {errors.map((e, i) => (
          <li key={`${e.field ?? 'form'}-${i}`}>{e.field ? <a href={`#${e.field}`}>{e.message}</a> : e.message}</li>
        ))}
      </ul>
    </div>
  );
}

export function TextField(props: { id: string; label: string; hint?: string; error?: string | undefined } & Omit<InputHTMLAttributes<HTMLInputElement>, 'id'>) {
  const { id, label, hint, error, ...input } = props;
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && <p className="hint" id={`${id}-hint`}>{hint}</p>}
      {error && <p className="field-error" id={`${id}-error`}>{error}</p>}
      <input id={id} name={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
    </div>
  );
}

export function Notice({ kind, children }: { kind: 'info' | 'success' | 'warning'; children: ReactNode }) {
  return <div className={`notice notice--${kind}`} role={kind === 'info' ? 'status' : 'status'}>{children}</div>;
}
