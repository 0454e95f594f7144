import 'reflect-metadata';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { PersonRole } from '../../domain/roles';
import { auditVerbs } from '../audit/audit.verbs';
import { backupVerbs } from '../backup/backup.verbs';
import { staffVerbs } from '../staff/staff.verbs';
import { durationSeconds } from '../config/duration';
import { MEND_VERSION } from '../version';
import { CliError } from './cli-error';
import { ExitCode } from './exit-codes';
import { cliLanguage } from '../config/language';
import { CLI_TEXTS, commanderLineInFrench } from './messages';
import { isRefusal, isTransient } from '../event-store/postgres-schema';
import { personId } from './options';

/** A token's lifetime, written as MEND_JWT_MAX_TTL is: 3600 (seconds), 30m, 8h, 1d. */
export function parseDuration(value: string): number {
  const seconds = durationSeconds(value);
  if (!seconds) throw new InvalidArgumentError(CLI_TEXTS.durationOption[cliLanguage()]);
  return seconds;
}

/** Where every verb's configuration comes from: the server's environment variables (README, Configuration). */
const ENVIRONMENT = `
Every verb reads the server's environment (README, "Configuration"), among which:
  MEND_DATA_DIR          the data directory (default ./data): the SQLite log, read models, keys, token secret
  MEND_STORE             sqlite (default), postgres (MEND_POSTGRES_URL) or eventstoredb (EVENTSTORE_CONNECTION_STRING)
  MEND_ERASURE_LEDGER    the erasure ledger: erase writes it, restore and erasure reapply read it
  MEND_BACKUP_KEY        or MEND_BACKUP_KEY_FILE: the key of backups (backup, restore)
  MEND_CLOCK_START       a drill's or a demo's clock: every verb records on it
  PORT, HOST             where serve listens (default 3000, 127.0.0.1)`;

/**
 * Builds the `mend` program. Verbs add themselves here; each has --help. A verb's implementation
 * (`*.command.ts`) is required when the verb runs, not before: the application's modules take about
 * a second of CPU to load, which `mend token` and every `--help` do without.
 */
export function program(): Command {
  const mend = new Command('mend')
    .description('Mend: event-sourced case work for restorative engagement, mediation, complaints, support coordination, information sessions and Defence cohorts')
    .version(MEND_VERSION)
    // A usage error is one line like every other error (docs/operations.md): `mend: <what is wrong>`.
    .configureOutput({ outputError: (text, write) => write(`mend: ${usageError(text)}\n`) })
    .addHelpText('afterAll', ENVIRONMENT)
    .exitOverride();

  mend
    .command('serve')
    .description('serve the HTTP API (the same as npm start)')
    .action(() => (require('./serve.command') as typeof import('./serve.command')).serveCommand());

  mend
    .command('token')
    .description('print a bearer token for this local instance (signed with its HS256 secret; stderr says which secret, from which data directory)')
    .requiredOption('--sub <id>', 'the person the token names (an opaque id, never a name)', personId)
    .addOption(new Option('--role <role>', 'their role').choices(PersonRole.options).makeOptionMandatory())
    .option('--ttl <duration>', 'lifetime, e.g. 3600, 30m, 8h (default 8h; at most MEND_JWT_MAX_TTL, 12h unless configured)', parseDuration)
    .action((options: { sub: string; role: PersonRole; ttl?: number }) =>
      (require('./token.command') as typeof import('./token.command')).tokenCommand(options),
    );

  const projections = mend.command('projections').description('read models: status and rebuilds');
  projections
    .command('rebuild')
    .description('rebuild read models from the whole log into fresh tables, then swap them in at once (safe while Mend serves)')
    .argument('[name]', 'one projection (default: all; `mend projections status` lists them)')
    .action((name: string | undefined) => (require('./projections.command') as typeof import('./projections.command')).rebuildCommand(name));
  projections
    .command('status')
    .description('each projection: status (up to date, behind or FAILED, with the error), checkpoint and lag; exit 1 when one has failed')
    .action(() => (require('./projections.command') as typeof import('./projections.command')).statusCommand());

  mend
    .command('erase')
    .description("erase a data subject's personal information (destroys their key; history still replays, fields read [erased])")
    .argument('<subjectId>', 'the data subject id recorded in their events')
    .requiredOption('--by <id>', 'the administrator doing it (recorded in the erasure stream)', personId)
    .option('--consent-by <who>', "the person's consent to disposal, given by: subject | representative (needed within the retention period after the data's last use)")
    .option('--consent-at <instant>', 'when that consent was given, ISO 8601 with offset')
    .action((subjectId: string, options: { by: string; consentBy?: string; consentAt?: string }) =>
      (require('./erase.command') as typeof import('./erase.command')).eraseCommand(subjectId, options),
    );

  auditVerbs(mend);
  backupVerbs(mend);
  staffVerbs(mend);

  mend
    .command('seed-demo')
    .description(
      'load a demo into an empty store: dozens of cases of every workflow at every stage over the past months, with warned and breached SLA clocks. Run it before starting Mend (stop a running Mend first: its SLA scheduler would record present-day breaches ahead of the demo); refuses a store that already holds events (exit 65)',
    )
    .action(() => (require('./seed-demo.command') as typeof import('./seed-demo.command')).seedDemoCommand());
  return mend;
}

/** Commander's usage error in the operator's language (CLI_TEXTS), with where to find the usage. */
function usageError(text: string): string {
  const language = cliLanguage();
  const said = text.replace(/^error: /, '').trimEnd();
  const lines = language === 'fr' ? said.split('\n').map(commanderLineInFrench).join('\n') : said;
  return `${lines} ${CLI_TEXTS.usageHint[language]}`;
}

/** Runs the CLI and resolves with the exit code; every failure is reported in one line on stderr. */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    await program().parseAsync([...argv]);
    return ExitCode.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    const failure = error instanceof CliError ? error : unexpected(error);
    console.error(`mend: ${failure.messageIn(cliLanguage())}`);
    return failure.exitCode;
  }
}

/**
 * A file or directory the verb could not use (the system says which and why), or a database out of
 * reach, is unavailable; PostgreSQL refusing the role or the database is configuration; anything
 * else is a defect.
 */
function unexpected(error: unknown): CliError {
  const system = error as NodeJS.ErrnoException;
  if (error instanceof Error && typeof system.code === 'string' && typeof system.syscall === 'string') return new CliError(error.message, ExitCode.unavailable);
  if (isRefusal(error)) return new CliError(CLI_TEXTS.postgresRefused(error.message, String(error.code)), ExitCode.config);
  if (isTransient(error)) return new CliError(CLI_TEXTS.postgresUnreachable((error as Error).message), ExitCode.unavailable);
  return new CliError(CLI_TEXTS.unexpected(error instanceof Error ? error.message : String(error)), ExitCode.software);
}

if (require.main === module) {
  void main(process.argv).then((code) => process.exit(code));
}
