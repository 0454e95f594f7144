import { NO_LEDGER_WARNING } from '../privacy/erasure-ledger';
import { ErasureService } from '../privacy/erasure.service';
import { withContext } from './context';

/** `mend erase <subjectId> --by <admin> [--consent-by subject|representative --consent-at <instant>]`. */
export async function eraseCommand(subjectId: string, options: { by: string; consentBy?: string; consentAt?: string }): Promise<void> {
  await withContext(async (context, config) => {
    if (!config.erasureLedger) console.error(NO_LEDGER_WARNING);
    const consent = options.consentBy !== undefined || options.consentAt !== undefined ? { consent: { givenBy: options.consentBy, givenAt: options.consentAt } } : {};
    const result = await context.get(ErasureService).erase(subjectId, { id: options.by, role: 'admin' }, `cli-erase-${Date.now()}`, consent);
    console.log(
      result.keyDestroyed
        ? `Erased ${result.subjectId} at ${result.erasedAt} (ground: ${result.ground}): their key is destroyed.`
        : `${result.subjectId} had no key (already erased, or never recorded); the erasure is recorded at ${result.erasedAt}.`,
    );
  });
}
