import { VerifiedTokens } from '../../src/auth/verified-tokens';

const actor = { id: 'practitioner-1', role: 'practitioner' as const };

describe('VerifiedTokens', () => {
  it('answers a verified token until the millisecond its exp is reached, never at or after it', () => {
    const tokens = new VerifiedTokens();
    tokens.set('token-a', { actor, expiresAt: 10_000 });

    expect(tokens.get('token-a', 9_999)).toEqual({ actor, expiresAt: 10_000 });
    expect(tokens.get('token-a', 10_000)).toBeUndefined();
    // Forgotten once expired: a clock that stepped back does not revive it.
    expect(tokens.get('token-a', 5_000)).toBeUndefined();
  });

  it('knows only the exact token string it verified', () => {
    const tokens = new VerifiedTokens();
    tokens.set('token-a', { actor, expiresAt: 10_000 });

    expect(tokens.get('token-b', 0)).toBeUndefined();
    expect(tokens.get('token-a ', 0)).toBeUndefined();
  });

  it('stays within its capacity, the oldest entry making room', () => {
    const tokens = new VerifiedTokens(2);
    tokens.set('token-a', { actor, expiresAt: 10_000 });
    tokens.set('token-b', { actor, expiresAt: 10_000 });
    tokens.set('token-c', { actor, expiresAt: 10_000 });

    expect(tokens.get('token-a', 0)).toBeUndefined();
    expect(tokens.get('token-b', 0)).toBeDefined();
    expect(tokens.get('token-c', 0)).toBeDefined();
  });
});
