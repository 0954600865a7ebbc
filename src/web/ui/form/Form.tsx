/**
 * The one way a screen does a form (docs/architecture.md, "How a screen does a form"):
 *
 *   const form = useContractForm(ResidentDeclarationBody, { defaultValues: { housingBasis: '' }, labels: { housingBasis: t('declaration.housingBasis') } });
 *   const save = useMutation({ mutationFn: (body: …) => callApi(submitResidenceDeclaration, { body }), onError: form.showServerError });
 *   <Form form={form} onSubmit={(body) => save.mutate(body)}>
 *     <TextInput name="housingBasis" hint={…} />
 *     <SubmitButton pending={save.isPending}>{t('…')}</SubmitButton>
 *   </Form>
 *
 * On submit every error shows at once: in the summary at the top (focused, announced, each a link to its
 * field) and at each field. Required fields are marked from the schema.
 */
import { createContext, useContext, useEffect, useId, useRef, type ReactNode } from 'react';
import { FormProvider, useFormContext, type FieldErrors, type FieldValues, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import { decodeMessage } from '../../../shared/validation/messages.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { useFormat } from '../format.ts';
import type { ContractForm } from './useContractForm.ts';

interface FormMeta {
  schema: z.ZodType;
  labels: Record<string, string>;
  /** Element ids of this form's fields start with it, when one page holds several forms. */
  idPrefix: string;
  /** Counts the server's refusals, so each one brings the summary into focus again. */
  refusals: number;
  /** Whether a field the schema lets stay empty says "(optional)"; a filter's fields all may, so it says nothing. */
  markOptional: boolean;
}
const FormMetaContext = createContext<FormMeta | undefined>(undefined);

export function useFormMeta(): FormMeta {
  const meta = useContext(FormMetaContext);
  if (!meta) throw new Error('a form field must be inside <Form>');
  return meta;
}

/** An element id for a field path (`address.postcode` → `address-postcode`); the summary links to it. */
export const fieldId = (name: string, prefix = ''): string =>
  `${prefix ? `${prefix}-` : ''}${name.replace(/\./g, '-')}`;

/** Turns a stored message (an encoded catalogue reference, or text) into words, naming the field by its label. */
export function useMessageText(): (message: string | undefined, label: string) => string {
  const t = useT();
  const f = useFormat();
  return (message, label) => {
    if (!message) return '';
    const ref = decodeMessage(message);
    return ref.key === undefined ? ref.text : t(ref.key, { field: label, example: f.dateExample, ...ref.values });
  };
}

export function Form<S extends z.ZodType>(props: {
  form: ContractForm<S>;
  onSubmit: (values: z.output<S>) => void;
  children: ReactNode;
  /** The class of the fields' container (`filters`, `inline-form`: the fields in a row). */
  className?: string;
  /** The id of the heading that names the form: the form itself then carries the name (a landmark a screen reader lists). */
  labelledBy?: string;
  /** The form's name where no heading on the page says it. */
  label?: string;
  /** A list's filter: its fields narrow the list and may all stay empty, so none is marked "(optional)". */
  filter?: boolean;
}) {
  const { form } = props;
  const { labels } = form;
  const formRef = useRef<HTMLFormElement>(null);
  return (
    <FormMetaContext.Provider
      value={{
        schema: form.schema,
        labels,
        idPrefix: form.idPrefix,
        refusals: form.refusals,
        markOptional: !props.filter,
      }}
    >
      <FormProvider {...(form as unknown as UseFormReturn<FieldValues>)}>
        {/* The summary is the form's first part (a form named by its heading holds its own problems), above the fields' row or column. */}
        <form
          ref={formRef}
          noValidate
          aria-labelledby={props.labelledBy}
          aria-label={props.label}
          onSubmit={(e) => void form.handleSubmit((v) => props.onSubmit(v as z.output<S>))(e)}
        >
          <ErrorSummary formRef={formRef} />
          {props.className ? <div className={props.className}>{props.children}</div> : props.children}
        </form>
      </FormProvider>
    </FormMetaContext.Provider>
  );
}

/** Field errors flattened to `path → message`, in the order the fields stand on the page. */
function errorList(errors: FieldErrors, form: HTMLFormElement | null): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  const walk = (node: unknown, prefix: string): void => {
    if (!node || typeof node !== 'object') return;
    const e = node as { message?: unknown; type?: unknown };
    if (typeof e.message === 'string' && typeof e.type === 'string') {
      out.push({ path: prefix, message: e.message });
      return;
    }
    for (const [k, v] of Object.entries(node)) if (k !== 'root' && k !== 'ref') walk(v, prefix ? `${prefix}.${k}` : k);
  };
  walk(errors, '');
  const order = Array.from(form?.querySelectorAll<HTMLElement>('[name]') ?? []).map((el) => el.getAttribute('name'));
  const rank = (p: string) => {
    const i = order.indexOf(p);
    return i < 0 ? order.length : i;
  };
  return out.sort((a, b) => rank(a.path) - rank(b.path));
}

/**
 * The GOV.UK error summary: after a submit that failed, it lists every problem, takes focus (so a screen
 * reader reads it) and is scrolled into view; each item moves focus to its field.
 */
function ErrorSummary({ formRef }: { formRef: React.RefObject<HTMLFormElement | null> }) {
  const t = useT();
  const text = useMessageText();
  const { labels, idPrefix, refusals } = useFormMeta();
  const titleId = `${useId()}-summary-title`;
  const { formState } = useFormContext();
  const ref = useRef<HTMLDivElement>(null);
  const fields = errorList(formState.errors, formRef.current);
  const server = (formState.errors.root as { server?: { message?: string } } | undefined)?.server?.message;
  const count = fields.length + (server ? 1 : 0);
  useEffect(() => {
    if (count && ref.current) {
      ref.current.scrollIntoView({ block: 'start' });
      ref.current.focus({ preventScroll: true });
    }
    // Only a new submit or a server refusal moves focus; corrections while typing keep it where the person is.
  }, [formState.submitCount, refusals]);
  if (!count) return null;
  const focusField = (path: string) => (event: React.MouseEvent) => {
    const el =
      document.getElementById(fieldId(path, idPrefix)) ??
      formRef.current?.querySelector<HTMLElement>(`[name="${path}"]`);
    if (!el) return;
    event.preventDefault();
    el.focus();
    (el.closest('.field, .fieldset') ?? el).scrollIntoView({ block: 'start' });
  };
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby={titleId}>
      <h2 id={titleId}>{t(fields.length ? 'errors.fixTitle' : 'errors.refusedTitle')}</h2>
      <ul>
        {server && <li>{server}</li>}
        {fields.map((e) => (
          <li key={e.path}>
            <a href={`#${fieldId(e.path, idPrefix)}`} onClick={focusField(e.path)}>
              {text(e.message, labels[e.path] ?? labels[e.path.replace(/\.\d+(\.|$)/, '$1')] ?? e.path)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
