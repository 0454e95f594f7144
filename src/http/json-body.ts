import type { FastifyInstance } from 'fastify';
import { MalformedBody } from './http-errors';

/**
 * JSON is the only body Mend reads. Fastify's own parser, behind a check it lacks: a body that is
 * not UTF-8 is refused as such. Read as a string, its bytes would become U+FFFD, and the body then
 * fail as "size did not match Content-Length", or worse, be stored altered. Each refusal says in
 * both languages what is wrong (REQUEST.MALFORMED_BODY), never the parser's English.
 */
export function registerJsonBody(fastify: FastifyInstance): void {
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  // Refuses `__proto__` and `constructor.prototype` keys, as Fastify does by default.
  const parse = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try {
      text = utf8.decode(body as Buffer);
    } catch {
      done(MalformedBody({ fault: 'notUtf8' }), undefined);
      return;
    }
    if (text.trim() === '') {
      done(MalformedBody({ fault: 'empty' }), undefined);
      return;
    }
    parse(request, text, (error, value) => {
      if (!error) return done(null, value);
      // Only a failed parse pays for a second look: valid JSON refused for its keys, or not JSON at all.
      done(MalformedBody({ fault: parsesAsJson(text) ? 'forbiddenKey' : 'syntax' }), undefined);
    });
  });
}

function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
