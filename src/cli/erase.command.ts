import { NO_LEDGER_WARNING } from '../privacy/erasure-ledger';
import { ErasureService } from '../privacy/erasure.service';
import { withContext } from './context';

/** `mend erase <subjectId> --by <admin>`. */
export async function eraseCommand(subjectId: string, options: { by: string }): Promise<void> {
  await withContext(async (context, config) => {
    if (!config.erasureLedger) console.error(NO_LEDGER_WARNING);
    const result = await context.get(ErasureService).erase(subjectId, { id: options.by, role: 'admin' }, `cli-erase-${Date.now()}`);
    console.log(
      result.keyDestroyed
        ? `Erased ${result.subjectId} at ${result.erasedAt}: their key is destroyed.`
        : `${result.subjectId} had no key (already erased, or never recorded); the erasure is recorded at ${result.erasedAt}.`,
    );
  });
}
