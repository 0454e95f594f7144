import { isAbsolute, relative, resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_SETTINGS, WrittenLevelTitle, type EscalationLevel, type MendSettings } from '../../domain/settings';
import { checkHolidayRule, oneOffDay, type HolidayRule, type OneOffHoliday } from '../../domain/calendar';
import { RegionCode } from '../../domain/regions';
import { Instant } from '../../domain/schemas';
import { workflowDefinitions } from '../../workflows/registry';
import { durationSeconds } from './duration';

const HOUR = /^([01]\d|2[0-3]):[0-5]\d$/;

const escalationChain = z
  .string()
  .transform((value) => value.split(';').map((t) => t.trim()).filter(Boolean))
  .pipe(z.array(WrittenLevelTitle).min(1, 'needs at least one level title, separated by ";"'))
  .transform((titles): EscalationLevel[] => titles.map((title, i) => ({ level: i + 1, ...title })));

const thresholds = z.string().transform((value, ctx) => {
  const parts = value.split(',').map((t) => Number(t.trim()));
  if (parts.some((n) => !Number.isFinite(n) || n <= 0 || n >= 1)) {
    ctx.addIssue({ code: 'custom', message: 'must be fractions between 0 and 1, separated by commas (e.g. 0.5,0.8)' });
    return z.NEVER;
  }
  return [...new Set(parts)].sort((a, b) => a - b);
});

const optionalUrl = z.url().optional();

/** What a zod issue says of a JSON variable's value, at its path. */
const saidAtPath = (issue: z.core.$ZodIssue) => `${issue.path.join('.') || 'value'}: ${issue.message}`;

/**
 * A variable's JSON value of `shape`, or undefined when it is not JSON or not that shape: then one
 * problem says what is wanted, and what is wrong where.
 */
function jsonVariable<T>(value: string, ctx: z.RefinementCtx, shape: z.ZodType<T>, wanted: string, said = saidAtPath): T | undefined {
  let given: unknown;
  try {
    given = JSON.parse(value);
  } catch {
    ctx.addIssue({ code: 'custom', message: wanted });
    return undefined;
  }
  const parsed = shape.safeParse(given);
  if (!parsed.success) ctx.addIssue({ code: 'custom', message: `${wanted}; ${parsed.error.issues.map(said).join('; ')}` });
  return parsed.data;
}

/** A configured holiday's name in each official language: clients and staff see it in theirs. */
const HOLIDAY_NAMES = { name: z.string().trim().min(1).max(100), nameFr: z.string().trim().min(1).max(100) };

/**
 * MEND_REGIONAL_HOLIDAYS: a JSON object that replaces the provincial or civic holiday of a region,
 * e.g. `{"NL": {"name": "Regatta Day", "nameFr": "Jour des régates", "rule": "1st wednesday in August"}}`
 * for St. John's offices.
 * Each rule is in date-holidays' grammar and is checked here, so a bad one stops the start.
 */
const regionalHolidaysJson = z.string().transform((value, ctx): Partial<Record<RegionCode, HolidayRule>> => {
  const rules = jsonVariable(
    value,
    ctx,
    z.partialRecord(RegionCode, z.strictObject({ ...HOLIDAY_NAMES, rule: z.string().trim().min(1).max(200) })),
    'must be a JSON object of {"name", "nameFr", "rule"} by region code, e.g. {"NL": {"name": "Regatta Day", "nameFr": "Jour des régates", "rule": "1st wednesday in August"}}',
    (issue) => (issue.code === 'unrecognized_keys' ? `${issue.keys.join(', ')}: not a region code (one of ${RegionCode.options.join(', ')})` : saidAtPath(issue)),
  );
  if (!rules) return z.NEVER;
  for (const [region, rule] of Object.entries(rules)) {
    try {
      checkHolidayRule(rule);
    } catch {
      ctx.addIssue({ code: 'custom', message: `${region}: "${rule.rule}" is not a holiday rule date-holidays reads (e.g. "1st monday in August", "06-24 and if saturday,sunday then next monday")` });
      return z.NEVER;
    }
  }
  return rules;
});

