import { createServer, type Server } from 'node:http';
import { exportJWK, generateKeyPair, SignJWT, type KeyLike } from 'jose';
import { LOCAL_AUDIENCE, LOCAL_ISSUER, localSecret } from '../../src/auth/jwt';
import { client, startApp, type RunningApp } from '../support/app';

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

async function signed(
  secret: Uint8Array,
  claims: Record<string, unknown>,
  options: { exp?: number | null; iat?: number; aud?: string; iss?: string } = {},
) {
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT({ role: 'supervisor', ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(String(claims['sub'] ?? 'supervisor-1'))
    .setIssuer(options.iss ?? LOCAL_ISSUER)
    .setAudience(options.aud ?? LOCAL_AUDIENCE)
    .setIssuedAt(options.iat ?? now - 10);
  if (options.exp !== null) jwt.setExpirationTime(options.exp ?? now + 600);
  return jwt.sign(secret);
}

const YEAR = 365 * 86_400;

describe('authentication: every endpoint but the probes needs a valid bearer token', () => {
  let running: RunningApp;
  let secret: Uint8Array;

  beforeAll(async () => {
    running = await startApp();
    secret = localSecret(running.dataDir).secret;
  });
  afterAll(async () => running.close());

  const status = async (token: string | undefined, path = '/workflows') => {
    const response = await fetch(`${running.baseUrl}${path}`, { headers: token === undefined ? {} : { authorization: token } });
    return { status: response.status, body: (await response.json()) as { code: string; message: string } };
  };

  it('accepts a valid token', async () => {
    expect((await status(`Bearer ${await signed(secret, {})}`)).status).toBe(200);
  });

  it('refuses a token once its exp has passed, though it was accepted (and remembered) before', async () => {
    const exp = Math.floor(Date.now() / 1000) + 2;
    const token = `Bearer ${await signed(secret, {}, { exp })}`;
    expect((await status(token)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, exp * 1000 - Date.now() + 50));
    expect(await status(token)).toMatchObject({ status: 401, body: { code: 'AUTH.INVALID_TOKEN' } });
  });

  it.each([
    ['no Authorization header', async () => undefined, 'AUTH.MISSING_TOKEN'],
    ['a scheme other than Bearer', async () => `Basic ${Buffer.from('a:b').toString('base64')}`, 'AUTH.MISSING_TOKEN'],
    ['an expired token', async () => `Bearer ${await signed(secret, {}, { exp: Math.floor(Date.now() / 1000) - 60 })}`, 'AUTH.INVALID_TOKEN'],
    ['a forged token (another secret)', async () => `Bearer ${await signed(new TextEncoder().encode('x'.repeat(48)), {})}`, 'AUTH.INVALID_TOKEN'],
    ['a token for another audience', async () => `Bearer ${await signed(secret, {}, { aud: 'someone-else' })}`, 'AUTH.INVALID_TOKEN'],
    ['a token from another issuer', async () => `Bearer ${await signed(secret, {}, { iss: 'https://evil.example' })}`, 'AUTH.INVALID_TOKEN'],
    [
      'an unsigned token (alg: none)',
      async () => {
        const now = Math.floor(Date.now() / 1000);
        const payload = { sub: 'admin-1', role: 'admin', iss: LOCAL_ISSUER, aud: LOCAL_AUDIENCE, iat: now, exp: now + 600 };
        return `Bearer ${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(payload)}.`;
      },
      'AUTH.INVALID_TOKEN',
    ],
    ['a token with an unknown role', async () => `Bearer ${await signed(secret, { role: 'superuser' })}`, 'AUTH.INVALID_TOKEN'],
    ['a token that is not a JWT', async () => 'Bearer not.a.jwt', 'AUTH.INVALID_TOKEN'],
    ['a token without expiry (exp)', async () => `Bearer ${await signed(secret, {}, { exp: null })}`, 'AUTH.INVALID_TOKEN'],
    ['a token living for a year', async () => `Bearer ${await signed(secret, {}, { exp: Math.floor(Date.now() / 1000) + YEAR })}`, 'AUTH.INVALID_TOKEN'],
    [
      'a token issued in the future so its exp - iat looks short',
      async () => {
        const later = Math.floor(Date.now() / 1000) + YEAR;
        return `Bearer ${await signed(secret, {}, { iat: later, exp: later + 600 })}`;
      },
      'AUTH.INVALID_TOKEN',
    ],
  ])('refuses %s with 401', async (_name, token, code) => {
    const { status: got, body } = await status(await token());
    expect(got).toBe(401);
    expect(body.code).toBe(code);
    expect(body.message.length).toBeGreaterThan(10);
  });

  it('names why a long-lived or endless token is refused, in English and French', async () => {
    const endless = await status(`Bearer ${await signed(secret, {}, { exp: null })}`);
    expect(endless.body.message).toContain('exp');
    const long = await status(`Bearer ${await signed(secret, {}, { exp: Math.floor(Date.now() / 1000) + 13 * 3600 })}`);
    expect(long.body.message).toContain('43200-second maximum');
    expect((await status(`Bearer ${await signed(secret, {}, { exp: Math.floor(Date.now() / 1000) + 11 * 3600 })}`)).status).toBe(200);
    const french = await fetch(`${running.baseUrl}/workflows`, {
      headers: { authorization: `Bearer ${await signed(secret, {}, { exp: null })}`, 'accept-language': 'fr' },
    });
    expect(((await french.json()) as { message: string }).message).toBe('Le jeton porteur a été refusé\u00a0: il n’a pas d’expiration (exp).');
  });

  it('says why a token signed with another instance’s secret is refused, in English and French', async () => {
    const foreign = `Bearer ${await signed(new TextEncoder().encode('y'.repeat(48)), {})}`;
    const english = await fetch(`${running.baseUrl}/workflows`, { headers: { authorization: foreign } });
    expect(english.status).toBe(401);
    expect(((await english.json()) as { message: string }).message).toBe(
      'The bearer token was refused: this token was not signed by this instance’s secret — minted for another data directory (MEND_DATA_DIR) or with another MEND_JWT_SECRET?',
    );
    const french = await fetch(`${running.baseUrl}/workflows`, { headers: { authorization: foreign, 'accept-language': 'fr-CA' } });
    expect(((await french.json()) as { message: string }).message).toBe(
      'Le jeton porteur a été refusé\u00a0: ce jeton n’a pas été signé avec le secret de cette instance — émis pour un autre répertoire de données (MEND_DATA_DIR) ou avec un autre MEND_JWT_SECRET\u00a0?',
    );
  });

  it('says why an expired token is refused in the caller’s language, the reason included', async () => {
    const expired = `Bearer ${await signed(secret, {}, { exp: Math.floor(Date.now() / 1000) - 60 })}`;
    const french = await fetch(`${running.baseUrl}/workflows`, { headers: { authorization: expired, 'accept-language': 'fr' } });
    expect(((await french.json()) as { message: string }).message).toBe('Le jeton porteur a été refusé\u00a0: il a expiré.');
  });

  it('serves the liveness probe without a token', async () => {
    expect((await fetch(`${running.baseUrl}/health`)).status).toBe(200);
  });
});

describe('authentication against an OIDC issuer (JWKS)', () => {
  let jwks: Server;
  let running: RunningApp;
  let issuerKey: KeyLike;
  const issuer = 'https://issuer.example/realms/mend';
  const audience = 'mend-api';

  beforeAll(async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    issuerKey = privateKey as KeyLike;
    const jwk = { ...(await exportJWK(publicKey)), kid: 'key-1', alg: 'RS256', use: 'sig' };
    jwks = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const address = jwks.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    running = await startApp({
      env: { MEND_JWT_JWKS_URL: `http://127.0.0.1:${port}/jwks`, MEND_JWT_ISSUER: issuer, MEND_JWT_AUDIENCE: audience },
    });
  });
  afterAll(async () => {
    await running.close();
    await new Promise((resolve) => jwks.close(resolve));
  });

  const issued = (claims: Record<string, unknown>, key: KeyLike | Uint8Array = issuerKey, alg = 'RS256') =>
    new SignJWT({ role: 'auditor', ...claims })
      .setProtectedHeader({ alg, kid: 'key-1' })
      .setSubject('auditor-7')
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(key);

  it('accepts a token signed by the issuer’s key', async () => {
    const response = await client(running.baseUrl, await issued({})).get('/workflows');
    expect(response.status).toBe(200);
  });

  it('refuses a token signed with a key the issuer did not publish', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const response = await client(running.baseUrl, await issued({}, privateKey as KeyLike)).get('/workflows');
    expect(response.status).toBe(401);
  });

  it('refuses an HS256 token, even one signed with the instance’s local secret (no algorithm confusion)', async () => {
    const local = localSecret(running.dataDir).secret;
    const response = await client(running.baseUrl, await issued({}, local, 'HS256')).get('/workflows');
    expect(response.status).toBe(401);
  });
});
