import { Option, type Command } from 'commander';
import type { ExportOptions } from './export.command';
import { EXPORT_FORMATS } from './export-format';
import { said } from '../cli/messages';

/** The auditors' verbs: `replay`, `audit verify`, `audit checkpoint`, `export`; each loads its implementation when it runs (see cli/main.ts). */
export function auditVerbs(program: Command): void {
  program
    .command('replay')
    .description(
      said({
        en: 'print a case’s timeline: each event with its time, actor and facts, the state it led to, the clocks',
        fr: 'afficher la chronologie d’un dossier\u00a0: chaque événement avec son heure, son auteur et ses faits, l’état où il a mené, les délais',
      }),
    )
    .argument('<caseId>', said({ en: 'the case', fr: 'le dossier' }))
    .action((caseId: string) => (require('./replay.command') as typeof import('./replay.command')).replayCommand(caseId));

  const audit = program.command('audit').description(said({ en: 'the tamper-evident log', fr: 'le journal inviolable' }));
  audit
    .command('verify')
    .description(
      said({
        en: 'check the hash chain of every stream (or of one case) and compare the store with its latest signed checkpoint; exit code 1 names what was changed or deleted',
        fr: 'vérifier la chaîne de hachage de chaque flux (ou d’un dossier) et comparer le magasin avec son dernier point de contrôle signé\u00a0; le code de sortie 1 nomme ce qui a été modifié ou supprimé',
      }),
    )
    .option('--case <id>', said({ en: 'only this case: its stream and its access log', fr: 'seulement ce dossier\u00a0: son flux et son journal des accès' }))
    .option(
      '--checkpoint <digest>',
      said({
        en: 'a checkpoint digest published earlier: the store must still hold that genuine checkpoint',
        fr: 'le condensé d’un point de contrôle publié plus tôt\u00a0: le magasin doit encore contenir ce point de contrôle authentique',
      }),
    )
    .action((options: { case?: string; checkpoint?: string }) =>
      (require('./verify.command') as typeof import('./verify.command')).verifyCommand(options),
    );
  audit
    .command('checkpoint')
    .description(
      said({
        en: 'sign the store’s head (position, event count, every stream’s last hash) with the audit key (MEND_AUDIT_KEY or MEND_AUDIT_KEY_FILE) and print the digest to publish',
        fr: 'signer la tête du magasin (position, nombre d’événements, dernier hachage de chaque flux) avec la clé d’audit (MEND_AUDIT_KEY ou MEND_AUDIT_KEY_FILE) et afficher le condensé à publier',
      }),
    )
    .action(() => (require('./verify.command') as typeof import('./verify.command')).checkpointCommand());

  program
    .command('export')
    .description(
      said({
        en: 'write case histories as NDJSON or CSV, streamed (progress on stderr)',
        fr: 'écrire l’historique des dossiers en NDJSON ou en CSV, en continu (progression sur stderr)',
      }),
    )
    .option('--case <id>', said({ en: 'one case', fr: 'un dossier' }))
    .option('--workflow <name>', said({ en: 'every case of a workflow', fr: 'chaque dossier d’un flux de travail' }))
    .option('--from <time>', said({ en: 'events that occurred at or after this ISO 8601 time', fr: 'les événements survenus à ce moment ISO 8601 ou après' }))
    .option('--to <time>', said({ en: 'events that occurred before this ISO 8601 time', fr: 'les événements survenus avant ce moment ISO 8601' }))
    .addOption(new Option('--format <format>', said({ en: 'file format', fr: 'format du fichier' })).choices(EXPORT_FORMATS).default('ndjson'))
    .option('--out <file>', said({ en: 'write to this file instead of stdout', fr: 'écrire dans ce fichier plutôt que sur stdout' }))
    .option(
      '--overwrite',
      said({
        en: 'replace the --out file if it exists (otherwise refused); the file is written owner-only (mode 600), never inside the data directory',
        fr: 'remplacer le fichier --out s’il existe (sinon refusé)\u00a0; le fichier n’est lisible que par son propriétaire (mode 600), jamais dans le répertoire de données',
      }),
    )
    .action((options: ExportOptions) =>
      (require('./export.command') as typeof import('./export.command')).exportCommand(options),
    );
}
