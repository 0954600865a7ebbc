/** Helpers for benchmarks: child-process servers, HTTP load (wrk, or autocannon), percentiles. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { createInterface } from 'node:readline';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function startChild<T>(
  script: string,
  env: Record<string, string> = {},
): Promise<{ child: ChildProcess; info: T }> {
  const child = spawn(process.execPath, [path.join(ROOT, script)], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const info = await new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} did not start within 120 s`));
    }, 120_000);
    lines.once('line', (line) => {
      clearTimeout(timer);
      resolve(JSON.parse(line) as T);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited with ${code}`));
    });
  });
  return { child, info };
}

/**
 * A fresh database on the PostgreSQL server named by BENCH_DATABASE_URL (never the shared one itself),
 * or undefined for the embedded engine. Returns its URL and a function that drops it.
 */
export async function benchDatabase(): Promise<{ url: string | undefined; drop(): Promise<void> }> {
  const base = process.env['BENCH_DATABASE_URL'];
  if (!base) return { url: undefined, drop: async () => {} };
  const { default: pg } = await import('pg');
  const name = `civitas_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export interface LoadResult {
  requestsPerSecond: number;
  /** Milliseconds. */
  p50: number;
  p99: number;
  errors: number;
  /** Which load generator ran. */
  generator: 'wrk' | 'autocannon';
}

export interface LoadOptions {
  seconds?: number;
  connections?: number;
  headers?: Record<string, string>;
  /** Request paths taken in turn (default: the URL's own path). */
  paths?: readonly string[];
}

/**
 * The load generator: wrk (C, Debian package `wrk`) when installed, otherwise autocannon. The server and
 * the generator share the machine's two cores, so the lighter generator leaves the server more of them,
 * as pgbench (also C) does for the database figures these are compared with. BENCH_HTTP_GENERATOR forces one.
 */
let wrkAvailable: boolean | undefined;
function useWrk(): boolean {
  const forced = process.env['BENCH_HTTP_GENERATOR'];
  if (forced) return forced === 'wrk';
  wrkAvailable ??= spawnSync('wrk', ['--version'], { encoding: 'utf8' }).error === undefined;
  return wrkAvailable;
}

/** A wrk duration (`850.12us`, `15.17ms`, `1.02s`) in milliseconds. */
function wrkMs(text: string | undefined): number {
  const m = /^([\d.]+)(us|ms|s)$/.exec(text ?? '');
  if (!m) return Number.NaN;
  return Number(m[1]) * (m[2] === 'us' ? 0.001 : m[2] === 's' ? 1000 : 1);
}

function wrkLoad(url: string, options: LoadOptions): LoadResult {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'civitas-wrk-'));
  try {
    const lua = (s: string) => JSON.stringify(s);
    const script = path.join(dir, 'load.lua');
    const paths = options.paths ?? [new URL(url).pathname + new URL(url).search];
    writeFileSync(
      script,
      [
        ...Object.entries(options.headers ?? {}).map(([k, v]) => `wrk.headers[${lua(k)}] = ${lua(v)}`),
        `local paths = {${paths.map(lua).join(',')}}`,
        'local n = 0',
        'request = function() n = n + 1; return wrk.format("GET", paths[(n % #paths) + 1]) end',
      ].join('\n'),
    );
    const r = spawnSync(
      'wrk',
      [
        '-t',
        '2',
        '-c',
        String(options.connections ?? 10),
        '-d',
        `${options.seconds ?? 5}s`,
        '--latency',
        '-s',
        script,
        new URL(url).origin,
      ],
      { encoding: 'utf8' },
    );
    if (r.status !== 0) throw new Error(`wrk failed: ${r.stderr || r.stdout}`);
    const out = r.stdout;
    const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
    return {
      requestsPerSecond: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0),
      p50: wrkMs(/\s50%\s+(\S+)/.exec(out)?.[1]),
      p99: wrkMs(/\s99%\s+(\S+)/.exec(out)?.[1]),
      errors:
        Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0) +
        (socketErrors ? socketErrors.slice(1).reduce((x, y) => x + Number(y), 0) : 0),
      generator: 'wrk',
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function autocannonLoad(url: string, options: LoadOptions): Promise<LoadResult> {
  let n = 0;
  const paths = options.paths;
  const result = await autocannon({
    url,
    duration: options.seconds ?? 5,
    connections: options.connections ?? 10,
    headers: options.headers ?? {},
    ...(paths
      ? {
          requests: [
            { setupRequest: (req: autocannon.Request) => ({ ...req, path: paths[n++ % paths.length] as string }) },
          ],
        }
      : {}),
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
    generator: 'autocannon',
  };
}

/** A bounded load from this machine to a loopback server: `seconds` long, `connections` at once. */
export async function load(url: string, options: LoadOptions = {}): Promise<LoadResult> {
  return useWrk() ? wrkLoad(url, options) : autocannonLoad(url, options);
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

export const fmt = (n: number, digits = 1): string => n.toFixed(digits);
