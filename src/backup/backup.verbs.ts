import type { Command } from 'commander';
import { said } from '../cli/messages';

/** The operator's backup verbs: `backup`, `restore`, `erasure reapply`; each loads its implementation when it runs (see cli/main.ts). */
export function backupVerbs(program: Command): void {
  program
    .command('backup')
    .description(
      said({
        en: 'back up the event log, the key store (encrypted with the backup key) and what a restore needs into a new directory (safe while Mend serves)',
        fr: 'sauvegarder le journal des événements, le magasin de clés (chiffré avec la clé de sauvegarde) et ce dont une restauration a besoin dans un nouveau répertoire (sans risque pendant que Mend sert)',
      }),
    )
    .argument('<dir>', said({ en: 'an absent or empty directory, outside the data directory', fr: 'un répertoire absent ou vide, hors du répertoire de données' }))
    .action((dir: string) => (require('./backup.command') as typeof import('./backup.command')).backupCommand(dir));

  program
    .command('restore')
    .description(
      said({
        en: 'restore a backup into an empty data directory: check it, re-apply erasures from the ledger, rebuild read models, verify the hash chain',
        fr: 'restaurer une sauvegarde dans un répertoire de données vide\u00a0: la vérifier, réappliquer les effacements du registre, reconstruire les modèles de lecture, vérifier la chaîne de hachage',
      }),
    )
    .argument('<dir>', said({ en: 'a directory written by `mend backup`', fr: 'un répertoire écrit par `mend backup`' }))
    .option(
      '--without-ledger',
      said({
        en: 'restore even though no erasure ledger is configured or found (erasures made after the backup come back)',
        fr: 'restaurer même si aucun registre des effacements n’est configuré ou trouvé (les effacements faits après la sauvegarde sont annulés)',
      }),
    )
    .action((dir: string, options: { withoutLedger?: boolean }) =>
      (require('./backup.command') as typeof import('./backup.command')).restoreCommand(dir, options),
    );

  program
    .command('erasure')
    .description(said({ en: 'the erasure ledger', fr: 'le registre des effacements' }))
    .command('reapply')
    .description(
      said({
        en: "erase again every subject in the erasure ledger whose erasure the store does not hold (after restoring a store with its engine's own tools)",
        fr: 'effacer de nouveau chaque personne du registre des effacements dont le magasin ne contient pas l’effacement (après la restauration d’un magasin avec les outils propres à son moteur)',
      }),
    )
    .argument(
      '[ledgers...]',
      said({
        en: 'the ledgers to re-apply: every node’s, where several nodes share one store (default: MEND_ERASURE_LEDGER)',
        fr: 'les registres à réappliquer\u00a0: celui de chaque nœud, là où plusieurs nœuds partagent un magasin (par défaut\u00a0: MEND_ERASURE_LEDGER)',
      }),
    )
    .action((ledgers: string[]) => (require('./backup.command') as typeof import('./backup.command')).reapplyCommand(ledgers));
}
