/** Time as a dependency: services never read the system clock directly, so tests can move time. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests can set and advance. */
export function createManualClock(
  start: Date | string,
): Clock & { set(t: Date | string): void; advance(ms: number): void } {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (t) => {
      current = new Date(t);
    },
    advance: (ms) => {
      current = new Date(current.getTime() + ms);
    },
  };
}

/**
 * The system clock, which the demo seed may hold at a past moment before the server serves (cases lodged under
 * an earlier version of a procedure's rules, for the transitional move to show). Never moved while serving.
 */
export function createDemoSeedClock(base: Clock): Clock & { holdAt(t: string): void; release(): void } {
  let held: Date | null = null;
  return {
    now: () => (held ? new Date(held) : base.now()),
    holdAt: (t) => {
      held = new Date(t);
    },
    release: () => {
      held = null;
    },
  };
}