/**
 * MEND_ONE_OFF_HOLIDAYS: a JSON array of working days given off once, by proclamation or order,
 * e.g. `[{"name": "National Day of Mourning", "nameFr": "Jour de deuil national", "date": "2022-09-19"}]`, in every region or in the
 * regions named (`"regions": ["NL"]`). Each date must be a weekday, and is given once.
 */
const oneOffHolidaysJson = z.string().transform((value, ctx): OneOffHoliday[] => {
  const holidays = jsonVariable(
    value,
    ctx,
    z.array(z.strictObject({ ...HOLIDAY_NAMES, date: z.iso.date(), regions: z.array(RegionCode).min(1).optional() })),
    'must be a JSON array of {"name", "nameFr", "date"} (and "regions", a list of region codes, for a day not given everywhere), e.g. [{"name": "National Day of Mourning", "nameFr": "Jour de deuil national", "date": "2022-09-19"}]',
  );
  if (!holidays) return z.NEVER;
  const dates = new Set<string>();
  for (const [i, { date }] of holidays.entries()) {
    try {
      oneOffDay(date);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: `${i}.date: ${(error as Error).message}` });
      return z.NEVER;
    }
    if (dates.has(date)) {
      ctx.addIssue({ code: 'custom', message: `${i}.date: ${date} is given twice` });
      return z.NEVER;
    }
    dates.add(date);
  }
  return holidays;
});

/**
 * MEND_WORKFLOW_SETTINGS: a JSON object of settings by workflow name, e.g.
 * `{"<workflow>": {"<setting>": 3}}`, each checked against that workflow's `settings` schema (at
 * every version that has one) and completed with its defaults.
 */
const workflowSettingsJson = z.string().transform((value, ctx): Record<string, unknown> => {
  let given: unknown;
  try {
    given = JSON.parse(value);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'must be a JSON object of settings by workflow name' });
    return z.NEVER;
  }
  if (typeof given !== 'object' || given === null || Array.isArray(given)) {
    ctx.addIssue({ code: 'custom', message: 'must be a JSON object of settings by workflow name' });
    return z.NEVER;
  }
  const parsed: Record<string, unknown> = {};
  for (const [name, settings] of Object.entries(given)) {
    const versions = workflowDefinitions.filter((d) => d.name === name);
    if (versions.length === 0) {
      ctx.addIssue({ code: 'custom', message: `names no workflow: "${name}" (GET /workflows lists them)` });
      continue;
    }
    const schemas = versions.flatMap((d) => (d.settings ? [d.settings] : []));
    if (schemas.length === 0) {
      ctx.addIssue({ code: 'custom', message: `"${name}" has no settings` });
      continue;
    }
    for (const schema of schemas) {
      const result = schema.safeParse(settings);
      if (!result.success) {
        for (const issue of result.error.issues) {
          ctx.addIssue({ code: 'custom', message: `${[name, ...issue.path.map(String)].join('.')}: ${issue.message}` });
        }
        continue;
      }
      parsed[name] = result.data;
    }
  }
  return parsed;
});

const duration = z
  .string()
  .transform((value, ctx) => {
    const seconds = durationSeconds(value);
    if (seconds === undefined) ctx.addIssue({ code: 'custom', message: 'must be a duration such as 3600, 30m, 12h or 1d' });
    return seconds ?? z.NEVER;
  })
  .pipe(z.number().int().min(1, 'must be at least one second'));

/** A schema name PostgreSQL accepts unquoted (it is spliced into SQL text, so nothing else is allowed). */
export const POSTGRES_SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Environment variables, validated at start-up (DESIGN.md §11). Every one has a working default
 * for the embedded mode, except what production must choose.
 */
