/**
 * Decision terms as a procedure's plug-in on the screens (docs/adding-a-procedure.md §6): what a decision
 * grants beyond yes or no is the procedure's own, so the case engine's forms and its decision display name no
 * procedure. Each subject kind with terms registers here how the proposal form asks for them (the contract's
 * schema, as the page holds it, with its defaults and labels, and the fields) and how a proposal or a
 * decision shows them in words. A kind without an entry keeps the plain outcome-and-reasoning form.
 */
import type { DecisionTermsPlugin, Subject } from './terms-plugin.ts';
import { visaDecisionTerms } from './migration/VisaTerms.tsx';
import { permitDecisionTerms } from './migration/PermitTerms.tsx';

export type { DecisionTermsPlugin, Outcome, Subject, TermsForm } from './terms-plugin.ts';

type Registry = { [K in Subject['kind']]?: DecisionTermsPlugin<Extract<Subject, { kind: K }>> };
const PLUGINS: Registry = { visa: visaDecisionTerms, 'residence-permit': permitDecisionTerms };

/** The decision-terms plug-in of the case's subject, if its procedure has terms. */
export function decisionTermsOf(subject: Subject): DecisionTermsPlugin | undefined {
  // The registry is keyed by kind, so the plug-in found takes this very subject.
  return PLUGINS[subject.kind] as DecisionTermsPlugin | undefined;
}
