/** The `civitas` command as a person runs it: exit codes, one-line errors, --json, and the database commands. */
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_STAFF_USERNAMES } from '../modules/identity/index.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'civitas-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function civitas(args: string[], options: { input?: string; env?: Record<string, string> } = {}) {
  const env: Record<string, string | undefined> = { ...process.env, LOG_LEVEL: 'silent', ...options.env };
  delete env['DATABASE_URL'];
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/civitas.js'), ...args], { input: options.input ?? '', encoding: 'utf8', env, timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('civitas check / mrz / working-days', () => {
  it('validates a personal code, with --json', () => {
    const r = civitas(['check', 'personal-code', '32550128526', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ valid: true, format: 'new', display: '325501-28526' });
  });
  it('exits 2 with one line naming the problem', () => {
    const r = civitas(['check', 'personal-code', '180565-05611']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('check digit');
  });
  it('parses an MRZ from stdin and exits 1 when a check digit is wrong', () => {
    const ok = civitas(['mrz', 'parse', '--json'], { input: 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10\n' });
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ format: 'TD3', documentNumber: 'L898902C3', valid: true });
    const bad = civitas(['mrz', 'parse'], { input: 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<12\n' });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('composite check digit is wrong');
  });
  it('builds an MRZ from JSON on stdin, and refuses bad JSON in one line', () => {
    const r = civitas(['mrz', 'build'], { input: JSON.stringify({ format: 'TD1', documentCode: 'I', issuingState: 'UTO', surname: 'Eriksson', givenNames: 'Anna Maria', documentNumber: 'D23145890', nationality: 'UTO', birthDate: '1974-08-12', sex: 'F', expiryDate: '2012-04-15' }) });
    expect(r.stdout.trim().split('\n')).toEqual(['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<']);
    const bad = civitas(['mrz', 'build'], { input: '{"format":"TD1","birthDate":"2013-02-29"}' });
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });
  it('adds and counts working days', () => {
    expect(civitas(['working-days', 'add', '2025-12-29', '10']).stdout.trim()).toBe('2026-01-15');
    expect(JSON.parse(civitas(['working-days', 'between', '2026-06-15', '2026-07-01', '--json']).stdout)).toMatchObject({ workingDays: 10 });
    const bad = civitas(['working-days', 'add', '2026-02-30', '1']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('real date');
  });
  it('reports invalid configuration as one clear message', () => {
    const r = civitas(['migrate'], { env: { PORT: 'eighty' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('PORT');
  });
});

describe('civitas seed / audit verify / backup / restore on the embedded engine', () => {
  it('seeds, verifies the audit chain, backs up, and restores into a fresh data directory', () => {
    const source = path.join(tmp, 'source');
    const target = path.join(tmp, 'target');
    const file = path.join(tmp, 'backup.ndjson.gz');
    expect(civitas(['seed', '--json'], { env: { DATA_DIR: source } }).stdout).toContain('"seeded": true');
    const verify = civitas(['audit', 'verify', '--json'], { env: { DATA_DIR: source } });
    expect(verify.code).toBe(0);
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true });
    const backup = civitas(['backup', file, '--json'], { env: { DATA_DIR: source } });
    expect(backup.code).toBe(0);
    const staffRows = (JSON.parse(backup.stdout) as { tables: { name: string; rows: number }[] }).tables.find((t) => t.name === 'identity.staff_account')?.rows;
    expect(staffRows).toBe(DEMO_STAFF_USERNAMES.length);
    const restore = civitas(['restore', file, '--json'], { env: { DATA_DIR: target } });
    expect(restore.code).toBe(0);
    expect(civitas(['seed', '--json'], { env: { DATA_DIR: target } }).stdout).toContain('"seeded": false');
    // A synthetic population goes into an empty register only: the restored one already holds the demo families and nothing else.
    const population = civitas(['seed', '--persons', '300', '--json'], { env: { DATA_DIR: target } });
    expect(JSON.parse(population.stdout)).toMatchObject({ seeded: false, personsLoaded: 300 });
    const again = civitas(['seed', '--persons', '300', '--json'], { env: { DATA_DIR: target } });
    expect(JSON.parse(again.stdout)).toMatchObject({ personsLoaded: 0 });
    const badCount = civitas(['seed', '--persons', 'many'], { env: { DATA_DIR: target } });
    expect(badCount.code).toBe(2);
    expect(badCount.stderr.trim()).toBe('civitas: --persons must be a whole number, got "many"');
    const missing = civitas(['restore', path.join(tmp, 'nope.gz')], { env: { DATA_DIR: target } });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file');
  }, 180_000);
});