export const EnvSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    MEND_STORE: z.enum(['sqlite', 'postgres', 'eventstoredb']).default('sqlite'),
    MEND_DATA_DIR: z.string().min(1).default('./data'),
    MEND_SQLITE_DURABILITY: z.enum(['full', 'normal']).default('full'),
    // 25 took the HTTP command rounds from 1,540 to 2,230 req/s (bench/README.md). A read model may then
    // lag an acknowledged command by as much; a case read and any ?minPosition= read do not.
    MEND_SQLITE_WAKE_MS: z.coerce.number().int().min(0).max(1_000).default(25),
    EVENTSTORE_CONNECTION_STRING: z
      .string()
      .regex(/^(esdb|kurrentdb)(\+discover)?:\/\/\S+$/, 'must be a KurrentDB connection string, e.g. kurrentdb://admin:changeit@localhost:2113?tls=false')
      .optional(),
    MEND_POSTGRES_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// connection URL').optional(),
    MEND_POSTGRES_SCHEMA: z.string().regex(POSTGRES_SCHEMA_NAME, 'must be a lower-case schema name (letters, digits, _)').default('mend'),
    MEND_KEYSTORE: z.enum(['sqlite', 'postgres']).optional(),
    MEND_KEYSTORE_POSTGRES_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// connection URL').optional(),
    MEND_BUSINESS_HOURS: z
      .string()
      .regex(/^\d{2}:\d{2}-\d{2}:\d{2}$/, { message: 'must look like 07:00-17:00', abort: true })
      .refine((v) => v.split('-').every((h) => HOUR.test(h)) && v.split('-')[0]! < v.split('-')[1]!, 'must be HH:MM-HH:MM with start before end')
      .default('07:00-17:00'),
    MEND_REGIONAL_HOLIDAYS: regionalHolidaysJson.default({}),
    MEND_ONE_OFF_HOLIDAYS: oneOffHolidaysJson.default([]),
    MEND_SLA_WARNING_THRESHOLDS: thresholds.default([...DEFAULT_SETTINGS.sla.warningThresholds]),
    MEND_ESCALATION_CHAIN: escalationChain.default([...DEFAULT_SETTINGS.escalationChain]),
    MEND_WORKFLOW_SETTINGS: workflowSettingsJson.default({}),
    MEND_CLOCK_START: Instant.optional(),
    MEND_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    MEND_LOG_FORMAT: z.enum(['json', 'pretty', 'auto']).default('auto'),
    MEND_BODY_LIMIT: z.coerce.number().int().min(1024).max(16 * 1024 * 1024).default(256 * 1024),
    MEND_JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    MEND_JWT_JWKS_URL: optionalUrl,
    MEND_JWT_ISSUER: z.string().min(1).optional(),
    MEND_JWT_AUDIENCE: z.string().min(1).optional(),
    MEND_JWT_MAX_TTL: duration.default(12 * 3600),
    MEND_AUDIT_KEY: z.string().min(1).optional(),
    MEND_AUDIT_KEY_FILE: z.string().min(1).optional(),
    MEND_AUDIT_PUBLIC_KEY: z.string().min(1).optional(),
    MEND_AUDIT_PUBLIC_KEY_FILE: z.string().min(1).optional(),
    MEND_CORS_ORIGINS: z.string().optional(),
    MEND_RATE_LIMIT: z.coerce.number().int().min(0).default(3000),
    MEND_RATE_LIMIT_PER_ADDRESS: z.coerce.number().int().min(0).optional(),
    MEND_PROJECTION_LAG_LIMIT: z.coerce.number().int().min(1).default(10_000),
    MEND_SCHEDULER: z.enum(['on', 'off']).default('on'),
    // A timer's longest delay (about 24.8 days): a longer one would fire at once, in a loop.
    MEND_SCHEDULER_INTERVAL_MS: z.coerce.number().int().min(50).max(2_147_483_647, 'must be at most 2147483647 ms (about 24.8 days), the longest a timer waits').default(5_000),
    MEND_MAX_CLOCK_SKEW_MS: z.coerce.number().int().min(100).default(2_000),
    MEND_ERASURE_LEDGER: z.string().min(1).optional(),
    MEND_RETENTION_YEARS: z.coerce.number().int('must be a whole number of years').min(0).max(100).default(2),
    MEND_BACKUP_KEY: z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hexadecimal characters (32 random bytes, e.g. `openssl rand -hex 32`)')
      .optional(),
    MEND_BACKUP_KEY_FILE: z.string().min(1).optional(),
  })
  .superRefine((env, ctx) => {
    if (env.MEND_STORE === 'eventstoredb' && !env.EVENTSTORE_CONNECTION_STRING) {
      ctx.addIssue({
        code: 'custom',
        path: ['EVENTSTORE_CONNECTION_STRING'],
        message: 'is required when MEND_STORE=eventstoredb (e.g. kurrentdb://localhost:2113?tls=false)',
      });
    }
    for (const [inline, file] of [
      ['MEND_AUDIT_KEY', 'MEND_AUDIT_KEY_FILE'],
      ['MEND_AUDIT_PUBLIC_KEY', 'MEND_AUDIT_PUBLIC_KEY_FILE'],
    ] as const) {
      if (env[inline] && env[file]) ctx.addIssue({ code: 'custom', path: [file], message: `give either ${inline} or ${file}, not both` });
      const path = env[file];
      // A key kept beside the data would let whoever can rewrite the log re-sign it.
      if (path && isInside(resolve(path), resolve(env.MEND_DATA_DIR))) {
        ctx.addIssue({ code: 'custom', path: [file], message: `must not be inside the data directory (${resolve(env.MEND_DATA_DIR)})` });
      }
    }
    if (env.MEND_STORE === 'postgres' && !env.MEND_POSTGRES_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['MEND_POSTGRES_URL'],
        message: 'is required when MEND_STORE=postgres (e.g. postgres://mend:secret@localhost:5432/mend)',
      });
    }
    if (env.MEND_KEYSTORE === 'postgres' && !env.MEND_KEYSTORE_POSTGRES_URL && !env.MEND_POSTGRES_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['MEND_KEYSTORE_POSTGRES_URL'],
        message: 'is required when MEND_KEYSTORE=postgres and there is no MEND_POSTGRES_URL',
      });
    }
    const dataDir = resolve(env.MEND_DATA_DIR);
    for (const variable of ['MEND_ERASURE_LEDGER', 'MEND_BACKUP_KEY_FILE'] as const) {
      const path = env[variable];
      if (path && isInside(resolve(path), dataDir)) {
        ctx.addIssue({
          code: 'custom',
          path: [variable],
          message: `must be outside MEND_DATA_DIR (${dataDir}): a restore replaces the data directory, and this file must survive it`,
        });
      }
    }
    if (env.MEND_BACKUP_KEY && env.MEND_BACKUP_KEY_FILE) {
      ctx.addIssue({ code: 'custom', path: ['MEND_BACKUP_KEY'], message: 'set MEND_BACKUP_KEY or MEND_BACKUP_KEY_FILE, not both' });
    }
    if (env.MEND_JWT_JWKS_URL && (!env.MEND_JWT_ISSUER || !env.MEND_JWT_AUDIENCE)) {
      ctx.addIssue({
        code: 'custom',
        path: ['MEND_JWT_ISSUER'],
        message: 'MEND_JWT_ISSUER and MEND_JWT_AUDIENCE are required with MEND_JWT_JWKS_URL',
      });
    }
  });

