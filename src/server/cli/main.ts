/**
 * The `civitas` command line. Every command takes --json; bad input exits non-zero with one line on
 * stderr. This is the one file that writes to the console.
 */
import { existsSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import cliProgress from 'cli-progress';
import { readConfigFromProcess, ConfigError, type Config } from '../config.ts';
import { openDatabase, type DatabaseHandle } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { backupDatabase, restoreDatabase } from '../db/backup.ts';
import { systemClock } from '../platform/clock.ts';
import { createArgon2Hasher } from '../platform/password.ts';
import { plainDateInZone } from '../../shared/kernel/plain-date.ts';
import { createAuditRepository, createAuditService } from '../modules/audit/index.ts';
import { seedDemoIdentity, DEMO_PASSWORD, DEMO_STAFF_USERNAMES } from '../modules/identity/index.ts';
import { checkInvariants, seedRegister } from '../modules/register/index.ts';
import { startServer } from './serve.ts';
import { addOrder, listOrders, type AddOrderOptions } from './calendar-commands.ts';
import { listRules, migrateCases, type MigrateOptions } from './procedure-commands.ts';
import { buildApp } from '../app.ts';
import { prettyDestination, resolveLogFormat } from '../http/log-format.ts';
import {
  CliError,
  checkPersonalCode,
  mrzBuild,
  mrzParse,
  stayDays,
  workingDaysAdd,
  workingDaysCount,
  type CliResult,
} from './kernel-commands.ts';

const program = new Command();
program
  .name('civitas')
  .description('Civitas: information system of the Office of Citizenship and Migration Affairs')
  .showHelpAfterError();
program.exitOverride();

function print(result: CliResult, json: boolean): void {
  process.stdout.write(`${json ? JSON.stringify(result.json, null, 2) : result.text}\n`);
}

function fail(message: string): never {
  throw new CliError(message);
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) fail('pipe the input on standard input');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Commander's collector for a repeatable option. */
function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function config(): Config {
  return readConfigFromProcess();
}

async function withDatabase<T>(fn: (db: DatabaseHandle, cfg: Config) => Promise<T>): Promise<T> {
  const cfg = config();
  const handle = await openDatabase({ databaseUrl: cfg.databaseUrl, dataDir: cfg.dataDir, poolSize: 4 });
  try {
    return await fn(handle, cfg);
  } finally {
    await handle.close();
  }
}

program
  .command('serve')
  .description('start the server (embedded database unless DATABASE_URL is set)')
  .option('--json', 'print start-up facts as JSON')
  .action(async (opts: { json?: boolean }) => {
    const cfg = config();
    // Readable lines on a terminal, JSON for a log collector (LOG_FORMAT overrides).
    const format = resolveLogFormat(cfg.logFormat, Boolean(process.stdout.isTTY));
    const server = await startServer(
      cfg,
      format === 'pretty' ? { logDestination: prettyDestination(process.stdout, cfg.timeZone) } : {},
    );
    const facts = {
      url: server.url,
      staff: `${server.url}/staff/`,
      api: `${server.url}/api/docs`,
      database: server.database.description,
      demoMode: cfg.demoMode,
      demoLogins: cfg.demoMode ? DEMO_STAFF_USERNAMES.map((s) => ({ ...s, password: DEMO_PASSWORD })) : [],
    };
    // The validity index loads in the background; on a small register it is done in a moment, so the banner
    // waits that moment rather than have the index's log line land in its middle.
    await Promise.race([server.documentIndexSettled, new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
    if (opts.json) process.stdout.write(`${JSON.stringify(facts)}\n`);
    // A log collector gets the start as one record among the others, not lines of text between them.
    else if (format === 'json')
      server.app.log.info(
        { ...facts, demoLogins: facts.demoLogins.map((s) => s.username) },
        `Civitas ${server.app.civitasVersion} started`,
      );
    else {
      const lines = [
        '',
        `Civitas ${server.app.civitasVersion} is running on ${facts.database}`,
        `  Resident portal:    ${facts.url}/`,
        `  Staff workbench:    ${facts.staff}`,
        `  API reference:      ${facts.api}`,
        `  Health and metrics: ${facts.url}/health/ready  ${facts.url}/metrics`,
      ];
      if (cfg.demoMode) {
        lines.push('', `  DEMO MODE. Staff logins (password "${DEMO_PASSWORD}", no second factor):`);
        for (const s of DEMO_STAFF_USERNAMES) lines.push(`    ${s.username.padEnd(24)} ${s.roles.join(', ')}`);
        lines.push('  Residents: choose a synthetic person on the demo eID page of the portal.');
        lines.push('  Partner systems (document check, change feed): header X-Api-Key: demo-border-guard-key');
      }
      process.stdout.write(`${lines.join('\n')}\n\n`);
    }
    const shutdown = async (signal: string): Promise<void> => {
      server.app.log.info(`received ${signal}, stopping`);
      await server.stop();
      process.exit(0);
    };
    process.once('SIGINT', () => void shutdown('SIGINT'));
    process.once('SIGTERM', () => void shutdown('SIGTERM'));
  });

program
  .command('migrate')
  .description('apply database migrations')
  .option('--json', 'JSON output')
  .action(async (opts: { json?: boolean }) => {
    await withDatabase(async (h) => {
      const results = await migrateToLatest(h.db);
      const applied = results.map((r) => r.migrationName);
      print(
        {
          text: applied.length
            ? `applied ${applied.length} migration(s): ${applied.join(', ')}`
            : 'database is up to date',
          json: { applied },
        },
        Boolean(opts.json),
      );
    });
  });

function positiveInteger(name: string) {
  return (value: string): number => {
    if (!/^\d+$/.test(value)) fail(`${name} must be a whole number, got "${value}"`);
    return Number(value);
  };
}

program
  .command('seed')
  .description(
    'seed the demo data set (branches, demo staff for every role, demo eID persons and their families) and, with --persons, a synthetic population',
  )
  .option(
    '--persons <n>',
    'synthetic persons to add to an empty register (deterministic from --seed)',
    positiveInteger('--persons'),
    0,
  )
  .option('--seed <n>', 'seed of the synthetic population', positiveInteger('--seed'), 1)
  .option('--json', 'JSON output')
  .action(async (opts: { json?: boolean; persons: number; seed: number }) => {
    if (opts.persons > 3_000_000) fail('--persons is at most 3000000');
    await withDatabase(async (h) => {
      await migrateToLatest(h.db);
      const seeded = await seedDemoIdentity(h.db, createArgon2Hasher());
      const bar =
        opts.json || !process.stderr.isTTY || opts.persons === 0
          ? undefined
          : new cliProgress.SingleBar(
              {
                stream: process.stderr,
                format: '{phase} {bar} {value}/{total} {percentage}% | {duration_formatted} elapsed',
              },
              cliProgress.Presets.shades_classic,
            );
      bar?.start(opts.persons, 0, { phase: 'persons' });
      const started = performance.now();
      const now = systemClock.now();
      const register = await seedRegister(h.db, h.pool, {
        engine: h.engine,
        persons: opts.persons,
        seed: opts.seed,
        today: plainDateInZone(now, 'Europe/Riga'),
        now: now.toISOString(),
        onProgress: (n) => bar?.update(n),
        onIndexing: () => bar?.update({ phase: 'persons loaded; building the indexes' }),
      });
      bar?.stop();
      const seconds = Math.round((performance.now() - started) / 100) / 10;
      const text = [
        seeded ? 'demo data seeded' : 'demo data already present',
        opts.persons === 0
          ? undefined
          : register.population > 0
            ? `${register.population} synthetic persons loaded in ${seconds} s`
            : 'the register already holds a population: nothing loaded',
      ]
        .filter(Boolean)
        .join('\n');
      print(
        { text, json: { seeded, demoFamilies: register.demoFamilies, personsLoaded: register.population, seconds } },
        Boolean(opts.json),
      );
    });
  });

const audit = program.command('audit').description('audit log tools');
audit
  .command('verify')
  .description('verify the audit hash chain; names the first broken entry')
  .option('--json', 'JSON output')
  .action(async (opts: { json?: boolean }) => {
    await withDatabase(async (h) => {
      const service = createAuditService({ repository: createAuditRepository(), clock: systemClock });
      const bar =
        opts.json || !process.stderr.isTTY
          ? undefined
          : new cliProgress.SingleBar({ stream: process.stderr }, cliProgress.Presets.shades_classic);
      let started = false;
      const result = await service.verify(h.db, (checked, total) => {
        if (!bar) return;
        if (!started) bar.start(Math.max(total, 1), 0);
        started = true;
        bar.update(checked);
      });
      bar?.stop();
      print({ text: result.message, json: result }, Boolean(opts.json));
      if (!result.ok) process.exitCode = 1;
    });
  });

program
  .command('backup <file>')
  .description('write a consistent backup of the whole database')
  .option('--json', 'JSON output')
  .action(async (file: string, opts: { json?: boolean }) => {
    await withDatabase(async (h) => {
      const header = await backupDatabase(h.pool, file);
      const rows = header.tables.reduce((n, t) => n + t.rows, 0);
      print(
        {
          text: `backup written to ${file}: ${header.tables.length} tables, ${rows} rows, migration ${header.migration}`,
          json: { file, ...header },
        },
        Boolean(opts.json),
      );
    });
  });

program
  .command('restore <file>')
  .description('restore a backup into an empty database')
  .option('--json', 'JSON output')
  .action(async (file: string, opts: { json?: boolean }) => {
    if (!existsSync(file)) fail(`cannot read ${file}: no such file`);
    await withDatabase(async (h) => {
      const result = await restoreDatabase(h.db, h.pool, file);
      const rows = result.tables.reduce((n, t) => n + t.rows, 0);
      print(
        { text: `restored ${rows} rows in ${result.tables.length} tables from ${file}`, json: result },
        Boolean(opts.json),
      );
    });
  });

const check = program.command('check').description('check identifiers');
check
  .command('personal-code <code>')
  .description('validate a Latvian personal code (legacy or new format)')
  .option('--json', 'JSON output')
  .action((code: string, opts: { json?: boolean }) => print(checkPersonalCode(code), Boolean(opts.json)));

const mrz = program.command('mrz').description('ICAO 9303 machine-readable zones');
mrz
  .command('parse')
  .description('parse and verify MRZ lines given on standard input')
  .option('--json', 'JSON output')
  .action(async (opts: { json?: boolean }) => {
    const result = mrzParse(await readStdin(), plainDateInZone(new Date(), 'Europe/Riga'));
    print(result, Boolean(opts.json));
    if (!(result.json as { valid: boolean }).valid) process.exitCode = 1;
  });
mrz
  .command('build')
  .description('build MRZ lines from fields given as JSON on standard input')
  .option('--json', 'JSON output')
  .action(async (opts: { json?: boolean }) => print(mrzBuild(await readStdin()), Boolean(opts.json)));

const wd = program.command('working-days').description('Latvian working-day calendar');
wd.command('add <date> <n>')
  .description('the n-th working day after a date (not counting the date)')
  .option('--json', 'JSON output')
  .action((date: string, n: string, opts: { json?: boolean }) => print(workingDaysAdd(date, n), Boolean(opts.json)));
wd.command('between <from> <to>')
  .description('working days after <from> up to and including <to>')
  .option('--json', 'JSON output')
  .action((from: string, to: string, opts: { json?: boolean }) =>
    print(workingDaysCount(from, to), Boolean(opts.json)),
  );

const registerCommand = program.command('register').description('population register tools');
registerCommand
  .command('check')
  .description('scan the whole register for breaches of its invariants; counts per rule, exits 1 if any')
  .option('--examples <n>', 'breaches to show per rule', '5')
  .option('--json', 'JSON output')
  .action(async (opts: { examples: string; json?: boolean }) => {
    const examples = Number(opts.examples);
    if (!Number.isInteger(examples) || examples < 0 || examples > 1000)
      fail(`--examples must be a whole number from 0 to 1000, got "${opts.examples}"`);
    await withDatabase(async (h) => {
      const started = performance.now();
      const findings = await checkInvariants(h.db, 'all', { examples });
      const seconds = (performance.now() - started) / 1000;
      const breaches = findings.reduce((n, f) => n + f.count, 0);
      const lines = findings.flatMap((f) => [
        `${String(f.count).padStart(9)}  ${f.id}: ${f.rule} (${f.law})`,
        ...f.examples.map(
          (e) => `             person ${e.personId}${e.relatedPersonId ? ` / ${e.relatedPersonId}` : ''}: ${e.detail}`,
        ),
      ]);
      lines.push(
        `${breaches === 0 ? 'no breaches' : `${breaches} breach(es)`} of ${findings.length} rules, in ${seconds.toFixed(1)} s`,
      );
      print({ text: lines.join('\n'), json: { breaches, seconds, findings } }, Boolean(opts.json));
      if (breaches > 0) process.exitCode = 1;
    });
  });

const calendar = program
  .command('calendar')
  .description('the legal calendar: the Cabinet’s orders moving working days (Labour Law s.133(4))');
calendar
  .command('orders')
  .description('list the orders in force, shipped and recorded, with their acts; warns when the coming year has none')
  .option('--json', 'JSON output')
  .action(async (opts: { json?: boolean }) => {
    await withDatabase(async (h, cfg) => print(await listOrders(h.db, systemClock, cfg.timeZone), Boolean(opts.json)));
  });
calendar
  .command('add-order')
  .description('record the Cabinet’s order for a year, e.g. --year 2027 --act "…" --move 2027-05-03:2027-05-08')
  .requiredOption('--year <year>', 'the year the order is for')
  .option('--act <title>', 'the order’s title and number as published')
  .option('--none', 'record that the Cabinet issued no order for the year')
  .option('--adopted <date>', 'the day the Cabinet adopted it (YYYY-MM-DD)')
  .option('--move <dayOff:saturday>', 'a day made a rest day and the Saturday worked (repeatable)', collect, [])
  .option('--source <url>', 'where the order is published (repeatable)', collect, [])
  .option('--note <text>', 'what the sources leave open')
  .option('--json', 'JSON output')
  .action(async (opts: AddOrderOptions & { json?: boolean }) => {
    await withDatabase(async (h, cfg) =>
      print(await addOrder(h.db, systemClock, cfg.timeZone, opts), Boolean(opts.json)),
    );
  });

/** The whole system built without serving (procedures plug into the case engine there), on the configured database. */
async function withApp<T>(fn: (app: Awaited<ReturnType<typeof buildApp>>) => Promise<T>): Promise<T> {
  return withDatabase(async (h, cfg) => {
    await migrateToLatest(h.db);
    const app = await buildApp({
      config: cfg,
      db: h.db,
      clock: systemClock,
      hasher: createArgon2Hasher(),
      logger: false,
    });
    try {
      return await fn(app);
    } finally {
      await app.close();
    }
  });
}

const procedures = program
  .command('procedures')
  .description('the procedures’ rules by version, and transitional moves of open cases between versions');
procedures
  .command('list')
  .description('each procedure’s rule versions: the day each applies from, its act, the open cases under it')
  .option('--json', 'JSON output')
  .action(async (opts: { json?: boolean }) => {
    await withApp(async (app) => print(await listRules(app), Boolean(opts.json)));
  });
procedures
  .command('migrate <procedure>')
  .description(
    'move a procedure’s open cases to a version of its rules, e.g. visa-c --to 2024-06-11 --lodged-before 2024-06-11 --dry-run',
  )
  .option('--to <version>', 'the version to move to, by the day it applies from (YYYY-MM-DD)')
  .option('--lodged-before <date>', 'only cases lodged before this day (YYYY-MM-DD)')
  .option(
    '--basis <text>',
    'the transitional provision that orders the move (default: the version’s act; a move back to earlier rules must name it)',
  )
  .option('--dry-run', 'list the cases and what changes for each; change nothing')
  .option('--json', 'JSON output')
  .action(async (procedure: string, opts: MigrateOptions & { json?: boolean }) => {
    await withApp(async (app) => print(await migrateCases(app, procedure, opts), Boolean(opts.json)));
  });

const stay = program.command('stay').description('the 90/180-day rule for short stays (Schengen Borders Code art. 6)');
stay
  .command('days')
  .description(
    'days used and left on a control date, any overstay, and the latest exit of a stay in progress or a planned entry, from JSON on standard input',
  )
  .option('--json', 'JSON output')
  .action(async (opts: { json?: boolean }) => print(stayDays(await readStdin()), Boolean(opts.json)));

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else {
    const message =
      error instanceof ConfigError
        ? error.message
        : error instanceof Error
          ? error.message.split('\n')[0]
          : String(error);
    process.stderr.write(`civitas: ${message}\n`);
    process.exitCode = error instanceof CliError ? 2 : 1;
  }
}
