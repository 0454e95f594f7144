import type { FastifyInstance } from 'fastify';
import { MalformedQuery } from './http-errors';

/**
 * Refuses a query string whose percent-encoding is not UTF-8 (`?assignee=%ED%A0%80`, half a
 * character): Fastify's parser leaves such a value undecoded, and a filter given it would quietly
 * match nothing rather than say the request was wrong. Paths are refused alike by the router.
 */
export function refuseMalformedQuery(fastify: FastifyInstance): void {
  // A callback hook, not an async one: nothing here waits, so no promise per request.
  fastify.addHook('onRequest', (request, _reply, done) => {
    const url = request.raw.url ?? '';
    const start = url.indexOf('?');
    if (start < 0 || !url.includes('%', start)) return done();
    try {
      decodeURIComponent(url.slice(start + 1));
    } catch {
      return done(MalformedQuery({}));
    }
    done();
  });
}
