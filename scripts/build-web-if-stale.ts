/**
 * `npm start` runs this first: builds the web apps when dist/web is missing or older than its sources,
 * so a fresh clone needs nothing but `npm install && npm start`.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const marker = path.join(root, 'dist', 'web', 'portal', 'index.html');

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

const sources = Math.max(
  newest(path.join(root, 'src', 'web')),
  newest(path.join(root, 'src', 'shared')),
  statSync(path.join(root, 'vite.config.ts')).mtimeMs,
);
if (existsSync(marker) && statSync(marker).mtimeMs >= sources) process.exit(0);
const result = spawnSync(
  process.execPath,
  [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'],
  { cwd: root, stdio: 'inherit' },
);
process.exit(result.status ?? 1);