export interface MendConfig {
  readonly port: number;
  readonly host: string;
  readonly store:
    | { readonly engine: 'sqlite'; readonly durability: 'full' | 'normal'; readonly wakeIntervalMs: number }
    | { readonly engine: 'postgres'; readonly connectionString: string; readonly schema: string }
    | { readonly engine: 'eventstoredb'; readonly connectionString: string };
  /**
   * Where the personal-data keys live: a SQLite file in the data directory (one node), or a
   * PostgreSQL schema every node shares.
   */
  readonly keyStore:
    | { readonly engine: 'sqlite' }
    | { readonly engine: 'postgres'; readonly connectionString: string; readonly schema: string };
  readonly dataDir: string;
  readonly businessHours: { readonly start: string; readonly end: string };
  /** Regions whose provincial or civic holiday is not the one Mend knows (MEND_REGIONAL_HOLIDAYS). */
  readonly regionalHolidays: Partial<Record<RegionCode, HolidayRule>>;
  /** Working days given off once (MEND_ONE_OFF_HOLIDAYS). */
  readonly oneOffHolidays: readonly OneOffHoliday[];
  readonly settings: MendSettings;
  readonly clockStart?: string;
  readonly log: { readonly level: string; readonly format: 'json' | 'pretty' | 'auto' };
  readonly bodyLimit: number;
  readonly auth: {
    readonly secret?: string;
    readonly jwksUrl?: string;
    readonly issuer?: string;
    readonly audience?: string;
    /** The longest lifetime (exp − iat) a token may have, in seconds: tokens without exp or living longer are refused. */
    readonly maxTtlSeconds: number;
  };
  /** The Ed25519 keys of signed audit checkpoints, kept outside the data directory. */
  readonly auditKeys: { readonly privateKey?: KeySource; readonly publicKey?: KeySource };
  readonly corsOrigins: readonly string[];
  /** Requests per minute per authenticated person (the token's verified subject); 0 turns the limit off. */
  readonly rateLimitPerMinute: number;
  /**
   * Requests per minute per client address, counted before authentication so that unauthenticated
   * or junk-token requests are limited too; 0 turns it off. Default: four times the per-person
   * limit, as several people may share an office's address.
   */
  readonly rateLimitPerAddress: number;
  readonly projectionLagLimit: number;
  readonly scheduler: {
    readonly enabled: boolean;
    readonly intervalMs: number;
    /** How far this node's clock may be from the shared store's (PostgreSQL) before its scheduler stops recording. */
    readonly maxClockSkewMs: number;
  };
  /** The append-only erasure ledger, outside the data directory; undefined when not configured. */
  readonly erasureLedger?: string;
  /**
   * How long personal information is kept after its last use in a case before it may be erased
   * without the person's consent (Privacy Act s.6(1), Privacy Regulations s.4(1): two years).
   */
  readonly retentionYears: number;
  /** Where `mend backup` and `mend restore` find the backup key (never stored beside the backup). */
  readonly backupKey: { readonly hex: string } | { readonly file: string } | undefined;
}

