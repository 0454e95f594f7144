import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../../src/app';
import { ManualClock } from '../../src/clock/clock';
import { loadConfig } from '../../src/config/config';

jest.setTimeout(60_000);

/**
 * A request that arrives on an open keep-alive connection while the server closes (SIGTERM) is
 * refused in the API's own error shape and language, not with Fastify's bare 503.
 */
describe('a request that arrives while the server closes', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mend-draining-'));
  let app: NestFastifyApplication;
  let closed: Promise<void> | undefined;
  afterAll(async () => {
    await (closed ?? app?.close());
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Reads one HTTP/1.1 response (head and a Content-Length body) from the socket. */
  function nextResponse(socket: Socket): Promise<{ head: string; body: string }> {
    return new Promise((resolve, reject) => {
      let buffered = '';
      const onData = (chunk: Buffer) => {
        buffered += chunk.toString('utf8');
        const end = buffered.indexOf('\r\n\r\n');
        if (end < 0) return;
        const head = buffered.slice(0, end);
        const length = Number(/content-length: (\d+)/i.exec(head)?.[1] ?? 0);
        const body = buffered.slice(end + 4);
        if (Buffer.byteLength(body) < length) return;
        socket.off('data', onData);
        socket.off('close', onClose);
        resolve({ head, body });
      };
      const onClose = () => reject(new Error(`the connection closed before a response (had: ${JSON.stringify(buffered)})`));
      socket.on('data', onData);
      socket.once('close', onClose);
    });
  }

  it('is answered 503 SERVICE.SHUTTING_DOWN, in French when asked, with Retry-After and Connection: close', async () => {
    const config = loadConfig({ MEND_DATA_DIR: dataDir, MEND_LOG_LEVEL: 'silent', MEND_SCHEDULER: 'off', MEND_RATE_LIMIT: '0', PORT: '0' });
    app = await createApp({ config, clock: new ManualClock('2026-03-02T14:00:00Z') });
    const fastify = app.getHttpAdapter().getInstance();
    // A request still in flight when the close begins keeps its connection open; it answers once the close has begun.
    let closing!: () => void;
    const closeBegun = new Promise<void>((resolve) => (closing = resolve));
    let arrived!: () => void;
    const slowArrived = new Promise<void>((resolve) => (arrived = resolve));
    fastify.addHook('preClose', (done) => {
      closing();
      done();
    });
    fastify.get('/test-only/slow', async () => {
      arrived();
      await closeBegun;
      return { slow: true };
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.getHttpServer().address() as { port: number };

    const socket = connect(port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    const first = nextResponse(socket);
    socket.write('GET /test-only/slow HTTP/1.1\r\nHost: mend\r\nConnection: keep-alive\r\n\r\n');
    await slowArrived;
    closed = app.close();
    const slow = await first;
    expect(slow.head).toMatch(/^HTTP\/1\.1 200/);

    const second = nextResponse(socket);
    socket.write('GET /health HTTP/1.1\r\nHost: mend\r\nAccept-Language: fr-CA\r\nConnection: keep-alive\r\n\r\n');
    const refused = await second;
    socket.destroy();
    expect(refused.head).toMatch(/^HTTP\/1\.1 503/);
    expect(refused.head).toMatch(/\r\nretry-after: 1\r\n/i);
    expect(refused.head).toMatch(/\r\nconnection: close\r\n/i);
    expect(refused.head).toMatch(/\r\ncontent-language: fr\r\n/i);
    expect(refused.head).toMatch(/\r\nx-correlation-id: \S+\r\n/i);
    expect(JSON.parse(refused.body)).toEqual({
      code: 'SERVICE.SHUTTING_DOWN',
      message: expect.stringContaining('Ce serveur Mend s’arrête'),
    });
    await closed;
  });
});
