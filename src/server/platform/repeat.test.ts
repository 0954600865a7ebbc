import { describe, expect, it } from 'vitest';
import { repeatEvery } from './repeat.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('repeatEvery', () => {
  it('never overlaps rounds, survives a failing round, and stop() waits for the running one', async () => {
    let running = 0;
    let maxRunning = 0;
    let rounds = 0;
    const errors: unknown[] = [];
    const job = repeatEvery(
      5,
      async () => {
        running++;
        maxRunning = Math.max(maxRunning, running);
        rounds++;
        await sleep(20);
        running--;
        if (rounds === 1) throw new Error('first round fails');
      },
      (e) => errors.push(e),
    );
    await sleep(80);
    await job.stop();
    const after = rounds;
    await sleep(30);
    expect(maxRunning).toBe(1);
    expect(after).toBeGreaterThanOrEqual(2);
    expect(rounds).toBe(after);
    expect(running).toBe(0);
    expect(errors).toHaveLength(1);
  });
});
