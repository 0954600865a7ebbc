/** The engine's lookup of a person named by personal code in a case (a representative, the applicant found registered), audited under the case. */
import { AppError } from '../../../http/app-error.ts';
import type { FoundPerson, HandlerAccess } from '../../cases/index.ts';
import type { RegisterService } from '../register.service.ts';

export function casePersonLookup(register: RegisterService) {
  return async (access: HandlerAccess, code: string): Promise<FoundPerson | undefined> => {
    try {
      const p = await register.lookupByCode(
        { actor: access.actor, channel: 'desk', caseReference: access.caseReference, requestId: access.requestId },
        code,
      );
      return { id: p.id, personalCode: p.personalCode, name: `${p.givenNames} ${p.surname}` };
    } catch (error) {
      if (error instanceof AppError && error.code === 'NOT_FOUND') return undefined;
      throw error;
    }
  };
}
