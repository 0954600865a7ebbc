/**
 * Per-route request limits in this process's memory: a fixed window (aligned to the epoch) with a counter
 * per key. It replaces @fastify/rate-limit, whose asynchronous hook and store cost the public document
 * check a sixth of its throughput (docs/decisions/0021-lean-request-spine.md); counting here is one Map
 * lookup inside the route's own handler.
 */

export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Whole seconds until the window ends and the count starts again. */
  resetSeconds: number;
}

export interface FixedWindowLimiter {
  /** Counts one request of `key` at `nowMs` against `max` per window. */
  hit(key: string, max: number, nowMs: number): RateDecision;
}

/**
 * Keys seen in the window beyond `maxKeys` (a flood from many addresses) share one counter, so memory stays
 * bounded and the flood is throttled as one caller; keys already counted keep their own.
 */
export const OVERFLOW_KEY = '\u0000overflow';

export function createFixedWindowLimiter(options: { windowMs: number; maxKeys?: number }): FixedWindowLimiter {
  const { windowMs } = options;
  const maxKeys = options.maxKeys ?? 100_000;
  let windowEnds = 0;
  let counts = new Map<string, number>();
  return {
    hit(key, max, nowMs) {
      if (nowMs >= windowEnds) {
        // A new window: every count starts again; the old map is dropped whole rather than swept.
        windowEnds = (Math.floor(nowMs / windowMs) + 1) * windowMs;
        counts = new Map();
      }
      const counted = counts.has(key) || counts.size < maxKeys ? key : OVERFLOW_KEY;
      const count = (counts.get(counted) ?? 0) + 1;
      counts.set(counted, count);
      return {
        allowed: count <= max,
        limit: max,
        remaining: Math.max(0, max - count),
        resetSeconds: Math.ceil((windowEnds - nowMs) / 1000),
      };
    },
  };
}
