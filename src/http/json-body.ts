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
      if (!error) return hasDuplicateKey(text) ? done(MalformedBody({ fault: 'duplicateKey' }), undefined) : done(null, value);
      // Only a failed parse pays for a second look: valid JSON refused for its keys, or not JSON at all.
      done(MalformedBody({ fault: parsesAsJson(text) ? 'forbiddenKey' : 'syntax' }), undefined);
    });
  });
}

/**
 * Does valid JSON name a field twice in one object (`{"to":"a","to":"b"}`)? JSON.parse keeps the
 * last, so what a client, a proxy or a log read as the first would not be what Mend stored (RFC 7493,
 * I-JSON: names must be unique). One pass over the text, which has already parsed.
 */
export function hasDuplicateKey(text: string): boolean {
  const objects: (Set<string> | undefined)[] = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      let end = i + 1;
      let escaped = false;
      for (; end < text.length; end++) {
        const d = text.charCodeAt(end);
        if (d === 0x5c /* \ */) {
          escaped = true;
          end++;
        } else if (d === 0x22) break;
      }
      if (expectKey) {
        const keys = objects[objects.length - 1]!;
        // Escapes spell one name many ways ("a" and "\u0061"): compare the names they spell.
        const key = escaped ? (JSON.parse(text.slice(i, end + 1)) as string) : text.slice(i + 1, end);
        if (keys.has(key)) return true;
        keys.add(key);
        expectKey = false;
      }
      i = end;
    } else if (c === 0x7b /* { */) {
      objects.push(new Set());
      expectKey = true;
    } else if (c === 0x5b /* [ */) {
      objects.push(undefined);
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      objects.pop();
    } else if (c === 0x2c /* , */) {
      expectKey = objects[objects.length - 1] !== undefined;
    }
  }
  return false;
}

function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
