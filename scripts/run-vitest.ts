/**
 * Runs one test lane with Vitest and ends with the plain line CI reads: `N passed, N failed`
 * (Vitest's own summary is not among the closing lines CI recognises). Exits with Vitest's code.
 *   unit — the whole suite on the embedded engine (npm test)
 *   pg   — the same suite against PostgreSQL (TEST_DATABASE_URL, default the local test database)
 *   e2e  — browser journeys in Chromium
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const lane = process.argv[2] ?? 'unit';
const extra = process.argv.slice(3);
const lanes: Record<string, { config: string; env: Record<string, string> }> = {
  unit: { config: 'vitest.config.ts', env: {} },
  pg: {
    config: 'vitest.config.ts',
    env: { TEST_DATABASE_URL: process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test' },
  },
  e2e: { config: 'e2e/vitest.config.ts', env: {} },
};
const chosen = lanes[lane];
if (!chosen) {
  process.stderr.write(`run-vitest: unknown lane "${lane}" (unit, pg, e2e)\n`);
  process.exit(2);
}
const reportDir = path.join(root, '.vitest');
mkdirSync(reportDir, { recursive: true });
const report = path.join(reportDir, `${lane}.json`);
rmSync(report, { force: true });

const result = spawnSync(
  process.execPath,
  [
    path.join(root, 'node_modules', 'vitest', 'vitest.mjs'),
    'run',
    '--config',
    chosen.config,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...extra,
  ],
  { cwd: root, stdio: 'inherit', env: { ...process.env, ...chosen.env } },
);

let passed = 0;
let failed = 0;
let skipped = 0;
try {
  const json = JSON.parse(readFileSync(report, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
    testResults: { status: string; assertionResults: unknown[] }[];
  };
  // A file that failed before running any test (import error, failing hook) counts as one failure.
  const brokenFiles = json.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
  passed = json.numPassedTests;
  failed = json.numFailedTests + brokenFiles;
  skipped = json.numPendingTests + json.numTodoTests;
} catch {
  failed = Math.max(failed, 1);
}
const code = result.status ?? 1;
if (code !== 0 && failed === 0) failed = 1;
process.stdout.write(`\n${lane}: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
process.exit(code === 0 && failed === 0 ? 0 : code || 1);
