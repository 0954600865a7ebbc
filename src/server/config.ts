/**
 * Configuration: read once from the environment, validated with zod, frozen. This is the only file
 * that reads `process.env`. Every problem is reported at once, so a bad deployment fails fast.
 */
import path from 'node:path';
import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => ['true', '1', 'yes'].includes(v));
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const EnvSchema = z.object({
  /** HTTP port. */
  PORT: int(0, 65535).default(3000),
  /** Interface to listen on; `localhost` covers IPv4 and IPv6 loopback. Use 0.0.0.0 in a container. */
  HOST: z.string().min(1).default('localhost'),
  /** Folder of the embedded database, backups and uploads. */
  DATA_DIR: z.string().min(1).default('./data'),
  /** PostgreSQL connection URL; when set, the embedded engine is not used. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  /** Database connection pool size. */
  DATABASE_POOL_SIZE: int(1, 200).default(10),
  /** The address people use to reach Civitas (cookies, OIDC redirects). */
  PUBLIC_URL: z.url().optional(),
  /** Demo mode: demo eID page, demo accounts without a second factor, demo data. Defaults to on for the embedded engine. */
  DEMO_MODE: bool.optional(),
  /** Seed the demo data set on first start. Defaults to DEMO_MODE. */
  SEED_DEMO: bool.optional(),
  /** Synthetic persons added to the demo register on first start (deterministic). */
  DEMO_POPULATION: z.coerce.number().int().min(0).max(3_000_000).default(20_000),
  /** Staff must pass a TOTP second factor (demo accounts in demo mode excepted). */
  STAFF_TOTP_REQUIRED: bool.default(true),
  /** Minutes without activity after which a staff session ends. */
  STAFF_IDLE_MINUTES: int(1, 24 * 60).default(15),
  /** Minutes without activity after which a resident session ends. */
  RESIDENT_IDLE_MINUTES: int(1, 24 * 60).default(15),
  /** Hours after which any session ends, active or not. */
  SESSION_MAX_HOURS: int(1, 72).default(10),
  /** Failed passwords in a row before an account is locked. */
  LOGIN_MAX_FAILURES: int(1, 100).default(5),
  /** Minutes an account stays locked. */
  LOGIN_LOCKOUT_MINUTES: int(1, 24 * 60).default(15),
  /** Sign-in attempts per minute from one client address. */
  LOGIN_RATE_PER_MINUTE: int(1, 10_000).default(20),
  /** OpenID Connect issuer of the national eID provider (enables OIDC sign-in). */
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** Scopes requested from the eID provider. */
  OIDC_SCOPE: z.string().default('openid profile'),
  /** Claim that carries the resident's personal code. */
  OIDC_PERSONAL_CODE_CLAIM: z.string().default('personal_code'),
  /** Also offer OIDC sign-in to staff (matched by the account's oidc_subject). */
  OIDC_FOR_STAFF: bool.default(false),
  /** Minutes between automatic backups of the embedded database; 0 turns them off. */
  BACKUP_INTERVAL_MINUTES: int(0, 7 * 24 * 60).optional(),
  /** Folder of automatic backups. Defaults to DATA_DIR/backups. */
  BACKUP_DIR: z.string().optional(),
  /** Automatic backups kept; older ones are deleted. */
  BACKUP_KEEP: int(1, 1000).default(7),
  /** Log level. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Log lines: `pretty` (one readable line each), `json` (one JSON object each, for a log collector), `auto`: pretty on a terminal, JSON otherwise. */
  LOG_FORMAT: z.enum(['auto', 'pretty', 'json']).default('auto'),
  /** Trust X-Forwarded-* from a reverse proxy. */
  TRUST_PROXY: bool.default(false),
  /** Time zone of the office (calendar dates, deadlines). */
  TIME_ZONE: z.string().default('Europe/Riga'),
  /** SMTP server for e-mail, e.g. smtp://user:pass@mail.example.lv:587. Unset: messages go to the built-in mailbox (demo). */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  /** Sender address of e-mails. */
  MAIL_FROM: z.string().min(3).default('Civitas <no-reply@civitas.invalid>'),
  /** Seconds between outbox delivery rounds; 0 turns delivery off (tests deliver by hand). */
  OUTBOX_INTERVAL_SECONDS: int(0, 3600).default(5),
  /** Attempts before a message is marked failed (the backoff doubles from 30 s, at most 1 h). */
  OUTBOX_MAX_ATTEMPTS: int(1, 50).default(8),
  /** Working days before a case's deadline at which the officer and the supervisor are warned, e.g. "5,2". */
  DEADLINE_WARN_WORKING_DAYS: z
    .string()
    .regex(/^\d{1,3}(,\d{1,3})*$/, 'a comma-separated list of working days, e.g. 5,2')
    .default('5,2'),
  /** Code of the branch that takes applications made online. */
  PORTAL_CASE_BRANCH: z.string().min(1).default('RIGA-1'),
  /** Minutes between deadline watch rounds; 0 turns the watch off. */
  DEADLINE_WATCH_MINUTES: int(0, 24 * 60).default(15),
  /** Document number series: a prefix of two capital letters per document type (a number is never reused). */
  DOCUMENT_NUMBER_PREFIXES: z
    .string()
    .regex(
      /^([a-z-]+=[A-Z]{2})(,[a-z-]+=[A-Z]{2})*$/,
      'type=XX pairs separated by commas, e.g. passport=LV,identity-card=PA',
    )
    .optional(),
  /** MRZ nationality code for legal statuses the sources leave open (DOMAIN.md §2.5), e.g. non-citizen=XXA. */
  MRZ_NATIONALITY: z
    .string()
    .regex(/^([a-z-]+=[A-Z]{3})(,[a-z-]+=[A-Z]{3})*$/, 'status=XXX pairs separated by commas, e.g. non-citizen=XXA')
    .optional(),
  /** Public document checks per minute from one address without an API key. */
  DOCUMENT_CHECK_PER_MINUTE: int(1, 100_000).default(30),
  /** Document checks per minute for one partner system with an API key. */
  PARTNER_CHECK_PER_MINUTE: int(1, 10_000_000).default(600_000),
  /** Seconds between refreshes of the in-memory document validity index from other servers' changes; 0 turns the index off (every check asks the database). */
  DOCUMENT_INDEX_REFRESH_SECONDS: int(0, 3600).default(1),
  /** Partner systems' API keys as name=sha256(key) in hex, comma-separated (the keys themselves are never stored). */
  PARTNER_API_KEYS: z
    .string()
    .regex(/^([a-z0-9-]+=[0-9a-f]{64})(,[a-z0-9-]+=[0-9a-f]{64})*$/, 'name=sha256hex pairs separated by commas')
    .optional(),
  /**
   * The dated state-fee table as JSON, replacing the built-in one (Cabinet Reg. No. 133): a list of
   * {"from":"2027-01-01","fees":{"passport":{"standard":5500,"urgent":8000,"reduced":2500}}}, amounts in euro cents.
   */
  DOCUMENT_FEE_TABLE: z.string().optional(),
  /** Document applications need a second officer's approval (four-eyes). */
  DOCUMENT_FOUR_EYES: bool.default(true),
  /** Ed25519 private key (PKCS#8 PEM) that signs production orders; created on first use if missing. Defaults to DATA_DIR/production-signing-key.pem. */
  PRODUCTION_SIGNING_KEY_FILE: z.string().optional(),
  /** Most applications in one production batch. */
  PRODUCTION_BATCH_MAX: int(1, 10_000).default(500),
  /** The partner (a name in PARTNER_API_KEYS) whose key fetches production exports and confirms them: the personalization centre's system. */
  PRODUCTION_CENTRE_PARTNER: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .default('personalization-centre'),
  /** Which partner system (a name in PARTNER_API_KEYS) answers each consulted authority's consultations, as authority=partner pairs. */
  CONSULTATION_PARTNERS: z
    .string()
    .regex(/^([a-z-]+=[a-z0-9-]+)(,[a-z-]+=[a-z0-9-]+)*$/, 'authority=partner pairs separated by commas')
    .default('state-border-guard=border-guard-demo'),
  /** Demo visa applications opened on first start, spread over every step of the procedure (0 for none). */
  DEMO_MIGRATION_CASES: z.coerce.number().int().min(0).max(100_000).default(320),
  /** The branch (its code) that takes migration applications and invitations made online: the migration division. */
  MIGRATION_CASE_BRANCH: z
    .string()
    .regex(/^[A-Z0-9-]+$/)
    .default('RIGA-2'),
  /** Partner systems (names in PARTNER_API_KEYS) that may check a visa and read its holder, comma-separated: the border guard's. */
  VISA_CHECK_PARTNERS: z
    .string()
    .regex(/^[a-z0-9-]+(,[a-z0-9-]+)*$/, 'partner names separated by commas')
    .default('border-guard-demo'),
  /** The state code on the visas this office issues (the sticker number and its machine-readable zone). */
  VISA_ISSUING_STATE: z
    .string()
    .regex(/^[A-Z]{3}$/, 'three capital letters')
    .default('LVA'),
});

