import { isAbsolute, relative, resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_SETTINGS, WrittenLevelTitle, type EscalationLevel, type MendSettings } from '../../domain/settings';
import { checkHolidayRule, oneOffDay, type HolidayRule, type OneOffHoliday } from '../../domain/calendar';
import { RegionCode } from '../../domain/regions';
import { Instant } from '../../domain/schemas';
import { workflowDefinitions } from '../../workflows/registry';
import type { Language } from '../../domain/errors';
import { describeIssues, withFrench, type Bilingual } from '../../domain/validation';
import { operatorLanguage } from './language';
import { durationSeconds } from './duration';

const fq = (text: string) => `«\u00a0${text}\u00a0»`;

/**
 * What the configuration says of a bad variable, in both official languages: the operator reads it
 * in theirs (LC_ALL, LC_MESSAGES, LANG or MEND_LANG; see src/config/language.ts). One entry a message.
 */
export const CONFIG_TEXTS = {
  invalid: { en: 'Invalid configuration:', fr: `Configuration invalide\u00a0:` },
  problem: (variable: string, message: Bilingual): Bilingual => ({ en: `${variable}: ${message.en}`, fr: `${variable}\u00a0: ${message.fr}` }),
  got: (value: string): Bilingual => ({ en: ` (got "${value}")`, fr: ` (valeur reçue\u00a0: ${fq(value)})` }),
  levelTitles: { en: 'needs at least one level title, separated by ";"', fr: `doit compter au moins un titre de palier (les titres séparés par ${fq(';')})` },
  thresholds: {
    en: 'must be fractions between 0 and 1, separated by commas (e.g. 0.5,0.8)',
    fr: 'doit être des fractions entre 0 et 1, séparées par des virgules (par exemple 0.5,0.8)',
  },
  // Its English is zod's own (`Unrecognized key: "x"`), kept as it was; this is what it means.
  unknownKeys: (keys: readonly string[]): Bilingual => ({
    en: `unknown ${keys.length > 1 ? 'fields' : 'field'}: ${keys.join(', ')}`,
    fr: `${keys.length > 1 ? 'champs inconnus' : 'champ inconnu'}\u00a0: ${keys.join(', ')}`,
  }),
  atPath: (path: string, message: Bilingual): Bilingual => ({ en: `${path || 'value'}: ${message.en}`, fr: `${path || 'valeur'}\u00a0: ${message.fr}` }),
  wanted: (wanted: Bilingual, said: readonly Bilingual[]): Bilingual => ({
    en: [wanted.en, ...said.map((s) => s.en)].join('; '),
    fr: [wanted.fr, ...said.map((s) => s.fr)].join(`\u00a0; `),
  }),
  regionalHolidays: {
    en: 'must be a JSON object of {"name", "nameFr", "rule"} by region code, e.g. {"NL": {"name": "Regatta Day", "nameFr": "Jour des régates", "rule": "1st wednesday in August"}}',
    fr: 'doit être un objet JSON de {"name","nameFr","rule"} par code de région, par exemple {"NL":{"name":"Regatta Day","nameFr":"Jour des régates","rule":"1st wednesday in August"}}',
  },
  notRegionCodes: (keys: readonly string[]): Bilingual => ({
    en: `${keys.join(', ')}: not a region code (one of ${RegionCode.options.join(', ')})`,
    fr: `${keys.join(', ')}\u00a0: code de région inconnu (codes reconnus\u00a0: ${RegionCode.options.join(', ')})`,
  }),
  holidayRule: (region: string, rule: string): Bilingual => ({
    en: `${region}: "${rule}" is not a holiday rule date-holidays reads (e.g. "1st monday in August", "06-24 and if saturday,sunday then next monday")`,
    fr: `${region}\u00a0: ${fq(rule)} n’est pas une règle de jour férié que date-holidays sait lire (par exemple ${fq('1st monday in August')}, ${fq('06-24 and if saturday,sunday then next monday')})`,
  }),
  oneOffHolidays: {
    en: 'must be a JSON array of {"name", "nameFr", "date"} (and "regions", a list of region codes, for a day not given everywhere), e.g. [{"name": "National Day of Mourning", "nameFr": "Jour de deuil national", "date": "2022-09-19"}]',
    fr: 'doit être un tableau JSON de {"name","nameFr","date"} (et "regions", une liste de codes de région, pour un jour qui n’est pas accordé partout), par exemple [{"name":"National Day of Mourning","nameFr":"Jour de deuil national","date":"2022-09-19"}]',
  },
  oneOffWeekend: (i: number, date: string, english: string): Bilingual => ({
    en: `${i}.date: ${english}`,
    fr: `${i}.date\u00a0: ${date} tombe un samedi ou un dimanche\u00a0: un congé ponctuel est un jour ouvrable accordé en congé`,
  }),
  oneOffTwice: (i: number, date: string): Bilingual => ({ en: `${i}.date: ${date} is given twice`, fr: `${i}.date\u00a0: ${date} est donnée deux fois` }),
  workflowSettings: { en: 'must be a JSON object of settings by workflow name', fr: 'doit être un objet JSON de paramètres par nom de flux de travail' },
  noSuchWorkflow: (name: string): Bilingual => ({
    en: `names no workflow: "${name}" (GET /workflows lists them)`,
    fr: `ne nomme aucun flux de travail\u00a0: ${fq(name)} (GET /workflows en donne la liste)`,
  }),
  noSettings: (name: string): Bilingual => ({ en: `"${name}" has no settings`, fr: `${fq(name)} n’a aucun paramètre` }),
  duration: { en: 'must be a duration such as 3600, 30m, 12h or 1d', fr: 'doit être une durée comme 3600, 30m, 12h ou 1d' },
  oneSecond: { en: 'must be at least one second', fr: 'doit être d’au moins une seconde' },
  kurrentUrl: {
    en: 'must be a KurrentDB connection string, e.g. kurrentdb://admin:changeit@localhost:2113?tls=false',
    fr: 'doit être une chaîne de connexion KurrentDB, par exemple kurrentdb://admin:changeit@localhost:2113?tls=false',
  },
  postgresUrl: { en: 'must be a postgres:// connection URL', fr: 'doit être une URL de connexion postgres://' },
  schemaName: { en: 'must be a lower-case schema name (letters, digits, _)', fr: 'doit être un nom de schéma en minuscules (lettres, chiffres, _)' },
  hoursShape: { en: 'must look like 07:00-17:00', fr: 'doit avoir la forme 07:00-17:00' },
  hoursOrder: { en: 'must be HH:MM-HH:MM with start before end', fr: 'doit être HH:MM-HH:MM, le début avant la fin' },
  jwtSecret: { en: 'must be at least 32 characters', fr: `doit compter au moins 32\u00a0caractères` },
  timerLimit: {
    en: 'must be at most 2147483647 ms (about 24.8 days), the longest a timer waits',
    fr: `doit être d’au plus 2147483647\u00a0ms (environ 24,8\u00a0jours), le plus long délai d’une minuterie`,
  },
  wholeYears: { en: 'must be a whole number of years', fr: 'doit être un nombre entier d’années' },
  backupKey: {
    en: 'must be 64 hexadecimal characters (32 random bytes, e.g. `openssl rand -hex 32`)',
    fr: `doit compter 64\u00a0caractères hexadécimaux (32\u00a0octets aléatoires, par exemple \`openssl rand -hex 32\`)`,
  },
  kurrentRequired: {
    en: 'is required when MEND_STORE=eventstoredb (e.g. kurrentdb://localhost:2113?tls=false)',
    fr: 'est obligatoire quand MEND_STORE=eventstoredb (par exemple kurrentdb://localhost:2113?tls=false)',
  },
  eitherKey: (inline: string, file: string): Bilingual => ({ en: `give either ${inline} or ${file}, not both`, fr: `donnez ${inline} ou ${file}, pas les deux` }),
  keyInsideData: (dir: string): Bilingual => ({
    en: `must not be inside the data directory (${dir})`,
    fr: `ne doit pas se trouver dans le répertoire de données (${dir})`,
  }),
  postgresRequired: {
    en: 'is required when MEND_STORE=postgres (e.g. postgres://mend:secret@localhost:5432/mend)',
    fr: 'est obligatoire quand MEND_STORE=postgres (par exemple postgres://mend:secret@localhost:5432/mend)',
  },
  keyStoreUrlRequired: {
    en: 'is required when MEND_KEYSTORE=postgres and there is no MEND_POSTGRES_URL',
    fr: 'est obligatoire quand MEND_KEYSTORE=postgres et qu’il n’y a pas de MEND_POSTGRES_URL',
  },
  outsideData: (dataDir: string): Bilingual => ({
    en: `must be outside MEND_DATA_DIR (${dataDir}): a restore replaces the data directory, and this file must survive it`,
    fr: `doit se trouver hors de MEND_DATA_DIR (${dataDir})\u00a0: une restauration remplace le répertoire de données, et ce fichier doit lui survivre`,
  }),
  backupKeyTwice: { en: 'set MEND_BACKUP_KEY or MEND_BACKUP_KEY_FILE, not both', fr: 'définissez MEND_BACKUP_KEY ou MEND_BACKUP_KEY_FILE, pas les deux' },
  jwksNeeds: {
    en: 'MEND_JWT_ISSUER and MEND_JWT_AUDIENCE are required with MEND_JWT_JWKS_URL',
    fr: 'MEND_JWT_ISSUER et MEND_JWT_AUDIENCE sont obligatoires avec MEND_JWT_JWKS_URL',
  },
  unsharedKeys: {
    en: 'Personal-data keys are kept in this node’s keys.sqlite: with KurrentDB, another node could not read what this one seals. Set MEND_KEYSTORE_POSTGRES_URL to a PostgreSQL every node reaches (docs/deploy-kurrentdb.md); a single node may keep it as it is.',
    fr: `Les clés des renseignements personnels sont conservées dans le keys.sqlite de ce nœud\u00a0: avec KurrentDB, un autre nœud ne pourrait pas lire ce que celui-ci scelle. Réglez MEND_KEYSTORE_POSTGRES_URL sur un PostgreSQL que chaque nœud peut joindre (docs/deploy-kurrentdb.md)\u00a0; un nœud unique peut rester tel quel.`,
  },
} as const;

