/** Builds the web apps (when stale) before the browser journeys. */
import { spawnSync } from 'node:child_process';

export default function setup(): void {
  const r = spawnSync(process.execPath, ['scripts/build-web-if-stale.ts'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('building the web apps failed');
}
