/** Taking case actions through the API in tests: the status checked with the body shown when it is not the one expected. */
import { expect } from 'vitest';
import type { Client } from './test-app.ts';

export function expectStatus(res: { statusCode: number; body: string }, status: number): void {
  expect(res.statusCode, res.body).toBe(status);
}

/** Takes an action on the case as it was last read (its version), and returns the case as it is after. */
export async function act<V extends { id: string; version: number }>(
  client: Client,
  view: V,
  body: Record<string, unknown>,
  status = 200,
): Promise<V> {
  const res = await client.request('POST', `/api/cases/${view.id}/actions`, { expectedVersion: view.version, ...body });
  expectStatus(res, status);
  return res.json() as V;
}
