/** The shape of a procedure's decision-terms plug-in (kept apart from the registry, which imports the plug-ins). */
import type { ComponentType } from 'react';
import type { z } from 'zod';
import type { CaseView } from '../../shared/contracts/cases.contract.ts';
import type { Translate } from '../ui/errors.ts';

export type Subject = CaseView['subject'];
export type Outcome = 'accept' | 'reject';

/** How the proposal form asks for the terms of one outcome, under the form's `terms` field. */
export interface TermsForm {
  /** The contract's terms schema (extended only where the page holds text for a number). */
  schema: z.ZodType;
  defaultValues: Record<string, unknown>;
  /** Labels by the field's path under `terms` (`terms.durationDays`), as the server names refused fields. */
  labels: Record<string, string>;
}

export interface DecisionTermsPlugin<S extends Subject = Subject> {
  /** The terms an outcome takes, or undefined when it takes none. */
  form(subject: S, outcome: Outcome, t: Translate): TermsForm | undefined;
  /** The fields of `form(subject, outcome)`, inside the proposal's <Form>. */
  Fieldset: ComponentType<{ subject: S; outcome: Outcome }>;
  /** The terms in words, as rows of the proposal's or decision's summary list. */
  Rows: ComponentType<{ subject: S; outcome: Outcome; terms: Record<string, unknown> }>;
}
