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
}

export interface PaymentProvider {
  /** Charges the fee; returns the provider's reference, or throws when it was refused. */
  charge(request: PaymentRequest): Promise<{ reference: string }>;
}

export const demoPaymentProvider: PaymentProvider = {
  async charge() {
    return { reference: `DEMO-${randomUUID().slice(0, 8).toUpperCase()}` };
  },
};
