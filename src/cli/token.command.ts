import type { PersonRole } from '../../domain/roles';
import { localSecret, mintLocalToken, type LocalSecret } from '../auth/jwt';
import { cliConfig } from './cli-config';
import { CliError } from './cli-error';
import { ExitCode } from './exit-codes';

const DEFAULT_TTL_SECONDS = 8 * 3600;

/**
 * `mend token`: the token on stdout (for `TOKEN=$(npx mend token …)`), and on stderr which secret
 * signed it. A server accepts it only with the same secret, so a newcomer whose token is refused
 * can see which data directory it was minted for, and that a secret was just generated.
 */
export async function tokenCommand(options: { sub: string; role: PersonRole; ttl?: number }): Promise<void> {
  const config = cliConfig();
  if (config.auth.jwksUrl) {
    throw new CliError('This instance trusts an OIDC issuer (MEND_JWT_JWKS_URL): get tokens from that issuer.', ExitCode.usage);
  }
  const max = config.auth.maxTtlSeconds;
  if (options.ttl !== undefined && options.ttl > max) {
    throw new CliError(`--ttl: at most ${max} seconds (MEND_JWT_MAX_TTL); the server refuses tokens that live longer`, ExitCode.usage);
  }
  const local = localSecret(config.dataDir, config.auth.secret);
  const ttlSeconds = options.ttl ?? Math.min(DEFAULT_TTL_SECONDS, max);
  console.log(await mintLocalToken(local.secret, { subject: options.sub, role: options.role, ttlSeconds }));
  console.error(`mend: ${secretNote(local, config.dataDir)}`);
}

export function secretNote(local: LocalSecret, dataDir: string): string {
  if (!local.file) return 'signed with MEND_JWT_SECRET: a Mend started with the same MEND_JWT_SECRET accepts it.';
  const accepted = `only a Mend serving the data directory ${dataDir} (MEND_DATA_DIR) accepts it`;
  return local.generated
    ? `${dataDir} had no signing secret yet: generated one into ${local.file}; ${accepted}.`
    : `signed with the secret in ${local.file}; ${accepted}.`;
}
