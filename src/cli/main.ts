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
import { CLI_TEXTS, commanderLineInFrench, helpConfiguration, said } from './messages';
import { isRefusal, isTransient } from '../event-store/postgres-schema';
import { personId } from './options';

/** A token's lifetime, written as MEND_JWT_MAX_TTL is: 3600 (seconds), 30m, 8h, 1d. */
export function parseDuration(value: string): number {
  const seconds = durationSeconds(value);
  if (!seconds) throw new InvalidArgumentError(CLI_TEXTS.durationOption[cliLanguage()]);
  return seconds;
}

/** Where every verb's configuration comes from: the server's environment variables (README, Configuration). */
const ENVIRONMENT = {
  en: `
Every verb reads the server's environment (README, "Configuration"), among which:
  MEND_DATA_DIR          the data directory (default ./data): the SQLite log, read models, keys, token secret
  MEND_STORE             sqlite (default), postgres (MEND_POSTGRES_URL) or eventstoredb (EVENTSTORE_CONNECTION_STRING)
  MEND_ERASURE_LEDGER    the erasure ledger: erase writes it, restore and erasure reapply read it
  MEND_BACKUP_KEY        or MEND_BACKUP_KEY_FILE: the key of backups (backup, restore)
  MEND_CLOCK_START       a drill's or a demo's clock: every verb records on it
  PORT, HOST             where serve listens (default 3000, 127.0.0.1)
  MEND_LANG              en or fr: the language mend speaks (else LC_ALL, LC_MESSAGES, LANG)`,
  fr: `
Chaque verbe lit l’environnement du serveur (README, section «\u00a0Configuration\u00a0»), dont\u00a0:
  MEND_DATA_DIR          le répertoire de données (par défaut ./data)\u00a0: journal SQLite, modèles de lecture, clés, secret des jetons
  MEND_STORE             sqlite (par défaut), postgres (MEND_POSTGRES_URL) ou eventstoredb (EVENTSTORE_CONNECTION_STRING)
  MEND_ERASURE_LEDGER    le registre des effacements\u00a0: erase l’écrit, restore et erasure reapply le lisent
  MEND_BACKUP_KEY        ou MEND_BACKUP_KEY_FILE\u00a0: la clé des sauvegardes (backup, restore)
  MEND_CLOCK_START       l’horloge d’un exercice ou d’une démo\u00a0: chaque verbe consigne selon elle
  PORT, HOST             où serve écoute (par défaut 3000, 127.0.0.1)
  MEND_LANG              en ou fr\u00a0: la langue de mend (sinon LC_ALL, LC_MESSAGES, LANG)`,
};

/**
 * Builds the `mend` program. Verbs add themselves here; each has --help. A verb's implementation
 * (`*.command.ts`) is required when the verb runs, not before: the application's modules take about
 * a second of CPU to load, which `mend token` and every `--help` do without. --help is said in the
 * operator's language (src/config/language.ts), chosen here.
 */
