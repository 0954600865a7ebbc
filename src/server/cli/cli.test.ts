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
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/civitas.js'), ...args], {
    input: options.input ?? '',
    encoding: 'utf8',
    env,
    timeout: 120_000,
  });
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
    const ok = civitas(['mrz', 'parse', '--json'], {
      input: 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10\n',
    });
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ format: 'TD3', documentNumber: 'L898902C3', valid: true });
    const bad = civitas(['mrz', 'parse'], {
      input: 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<12\n',
    });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('composite check digit is wrong');
  });
  it('builds an MRZ from JSON on stdin, and refuses bad JSON in one line', () => {
    const r = civitas(['mrz', 'build'], {
      input: JSON.stringify({
        format: 'TD1',
        documentCode: 'I',
        issuingState: 'UTO',
        surname: 'Eriksson',
        givenNames: 'Anna Maria',
        documentNumber: 'D23145890',
        nationality: 'UTO',
        birthDate: '1974-08-12',
        sex: 'F',
        expiryDate: '2012-04-15',
      }),
    });
    expect(r.stdout.trim().split('\n')).toEqual([
      'I<UTOD231458907<<<<<<<<<<<<<<<',
      '7408122F1204159UTO<<<<<<<<<<<6',
      'ERIKSSON<<ANNA<MARIA<<<<<<<<<<',
    ]);
    const bad = civitas(['mrz', 'build'], { input: '{"format":"TD1","birthDate":"2013-02-29"}' });
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });
  it('adds and counts working days', () => {
    expect(civitas(['working-days', 'add', '2025-12-29', '10']).stdout.trim()).toBe('2026-01-15');
    expect(JSON.parse(civitas(['working-days', 'between', '2026-06-15', '2026-07-01', '--json']).stdout)).toMatchObject(
      { workingDays: 10 },
    );
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

describe('civitas stay days (90/180-day rule)', () => {
  // SEM example 2 (DOMAIN-PROCEDURES §2.3): control at exit 30.11.2014, could have stayed until 13.12.2014.
  const sem2 = {
    controlDate: '2014-11-30',
    stays: [
      { entry: '2014-08-15', exit: '2014-09-30' },
      { entry: '2014-11-01', exit: '2014-11-30' },
    ],
  };
  it('reads the stays as JSON and prints the assessment, with --json', () => {
    const r = civitas(['stay', 'days', '--json'], { input: JSON.stringify({ ...sem2, plannedEntry: '2015-01-01' }) });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      controlDate: '2014-11-30',
      window: { first: '2014-06-04', last: '2014-11-30' },
      daysUsed: 77,
      daysLeft: 13,
      isInside: true,
      overstay: null,
      currentStay: { from: '2014-11-30', days: 14, latestExit: '2014-12-13', limitedBy: 'rule-90-180' },
      plannedStay: { from: '2015-01-01', days: 13, latestExit: '2015-01-13', limitedBy: 'rule-90-180' },
    });
  });
  it('words the result like the Commission calculator, and reports an overstay and a visa limit', () => {
    expect(
      civitas(['stay', 'days'], { input: JSON.stringify(sem2) })
        .stdout.trim()
        .split('\n'),
    ).toEqual([
      'Days of stay in the 180-day period 2014-06-04 to 2014-11-30: 77 day(s), 13 left',
      'No overstay in the period',
      'Stay in progress: possible stay until 2014-12-13, 14 day(s) from 2014-11-30 (then the 90/180-day rule)',
    ]);
    // SEM example 6: 164 days in the window, 74 over.
    const over = civitas(['stay', 'days'], {
      input: JSON.stringify({
        controlDate: '2014-03-01',
        stays: [
          { entry: '2013-06-28', exit: '2013-08-09' },
          { entry: '2013-09-19', exit: '2014-03-01' },
        ],
      }),
    });
    expect(over.code).toBe(0);
    expect(over.stdout).toContain(
      'Possible overstay in the period from 2013-09-03 to 2014-03-01 (74 days), over 90 since 2013-11-05',
    );
    const visa = { validFrom: '2026-06-01', validUntil: '2026-08-31', durationOfStay: 15, entries: 'single' };
    const planned = civitas(['stay', 'days', '--json'], {
      input: JSON.stringify({ controlDate: '2026-06-10', stays: [], visa, plannedEntry: '2026-06-10' }),
    });
    expect(JSON.parse(planned.stdout)).toMatchObject({
      plannedStay: { days: 15, latestExit: '2026-06-24', limitedBy: 'visa-duration' },
    });
  });
  it('exits 2 with one line for input that is not JSON, a bad date, or overlapping stays', () => {
    const notJson = civitas(['stay', 'days'], { input: '{controlDate: 2014-11-30' });
    expect(notJson.code).toBe(2);
    expect(notJson.stderr.trim()).toBe('civitas: standard input is not JSON');
    const badDate = civitas(['stay', 'days'], { input: JSON.stringify({ ...sem2, controlDate: '2014-02-30' }) });
    expect(badDate.code).toBe(2);
    expect(badDate.stderr.trim().split('\n')).toHaveLength(1);
    expect(badDate.stderr).toContain('controlDate');
    const overlapping = civitas(['stay', 'days'], {
      input: JSON.stringify({
        controlDate: '2014-03-01',
        stays: [
          { entry: '2014-01-01', exit: '2014-01-10' },
          { entry: '2014-01-05', exit: '2014-01-20' },
        ],
      }),
    });
    expect(overlapping.code).toBe(2);
    expect(overlapping.stdout).toBe('');
    expect(overlapping.stderr.trim()).toBe(
      'civitas: stay #2 (2014-01-05 to 2014-01-20) begins before stay #1 (2014-01-01 to 2014-01-10) ends [OVERLAPPING_STAYS]',
    );
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
    const staffRows = (JSON.parse(backup.stdout) as { tables: { name: string; rows: number }[] }).tables.find(
      (t) => t.name === 'identity.staff_account',
    )?.rows;
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

describe('civitas calendar and register check', () => {
  it('lists the orders, warns about the coming year, records its order once, and refuses bad moves in one line', () => {
    const env = { DATA_DIR: path.join(tmp, 'calendar') };
    expect(civitas(['migrate'], { env }).code).toBe(0);
    const coming = new Date().getUTCFullYear() + 1;
    const before = civitas(['calendar', 'orders'], { env });
    expect(before.code).toBe(0);
    expect(before.stdout).toContain('2026  2026-01-02 → 2026-01-17, 2026-06-22 → 2026-06-27');
    expect(before.stdout).toContain(`warning: no order is recorded for ${coming}`);
    const bad = civitas(
      ['calendar', 'add-order', '--year', String(coming), '--act', 'Test order', '--move', `${coming}-05-01`],
      { env },
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toContain('YYYY-MM-DD:YYYY-MM-DD');
    // The first Monday of December made a rest day: the Saturday worked is a Sunday here, which the law does not allow.
    const monday = [...Array(7).keys()]
      .map((i) => new Date(Date.UTC(coming, 11, 1 + i)))
      .find((d) => d.getUTCDay() === 1) as Date;
    const iso = (d: Date) => d.toISOString().slice(0, 10);
    const sunday = iso(new Date(monday.getTime() + 6 * 86_400_000));
    const saturday = iso(new Date(monday.getTime() + 5 * 86_400_000));
    const notSaturday = civitas(
      ['calendar', 'add-order', '--year', String(coming), '--act', 'Test order', '--move', `${iso(monday)}:${sunday}`],
      { env },
    );
    expect(notSaturday.code).toBe(2);
    expect(notSaturday.stderr.trim()).toBe(`civitas: ${sunday} is not a Saturday`);
    const args = ['calendar', 'add-order', '--year', String(coming), '--act', 'Test order Nr. 1'];
    const ok = civitas([...args, '--move', `${iso(monday)}:${saturday}`, '--json'], { env });
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ year: coming, origin: 'recorded' });
    const after = civitas(['calendar', 'orders', '--json'], { env });
    expect(JSON.parse(after.stdout)).toMatchObject({ comingYear: coming, comingYearHasOrder: true });
    const again = civitas([...args, '--move', `${iso(monday)}:${saturday}`], { env });
    expect(again.code).toBe(2);
    expect(again.stderr.trim()).toBe(`civitas: An order for ${coming} is already recorded`);
    // The register's invariants over the same database (empty here; the rules are tested in register-invariants.test.ts).
    const check = civitas(['register', 'check', '--json'], { env });
    expect(check.code, check.stderr).toBe(0);
    expect(JSON.parse(check.stdout)).toMatchObject({ breaches: 0 });
    const badExamples = civitas(['register', 'check', '--examples', 'many'], { env });
    expect(badExamples.code).toBe(2);
    expect(badExamples.stderr.trim()).toBe('civitas: --examples must be a whole number from 0 to 1000, got "many"');
  }, 120_000);
});

describe('civitas procedures', () => {
  it('lists the rule versions and refuses a move that names no version, an unknown one or no procedure, in one line', () => {
    const env = { DATA_DIR: path.join(tmp, 'procedures') };
    const list = civitas(['procedures', 'list', '--json'], { env });
    expect(list.code, list.stderr).toBe(0);
    const visaC = (
      JSON.parse(list.stdout) as { procedures: Array<{ procedure: string; versions: Array<{ validFrom: string }> }> }
    ).procedures.find((p) => p.procedure === 'visa-c');
    expect(visaC?.versions.map((v) => v.validFrom)).toEqual(['2010-04-05', '2020-02-02', '2024-06-11']);
    const noTo = civitas(['procedures', 'migrate', 'visa-c', '--dry-run'], { env });
    expect(noTo.code).toBe(2);
    expect(noTo.stderr.trim()).toBe(
      'civitas: name the version to move to with --to YYYY-MM-DD (see `civitas procedures list`)',
    );
    const unknown = civitas(['procedures', 'migrate', 'visa-c', '--to', '2024-06-12', '--dry-run'], { env });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim()).toBe(
      'civitas: No version 2024-06-12 of these rules (there are 2010-04-05, 2020-02-02, 2024-06-11)',
    );
    const noProcedure = civitas(['procedures', 'migrate', 'visa-x', '--to', '2024-06-11'], { env });
    expect(noProcedure.stderr.trim()).toBe('civitas: there is no procedure visa-x (see `civitas procedures list`)');
    const badDay = civitas(['procedures', 'migrate', 'visa-c', '--to', '2024-06-11', '--lodged-before', '2024-13-01'], {
      env,
    });
    expect(badDay.stderr.trim()).toBe('civitas: --lodged-before: not a day; write it as YYYY-MM-DD, e.g. 2024-06-11');
    // No open case in an empty register: the dry run says so and changes nothing.
    const dry = civitas(
      ['procedures', 'migrate', 'visa-c', '--to', '2024-06-11', '--lodged-before', '2024-06-11', '--dry-run'],
      { env },
    );
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('dry run: 0 open visa-c case(s) would move to the rules of 2024-06-11');
  }, 180_000);
});
