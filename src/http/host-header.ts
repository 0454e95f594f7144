import type { FastifyInstance } from 'fastify';
import { HostRequired } from './http-errors';

/**
 * Refuses an HTTP/1.1 request that carries no Host header (RFC 9112 §3.2): 400 REQUEST.HOST_REQUIRED
 * in the caller's language, before it is rate-limited, authenticated or routed to a controller.
 * Node's server would refuse it itself, with an empty 400 of its own, no code and no log line;
 * `createApp` turns that check off so that this hook answers in the API's shape. HTTP/1.0 does not
 * require Host, and is served as before; nor is an empty Host refused, which HTTP/1.1 allows.
 */
export function refuseMissingHost(fastify: FastifyInstance): void {
  // A callback hook, not an async one: nothing here waits, so no promise per request.
  fastify.addHook('onRequest', (request, reply, done) => {
    const { httpVersionMajor, httpVersionMinor, headers } = request.raw;
    if (httpVersionMajor !== 1 || httpVersionMinor !== 1 || headers.host !== undefined) return done();
    // Closed after the answer, as Node closed it: a client that sends no Host sends none next time either.
    void reply.header('Connection', 'close');
    done(HostRequired({}));
  });
}
