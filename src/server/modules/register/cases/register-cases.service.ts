/**
 * Opening the register's cases: a correction asked at the desk or online (for oneself, a minor child or a
 * ward), and the inclusion of a person not yet in the register. The engine runs them from there.
 */
import { AppError } from '../../../http/app-error.ts';
import type { DbExecutor } from '../../../db/database.ts';
import type { CaseActorContext, CasesService, HandlerAccess } from '../../cases/index.ts';
import type {
  CaseView,
  CorrectableField,
  InclusionRequestData,
  UploadInput,
} from '../../../../shared/contracts/cases.contract.ts';
import type { FieldReason } from '../../../../shared/errors.ts';
import { compareDates, type PlainDate } from '../../../../shared/kernel/plain-date.ts';
import type { RegisterService } from '../register.service.ts';
import { isKnownCountry } from '../countries.ts';
import { correctionSubject } from './correction-subject.ts';
import { CORRECTION, INCLUSION, type InclusionSubjectData } from './register-procedures.ts';

type CorrectionInput = {
  field: CorrectableField;
  requestedValue: string | null;
  explanation: string;
  language: 'lv' | 'en';
  contactEmail?: string | undefined;
  documents: UploadInput[];
};

function invalid(path: string, message: string, reason?: FieldReason): never {
  throw new AppError('VALIDATION_FAILED', message, [{ path, message, ...(reason ? { reason } : {}) }]);
}

/** The person to include as they presented themselves, checked as the register would check them; registered persons alike recorded with it. */
async function inclusionSubject(
  register: RegisterService,
  trx: DbExecutor,
  access: HandlerAccess,
  input: InclusionRequestData,
  today: PlainDate,
): Promise<InclusionSubjectData> {
  if (compareDates(input.birthDate as PlainDate, today) > 0)
    invalid('birthDate', 'A birth date cannot be in the future', 'future-date');
  if (!isKnownCountry(input.birthCountry))
    invalid('birthCountry', `Unknown country code ${input.birthCountry}`, 'unknown-country');
  if (!isKnownCountry(input.foreignDocument.country))
    invalid('foreignDocument.country', `Unknown country code ${input.foreignDocument.country}`, 'unknown-country');
  register.checkStatus(input.legalStatus, input.citizenships);
  const found = await register.likelyDuplicates(
    trx,
    { actor: access.actor, channel: 'desk', caseReference: access.caseReference, requestId: access.requestId },
    input,
  );
  return {
    givenNames: input.givenNames,
    surname: input.surname,
    sex: input.sex,
    birthDate: input.birthDate,
    birthCountry: input.birthCountry,
    legalStatus: input.legalStatus,
    citizenships: input.citizenships,
    foreignDocument: { number: input.foreignDocument.number.toUpperCase(), country: input.foreignDocument.country },
    explanation: input.explanation,
    candidates: found.map(({ reasons: _reasons, ...c }) => c),
  };
}

export function createRegisterCasesService(deps: { cases: CasesService; register: RegisterService }) {
  const { cases, register } = deps;

  /** A correction case of a registered person, opened at the desk or online. */
  const openCorrection = (
    ctx: CaseActorContext,
    key: string | undefined,
    request: unknown,
    personId: string,
    input: CorrectionInput,
    where: {
      branchId: string;
      channel: 'portal' | 'desk';
      filedBy?: { personId: string; name: string; kind: 'parent' | 'guardian' } | undefined;
    },
  ) =>
    cases.openCase(ctx, CORRECTION.type, key, request, async (trx, access) => {
      const subject = await correctionSubject(register, trx, access, where.channel, {
        personId,
        field: input.field,
        requestedValue: input.requestedValue,
        explanation: input.explanation,
      });
      return {
        applicantPersonId: personId,
        applicantName: subject.personName,
        subject,
        touched: input.field,
        language: input.language,
        contactEmail: input.contactEmail,
        documents: input.documents,
        branchId: where.branchId,
        channel: where.channel,
        filedBy: where.filedBy,
      };
    });

  return {
    /** A registrar opens a correction for a person who asks at the desk. */
    async createCorrectionAtDesk(
      ctx: CaseActorContext,
      input: CorrectionInput & { personId: string },
      key?: string,
    ): Promise<CaseView> {
      if (ctx.kind !== 'staff' || !cases.staffMay(ctx, CORRECTION.type, 'officer'))
        throw new AppError('FORBIDDEN', 'Only a registrar opens a correction case', {
          rule: { id: 'case.registrar-opens' },
        });
      return openCorrection(ctx, key, input, input.personId, input, { branchId: ctx.branchId, channel: 'desk' });
    },

    /** A resident asks for a correction of their own data or of a minor child's or ward's (`subjectPersonId`). */
    async createCorrectionOnline(
      ctx: CaseActorContext,
      input: CorrectionInput & { subjectPersonId?: string | undefined },
      key?: string,
    ): Promise<CaseView> {
      if (ctx.kind !== 'resident') throw new AppError('FORBIDDEN', 'This is a resident service');
      const subjectId = input.subjectPersonId ?? ctx.personId;
      let filedBy: { personId: string; name: string; kind: 'parent' | 'guardian' } | undefined;
      if (subjectId !== ctx.personId) {
        const subject = (await register.subjects(ctx.personId)).find((s) => s.personId === subjectId);
        if (!subject || subject.relation === 'self')
          invalid(
            'subjectPersonId',
            'You may apply only for yourself, your minor child or your ward',
            'not-your-subject',
          );
        filedBy = {
          personId: ctx.personId,
          name: ctx.name,
          kind: subject.relation === 'child' ? 'parent' : 'guardian',
        };
      }
      const { subjectPersonId: _ignored, ...rest } = input;
      return openCorrection(ctx, key, input, subjectId, rest, {
        branchId: await cases.portalBranchId(),
        channel: 'portal',
        filedBy,
      });
    },

    /**
     * An officer opens the inclusion of a person who is not in the register (they apply in person, with an
     * identity document). Registered persons who look alike are recorded with the case, so the officer can
     * link the applicant to one of them instead of registering the same person twice.
     */
    async createInclusionAtDesk(ctx: CaseActorContext, input: InclusionRequestData, key?: string): Promise<CaseView> {
      if (ctx.kind !== 'staff' || !cases.staffMay(ctx, INCLUSION.type, 'officer'))
        throw new AppError('FORBIDDEN', 'Only a registrar opens an inclusion case', {
          rule: { id: 'case.registrar-opens' },
        });
      const branchId = ctx.branchId;
      return cases.openCase(ctx, INCLUSION.type, key, input, async (trx, access) => ({
        applicantPersonId: null,
        applicantName: `${input.givenNames} ${input.surname}`,
        subject: await inclusionSubject(register, trx, access, input, cases.today()),
        touched: 'inclusion',
        language: input.language,
        contactEmail: input.contactEmail,
        documents: input.documents,
        branchId,
        channel: 'desk',
      }));
    },
  };
}
export type RegisterCasesService = ReturnType<typeof createRegisterCasesService>;