/** A schema's own message in both languages (the English is what zod carries, see withFrench). */
const said = (text: Bilingual): string => withFrench(text.en, text.fr);

/** A problem found by a check of the configuration's own: zod carries the English, its params the French. */
function problem(ctx: z.RefinementCtx, text: Bilingual, path?: string[]): void {
  ctx.addIssue({ code: 'custom', message: text.en, params: { fr: text.fr }, ...(path ? { path } : {}) });
}

const HOUR = /^([01]\d|2[0-3]):[0-5]\d$/;

const escalationChain = z
  .string()
  .transform((value) => value.split(';').map((t) => t.trim()).filter(Boolean))
  .pipe(z.array(WrittenLevelTitle).min(1, said(CONFIG_TEXTS.levelTitles)))
  .transform((titles): EscalationLevel[] => titles.map((title, i) => ({ level: i + 1, ...title })));

const thresholds = z.string().transform((value, ctx) => {
  const parts = value.split(',').map((t) => Number(t.trim()));
  if (parts.some((n) => !Number.isFinite(n) || n <= 0 || n >= 1)) {
    problem(ctx, CONFIG_TEXTS.thresholds);
    return z.NEVER;
  }
  return [...new Set(parts)].sort((a, b) => a - b);
});

const optionalUrl = z.url().optional();