const FeeRowSchema = z.strictObject({
  standard: int(0, 1_000_000),
  urgent: int(0, 1_000_000),
  reduced: int(0, 1_000_000),
});
const FeeTableSchema = z
  .array(
    z.strictObject({
      from: z.iso.date(),
      legalAct: z.string().trim().min(1).optional(),
      fees: z.record(z.string(), FeeRowSchema),
    }),
  )
  .min(1);

/** Default series prefixes: LV passports, PA identity cards (personas apliecība), LN non-citizens' passports … */
const DEFAULT_PREFIXES: Record<string, string> = {
  passport: 'LV',
  'identity-card': 'PA',
  'non-citizen-passport': 'LN',
  'stateless-travel-document': 'BZ',
  'refugee-travel-document': 'BG',
  'alternative-status-travel-document': 'AS',
  'residence-permit-card': 'RP',
};
/** Non-citizens' MRZ nationality is unconfirmed (DOMAIN.md §2.5): XXX (unspecified) until PRADO settles it. */
const DEFAULT_MRZ_NATIONALITY: Record<string, string> = {
  'non-citizen': 'XXX',
  'alternative-status': 'XXX',
  'temporary-protection': 'XXX',
  'asylum-seeker': 'XXX',
};
/** The demo partner systems' keys (demo mode only): the border guard's `demo-border-guard-key`, the personalization centre's `demo-centre-key`. */
const DEMO_PARTNER_KEY =
  'border-guard-demo=821741fbce0bf65e805bb8b2a119ccd4509434326a23164eb8199cd2c2f4d7cf,personalization-centre=32b78481dbe16ba59e1ad1d88b858022a4e6b1c83b6a3fb01e6c4ef737ba353e';

