/**
 * Committed data survives a `kill -9` of the embedded server: write through the API, kill the
 * process without warning, start it again on the same data directory (taking over the stale lock), read.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'civitas-crash-'));
const children: ChildProcess[] = [];

async function startServer(): Promise<{ child: ChildProcess; url: string }> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    BACKUP_INTERVAL_MINUTES: '0',
  };
  delete env['DATABASE_URL'];
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/civitas.js'), 'serve', '--json'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${stderr}`)), 90_000);
    lines.on('line', (line) => {
      if (!line.startsWith('{')) return;
      // Log records (a start-up warning) may come first: the facts are the line that names the URL.
      const facts = JSON.parse(line) as { url?: string };
      if (!facts.url) return;
      clearTimeout(timer);
      resolve(facts.url.replace('localhost', '127.0.0.1'));
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${stderr}`)));
  });
  return { child, url };
}

async function call(url: string, method: string, body?: unknown, cookie?: string, csrf?: string) {
  const res = await fetch(url, {
    method,
    headers: {
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...(cookie ? { cookie } : {}),
      ...(csrf ? { 'x-csrf-token': csrf } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return {
    status: res.status,
    json: (await res.json()) as Record<string, unknown>,
    cookie: res.headers.get('set-cookie')?.split(';')[0],
  };
}

afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('kill -9 of the embedded server', () => {
  it('keeps every committed write', async () => {
    const first = await startServer();
    const signIn = await call(`${first.url}/api/auth/staff/sign-in`, 'POST', {
      username: 'admin',
      password: 'civitas-demo',
    });
    expect(signIn.status).toBe(200);
    const csrf = (signIn.json['session'] as { csrfToken: string }).csrfToken;
    const branches = await call(`${first.url}/api/identity/branches`, 'GET', undefined, signIn.cookie);
    const branchId = (branches.json['branches'] as { id: string }[])[0]?.id;
    for (let i = 0; i < 5; i++) {
      const created = await call(
        `${first.url}/api/identity/staff`,
        'POST',
        {
          username: `survivor.${i}`,
          displayName: `Survivor ${i}`,
          roles: ['registrar'],
          branchId,
          initialPassword: 'survives a crash 123',
        },
        signIn.cookie,
        csrf,
      );
      expect(created.status).toBe(201);
    }
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));

    const second = await startServer();
    const again = await call(`${second.url}/api/auth/staff/sign-in`, 'POST', {
      username: 'admin',
      password: 'civitas-demo',
    });
    const list = await call(`${second.url}/api/identity/staff`, 'GET', undefined, again.cookie);
    const usernames = (list.json['accounts'] as { username: string }[]).map((a) => a.username);
    for (let i = 0; i < 5; i++) expect(usernames).toContain(`survivor.${i}`);
    second.child.kill('SIGTERM');
  }, 180_000);
});
