import type { Command } from 'commander';
import { NO_LEDGER_WARNING } from '../privacy/erasure-ledger';
import { ErasureService } from '../privacy/erasure.service';
import { withContext } from './context';

export function eraseCommand(program: Command): void {
  program
    .command('erase')
    .description("erase a data subject's personal information (destroys their key; history still replays, fields read [erased])")
    .argument('<subjectId>', 'the data subject id recorded in their events')
    .requiredOption('--by <id>', 'the administrator doing it (recorded in the erasure stream)')
    .action(async (subjectId: string, options: { by: string }) => {
      await withContext(async (context, config) => {
        if (!config.erasureLedger) console.error(NO_LEDGER_WARNING);
        const result = await context.get(ErasureService).erase(subjectId, { id: options.by, role: 'admin' }, `cli-erase-${Date.now()}`);
        console.log(
          result.keyDestroyed
            ? `Erased ${result.subjectId} at ${result.erasedAt}: their key is destroyed.`
            : `${result.subjectId} had no key (already erased, or never recorded); the erasure is recorded at ${result.erasedAt}.`,
        );
      });
    });
}
