import type { Command } from 'commander';

/** The operator's backup verbs: `backup`, `restore`, `erasure reapply`; each loads its implementation when it runs (see cli/main.ts). */
export function backupVerbs(program: Command): void {
  program
    .command('backup')
    .description('back up the event log, the key store (encrypted with the backup key) and what a restore needs into a new directory (safe while Mend serves)')
    .argument('<dir>', 'an absent or empty directory, outside the data directory')
    .action((dir: string) => (require('./backup.command') as typeof import('./backup.command')).backupCommand(dir));

  program
    .command('restore')
    .description('restore a backup into an empty data directory: check it, re-apply erasures from the ledger, rebuild read models, verify the hash chain')
    .argument('<dir>', 'a directory written by `mend backup`')
    .option('--without-ledger', 'restore even though no erasure ledger is configured or found (erasures made after the backup come back)')
    .action((dir: string, options: { withoutLedger?: boolean }) =>
      (require('./backup.command') as typeof import('./backup.command')).restoreCommand(dir, options),
    );

  program
    .command('erasure')
    .description('the erasure ledger')
    .command('reapply')
    .description("erase again every subject in the erasure ledger whose erasure the store does not hold (after restoring a store with its engine's own tools)")
    .argument('[ledgers...]', 'the ledgers to re-apply: every node’s, where several nodes share one store (default: MEND_ERASURE_LEDGER)')
    .action((ledgers: string[]) => (require('./backup.command') as typeof import('./backup.command')).reapplyCommand(ledgers));
}
