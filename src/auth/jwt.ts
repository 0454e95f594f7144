import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { PersonRole, type Actor } from '../../domain/roles';
import { ensurePrivateDir } from '../security/private-files';
import { InvalidToken } from './auth-errors';

/** Issuer and audience of the tokens a local instance mints (`mend token`). */
export const LOCAL_ISSUER = 'mend';
export const LOCAL_AUDIENCE = 'mend';
const SECRET_FILE = 'jwt-secret';

/**
 * The HS256 secret of the embedded mode: MEND_JWT_SECRET, or one generated on first start into the
 * data directory (readable by its owner only) and reused, so tokens outlive restarts.
 */
export function localSecret(dataDir: string, configured?: string): { secret: Uint8Array; generated: boolean } {
  if (configured) return { secret: new TextEncoder().encode(configured), generated: false };
  const file = join(dataDir, SECRET_FILE);
  if (existsSync(file)) return { secret: new TextEncoder().encode(readFileSync(file, 'utf8').trim()), generated: false };
  ensurePrivateDir(dataDir);
  const value = randomBytes(48).toString('base64url');
  writeFileSync(file, `${value}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return { secret: new TextEncoder().encode(value), generated: true };
}

export interface TokenRequest {
  readonly subject: string;
  readonly role: PersonRole;
  /** Lifetime in seconds. */
  readonly ttlSeconds: number;
  readonly now?: Date;
}

export async function mintLocalToken(secret: Uint8Array, request: TokenRequest): Promise<string> {
  const issuedAt = Math.floor((request.now ?? new Date()).getTime() / 1000);
  return new SignJWT({ role: request.role })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(request.subject)
    .setIssuer(LOCAL_ISSUER)
    .setAudience(LOCAL_AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + request.ttlSeconds)
    .sign(secret);
}

export type TokenVerifier = (token: string) => Promise<Actor>;

/**
 * A token must say when it expires, and not live longer than the configured maximum: a stolen
 * token then works for hours, not years. Checked against both its issue time and now, so a token
 * issued "in the future" gains nothing.
 */
function checkLifetime(payload: JWTPayload, maxTtlSeconds: number): void {
  if (typeof payload.exp !== 'number') throw InvalidToken({ reason: 'it has no expiry (exp)' });
  const now = Math.floor(Date.now() / 1000);
  const lifetime = Math.max(payload.exp - now, typeof payload.iat === 'number' ? payload.exp - payload.iat : 0);
  if (lifetime > maxTtlSeconds) throw InvalidToken({ reason: `it lives longer than the ${maxTtlSeconds}-second maximum (MEND_JWT_MAX_TTL)` });
}

function actorFrom(payload: JWTPayload): Actor {
  const role = PersonRole.safeParse(payload['role']);
  if (typeof payload.sub !== 'string' || payload.sub.length === 0 || payload.sub.length > 200) {
    throw InvalidToken({ reason: 'it names no subject (sub)' });
  }
  if (!role.success) throw InvalidToken({ reason: `its role claim must be one of ${PersonRole.options.join(', ')}` });
  return { id: payload.sub, role: role.data };
}

function reasonOf(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'it has expired';
  if (error instanceof joseErrors.JWTClaimValidationFailed) return `its ${error.claim} claim is not accepted`;
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return 'its signing algorithm is not accepted';
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return 'its signature does not verify';
  if (error instanceof joseErrors.JWKSNoMatchingKey) return 'no key of the issuer matches it';
  if (error instanceof joseErrors.JWSInvalid || error instanceof joseErrors.JWTInvalid) return 'it is malformed';
  return 'it could not be verified';
}

async function verifying(verify: () => Promise<JWTPayload>, maxTtlSeconds: number): Promise<Actor> {
  let payload: JWTPayload;
  try {
    payload = await verify();
  } catch (error) {
    throw InvalidToken({ reason: reasonOf(error) });
  }
  checkLifetime(payload, maxTtlSeconds);
  return actorFrom(payload);
}

/** Verifies tokens of the local instance: HS256 only (so `alg: none` and key confusion are refused), issuer and audience checked. */
export function localVerifier(secret: Uint8Array, maxTtlSeconds: number): TokenVerifier {
  return (token) =>
    verifying(
      async () => (await jwtVerify(token, secret, { algorithms: ['HS256'], issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE })).payload,
      maxTtlSeconds,
    );
}

/** Verifies tokens of an OIDC issuer against its JWKS (asymmetric algorithms only), issuer and audience checked. */
export function jwksVerifier(options: { jwksUrl: string; issuer: string; audience: string; maxTtlSeconds: number }): TokenVerifier {
  const keys = createRemoteJWKSet(new URL(options.jwksUrl));
  return (token) =>
    verifying(async () =>
      (
        await jwtVerify(token, keys, {
          algorithms: ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'],
          issuer: options.issuer,
          audience: options.audience,
        })
      ).payload,
      options.maxTtlSeconds,
    );
}
