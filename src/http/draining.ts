import type { FastifyInstance } from 'fastify';
import { ShuttingDown } from './http-errors';

/**
 * While the server closes (SIGTERM), a request that still arrives on a connection already open is
 * refused like any other: `503 SERVICE.SHUTTING_DOWN` in the caller's language, with Retry-After,
 * in the request log, and with `Connection: close` so that the client reconnects elsewhere. Fastify
 * would otherwise answer with a body of its own (`return503OnClosing`, turned off in `createApp`)
 * that no client of this API knows, and log nothing.
 */
export function refuseWhileClosing(fastify: FastifyInstance): void {
  let closing = false;
  fastify.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    if (!closing) return done();
    void reply.header('Connection', 'close');
    done(ShuttingDown({}));
  });
}
