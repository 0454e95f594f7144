import type { Language } from '../../domain/errors';
import type { PersonRole } from '../../domain/roles';
import { localSecret, mintLocalToken, type LocalSecret } from '../auth/jwt';
import { cliConfig } from './cli-config';
import { CliError } from './cli-error';
import { ExitCode } from './exit-codes';
import { cliLanguage } from '../config/language';
import { CLI_TEXTS } from './messages';

const DEFAULT_TTL_SECONDS = 8 * 3600;

/**
 * `mend token`: the token on stdout (for `TOKEN=$(npx mend token …)`), and on stderr which secret
 * signed it. A server accepts it only with the same secret, so a newcomer whose token is refused
 * can see which data directory it was minted for, and that a secret was just generated.
 */
export async function tokenCommand(options: { sub: string; role: PersonRole; ttl?: number }): Promise<void> {
  const config = cliConfig();
  if (config.auth.jwksUrl) {
    throw new CliError(CLI_TEXTS.oidcTokens, ExitCode.usage);
  }
  const max = config.auth.maxTtlSeconds;
  if (options.ttl !== undefined && options.ttl > max) {
    throw new CliError(CLI_TEXTS.ttlTooLong(max), ExitCode.usage);
  }
  const local = localSecret(config.dataDir, config.auth.secret);
  const ttlSeconds = options.ttl ?? Math.min(DEFAULT_TTL_SECONDS, max);
  console.log(await mintLocalToken(local.secret, { subject: options.sub, role: options.role, ttlSeconds }));
  console.error(`mend: ${secretNote(local, config.dataDir, cliLanguage())}`);
}

/** Which secret signed a token, and so which Mend accepts it. */
export function secretNote(local: LocalSecret, dataDir: string, language: Language = 'en'): string {
  if (!local.file) return CLI_TEXTS.signedWithSecret[language];
  return (local.generated ? CLI_TEXTS.secretGenerated(dataDir, local.file) : CLI_TEXTS.signedWithFile(dataDir, local.file))[language];
}
