import { defineConfig } from 'vitest/config';

// Browser journeys: Debian's Chromium driven by playwright-core, one server per file on a fresh embedded database.
// One file at a time: two at a time measured 524 s against about 835 s, but under that load journeys that read a
// list before its request answered failed now and then; they come back once those waits are all explicit.
export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['e2e/**/*.spec.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
  },
});
