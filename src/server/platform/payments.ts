/**
 * The state-fee payment provider behind one port. Latvia's public services take fees through the
 * national payment module (bank links, cards); Civitas asks the provider to charge and records the
 * provider's reference with the case. The demo provider approves every charge with a reference of its
 * own, so the whole flow runs on one machine; a real provider is another implementation of the port.
 */
import { randomUUID } from 'node:crypto';

export interface PaymentRequest {
  amountCents: number;
  /** What the payer sees (the application's reference). */
  description: string;
  /** The payer's personal code, as the Treasury's payment order needs it. */
  payerCode: string;
  /**
   * Names this charge from the case's state (the case, which payment of it, the amount): a charge asked again
   * under it (a repeat of the request, or a retry after the charge went through but its record failed) is
   * answered with the first charge's reference and not taken twice. Real providers take such a key.
   */
  idempotencyKey: string;
}

export interface PaymentProvider {
  /** Charges the fee; returns the provider's reference, or throws when it was refused. */
  charge(request: PaymentRequest): Promise<{ reference: string }>;
}

/** The demo provider's charges by idempotency key (the newest 10,000, as a real provider keeps its keys a while). */
const demoCharges = new Map<string, string>();

export const demoPaymentProvider: PaymentProvider = {
  async charge(request) {
    const earlier = demoCharges.get(request.idempotencyKey);
    if (earlier) return { reference: earlier };
    const reference = `DEMO-${randomUUID().slice(0, 8).toUpperCase()}`;
    demoCharges.set(request.idempotencyKey, reference);
    if (demoCharges.size > 10_000) demoCharges.delete(demoCharges.keys().next().value as string);
    return { reference };
  },
};

/** The key of a case's next payment: its case, how many payments it has recorded, and the amount asked. */
export const chargeKey = (caseId: string, paymentsRecorded: number, amountCents: number): string =>
  `case:${caseId}:payment:${paymentsRecorded + 1}:${amountCents}`;
