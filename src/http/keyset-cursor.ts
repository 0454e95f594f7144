import { z } from 'zod';
import { invalidInput } from '../../domain/validation';

const NOT_OURS = { en: 'is not a cursor this API returned for this list', fr: 'n’est pas un curseur renvoyé par cette API pour cette liste' };

/**
 * The `?cursor=` of a keyset-paged list: the sort key of the page's last row, with the list (and
 * order) it was cut from. A cursor is only taken back by the list and order that returned it, with
 * every key of the form that list writes: an invented one, or one from another list, is a 400 naming
 * it, never a page of something else, nor an empty page read as "nothing here".
 */
export function keysetCursor<const Keys extends readonly [z.ZodType, ...z.ZodType[]]>(keys: Keys) {
  type Values = { -readonly [K in keyof Keys]: z.output<Keys[K]> };
  return {
    encode(list: string, values: Values): string {
      return Buffer.from(JSON.stringify([list, ...(values as unknown[])])).toString('base64url');
    },
    decode(list: string, cursor: string): Values {
      const parsed = z.tuple([z.literal(list), ...keys]).safeParse(readJson(cursor));
      if (!parsed.success) throw invalidInput([{ path: 'query.cursor', message: NOT_OURS }]);
      return parsed.data.slice(1) as unknown as Values;
    },
  };
}

function readJson(cursor: string): unknown {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** A key that is a stored instant (`2026-03-02T15:00:00.000Z`). */
export const instantKey = z.iso.datetime({ offset: true });
/** A key that is a case id. */
export const caseIdKey = z.uuid();
