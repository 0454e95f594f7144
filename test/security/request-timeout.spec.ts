import type { Server } from 'node:http';
import { connect } from 'node:net';
import { openStream } from '../sla/sla-support';
import { startApp, type RunningApp } from '../support/app';

/** Sends the head of a request and part of its body, and never the rest; resolves with what the server answers once it closes the connection. */
function slowBody(baseUrl: string): Promise<{ answer: string; afterMs: number }> {
  const { hostname, port } = new URL(baseUrl);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(`POST /cases HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"workflow": "compl`);
    });
    let answer = '';
    socket.setEncoding('utf8');
    // Without a limit the server would hold it for good: the test gives up first.
    socket.setTimeout(10_000, () => socket.destroy());
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve({ answer, afterMs: Date.now() - started }));
  });
}

/**
 * A request must arrive whole within the server's request timeout (30 s): one whose body comes
 * slowly, or never in full, is answered 408 REQUEST.TIMEOUT in the API's shape and its connection
 * closed, where it held the connection for good. Responses are not limited: the SLA stream stays
 * open past it.
 */
describe('a request that does not arrive in time', () => {
  let running: RunningApp;
  let server: Server;

  beforeAll(async () => {
    running = await startApp();
    server = running.app.getHttpServer() as Server;
  });
  afterAll(async () => running.close());

  /** Shortens the limit as configured while `work` runs, so that the test does not wait 30 s: Node reads it at each check. */
  async function within1s(work: () => Promise<void>): Promise<void> {
    server.requestTimeout = server.headersTimeout = 1_000;
    try {
      await work();
    } finally {
      server.requestTimeout = server.headersTimeout = 30_000;
    }
  }

  it('is given 30 s to arrive whole, headers and body, checked every second', () => {
    const { requestTimeout, headersTimeout, connectionsCheckingInterval } = server as Server & { connectionsCheckingInterval: number };
    expect({ requestTimeout, headersTimeout, connectionsCheckingInterval }).toEqual({ requestTimeout: 30_000, headersTimeout: 30_000, connectionsCheckingInterval: 1_000 });
  });

  it('is answered 408 in both languages and its connection closed; nothing is stored', async () => {
    await within1s(async () => {
      const head = await running.store.headPosition();
      const { answer, afterMs } = await slowBody(running.baseUrl);
      expect(answer).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
      expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toEqual({
        code: 'REQUEST.TIMEOUT',
        message: 'The request was not received in time. Send it again. / La requête n’a pas été reçue à temps. Envoyez-la de nouveau.',
      });
      expect(afterMs).toBeLessThan(5_000);
      expect(await running.store.headPosition()).toBe(head);
    });
  });

  it('does not end a response that lasts: the SLA stream stays open past the limit', async () => {
    await within1s(async () => {
      const stream = await openStream(running.baseUrl, await running.token('supervisor'), '/sla/stream');
      expect(stream.response.status).toBe(200);
      await stream.greeting();
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      // Not ended: it carries the next event when one comes.
      const ended = await Promise.race([stream.take(1).then(() => 'event', () => 'ended'), new Promise((resolve) => setTimeout(() => resolve('open'), 200))]);
      expect(ended).toBe('open');
      stream.close();
    });
  });
});
