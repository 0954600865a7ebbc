/**
 * The document application's handler on the case engine: what the case is about (which document, for whom,
 * the fee), the system's checks before a proposal (fee paid, identity checked, photo taken, the holder's
 * legal status allows the type), the limit by tier, and what a hand-over does: the document is issued in
 * the same transaction, with the number the personalization centre printed.
 */
import { AppError } from '../../http/app-error.ts';
import type { CaseState, CaseTypeHandler, RuleBook, RuleCheck } from '../cases/index.ts';
import type { DocumentRuleVersion } from './application-rule-versions/index.ts';
import type { RegisterService } from '../register/index.ts';
import type { DocumentType } from '../../../shared/contracts/documents.contract.ts';
import type { FieldReason } from '../../../shared/errors.ts';
import type { APPLICATION_REASONS } from '../../../shared/contracts/document-applications.contract.ts';
import type { PlainDate } from '../../../shared/kernel/plain-date.ts';
import { formatPersonalCode } from '../../../shared/kernel/personal-code.ts';
import { readyDate, type Fee, type Tier } from './application-rules.ts';
import { documentApplicationDefinition, tierDays } from './application-lifecycle.ts';
import { DOCUMENT_RULES, documentTypesFor } from './document-rules.ts';
import type { DocumentsService } from './documents.service.ts';

/** Why a person applies: the first document, a renewal, or a replacement. */
export type ApplicationReason = (typeof APPLICATION_REASONS)[number];

/** What the case stores about the application (the steps since are its actions). */
export type DocumentApplicationData = {
  personId: string;
  personalCode: string;
  personName: string;
  documentType: DocumentType;
  tier: Tier;
  fee: Fee;
  reason: ApplicationReason;
  pickupBranchId: string;
  pickupBranchName: string;
  explanation: string;
};

const dataOf = (stored: Record<string, unknown>) => stored as unknown as DocumentApplicationData;

function invalid(path: string, message: string, reason: FieldReason): never {
  throw new AppError('VALIDATION_FAILED', message, [{ path, message, reason }]);
}

/** What is missing before the office may decide to issue: the fee, the identity check, the photo. */
export function missingForIssue(
  data: DocumentApplicationData,
  state: CaseState,
): Array<{ reason: FieldReason; message: string }> {
  const missing: Array<{ reason: FieldReason; message: string }> = [];
  // What was paid may exceed the fee after a move of rules lowered it (the rest is refunded), never fall short.
  if ((state.payment?.amountCents ?? 0) < data.fee.amountCents)
    missing.push({ reason: 'fee-not-paid', message: 'The state fee is not paid' });
  if (!state.identityCheck)
    missing.push({
      reason: 'identity-not-checked',
      message: 'The applicant’s identity has not been checked in person',
    });
  if (!state.photoDocumentId) missing.push({ reason: 'photo-missing', message: 'No photo has been taken' });
  return missing;
}

export function createDocumentApplicationHandler(deps: {
  register: RegisterService;
  documents: DocumentsService;
  fourEyes: boolean;
  /** The fees by version (the shipped ones, or the office's configured table). */
  rules: RuleBook<DocumentRuleVersion>;
}): CaseTypeHandler {
  return {
    definition: documentApplicationDefinition(deps.fourEyes),
    subjectKind: 'document-application',
    rules: deps.rules as RuleBook,
    deadline: (stored) => ({ unit: 'working-days', limit: tierDays(dataOf(stored).tier) }),
    subjectView: (stored, state) => {
      const d = dataOf(stored);
      return {
        kind: 'document-application',
        personId: d.personId,
        personalCode: d.personalCode,
        personName: d.personName,
        documentType: d.documentType,
        tier: d.tier,
        fee: d.fee,
        payment: state.payment,
        identityCheck: state.identityCheck,
        photoDocumentId: state.photoDocumentId,
        pickupBranchId: d.pickupBranchId,
        pickupBranchName: d.pickupBranchName,
        readyOn: state.identityCheck && state.receivedOn ? readyDate(state.receivedOn, d.tier) : null,
        production: state.production,
        issued: state.handedOver,
        explanation: d.explanation,
      };
    },
    decisionRows: (subject, t) =>
      subject.kind !== 'document-application'
        ? []
        : [
            [t('cases.field.applicant'), `${subject.personName}, ${formatPersonalCode(subject.personalCode)}`],
            [t('documents.application.documentType'), t(`documents.type.${subject.documentType}`)],
            [t('documents.application.tier'), t(`documents.tier.${subject.tier}`)],
          ],
    systemChecks: async (trx, access, row, state) => {
      const d = dataOf(row.subject);
      const holder = await deps.register.documentHolder(
        trx,
        { actor: access.actor, channel: 'desk', caseReference: access.caseReference, requestId: access.requestId },
        d.personId,
      );
      // A residence permit card is made only for a permit that holds (its validity is the permit's term).
      const allowed =
        !holder.deathDate &&
        documentTypesFor(holder.legalStatus).includes(d.documentType) &&
        (DOCUMENT_RULES[d.documentType].validity !== 'by-decision' || Boolean(holder.residencePermit));
      const paid = state.payment?.amountCents ?? 0;
      const checks: RuleCheck[] = [
        {
          rule: 'fee-paid',
          passed: paid >= d.fee.amountCents,
          detail: `${(paid / 100).toFixed(2)} / ${(d.fee.amountCents / 100).toFixed(2)} EUR`,
          params: { paid: (paid / 100).toFixed(2), due: (d.fee.amountCents / 100).toFixed(2) },
        },
        {
          rule: 'identity-checked',
          passed: Boolean(state.identityCheck),
          detail: state.identityCheck
            ? `${state.identityCheck.method} ${state.identityCheck.documentNumber ?? ''}`.trim()
            : '—',
          params: { method: state.identityCheck?.method ?? '—' },
        },
        {
          rule: 'photo-taken',
          passed: Boolean(state.photoDocumentId),
          detail: state.photoDocumentId ? 'photo' : '—',
          params: { taken: state.photoDocumentId ? 1 : 0 },
        },
        {
          rule: 'status-allows-document',
          passed: allowed,
          detail: `${holder.legalStatus}: ${d.documentType}`,
          params: { status: holder.legalStatus, type: d.documentType },
        },
      ];
      return checks;
    },
    checkProposal: (row, state, outcome) => {
      if (outcome !== 'accept') return;
      const first = missingForIssue(dataOf(row.subject), state)[0];
      if (first) invalid('outcome', `${first.message}: the document cannot be issued yet`, first.reason);
    },
    // The engine takes payments of exactly what is still owed (a move of rules may raise the fee).
    feeDue: (stored) => dataOf(stored).fee.amountCents,
    onAction: async (trx, access, row, _state, payload) => {
      if (payload.kind !== 'hand-over') return;
      const d = dataOf(row.subject);
      const item = await deps.documents.productionItem(trx, row.id, payload.documentNumber);
      if (!item || item.result !== 'produced')
        throw new AppError(
          'INVALID_STATE',
          `Document ${payload.documentNumber} has not been confirmed made for this application`,
          {
            rule: { id: 'application.not-produced', values: { documentNumber: payload.documentNumber } },
          },
        );
      await deps.documents.issueIn(
        trx,
        {
          audit: access.actor,
          branchId: d.pickupBranchId,
          caseReference: access.caseReference,
          requestId: access.requestId,
        },
        {
          personId: d.personId,
          type: d.documentType,
          number: payload.documentNumber,
          issuedOn: item.issuedOn as PlainDate,
          validUntil: item.validUntil as PlainDate,
          documentId: payload.documentId,
        },
      );
    },
  };
}