export function program(): Command {
  const language = cliLanguage();
  const mend = new Command('mend')
    // Before any verb is added: each verb inherits the help's configuration, option and command.
    .configureHelp(helpConfiguration(language))
    .helpOption('-h, --help', said({ en: 'display help for command', fr: 'afficher l’aide de la commande' }))
    .helpCommand('help [command]', said({ en: 'display help for command', fr: 'afficher l’aide de la commande' }))
    .description(
      said({
        en: 'Mend: event-sourced case work for restorative engagement, mediation, complaints, support coordination, information sessions and Defence cohorts',
        fr: 'Mend\u00a0: le travail sur les dossiers, par sourçage d’événements, de la mobilisation réparatrice, de la médiation, des plaintes, de la coordination du soutien, des séances d’information et des cohortes de la Défense',
      }),
    )
    .version(MEND_VERSION, '-V, --version', said({ en: 'output the version number', fr: 'afficher le numéro de version' }))
    // A usage error is one line like every other error (docs/operations.md): `mend: <what is wrong>`.
    .configureOutput({ outputError: (text, write) => write(`mend: ${usageError(text)}\n`) })
    .addHelpText('afterAll', ENVIRONMENT[language])
    .exitOverride();

  mend
    .command('serve')
    .description(said({ en: 'serve the HTTP API (the same as npm start)', fr: 'servir l’API HTTP (comme npm start)' }))
    .action(() => (require('./serve.command') as typeof import('./serve.command')).serveCommand());

  mend
    .command('token')
    .description(
      said({
        en: 'print a bearer token for this local instance (signed with its HS256 secret; stderr says which secret, from which data directory)',
        fr: 'afficher un jeton porteur pour cette instance locale (signé avec son secret HS256\u00a0; stderr dit quel secret, de quel répertoire de données)',
      }),
    )
    .requiredOption('--sub <id>', said({ en: 'the person the token names (an opaque id, never a name)', fr: 'la personne que nomme le jeton (un identifiant opaque, jamais un nom)' }), personId)
    .addOption(new Option('--role <role>', said({ en: 'their role', fr: 'son rôle' })).choices(PersonRole.options).makeOptionMandatory())
    .option(
      '--ttl <duration>',
      said({
        en: 'lifetime, e.g. 3600, 30m, 8h (default 8h; at most MEND_JWT_MAX_TTL, 12h unless configured)',
        fr: 'durée de vie, p.\u00a0ex. 3600, 30m, 8h (par défaut 8h\u00a0; au plus MEND_JWT_MAX_TTL, 12h sauf configuration contraire)',
      }),
      parseDuration,
    )
    .action((options: { sub: string; role: PersonRole; ttl?: number }) =>
      (require('./token.command') as typeof import('./token.command')).tokenCommand(options),
    );

  const projections = mend.command('projections').description(said({ en: 'read models: status and rebuilds', fr: 'modèles de lecture\u00a0: état et reconstructions' }));
  projections
    .command('rebuild')
    .description(
      said({
        en: 'rebuild read models from the whole log into fresh tables, then swap them in at once (safe while Mend serves)',
        fr: 'reconstruire les modèles de lecture à partir de tout le journal dans de nouvelles tables, puis les substituer d’un coup (sans risque pendant que Mend sert)',
      }),
    )
    .argument('[name]', said({ en: 'one projection (default: all; `mend projections status` lists them)', fr: 'une projection (par défaut\u00a0: toutes\u00a0; `mend projections status` les énumère)' }))
    .action((name: string | undefined) => (require('./projections.command') as typeof import('./projections.command')).rebuildCommand(name));
  projections
    .command('status')
    .description(
      said({
        en: 'each projection: status (up to date, behind or FAILED, with the error), checkpoint and lag; exit 1 when one has failed',
        fr: 'chaque projection\u00a0: état (à jour, en retard ou EN ÉCHEC, avec l’erreur), point de reprise et retard\u00a0; code de sortie 1 quand l’une a échoué',
      }),
    )
    .action(() => (require('./projections.command') as typeof import('./projections.command')).statusCommand());

  mend
    .command('erase')
    .description(
      said({
        en: "erase a data subject's personal information (destroys their key; history still replays, fields read [erased])",
        fr: 'effacer les renseignements personnels d’une personne concernée (détruit sa clé\u00a0; l’historique se rejoue encore, les champs se lisent [erased])',
      }),
    )
    .argument('<subjectId>', said({ en: 'the data subject id recorded in their events', fr: 'l’identifiant de la personne concernée consigné dans ses événements' }))
    .requiredOption('--by <id>', said({ en: 'the administrator doing it (recorded in the erasure stream)', fr: 'l’administrateur qui efface (consigné dans le flux de l’effacement)' }), personId)
    .option(
      '--consent-by <who>',
      said({
        en: "the person's consent to disposal, given by: subject | representative (needed within the retention period after the data's last use)",
        fr: 'le consentement de la personne à la destruction, donné par\u00a0: subject | representative (requis pendant la période de conservation qui suit la dernière utilisation des données)',
      }),
    )
    .option('--consent-at <instant>', said({ en: 'when that consent was given, ISO 8601 with offset', fr: 'quand ce consentement a été donné, en ISO 8601 avec décalage' }))
    .action((subjectId: string, options: { by: string; consentBy?: string; consentAt?: string }) =>
      (require('./erase.command') as typeof import('./erase.command')).eraseCommand(subjectId, options),
    );

  auditVerbs(mend);
  backupVerbs(mend);
  staffVerbs(mend);

  mend
    .command('seed-demo')
    .description(
      said({
        en: 'load a demo into an empty store: dozens of cases of every workflow at every stage over the past months, with warned and breached SLA clocks. Run it before starting Mend (stop a running Mend first: its SLA scheduler would record present-day breaches ahead of the demo); refuses a store that already holds events (exit 65)',
        fr: 'charger une démo dans un magasin vide\u00a0: des dizaines de dossiers de chaque flux de travail à chaque étape au cours des derniers mois, avec des délais de service avertis et dépassés. Lancez-la avant de démarrer Mend (arrêtez d’abord un Mend en marche\u00a0: son planificateur de délais consignerait des dépassements d’aujourd’hui avant la démo)\u00a0; refuse un magasin qui contient déjà des événements (code de sortie 65)',
      }),
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
