import { connect } from 'node:net';
import { startApp, type RunningApp } from '../support/app';

interface RawAnswer {
  readonly head: string;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** Writes `request` as is on a new connection and reads the answer until the server closes it. */
function send(baseUrl: string, request: string): Promise<RawAnswer> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(request));
    let answer = '';
    socket.setEncoding('utf8');
    // A connection left open would be a failure: the test gives up rather than waits.
    socket.setTimeout(5_000, () => socket.destroy(new Error('the server kept the connection open')));
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head = '', ...rest] = answer.split('\r\n\r\n');
      const [status = '', ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
      resolve({ head: status, headers, body: rest.join('\r\n\r\n') });
    });
  });
}

/**
 * HTTP/1.1 requires a Host header of every request (RFC 9112 §3.2). One without it was refused by
 * Node itself with an empty 400, no code, no language and no request log line; it is refused in
 * the API's shape, before anything else is done with it. HTTP/1.0, which has no such rule, is
 * served as before.
 */
describe('a request without a Host header', () => {
  let running: RunningApp;

  beforeAll(async () => {
    running = await startApp();
  });
  afterAll(async () => running.close());

  it('is answered 400 REQUEST.HOST_REQUIRED in English by default, and the connection closed', async () => {
    const answer = await send(running.baseUrl, 'GET /health HTTP/1.1\r\n\r\n');
    expect(answer.head).toBe('HTTP/1.1 400 Bad Request');
    expect([answer.headers['content-type'], answer.headers['content-language'], answer.headers['connection']]).toEqual([
      'application/json; charset=utf-8',
      'en',
      'close',
    ]);
    expect(JSON.parse(answer.body)).toEqual({
      code: 'REQUEST.HOST_REQUIRED',
      message: 'The request has no Host header, which HTTP/1.1 requires: send the name of the server (and its port) in Host, as HTTP clients do.',
    });
  });

  it('is answered in French when Accept-Language prefers it', async () => {
    const answer = await send(running.baseUrl, 'GET /health HTTP/1.1\r\nAccept-Language: en;q=0.5, fr-CA\r\n\r\n');
    expect([answer.head, answer.headers['content-language']]).toEqual(['HTTP/1.1 400 Bad Request', 'fr']);
    expect(JSON.parse(answer.body)).toEqual({
      code: 'REQUEST.HOST_REQUIRED',
      message: 'La requête n’a pas d’en-tête Host, qu’exige HTTP/1.1\u00a0: envoyez-y le nom du serveur (et son port), comme le font les clients HTTP.',
    });
  });

  it('is refused before authentication, and nothing is stored', async () => {
    const head = await running.store.headPosition();
    const token = await running.token('supervisor');
    const body = JSON.stringify({ workflow: 'complaint', command: 'ReceiveComplaint', data: {} });
    for (const authorization of [`Bearer ${token}`, 'Bearer not-a-token']) {
      const answer = await send(
        running.baseUrl,
        `POST /cases HTTP/1.1\r\nAuthorization: ${authorization}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
      );
      expect([answer.head, JSON.parse(answer.body).code]).toEqual(['HTTP/1.1 400 Bad Request', 'REQUEST.HOST_REQUIRED']);
    }
    expect(await running.store.headPosition()).toBe(head);
  });

  it('is served as before in HTTP/1.0, which does not require Host, and with the empty Host HTTP/1.1 allows', async () => {
    const health = await send(running.baseUrl, 'GET /health HTTP/1.0\r\n\r\n');
    expect([health.head, JSON.parse(health.body)]).toEqual(['HTTP/1.1 200 OK', { status: 'ok' }]);
    const cases = await send(running.baseUrl, 'GET /cases HTTP/1.0\r\n\r\n');
    expect([cases.head, JSON.parse(cases.body).code]).toEqual(['HTTP/1.1 401 Unauthorized', 'AUTH.MISSING_TOKEN']);
    const empty = await send(running.baseUrl, 'GET /health HTTP/1.1\r\nHost:\r\nConnection: close\r\n\r\n');
    expect([empty.head, JSON.parse(empty.body)]).toEqual(['HTTP/1.1 200 OK', { status: 'ok' }]);
  });
});