/** Whether `path` is `dir` or lies under it. */
export function isInside(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** A PEM key given inline or as a file path. */
export type KeySource = { readonly pem: string } | { readonly file: string };

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: readonly { variable: string; message: string }[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n')}`);
  }
}

/** Reads the configuration from environment variables, or throws a ConfigError naming each bad variable. */
export function loadConfig(env: Readonly<Record<string, string | undefined>> = process.env): MendConfig {
  // Empty variables count as unset, as in most twelve-factor services.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const variable = String(issue.path[0] ?? 'environment');
        const value = env[variable];
        const secret = variable.includes('SECRET') || variable.endsWith('_KEY');
        const shown = value === undefined ? '' : ` (got "${secret ? '***' : value}")`;
        return { variable, message: `${issue.message}${shown}` };
      }),
    );
  }
  const e = parsed.data;
  const [start, end] = e.MEND_BUSINESS_HOURS.split('-') as [string, string];
  return {
    port: e.PORT,
    host: e.HOST,
    store:
      e.MEND_STORE === 'eventstoredb'
        ? { engine: 'eventstoredb', connectionString: e.EVENTSTORE_CONNECTION_STRING! }
        : e.MEND_STORE === 'postgres'
          ? { engine: 'postgres', connectionString: e.MEND_POSTGRES_URL!, schema: e.MEND_POSTGRES_SCHEMA }
          : { engine: 'sqlite', durability: e.MEND_SQLITE_DURABILITY, wakeIntervalMs: e.MEND_SQLITE_WAKE_MS },
    keyStore: keyStoreConfig(e),
    dataDir: resolve(e.MEND_DATA_DIR),
    businessHours: { start, end },
    regionalHolidays: e.MEND_REGIONAL_HOLIDAYS,
    oneOffHolidays: e.MEND_ONE_OFF_HOLIDAYS,
    settings: {
      sla: { warningThresholds: e.MEND_SLA_WARNING_THRESHOLDS },
      escalationChain: e.MEND_ESCALATION_CHAIN,
      workflows: e.MEND_WORKFLOW_SETTINGS,
    },
    ...(e.MEND_CLOCK_START ? { clockStart: e.MEND_CLOCK_START } : {}),
    log: { level: e.MEND_LOG_LEVEL, format: e.MEND_LOG_FORMAT },
    bodyLimit: e.MEND_BODY_LIMIT,
    auth: {
      ...(e.MEND_JWT_SECRET ? { secret: e.MEND_JWT_SECRET } : {}),
      ...(e.MEND_JWT_JWKS_URL ? { jwksUrl: e.MEND_JWT_JWKS_URL } : {}),
      ...(e.MEND_JWT_ISSUER ? { issuer: e.MEND_JWT_ISSUER } : {}),
      ...(e.MEND_JWT_AUDIENCE ? { audience: e.MEND_JWT_AUDIENCE } : {}),
      maxTtlSeconds: e.MEND_JWT_MAX_TTL,
    },
    auditKeys: {
      ...keySource('privateKey', e.MEND_AUDIT_KEY, e.MEND_AUDIT_KEY_FILE),
      ...keySource('publicKey', e.MEND_AUDIT_PUBLIC_KEY, e.MEND_AUDIT_PUBLIC_KEY_FILE),
    },
    corsOrigins: e.MEND_CORS_ORIGINS ? e.MEND_CORS_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean) : [],
    rateLimitPerMinute: e.MEND_RATE_LIMIT,
    rateLimitPerAddress: e.MEND_RATE_LIMIT_PER_ADDRESS ?? 4 * e.MEND_RATE_LIMIT,
    projectionLagLimit: e.MEND_PROJECTION_LAG_LIMIT,
    scheduler: { enabled: e.MEND_SCHEDULER === 'on', intervalMs: e.MEND_SCHEDULER_INTERVAL_MS, maxClockSkewMs: e.MEND_MAX_CLOCK_SKEW_MS },
    ...(e.MEND_ERASURE_LEDGER ? { erasureLedger: resolve(e.MEND_ERASURE_LEDGER) } : {}),
    retentionYears: e.MEND_RETENTION_YEARS,
    backupKey: e.MEND_BACKUP_KEY
      ? { hex: e.MEND_BACKUP_KEY.toLowerCase() }
      : e.MEND_BACKUP_KEY_FILE
        ? { file: resolve(e.MEND_BACKUP_KEY_FILE) }
        : undefined,
  };
}

