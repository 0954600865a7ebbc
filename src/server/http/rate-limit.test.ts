import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createFixedWindowLimiter } from './rate-limit.ts';

describe('the fixed-window limiter', () => {
  it('allows max requests per key in a window, counts keys apart, and starts again in the next window', () => {
    const limiter = createFixedWindowLimiter({ windowMs: 60_000 });
    const t = 1_800_000_010_000; // 10 s into a window (windows are aligned to the epoch)
    const a = [1, 2, 3, 4].map((i) => limiter.hit('ip:a', 3, t + i));
    expect(a.map((d) => d.allowed)).toEqual([true, true, true, false]);
    expect(a.map((d) => d.remaining)).toEqual([2, 1, 0, 0]);
    expect(a[0]).toMatchObject({ limit: 3, resetSeconds: 50 });
    expect(limiter.hit('ip:b', 3, t + 5).allowed).toBe(true);
    expect(limiter.hit('ip:a', 3, t + 49_999).allowed).toBe(false);
    expect(limiter.hit('ip:a', 3, t + 50_000)).toMatchObject({ allowed: true, remaining: 2, resetSeconds: 60 });
  });

  it('bounds its memory: keys beyond maxKeys share one counter, keys already counted keep theirs', () => {
    const limiter = createFixedWindowLimiter({ windowMs: 1000, maxKeys: 2 });
    expect(limiter.hit('a', 2, 0).allowed).toBe(true);
    expect(limiter.hit('b', 2, 0).allowed).toBe(true);
    expect(limiter.hit('c', 2, 0).allowed).toBe(true);
    expect(limiter.hit('d', 2, 0).allowed).toBe(true);
    expect(limiter.hit('e', 2, 0).allowed).toBe(false);
    expect(limiter.hit('a', 2, 0).allowed).toBe(true);
  });

  it('never allows more than max for a key within one window, whatever the order of requests', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ key: fc.constantFrom('x', 'y', 'z'), at: fc.integer({ min: 0, max: 2999 }) }), {
          maxLength: 200,
        }),
        fc.integer({ min: 1, max: 5 }),
        (hits, max) => {
          const limiter = createFixedWindowLimiter({ windowMs: 1000 });
          const allowed = new Map<string, number>();
          for (const h of [...hits].sort((p, q) => p.at - q.at)) {
            if (limiter.hit(h.key, max, h.at).allowed) {
              const k = `${h.key}@${Math.floor(h.at / 1000)}`;
              allowed.set(k, (allowed.get(k) ?? 0) + 1);
            }
          }
          for (const n of allowed.values()) expect(n).toBeLessThanOrEqual(max);
        },
      ),
    );
  });
});