const pairs = (text: string | undefined): Record<string, string> =>
  Object.fromEntries(
    (text ?? '')
      .split(',')
      .filter(Boolean)
      .map((p) => p.split('=') as [string, string]),
  );

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  databasePoolSize: number;
  publicUrl: string;
  demoMode: boolean;
  seedDemo: boolean;
  demoPopulation: number;
  staffTotpRequired: boolean;
  staffIdleMinutes: number;
  residentIdleMinutes: number;
  sessionMaxHours: number;
  loginMaxFailures: number;
  loginLockoutMinutes: number;
  loginRatePerMinute: number;
  oidc:
    | {
        issuer: string;
        clientId: string;
        clientSecret: string | undefined;
        scope: string;
        personalCodeClaim: string;
        forStaff: boolean;
      }
    | undefined;
  backup: { intervalMinutes: number; dir: string; keep: number };
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** `auto` is settled where the server starts, which knows whether its output is a terminal. */
  logFormat: 'auto' | 'pretty' | 'json';
  trustProxy: boolean;
  timeZone: string;
  cookieSecure: boolean;
  mail: { smtpUrl: string | undefined; from: string };
  outbox: { intervalSeconds: number; maxAttempts: number };
  deadlines: { warnAtWorkingDays: number[]; watchMinutes: number };
  portalCaseBranch: string;
  documents: {
    numberPrefixes: Record<string, string>;
    mrzNationality: Record<string, string>;
    checkPerMinute: number;
    partnerCheckPerMinute: number;
    indexRefreshSeconds: number;
    /** The fee table from configuration, or undefined for the built-in one. */
    feeTable:
      Array<{ from: string; fees: Record<string, { standard: number; urgent: number; reduced: number }> }> | undefined;
    fourEyes: boolean;
    signingKeyFile: string;
    batchMax: number;
    /** The partner system allowed to fetch exports and confirm them (PRODUCTION_CENTRE_PARTNER). */
    centrePartner: string;
  };
  /** Partner institutions' systems: name → SHA-256 of the API key (hex). */
  partners: { keys: Record<string, string> };
  migration: {
    issuingState: string;
    consultationPartners: Record<string, string>;
    caseBranch: string;
    demoCases: number;
    visaCheckPartners: string[];
  };
}

