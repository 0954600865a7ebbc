/**
 * The mark of an endpoint whose answer carries a person's data. Every such answer is a use of that person's
 * data and must reach "who used my data" (issue 24). The mark is the operation tag `personal-data` in the
 * OpenAPI document (one list of them in /api/docs for integrators and auditors); a tag rather than a response
 * extension because file downloads (PDFs, the production export) declare no response schema to carry one.
 * The route-walk test (`data-use-route-walk.test.ts`) calls every marked operation and looks for the person's
 * entry, and fails on an answer that shows person fields (a name, a personal code, a birth date) unmarked.
 */
import type { EndpointContract } from '../../shared/contracts/contract.ts';

export const PERSONAL_DATA_TAG = 'personal-data';

/** The contract with the personal-data mark among its tags (path, method and schemas unchanged). */
export function personalData<const C extends EndpointContract>(contract: C): C {
  return { ...contract, tags: [...contract.tags, PERSONAL_DATA_TAG] };
}
