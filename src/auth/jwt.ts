import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { DomainError } from '../../domain/errors';
import { PersonRole, type Actor } from '../../domain/roles';
import { text } from '../../domain/schemas';
import { parseInput } from '../../domain/validation';
import { ensurePrivateDir } from '../security/private-files';
import { InvalidToken, type TokenRefusal } from './auth-errors';

/** Issuer and audience of the tokens a local instance mints (`mend token`). */
export const LOCAL_ISSUER = 'mend';
export const LOCAL_AUDIENCE = 'mend';
const SECRET_FILE = 'jwt-secret';

/** The HS256 secret of a local instance, and where it came from (said by `mend token`, so a newcomer knows which server accepts the token). */
export interface LocalSecret {
  readonly secret: Uint8Array;
  /** The file it was read from or written to; absent when MEND_JWT_SECRET supplied it. */
  readonly file?: string;
  /** Whether this call generated it (no secret existed in the data directory). */
  readonly generated: boolean;
}

/**
 * The HS256 secret of the embedded mode: MEND_JWT_SECRET, or one generated on first use into the
 * data directory (readable by its owner only) and reused, so tokens outlive restarts.
 */
export function localSecret(dataDir: string, configured?: string): LocalSecret {
  if (configured) return { secret: new TextEncoder().encode(configured), generated: false };
  const file = join(dataDir, SECRET_FILE);
  if (existsSync(file)) return { secret: new TextEncoder().encode(readFileSync(file, 'utf8').trim()), file, generated: false };
  ensurePrivateDir(dataDir);
  const value = randomBytes(48).toString('base64url');
  writeFileSync(file, `${value}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return { secret: new TextEncoder().encode(value), file, generated: true };
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
  if (typeof payload.exp !== 'number') throw InvalidToken({ reason: 'noExpiry' });
  const now = Math.floor(Date.now() / 1000);
  const lifetime = Math.max(payload.exp - now, typeof payload.iat === 'number' ? payload.exp - payload.iat : 0);
  if (lifetime > maxTtlSeconds) throw InvalidToken({ reason: 'tooLong', detail: String(maxTtlSeconds) });
}

/** A subject as someone writes any text Mend takes (at most an actor id's 200 characters). */
const WrittenSubject = text(200);

/**
 * Whether a subject is text someone could have meant, as every input must be (parseInput): no half
 * character, control character or bidirectional control, not blank. And as an id is meant: one with
 * spaces around it would be someone else shown alike, so it is refused where a field is trimmed, and
 * it is one line (the tab and line breaks a note may hold would forge lines of a log).
 */
export function meantSubject(sub: string): boolean {
  if (/[\t\n\r]/.test(sub)) return false;
  try {
    return parseInput(WrittenSubject, sub) === sub;
  } catch (error) {
    if (error instanceof DomainError) return false;
    throw error;
  }
}

function actorFrom(payload: JWTPayload): Actor {
  const role = PersonRole.safeParse(payload['role']);
  if (typeof payload.sub !== 'string' || payload.sub.length === 0 || payload.sub.length > 200) {
    throw InvalidToken({ reason: 'noSubject' });
  }
  // Recorded as the actor of every step they take: never a name in disguise.
  if (!meantSubject(payload.sub)) throw InvalidToken({ reason: 'unmeantSubject' });
  if (!role.success) throw InvalidToken({ reason: 'role', detail: PersonRole.options.join(', ') });
  return { id: payload.sub, role: role.data };
}

/**
 * Why jose refused a token. A bad signature on a local instance almost always means the token was
 * minted with another instance's secret (`mend token` run with another MEND_DATA_DIR), so it says so.
 */
function refusalOf(error: unknown, badSignature: TokenRefusal): { reason: TokenRefusal; detail?: string } {
  if (error instanceof joseErrors.JWTExpired) return { reason: 'expired' };
  if (error instanceof joseErrors.JWTClaimValidationFailed) return { reason: 'claim', detail: error.claim };
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return { reason: 'algorithm' };
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return { reason: badSignature };
  if (error instanceof joseErrors.JWKSNoMatchingKey) return { reason: 'noKey' };
  if (error instanceof joseErrors.JWSInvalid || error instanceof joseErrors.JWTInvalid) return { reason: 'malformed' };
  return { reason: 'unverifiable' };
}

async function verifying(verify: () => Promise<JWTPayload>, badSignature: TokenRefusal, maxTtlSeconds: number): Promise<Actor> {
  let payload: JWTPayload;
  try {
    payload = await verify();
  } catch (error) {
    throw InvalidToken(refusalOf(error, badSignature));
  }
  checkLifetime(payload, maxTtlSeconds);
  return actorFrom(payload);
}

/** Verifies tokens of the local instance: HS256 only (so `alg: none` and key confusion are refused), issuer and audience checked. */
export function localVerifier(secret: Uint8Array, maxTtlSeconds: number): TokenVerifier {
  return (token) =>
    verifying(async () =>
      (await jwtVerify(token, secret, { algorithms: ['HS256'], issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE })).payload,
      'foreignSecret',
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
      'signature',
      options.maxTtlSeconds,
    );
}