export class ConfigError extends Error {
  override name = 'ConfigError';
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.problems = problems;
  }
}

/** Parses an environment-like record into a frozen Config, or throws ConfigError listing every problem. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || '(environment)'}: ${i.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  const oidcParts = [e.OIDC_ISSUER, e.OIDC_CLIENT_ID].filter(Boolean).length;
  if (oidcParts === 1) problems.push('OIDC_ISSUER and OIDC_CLIENT_ID must be set together');
  if (!Intl.supportedValuesOf('timeZone').includes(e.TIME_ZONE) && e.TIME_ZONE !== 'UTC')
    problems.push(`TIME_ZONE: unknown time zone ${e.TIME_ZONE}`);
  const prefixes = { ...DEFAULT_PREFIXES, ...pairs(e.DOCUMENT_NUMBER_PREFIXES) };
  for (const type of Object.keys(pairs(e.DOCUMENT_NUMBER_PREFIXES))) {
    if (!(type in DEFAULT_PREFIXES)) problems.push(`DOCUMENT_NUMBER_PREFIXES: unknown document type ${type}`);
  }
  if (new Set(Object.values(prefixes)).size !== Object.keys(prefixes).length)
    problems.push('DOCUMENT_NUMBER_PREFIXES: two document types share a prefix');
  let feeTable: Config['documents']['feeTable'];
  if (e.DOCUMENT_FEE_TABLE) {
    try {
      const table = FeeTableSchema.safeParse(JSON.parse(e.DOCUMENT_FEE_TABLE));
      if (!table.success)
        problems.push(
          `DOCUMENT_FEE_TABLE: ${table.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
        );
      else {
        feeTable = table.data;
        // Each period is a version of the document application's rules, named by its first day: once each.
        const days = table.data.map((p) => p.from);
        for (const day of days.filter((d, i) => days.indexOf(d) !== i))
          problems.push(`DOCUMENT_FEE_TABLE: two periods from ${day}`);
        for (const type of table.data.flatMap((p) => Object.keys(p.fees)))
          if (!(type in DEFAULT_PREFIXES)) problems.push(`DOCUMENT_FEE_TABLE: unknown document type ${type}`);
      }
    } catch {
      problems.push('DOCUMENT_FEE_TABLE: not valid JSON');
    }
  }
  if (problems.length) throw new ConfigError(problems);

  const embedded = !e.DATABASE_URL;
  const demoMode = e.DEMO_MODE ?? embedded;
  const dataDir = path.resolve(e.DATA_DIR);
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    publicUrl,
    demoMode,
    seedDemo: e.SEED_DEMO ?? demoMode,
    demoPopulation: e.DEMO_POPULATION,
    staffTotpRequired: e.STAFF_TOTP_REQUIRED,
    staffIdleMinutes: e.STAFF_IDLE_MINUTES,
    residentIdleMinutes: e.RESIDENT_IDLE_MINUTES,
    sessionMaxHours: e.SESSION_MAX_HOURS,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginLockoutMinutes: e.LOGIN_LOCKOUT_MINUTES,
    loginRatePerMinute: e.LOGIN_RATE_PER_MINUTE,
    oidc:
      e.OIDC_ISSUER && e.OIDC_CLIENT_ID
        ? {
            issuer: e.OIDC_ISSUER,
            clientId: e.OIDC_CLIENT_ID,
            clientSecret: e.OIDC_CLIENT_SECRET,
            scope: e.OIDC_SCOPE,
            personalCodeClaim: e.OIDC_PERSONAL_CODE_CLAIM,
            forStaff: e.OIDC_FOR_STAFF,
          }
        : undefined,
    backup: {
      intervalMinutes: e.BACKUP_INTERVAL_MINUTES ?? (embedded ? 24 * 60 : 0),
      dir: path.resolve(e.BACKUP_DIR ?? path.join(dataDir, 'backups')),
      keep: e.BACKUP_KEEP,
    },
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
    trustProxy: e.TRUST_PROXY,
    timeZone: e.TIME_ZONE,
    cookieSecure: publicUrl.startsWith('https://'),
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM },
    outbox: { intervalSeconds: e.OUTBOX_INTERVAL_SECONDS, maxAttempts: e.OUTBOX_MAX_ATTEMPTS },
    portalCaseBranch: e.PORTAL_CASE_BRANCH,
    documents: {
      numberPrefixes: prefixes,
      mrzNationality: { ...DEFAULT_MRZ_NATIONALITY, ...pairs(e.MRZ_NATIONALITY) },
      checkPerMinute: e.DOCUMENT_CHECK_PER_MINUTE,
      partnerCheckPerMinute: e.PARTNER_CHECK_PER_MINUTE,
      indexRefreshSeconds: e.DOCUMENT_INDEX_REFRESH_SECONDS,
      feeTable,
      fourEyes: e.DOCUMENT_FOUR_EYES,
      signingKeyFile: path.resolve(e.PRODUCTION_SIGNING_KEY_FILE ?? path.join(dataDir, 'production-signing-key.pem')),
      batchMax: e.PRODUCTION_BATCH_MAX,
      centrePartner: e.PRODUCTION_CENTRE_PARTNER,
    },
    partners: { keys: pairs(e.PARTNER_API_KEYS ?? (demoMode ? DEMO_PARTNER_KEY : undefined)) },
    migration: {
      issuingState: e.VISA_ISSUING_STATE,
      consultationPartners: pairs(e.CONSULTATION_PARTNERS),
      caseBranch: e.MIGRATION_CASE_BRANCH,
      demoCases: e.DEMO_MIGRATION_CASES,
      visaCheckPartners: e.VISA_CHECK_PARTNERS.split(','),
    },
    deadlines: {
      warnAtWorkingDays: [...new Set(e.DEADLINE_WARN_WORKING_DAYS.split(',').map(Number))].sort((a, b) => b - a),
      watchMinutes: e.DEADLINE_WATCH_MINUTES,
    },
  });
}

/** Reads the process environment (the one place that does). */
export function readConfigFromProcess(overrides: Record<string, string | undefined> = {}): Config {
  return parseConfig({ ...process.env, ...overrides });
}
