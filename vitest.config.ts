import { defineConfig } from 'vitest/config';

// The main lane: unit tests and in-process HTTP tests on the embedded engine (or on PostgreSQL when
// TEST_DATABASE_URL is set — the test:pg lane). Browser journeys live in e2e/ with their own config.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    globalSetup: ['src/test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
