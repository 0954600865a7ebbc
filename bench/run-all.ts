/**
 * `npm run bench`: every benchmark on the embedded engine, then on PostgreSQL when BENCH_DATABASE_URL is
 * set (for example postgres://postgres@127.0.0.1:5432/test). Figures are printed, never asserted.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './lib.ts';

const benches = [
  'bench/spine-http.bench.ts',
  'bench/audit-append.bench.ts',
  'bench/register.bench.ts',
  'bench/cases.bench.ts',
  'bench/visas.bench.ts',
  'bench/rule-move.bench.ts',
  'bench/document-desk.bench.ts',
  'bench/documents.bench.ts',
];
const engines: Array<Record<string, string | undefined>> = [{ BENCH_DATABASE_URL: undefined }];
if (process.env['BENCH_DATABASE_URL']) engines.push({ BENCH_DATABASE_URL: process.env['BENCH_DATABASE_URL'] });
let failed = false;
for (const engine of engines) {
  for (const bench of benches) {
    const env: Record<string, string | undefined> = { ...process.env, ...engine };
    if (!engine['BENCH_DATABASE_URL']) delete env['BENCH_DATABASE_URL'];
    const r = spawnSync(process.execPath, [path.join(ROOT, bench)], { stdio: 'inherit', env });
    if (r.status !== 0) failed = true;
    process.stdout.write('\n');
  }
}
process.exit(failed ? 1 : 0);
