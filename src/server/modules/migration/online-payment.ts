/**
 * Paying online for an application the applicant has just opened, shared by the module's online services: the
 * case opens, the provider charges, the payment is recorded. A refused charge leaves the application open and
 * unpaid (the officer's rule trace says so) rather than losing it; a repeat of the request is never charged again.
 */
import { chargeKey, type PaymentProvider } from '../../platform/payments.ts';
import type { CaseActorContext, CasesService } from '../cases/index.ts';
import type { CaseView } from '../../../shared/contracts/cases.contract.ts';

export function createOnlinePayment(cases: CasesService, payments: PaymentProvider) {
  return {
    /**
     * Charges the fee of a case this request has just opened and records the payment. A repeat of the request
     * (same Idempotency-Key) never reaches here: it gets the case as it stands now, paid or not. The case is
     * read afresh first, so a payment already recorded is not charged twice.
     */
    async payOnline(
      ctx: CaseActorContext,
      opened: CaseView,
      amountCents: number,
      payerCode: string,
    ): Promise<CaseView> {
      const view = await cases.readCase(ctx, opened.id);
      if (amountCents === 0 || view.timeline.some((a) => a.kind === 'record-payment')) return view;
      const charged = await payments.charge({
        amountCents,
        description: view.reference,
        payerCode,
        idempotencyKey: chargeKey(view.id, 0, amountCents),
      });
      return cases.takeModuleActions(ctx, view.id, view.version, [
        { kind: 'record-payment', amountCents, method: 'online', reference: charged.reference },
      ]);
    },

    /** A repeat of an online application under the same key: the case as it stands now (paid or not), never charged again. */
    async repeated(ctx: CaseActorContext, key: string | undefined, input: unknown): Promise<CaseView | undefined> {
      const earlier = await cases.storedAnswer(ctx, key, input);
      return earlier ? cases.readCase(ctx, earlier.id) : undefined;
    },
  };
}
