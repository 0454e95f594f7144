import type { FastifyInstance } from 'fastify';
import { MalformedBody, UnsupportedCharset } from './http-errors';

/** The names of UTF-8 a Content-Type may give. */
const UTF_8 = new Set(['utf-8', 'utf8']);

/** A charset named back as sent, but never at length: the header is the client's. */
const SHOWN_CHARSET = 40;


/**
 * `name=value` parameters of a media type (RFC 9110 §5.6.6): the name a token, the value a token or
 * a quoted string, whose quoted pairs (`\"`) stand for the character after the backslash.
 */
const PARAMETER = /;\s*([\w!#$%&'*+.^`|~-]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;\s]*)/g;

/** The charsets a Content-Type names, as sent (unquoted): none when it names none. */
export function charsetsOf(contentType: string): string[] {
  return [...contentType.matchAll(PARAMETER)]
    .filter((match) => match[1]!.toLowerCase() === 'charset')
    .map((match) => (match[2]!.startsWith('"') ? match[2]!.slice(1, -1).replace(/\\(.)/g, '$1') : match[2]!));
}

/**
 * JSON is the only body Mend reads. Fastify's own parser, behind checks it lacks: a body declared in
 * a charset other than UTF-8 is refused as such (415, REQUEST.UNSUPPORTED_CHARSET) rather than read
 * as UTF-8 all the same; a body that is not UTF-8 is refused as such. Read as a string, its bytes
 * would become U+FFFD, and the body then fail as "size did not match Content-Length", or worse, be
 * stored altered. Each refusal says in both languages what is wrong (REQUEST.MALFORMED_BODY), never
 * the parser's English.
 */
export function registerJsonBody(fastify: FastifyInstance): void {
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  // Refuses `__proto__` and `constructor.prototype` keys, as Fastify does by default.
  const parse = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    // Charset names are case-insensitive (RFC 9110 §8.3.2); JSON is UTF-8 (RFC 8259 §8.1), which some clients spell utf8.
    const charset = charsetsOf(String(request.headers['content-type'] ?? '')).find((name) => !UTF_8.has(name.toLowerCase()));
    if (charset !== undefined) {
      const shown = charset.length > SHOWN_CHARSET ? `${charset.slice(0, SHOWN_CHARSET)}…` : charset;
      done(UnsupportedCharset({ charset: shown }), undefined);
      return;
    }
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
