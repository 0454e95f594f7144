import type { Actor } from '../../domain/roles';

/** What verifying a token established: who it names, and until when (epoch ms, from its `exp`). */
export interface VerifiedToken {
  readonly actor: Actor;
  readonly expiresAt: number;
}

/** Enough for every person of a large office holding a token or two; each entry is a token string and a small object. */
const DEFAULT_CAPACITY = 10_000;

/**
 * Tokens already verified, so that a client's every request does not pay for the signature and
 * claim checks again (the HMAC, or the JWKS signature, was most of the guard's time). Keyed by the
 * whole token string: a token that differs by one character is verified afresh. An entry is never
 * used at or past its `exp`, the moment jose itself would start refusing the token; every other
 * check (signature, issuer, audience, `nbf`, lifetime limit) gives the same answer for the rest of
 * the token's life once it passed. One difference: a key an OIDC issuer withdraws from its JWKS
 * stops new tokens at once, while tokens already verified here stay accepted until their `exp`
 * (at most MEND_JWT_MAX_TTL). Bounded: when full, the oldest entry makes room.
 */
export class VerifiedTokens {
  private readonly entries = new Map<string, VerifiedToken>();

  constructor(private readonly capacity = DEFAULT_CAPACITY) {}

  get(token: string, now: number): VerifiedToken | undefined {
    const entry = this.entries.get(token);
    if (entry === undefined || now < entry.expiresAt) return entry;
    this.entries.delete(token);
    return undefined;
  }

  set(token: string, verified: VerifiedToken): void {
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(token, verified);
  }
}
