/** The engine's refusals, each naming its rule so the person reads why and what to do (STYLE §5). */
import { AppError } from '../../http/app-error.ts';
import type { FieldReason, RuleId } from '../../../shared/errors.ts';
import type { Refusal } from './case-lifecycle.ts';

/** A field the caller must fix (400 with the field's path and reason). */
export function invalid(path: string, message: string, reason?: FieldReason): never {
  throw new AppError('VALIDATION_FAILED', message, [{ path, message, ...(reason ? { reason } : {}) }]);
}

export function refusalError(refusal: Refusal, caseType: string): AppError {
  const rule = (id: RuleId, values?: Record<string, string>) => ({ rule: { id, ...(values ? { values } : {}) } });
  switch (refusal.code) {
    case 'four-eyes':
      return new AppError(
        'FOUR_EYES_REQUIRED',
        'The person who proposed a decision cannot approve it: a second decision-maker must (four-eyes rule)',
        rule('case.four-eyes'),
      );
    case 'not-your-role':
      return new AppError(
        'FORBIDDEN',
        `This action needs the role ${refusal.needs.join(' or ')} in this case`,
        rule('case.role-needed'),
      );
    case 'not-allowed-now':
      return new AppError(
        'INVALID_STATE',
        `This action is not possible while the case is ${refusal.status}`,
        rule('case.not-allowed-now', { caseStatus: refusal.status, caseType }),
      );
    case 'no-open-request':
      return new AppError('INVALID_STATE', 'There is no open request for information', rule('case.no-open-request'));
    case 'wrong-request':
      return new AppError(
        'INVALID_STATE',
        'That request for information is not the open one',
        rule('case.wrong-request'),
      );
    case 'no-proposal':
      return new AppError('INVALID_STATE', 'There is no proposed decision', rule('case.no-proposal'));
    case 'already-linked':
      return new AppError(
        'INVALID_STATE',
        'The applicant is already linked to a person in the register',
        rule('case.applicant-already-linked'),
      );
    case 'already-paid':
      return new AppError('INVALID_STATE', 'The fee is already paid', rule('case.fee-already-paid'));
    case 'not-this-production':
      return new AppError(
        'INVALID_STATE',
        'This case has no unconfirmed production order with that batch and document number',
        rule('case.not-this-production'),
      );
    case 'no-such-consultation':
      return new AppError(
        'INVALID_STATE',
        'This case has not consulted that authority',
        rule('case.no-such-consultation'),
      );
    case 'consultation-answered':
      return new AppError('INVALID_STATE', 'That consultation is already answered', rule('case.consultation-answered'));
    case 'no-term-renewal':
      return new AppError(
        'INVALID_STATE',
        'This case has no request to renew a missed appeal term, or it is already decided',
        rule('case.no-term-renewal'),
      );
    case 'term-renewal-undecided':
      return new AppError(
        'INVALID_STATE',
        'The appeal was lodged after its term: decide first whether the missed term is renewed',
        rule('case.term-renewal-undecided'),
      );
    case 'term-not-renewed':
      return new AppError(
        'INVALID_STATE',
        'The missed appeal term was not renewed: the appeal can only be left unexamined (refused), not granted',
        rule('case.term-not-renewed'),
      );
  }
}