/** What zod's issues say of a JSON variable's value, each at its path, in both languages. */
const saidAtPath = (issues: readonly z.core.$ZodIssue[]): Bilingual[] => issues.map((issue) => CONFIG_TEXTS.atPath(issue.path.join('.'), bilingualIssue(issue)));

/**
 * A variable's JSON value of `shape`, or undefined when it is not JSON or not that shape: then one
 * problem says what is wanted, and what is wrong where.
 */
function jsonVariable<T>(
  value: string,
  ctx: z.RefinementCtx,
  shape: z.ZodType<T>,
  wanted: Bilingual,
  says: (issue: z.core.$ZodIssue) => Bilingual[] = (issue) => saidAtPath([issue]),
): T | undefined {
  let given: unknown;
  try {
    given = JSON.parse(value);
  } catch {
    problem(ctx, wanted);
    return undefined;
  }
  const parsed = shape.safeParse(given, { reportInput: true });
  if (!parsed.success) problem(ctx, CONFIG_TEXTS.wanted(wanted, parsed.error.issues.flatMap(says)));
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
    CONFIG_TEXTS.regionalHolidays,
    (issue) => (issue.code === 'unrecognized_keys' ? [CONFIG_TEXTS.notRegionCodes(issue.keys)] : saidAtPath([issue])),
  );
  if (!rules) return z.NEVER;
  for (const [region, rule] of Object.entries(rules)) {
    try {
      checkHolidayRule(rule);
    } catch {
      problem(ctx, CONFIG_TEXTS.holidayRule(region, rule.rule));
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
    CONFIG_TEXTS.oneOffHolidays,
  );
  if (!holidays) return z.NEVER;
  const dates = new Set<string>();
  for (const [i, { date }] of holidays.entries()) {
    try {
      oneOffDay(date);
    } catch (error) {
      problem(ctx, CONFIG_TEXTS.oneOffWeekend(i, date, (error as Error).message));
      return z.NEVER;
    }
    if (dates.has(date)) {
      problem(ctx, CONFIG_TEXTS.oneOffTwice(i, date));
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
    problem(ctx, CONFIG_TEXTS.workflowSettings);
    return z.NEVER;
  }
  if (typeof given !== 'object' || given === null || Array.isArray(given)) {
    problem(ctx, CONFIG_TEXTS.workflowSettings);
    return z.NEVER;
  }
  const parsed: Record<string, unknown> = {};
  for (const [name, settings] of Object.entries(given)) {
    const versions = workflowDefinitions.filter((d) => d.name === name);
    if (versions.length === 0) {
      problem(ctx, CONFIG_TEXTS.noSuchWorkflow(name));
      continue;
    }
    const schemas = versions.flatMap((d) => (d.settings ? [d.settings] : []));
    if (schemas.length === 0) {
      problem(ctx, CONFIG_TEXTS.noSettings(name));
      continue;
    }
    for (const schema of schemas) {
      const result = schema.safeParse(settings, { reportInput: true });
      if (!result.success) {
        for (const issue of result.error.issues) {
          problem(ctx, CONFIG_TEXTS.atPath([name, ...issue.path.map(String)].join('.'), bilingualIssue(issue)));
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
    if (seconds === undefined) problem(ctx, CONFIG_TEXTS.duration);
    return seconds ?? z.NEVER;
  })
  .pipe(z.number().int().min(1, said(CONFIG_TEXTS.oneSecond)));

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
      .regex(/^(esdb|kurrentdb)(\+discover)?:\/\/\S+$/, said(CONFIG_TEXTS.kurrentUrl))
      .optional(),
    MEND_POSTGRES_URL: z.string().regex(/^postgres(ql)?:\/\//, said(CONFIG_TEXTS.postgresUrl)).optional(),
    MEND_POSTGRES_SCHEMA: z.string().regex(POSTGRES_SCHEMA_NAME, said(CONFIG_TEXTS.schemaName)).default('mend'),
    MEND_KEYSTORE: z.enum(['sqlite', 'postgres']).optional(),
    MEND_KEYSTORE_POSTGRES_URL: z.string().regex(/^postgres(ql)?:\/\//, said(CONFIG_TEXTS.postgresUrl)).optional(),
    MEND_BUSINESS_HOURS: z
      .string()
      .regex(/^\d{2}:\d{2}-\d{2}:\d{2}$/, { message: said(CONFIG_TEXTS.hoursShape), abort: true })
      .refine((v) => v.split('-').every((h) => HOUR.test(h)) && v.split('-')[0]! < v.split('-')[1]!, said(CONFIG_TEXTS.hoursOrder))
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
    MEND_JWT_SECRET: z.string().min(32, said(CONFIG_TEXTS.jwtSecret)).optional(),
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
    MEND_SCHEDULER_INTERVAL_MS: z.coerce.number().int().min(50).max(2_147_483_647, said(CONFIG_TEXTS.timerLimit)).default(5_000),
    MEND_MAX_CLOCK_SKEW_MS: z.coerce.number().int().min(100).default(2_000),
    MEND_ERASURE_LEDGER: z.string().min(1).optional(),
    MEND_RETENTION_YEARS: z.coerce.number().int(said(CONFIG_TEXTS.wholeYears)).min(0).max(100).default(2),
    MEND_BACKUP_KEY: z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/, said(CONFIG_TEXTS.backupKey))
      .optional(),
    MEND_BACKUP_KEY_FILE: z.string().min(1).optional(),
    // Read by operatorLanguage (src/config/language.ts) before this check: validated here so that a typo is named.
    MEND_LANG: z.enum(['en', 'fr']).optional(),
  })
  .superRefine((env, ctx) => {
    if (env.MEND_STORE === 'eventstoredb' && !env.EVENTSTORE_CONNECTION_STRING) {
      problem(ctx, CONFIG_TEXTS.kurrentRequired, ['EVENTSTORE_CONNECTION_STRING']);
    }
    for (const [inline, file] of [
      ['MEND_AUDIT_KEY', 'MEND_AUDIT_KEY_FILE'],
      ['MEND_AUDIT_PUBLIC_KEY', 'MEND_AUDIT_PUBLIC_KEY_FILE'],
    ] as const) {
      if (env[inline] && env[file]) problem(ctx, CONFIG_TEXTS.eitherKey(inline, file), [file]);
      const path = env[file];
      // A key kept beside the data would let whoever can rewrite the log re-sign it.
      if (path && isInside(resolve(path), resolve(env.MEND_DATA_DIR))) {
        problem(ctx, CONFIG_TEXTS.keyInsideData(resolve(env.MEND_DATA_DIR)), [file]);
      }
    }
    if (env.MEND_STORE === 'postgres' && !env.MEND_POSTGRES_URL) {
      problem(ctx, CONFIG_TEXTS.postgresRequired, ['MEND_POSTGRES_URL']);
    }
    if (env.MEND_KEYSTORE === 'postgres' && !env.MEND_KEYSTORE_POSTGRES_URL && !env.MEND_POSTGRES_URL) {
      problem(ctx, CONFIG_TEXTS.keyStoreUrlRequired, ['MEND_KEYSTORE_POSTGRES_URL']);
    }
    const dataDir = resolve(env.MEND_DATA_DIR);
    for (const variable of ['MEND_ERASURE_LEDGER', 'MEND_BACKUP_KEY_FILE'] as const) {
      const path = env[variable];
      if (path && isInside(resolve(path), dataDir)) {
        problem(ctx, CONFIG_TEXTS.outsideData(dataDir), [variable]);
      }
    }
    if (env.MEND_BACKUP_KEY && env.MEND_BACKUP_KEY_FILE) {
      problem(ctx, CONFIG_TEXTS.backupKeyTwice, ['MEND_BACKUP_KEY']);
    }
    if (env.MEND_JWT_JWKS_URL && (!env.MEND_JWT_ISSUER || !env.MEND_JWT_AUDIENCE)) {
      problem(ctx, CONFIG_TEXTS.jwksNeeds, ['MEND_JWT_ISSUER']);
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

/** One bad variable and what is wrong with it: in English, or in both languages. */
export interface ConfigProblem {
  readonly variable: string;
  readonly message: string | Bilingual;
}

/**
 * The configuration's problems, one line a variable. `message` is in the language given (the
 * operator's, where loadConfig read it from the environment); `problems` says each in English,
 * `textIn` the whole in either language.
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  /** Each problem in English. */
  readonly problems: readonly { variable: string; message: string }[];
  /** Each problem in both languages (a problem given in English only is said in English in both). */
  readonly bilingualProblems: readonly { variable: string; message: Bilingual }[];
  constructor(problems: readonly ConfigProblem[], language: Language = 'en') {
    const bilingual = problems.map(({ variable, message }) => ({ variable, message: typeof message === 'string' ? { en: message, fr: message } : message }));
    super(configErrorText(bilingual, language));
    this.bilingualProblems = bilingual;
    this.problems = bilingual.map(({ variable, message }) => ({ variable, message: message.en }));
  }

  /** The whole text in `language`: a heading, then a line a variable. */
  textIn(language: Language): string {
    return configErrorText(this.bilingualProblems, language);
  }

  /** The whole text in both languages. */
  texts(): Bilingual {
    return { en: this.textIn('en'), fr: this.textIn('fr') };
  }
}

function configErrorText(problems: readonly { variable: string; message: Bilingual }[], language: Language): string {
  return [CONFIG_TEXTS.invalid[language], ...problems.map((p) => `  ${CONFIG_TEXTS.problem(p.variable, p.message)[language]}`)].join('\n');
}

/**
 * What a zod issue says, in both languages. The English is the issue's own, as it always was (the
 * schema's message, or zod's: docs/operations.md quotes it); the French is a check's own
 * (`problem`'s params, or withFrench), or the issue's code said as describeIssues says it to clients.
 */
function bilingualIssue(issue: z.core.$ZodIssue): Bilingual {
  const own = issue.code === 'custom' ? (issue.params as { fr?: unknown } | undefined)?.fr : undefined;
  if (typeof own === 'string') return { en: issue.message, fr: own };
  if (issue.code === 'unrecognized_keys') return { en: issue.message, fr: CONFIG_TEXTS.unknownKeys(issue.keys).fr };
  const fr = describeIssues(new z.ZodError([issue])).map(({ message }) => message.fr);
  return { en: issue.message, fr: fr.join(`\u00a0; `) };
}

/** Reads the configuration from environment variables, or throws a ConfigError naming each bad variable. */
export function loadConfig(env: Readonly<Record<string, string | undefined>> = process.env): MendConfig {
  // Empty variables count as unset, as in most twelve-factor services.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  // `reportInput` only tells a missing value from a wrong one (describeIssues); values are shown as `got`, secrets hidden.
  const parsed = EnvSchema.safeParse(present, { reportInput: true });
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const variable = String(issue.path[0] ?? 'environment');
        const value = env[variable];
        const secret = variable.includes('SECRET') || variable.endsWith('_KEY');
        const got = value === undefined ? undefined : CONFIG_TEXTS.got(secret ? '***' : value);
        const message = bilingualIssue(issue);
        return { variable, message: got ? { en: message.en + got.en, fr: message.fr + got.fr } : message };
      }),
      operatorLanguage(env),
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
export function unsharedKeysWarning(config: Pick<MendConfig, 'store' | 'keyStore'>, language: Language = 'en'): string | undefined {
  if (config.store.engine !== 'eventstoredb' || config.keyStore.engine !== 'sqlite') return undefined;
  return CONFIG_TEXTS.unsharedKeys[language];
}

export const MEND_CONFIG = Symbol('MendConfig');
