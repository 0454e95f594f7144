import { localSecret, mintLocalToken } from '../../src/auth/jwt';
import { client, startApp, type RunningApp } from '../support/app';

/**
 * A token's subject is recorded as the actor of every step its holder takes, and shown as who took
 * it: it must be text someone could have meant, as every field of a body must (no control
 * character, no bidirectional control, no half character, not blank), and as an id is written
 * (one line, no spaces around it).
 * Otherwise the token is refused with 401 as any malformed token is, and nothing is recorded.
 * Subjects an OIDC issuer mints (UUIDs, e-mail-like ids, provider-prefixed ids) are accepted.
 */
describe('a token whose subject no one could have meant', () => {
  let running: RunningApp;
  let secret: Uint8Array;

  beforeAll(async () => {
    running = await startApp();
    secret = localSecret(running.dataDir).secret;
  });
  afterAll(async () => running.close());

  const as = async (subject: string) => client(running.baseUrl, await mintLocalToken(secret, { subject, role: 'supervisor', ttlSeconds: 600 }));

  it.each([
    ['a bidirectional override', '\u202e1-rosivrepus-omed'],
    ['an isolate', 'demo-supervisor-1\u2066'],
    ['a control character', 'demo\u0007supervisor'],
    ['a line break', 'demo-supervisor-1\nadmin'],
    ['a tab', 'demo\tsupervisor'],
    ['half a character', 'demo-\ud800supervisor'],
    ['only spaces', '   '],
    ['only invisible characters', '\u200b\u200b'],
    ['spaces around it', ' demo-supervisor-1 '],
  ])('refuses a subject holding %s with 401, in English and French, recording nothing', async (_what, subject) => {
    const http = await as(subject);
    const head = await running.store.headPosition();
    const refused = await http.post('/cases', { workflow: 'complaint', command: 'ReceiveComplaint', data: {} });
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 401, code: 'AUTH.INVALID_TOKEN' });
    expect(refused.body.message).toBe(
      'The bearer token was refused: its subject (sub) is blank, has spaces around it, or holds a control character (a tab or a line break too), a bidirectional control or half a character.',
    );
    const french = await http.get('/cases', { 'accept-language': 'fr' });
    expect({ status: french.status, message: french.body.message }).toEqual({
      status: 401,
      message:
        'Le jeton porteur a été refusé\u00a0: son sujet (sub) est vide, entouré d’espaces, ou contient un caractère de commande (une tabulation ou un saut de ligne aussi), une commande bidirectionnelle ou la moitié d’un caractère.',
    });
    expect(await running.store.headPosition()).toBe(head);
  });

  it.each([
    ['a UUID', '0195f3a0-7c1e-7d2a-9b4f-1c2d3e4f5a6b'],
    ['an e-mail-like id', 'jeanne.dupont@csc-scc.gc.ca'],
    ['a provider-prefixed id', 'auth0|65f1c2d3e4'],
    ['letters beyond ASCII', 'élise.côté'],
  ])('accepts %s as its subject', async (_what, subject) => {
    const seen = await (await as(subject)).get('/cases');
    expect(seen.status).toBe(200);
  });
});