function keySource<K extends string>(name: K, pem: string | undefined, file: string | undefined): Partial<Record<K, KeySource>> {
  if (pem) return { [name]: { pem } } as Record<K, KeySource>;
  if (file) return { [name]: { file: resolve(file) } } as Record<K, KeySource>;
  return {};
}

/**
 * Keys follow the log: nodes that share a PostgreSQL log share its keys. A KurrentDB deployment
 * keeps them in a PostgreSQL server (MEND_KEYSTORE_POSTGRES_URL, or MEND_POSTGRES_URL where that is
 * the one it has); SQLite stays the default only for the embedded store, or a single node.
 */
function keyStoreConfig(e: z.infer<typeof EnvSchema>): MendConfig['keyStore'] {
  const url = e.MEND_KEYSTORE_POSTGRES_URL ?? (e.MEND_STORE !== 'sqlite' ? e.MEND_POSTGRES_URL : undefined);
  const engine = e.MEND_KEYSTORE ?? (url ? 'postgres' : 'sqlite');
  return engine === 'postgres' ? { engine, connectionString: (url ?? e.MEND_POSTGRES_URL)!, schema: e.MEND_POSTGRES_SCHEMA } : { engine };
}

/** What `mend serve` says when KurrentDB nodes would each keep their own personal-data keys, which another node could not read. */
export function unsharedKeysWarning(config: Pick<MendConfig, 'store' | 'keyStore'>): string | undefined {
  if (config.store.engine !== 'eventstoredb' || config.keyStore.engine !== 'sqlite') return undefined;
  return 'Personal-data keys are kept in this node’s keys.sqlite: with KurrentDB, another node could not read what this one seals. Set MEND_KEYSTORE_POSTGRES_URL to a PostgreSQL every node reaches (docs/deploy-kurrentdb.md); a single node may keep it as it is.';
}

export const MEND_CONFIG = Symbol('MendConfig');
