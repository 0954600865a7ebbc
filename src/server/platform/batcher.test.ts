import { describe, expect, it } from 'vitest';
import { createBatcher, createKeyedLookup } from './batcher.ts';

/** Lets promise callbacks (results, then the next dispatch) run. */
const settle = () => new Promise((r) => setImmediate(r));

/** A run function whose batches finish only when the test says so. */
function controlledRun() {
  const batches: number[][] = [];
  const finish: Array<() => void> = [];
  const run = (items: number[]) => {
    batches.push(items);
    return new Promise<Array<number | Error>>((resolve) =>
      finish.push(() => resolve(items.map((n) => (n < 0 ? new Error(`bad ${n}`) : n * 10)))),
    );
  };
  return { batches, finish, run };
}

describe('natural batching', () => {
  it('sends the first item at once and gathers those arriving meanwhile into the next batch', async () => {
    const c = controlledRun();
    const batcher = createBatcher({ run: c.run, maxInFlight: 1, maxBatch: 100 });
    const first = batcher.submit(1);
    const later = [batcher.submit(2), batcher.submit(3), batcher.submit(4)];
    expect(c.batches).toEqual([[1]]);
    expect(batcher.waiting).toBe(3);
    c.finish.shift()?.();
    expect(await first).toBe(10);
    await settle();
    expect(c.batches).toEqual([[1], [2, 3, 4]]);
    c.finish.shift()?.();
    expect(await Promise.all(later)).toEqual([20, 30, 40]);
  });

  it('keeps at most maxInFlight batches running and at most maxBatch items in one', async () => {
    const c = controlledRun();
    const batcher = createBatcher({ run: c.run, maxInFlight: 2, maxBatch: 2 });
    const all = [1, 2, 3, 4, 5, 6].map((n) => batcher.submit(n));
    expect(c.batches).toEqual([[1], [2]]);
    c.finish.shift()?.();
    await settle();
    expect(c.batches).toEqual([[1], [2], [3, 4]]);
    while (c.finish.length) {
      c.finish.shift()?.();
      await settle();
    }
    expect(await Promise.all(all)).toEqual([10, 20, 30, 40, 50, 60]);
    expect(c.batches.every((b) => b.length <= 2)).toBe(true);
  });

  it('fails only the item whose result is an error, and every item of a batch that throws', async () => {
    const c = controlledRun();
    const batcher = createBatcher({ run: c.run, maxInFlight: 1, maxBatch: 10 });
    const ok = batcher.submit(1);
    const bad = batcher.submit(-1);
    const fine = batcher.submit(2);
    c.finish.shift()?.();
    await ok;
    await settle();
    c.finish.shift()?.();
    await expect(bad).rejects.toThrow('bad -1');
    expect(await fine).toBe(20);

    const failing = createBatcher<number, number>({
      run: () => Promise.reject(new Error('database down')),
      maxInFlight: 1,
      maxBatch: 10,
    });
    const results = await Promise.allSettled([failing.submit(1), failing.submit(2)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    // The batcher keeps working after a failed batch.
    const recovered = createBatcher({ run: async (items: number[]) => items, maxInFlight: 1, maxBatch: 10 });
    expect(await recovered.submit(7)).toBe(7);
  });

  it('fills a batch by weight where items weigh (rows each writes), always taking at least one', async () => {
    const batches: number[][] = [];
    const b = createBatcher<number, number>({
      run: async (items) => (batches.push(items), items),
      maxInFlight: 1,
      maxBatch: 100,
      weight: (n) => n,
      maxWeight: 10,
    });
    // The first goes at once; the rest wait and are taken while they fit in 10: [6, 3] then [20] alone then [1, 2].
    await Promise.all([1, 6, 3, 20, 1, 2].map((n) => b.submit(n)));
    expect(batches).toEqual([[1], [6, 3], [20], [1, 2]]);
  });

  it('looks keys up in one call for the callers waiting together, each getting its own value or undefined', async () => {
    const calls: string[][] = [];
    const lookup = createKeyedLookup(async (keys: string[]) => {
      calls.push(keys);
      return new Map(keys.filter((k) => k !== 'missing').map((k) => [k, k.toUpperCase()]));
    });
    const answers = await Promise.all(['a', 'b', 'missing', 'c'].map((k) => lookup(k)));
    expect(answers).toEqual(['A', 'B', undefined, 'C']);
    // The first key goes at once; the three arriving while it is served go together.
    expect(calls).toEqual([['a'], ['b', 'missing', 'c']]);
  });
});
