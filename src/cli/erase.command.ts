import { NO_LEDGER_TEXTS } from '../privacy/erasure-ledger';
import { ErasureService } from '../privacy/erasure.service';
import { ErasureConsent, type EraseRequest } from '../privacy/retention';
import { withContext } from './context';
import { cliLanguage } from '../config/language';
import { CLI_TEXTS } from './messages';
import { parseOption } from './parse-option';

/** `mend erase <subjectId> --by <admin> [--consent-by subject|representative --consent-at <instant>]`. */
export async function eraseCommand(subjectId: string, options: { by: string; consentBy?: string; consentAt?: string }): Promise<void> {
  const request = requestOf(options);
  await withContext(async (context, config) => {
    if (!config.erasureLedger) console.error(NO_LEDGER_TEXTS[cliLanguage()]);
    const result = await context.get(ErasureService).erase(subjectId, { id: options.by, role: 'admin' }, `cli-erase-${Date.now()}`, request);
    const said = result.keyDestroyed
      ? CLI_TEXTS.erased(result.subjectId, result.erasedAt, result.ground)
      : CLI_TEXTS.erasedNoKey(result.subjectId, result.erasedAt);
    console.log(said[cliLanguage()]);
  });
}

/** The consent, when either option is given: both are then needed, each checked and named as the option it came from. */
function requestOf(options: { consentBy?: string; consentAt?: string }): EraseRequest {
  if (options.consentBy === undefined && options.consentAt === undefined) return {};
  return {
    consent: {
      givenBy: parseOption(ErasureConsent.shape.givenBy, options.consentBy, '--consent-by'),
      givenAt: parseOption(ErasureConsent.shape.givenAt, options.consentAt, '--consent-at'),
    },
  };
}
