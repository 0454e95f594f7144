import type { FastifyInstance } from 'fastify';
import { v7 as uuidv7 } from 'uuid';

declare module 'fastify' {
  interface FastifyRequest {
    /** The caller's X-Correlation-Id when it is sane, else a new id; echoed on the response and recorded with every event. */
    correlationId: string;
  }
}

const SANE = /^[A-Za-z0-9._:-]{1,100}$/;

export function registerCorrelation(fastify: FastifyInstance): void {
  fastify.decorateRequest('correlationId', '');
  // A callback hook, not an async one: nothing here waits, so no promise per request.
  fastify.addHook('onRequest', (request, reply, done) => {
    const given = request.headers['x-correlation-id'];
    request.correlationId = typeof given === 'string' && SANE.test(given) ? given : uuidv7();
    void reply.header('X-Correlation-Id', request.correlationId);
    done();
  });
}

/** Fastify's request id: a UUID v7, so request ids sort by time in the log. */
export const newRequestId = (): string => uuidv7();
