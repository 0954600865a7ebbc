import { defineConfig } from 'vitest/config';

// Browser journeys: Debian's Chromium driven by playwright-core, one server per file on a fresh embedded database.
// Two files at a time: each waits on its browser and server much of the time, so two share the machine's two cores
// (measured: 524 s against about 835 s one at a time).
export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['e2e/**/*.spec.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 2,
    fileParallelism: true,
  },
});
