import { describe, expect, it } from 'vitest';
import { chargeKey, demoPaymentProvider } from './payments.ts';

describe('the demo payment provider', () => {
  const request = (idempotencyKey: string) => ({
    amountCents: 600,
    description: 'DA-2026-000001',
    payerCode: '010190-10007',
    idempotencyKey,
  });

  it('answers a charge asked again under its key with the first reference, and takes a new key as a new charge', async () => {
    const key = chargeKey('00000000-0000-4000-8000-0000000000aa', 1, 600);
    expect(key).toBe('case:00000000-0000-4000-8000-0000000000aa:payment:2:600');
    const first = await demoPaymentProvider.charge(request(key));
    expect(first.reference).toMatch(/^DEMO-[0-9A-F]{8}$/);
    expect(await demoPaymentProvider.charge(request(key))).toEqual(first);
    const next = await demoPaymentProvider.charge(request(chargeKey('00000000-0000-4000-8000-0000000000aa', 2, 600)));
    expect(next.reference).not.toBe(first.reference);
  });
});
