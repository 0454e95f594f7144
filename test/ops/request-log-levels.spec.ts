import Fastify, { type FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { connect } from 'node:net';
import { Writable } from 'node:stream';
import { registerCorrelation } from '../../src/http/correlation';
import { registerRequestLog, requestLogLevel } from '../../src/logging/logging';

interface Line {
  level: number;
  msg: string;
  req: { id: string; method: string; url: string };
  res?: { statusCode: number };
  responseTime?: number;
  correlationId?: string;
}

/** A real Fastify server with the request log hook, logging to memory at `level`. */
async function serverLoggingAt(level: string): Promise<{ app: FastifyInstance; lines: Line[] }> {
  const lines: Line[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const text of chunk.toString('utf8').split('\n')) if (text) lines.push(JSON.parse(text) as Line);
      done();
    },
  });
  const app = Fastify();
  registerCorrelation(app);
  registerRequestLog(app, pino({ level }, sink));
  app.get('/ok', async () => ({ ok: true }));
  app.get('/health', async () => ({ status: 'ok' }));
  app.get('/missing', async (_request, reply) => reply.status(404).send({ code: 'X' }));
  app.get('/broken', async (_request, reply) => reply.status(503).send({ code: 'Y' }));
  app.get('/slow', async () => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    return { late: true };
  });
  await app.ready();
  return { app, lines };
}

describe('the request log level of a response', () => {
  it('is info, warn or error by status', () => {
    expect([requestLogLevel(200), requestLogLevel(302), requestLogLevel(404), requestLogLevel(503)]).toEqual(['info', 'info', 'warn', 'error']);
  });

  it('writes one line per request at info: method, path without its query, status, duration, ids; not /health', async () => {
    const { app, lines } = await serverLoggingAt('info');
    await app.inject({ method: 'GET', url: '/ok?name=Robin', headers: { 'x-correlation-id': 'log-1' } });
    await app.inject({ method: 'GET', url: '/missing' });
    await app.inject({ method: 'GET', url: '/broken' });
    await app.inject({ method: 'GET', url: '/health' });
    await app.close();
    expect(lines.map((line) => [line.level, line.msg])).toEqual([
      [30, 'GET /ok 200'],
      [40, 'GET /missing 404'],
      [50, 'GET /broken 503'],
    ]);
    expect(lines[0]).toMatchObject({ req: { method: 'GET', url: '/ok' }, res: { statusCode: 200 }, correlationId: 'log-1' });
    expect(lines[0]!.responseTime).toEqual(expect.any(Number));
    expect(JSON.stringify(lines)).not.toContain('Robin');
  });

  it('builds no line below the configured level', async () => {
    const warn = await serverLoggingAt('warn');
    for (const url of ['/ok', '/missing', '/broken']) await warn.app.inject({ method: 'GET', url });
    await warn.app.close();
    expect(warn.lines.map((line) => line.msg)).toEqual(['GET /missing 404', 'GET /broken 503']);
    const silent = await serverLoggingAt('silent');
    for (const url of ['/ok', '/missing', '/broken']) await silent.app.inject({ method: 'GET', url });
    await silent.app.close();
    expect(silent.lines).toEqual([]);
  });

  it('says once, as a warning, that a client went away before its response', async () => {
    const { app, lines } = await serverLoggingAt('info');
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as { port: number };
    const socket = connect(port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write('GET /slow?who=Robin HTTP/1.1\r\nHost: localhost\r\n\r\n');
    await new Promise((resolve) => setTimeout(resolve, 50));
    socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, 400));
    await app.close();
    expect(lines.filter((line) => line.msg.startsWith('GET /slow')).map((line) => [line.level, line.msg])).toEqual([[40, 'GET /slow aborted']]);
  });
});
