import { z } from 'zod';
import { Instant } from '../../domain/schemas';
import { GIVEN_ONCE as GIVEN_ONCE_SAID, withFrench } from '../../domain/validation';

const NBSP = '\u00a0';
const GIVEN_ONCE = withFrench(GIVEN_ONCE_SAID.en, GIVEN_ONCE_SAID.fr);

/**
 * A whole number in a query string (`limit`, `minPosition`, a revision): digits only, given once,
 * within its range; every way of getting it wrong is told the same sentence, which says what is
 * right ("must be a whole number from 1 to 200"), and a repeated parameter is told so.
 */
/** A number as French writes it: groups of three from five digits (10\u00a0000), four digits kept whole (1000, a year like 2200). */
function frenchNumber(n: number): string {
  return n < 10_000 ? String(n) : n.toLocaleString('fr-CA').replace(/\s/g, NBSP);
}

export function queryInteger(min: number, max?: number) {
  const right =
    max === undefined
      ? withFrench(`must be a whole number, ${min} or more`, `doit être un nombre entier égal ou supérieur à ${min}`)
      : withFrench(`must be a whole number from ${min} to ${max}`, `doit être un nombre entier de ${frenchNumber(min)} à ${frenchNumber(max)}`);
  return z
    .string({ error: (issue) => (Array.isArray(issue.input) ? GIVEN_ONCE : right) })
    .regex(/^\d{1,15}$/, right)
    .transform(Number)
    .pipe(z.number().min(min, right).max(max ?? Number.MAX_SAFE_INTEGER, right));
}

/** `?minPosition=`: read-your-writes (ProjectionsService.awaitPosition). */
export const MinPosition = queryInteger(0).optional();

/** An ISO 8601 time whose `+` the URL turned into a space: `2026-03-02T09:00:00 01:00`. */
const PLUS_READ_AS_SPACE = /^\d{4}-\d{2}-\d{2}T[\d:.]+ \d{2}:?\d{2}$/;

/**
 * A time in a query string: an ISO 8601 time with its offset, as in a body; one whose `+` was not
 * written `%2B` (a URL reads it as a space) is told so, not only that its form is wrong.
 */
export const QueryInstant = z
  .string()
  .refine((value) => !PLUS_READ_AS_SPACE.test(value), {
    message: withFrench(
      'must be an ISO 8601 time with its offset; in a URL, write the + of the offset as %2B (a + is read as a space)',
      'doit être une date et une heure ISO 8601 avec leur décalage\u00a0; dans une URL, écrivez le + du décalage %2B (un + y est lu comme une espace)',
    ),
    abort: true,
  })
  .pipe(Instant);
