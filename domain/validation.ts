import { z } from 'zod';
import { InvalidInput, type DomainError, type Language } from './errors';

/** A sentence in both official languages. */
export type Bilingual = Readonly<Record<Language, string>>;

/** One problem with an input as the API answers it: the field by its path (`data.nextLevel.contact`) and what is wrong. */
export interface InputIssue {
  readonly path: string;
  readonly message: string;
}

/** One problem with an input, said in both languages; the API answers in the one the client asked for. */
export interface BilingualIssue {
  readonly path: string;
  readonly message: Bilingual;
}

const FRENCH = new Map<string, string>();

/**
 * A schema's own message, in English with its French: `z.string().regex(re, withFrench('must be…', 'doit être…'))`,
 * `ctx.addIssue({ code: 'custom', message: withFrench(…) })`. The English is what zod carries; the
 * French is looked up from it when the error is described.
 */
export function withFrench(en: string, fr: string): string {
  const known = FRENCH.get(en);
  if (known !== undefined && known !== fr) throw new Error(`"${en}" is already said in French as "${known}"`);
  FRENCH.set(en, fr);
  return en;
}

const NBSP = '\u00a0';
const number = (n: number | bigint, language: Language) => new Intl.NumberFormat(language === 'fr' ? 'fr-CA' : 'en-CA').format(n);
const quoted = (value: unknown, language: Language) => (language === 'fr' ? `«${NBSP}${String(value)}${NBSP}»` : `"${String(value)}"`);
const listOf = (values: readonly unknown[], language: Language) => values.map((v) => quoted(v, language)).join(', ');

const FORMATS: Readonly<Record<string, Bilingual>> = {
  datetime: {
    en: 'must be a date and time with its offset from UTC, e.g. 2026-03-02T09:00:00-05:00',
    fr: `doit être une date et une heure avec leur décalage par rapport à l’UTC, par exemple 2026-03-02T09:00:00-05:00`,
  },
  date: { en: 'must be a date, e.g. 2026-03-02', fr: 'doit être une date, par exemple 2026-03-02' },
  time: { en: 'must be a time of day, e.g. 09:30', fr: 'doit être une heure, par exemple 09:30' },
  email: { en: 'must be an email address', fr: 'doit être une adresse courriel' },
  uuid: {
    en: 'must be a UUID, e.g. 0190a5c4-1b2c-7d3e-8f40-123456789abc',
    fr: 'doit être un UUID, par exemple 0190a5c4-1b2c-7d3e-8f40-123456789abc',
  },
  url: { en: 'must be a web address', fr: 'doit être une adresse Web' },
};

const TYPES: Readonly<Record<string, Bilingual>> = {
  string: { en: 'must be text', fr: 'doit être du texte' },
  number: { en: 'must be a number', fr: 'doit être un nombre' },
  int: { en: 'must be a whole number', fr: 'doit être un nombre entier' },
  boolean: { en: 'must be true or false', fr: 'doit être true (vrai) ou false (faux)' },
  array: { en: 'must be a list', fr: 'doit être une liste' },
  object: { en: 'must be a group of fields (a JSON object)', fr: 'doit être un groupe de champs (un objet JSON)' },
};

/** What was sent instead, named without echoing the value (which may be personal information). */
const RECEIVED: Readonly<Record<string, Bilingual>> = {
  string: { en: 'text', fr: 'du texte' },
  number: { en: 'a number', fr: 'un nombre' },
  boolean: { en: 'true or false', fr: 'true ou false' },
  array: { en: 'a list', fr: 'une liste' },
  object: { en: 'a group of fields', fr: 'un groupe de champs' },
  null: { en: 'null', fr: 'null' },
};

/**
 * A number JSON can spell but not hold (`1e400` reads as Infinity): what was sent is a number, out
 * of range, not something else. Said so where the field's own bound is not known (see withinBounds).
 */
const OUT_OF_RANGE: Readonly<Record<'above' | 'below', Bilingual>> = {
  above: { en: 'is out of range (too large to be read as a number)', fr: 'est hors limites (trop grand pour être lu comme un nombre)' },
  below: { en: 'is out of range (too far below zero to be read as a number)', fr: 'est hors limites (trop loin sous zéro pour être lu comme un nombre)' },
};
const isInfinite = (value: unknown): value is number => value === Infinity || value === -Infinity;

const kindOf = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

/**
 * The value an issue is about. A discriminated union refused for its discriminator carries the
 * object that holds it (its path names the discriminator): the value is the discriminator's, left
 * out where the object has none.
 */
function valueOf(issue: z.core.$ZodIssue): unknown {
  if (issue.code !== 'invalid_union' || !('discriminator' in issue) || typeof issue.discriminator !== 'string') return issue.input;
  const holder = issue.input;
  if (holder === null || typeof holder !== 'object' || Array.isArray(holder)) return holder;
  return Object.hasOwn(holder, issue.discriminator) ? (holder as Record<string, unknown>)[issue.discriminator] : undefined;
}

/** What is wrong, in plain words: zod's issue codes mapped to our own texts, never zod's ("Invalid ISO datetime"). */
function issueText(issue: z.core.$ZodIssue, language: Language): string {
  const fr = language === 'fr';
  // A field left out is missing, whatever it would have had to be: not "must be one of …" nor "must be a date";
  // a union's kind left out too (a reflection without `goalsMet`), every discriminated union alike.
  if (valueOf(issue) === undefined && ['invalid_type', 'invalid_value', 'invalid_format', 'invalid_union'].includes(issue.code)) return fr ? 'est obligatoire' : 'is required';
  const own = FRENCH.get(issue.message);
  if (own !== undefined) return fr ? own : issue.message;
  switch (issue.code) {
    case 'invalid_type': {
      if (isInfinite(issue.input) && (issue.expected === 'number' || issue.expected === 'int')) return OUT_OF_RANGE[issue.input > 0 ? 'above' : 'below'][language];
      const expected = TYPES[issue.expected]?.[language] ?? (fr ? `doit être de type ${issue.expected}` : `must be of type ${issue.expected}`);
      // A number that is not whole is still a number: saying "not a number" would mislead.
      const received = typeof issue.input === 'number' ? undefined : RECEIVED[kindOf(issue.input)];
      return received ? `${expected}${fr ? ', et non ' : ', not '}${received[language]}` : expected;
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      const n = number(issue.minimum, language);
      if (issue.origin === 'string') {
        if (min <= 1) return fr ? 'ne doit pas être vide' : 'must not be empty';
        return fr ? `doit compter au moins ${n}${NBSP}caractères` : `must have at least ${n} characters`;
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        if (min <= 1) return fr ? 'doit contenir au moins un élément' : 'must have at least one entry';
        return fr ? `doit contenir au moins ${n}${NBSP}éléments` : `must have at least ${n} entries`;
      }
      if (issue.inclusive) return fr ? `doit être supérieur ou égal à ${n}` : `must be at least ${n}`;
      return fr ? `doit être supérieur à ${n}` : `must be more than ${n}`;
    }
    case 'too_big': {
      const n = number(issue.maximum, language);
      if (issue.origin === 'string') return fr ? `doit compter au plus ${n}${NBSP}caractères` : `must have at most ${n} characters`;
      if (issue.origin === 'array' || issue.origin === 'set') return fr ? `doit contenir au plus ${n}${NBSP}éléments` : `must have at most ${n} entries`;
      if (issue.inclusive) return fr ? `doit être inférieur ou égal à ${n}` : `must be at most ${n}`;
      return fr ? `doit être inférieur à ${n}` : `must be less than ${n}`;
    }
    case 'invalid_format': {
      const known = FORMATS[issue.format];
      if (known) return known[language];
      // A pattern's own words, where its schema gave some (in English only: an operator's setting, not a request).
      if (issue.format === 'regex' && !fr && !issue.message.startsWith('Invalid')) return issue.message;
      return fr ? 'n’a pas la forme attendue' : 'is not in the expected form';
    }
    case 'invalid_value':
      if (issue.values.length === 1) return fr ? `doit valoir ${quoted(issue.values[0], language)}` : `must be ${quoted(issue.values[0], language)}`;
      return fr
        ? `doit être l’une des valeurs suivantes${NBSP}: ${listOf(issue.values, language)}`
        : `must be one of: ${listOf(issue.values, language)}`;
    case 'invalid_union': {
      const options = (issue as { options?: readonly unknown[] }).options;
      if (options?.length) {
        return fr
          ? `doit être l’une des valeurs suivantes${NBSP}: ${listOf(options, language)}`
          : `must be one of: ${listOf(options, language)}`;
      }
      return fr ? 'ne correspond à aucune des formes acceptées' : 'matches none of the accepted forms';
    }
    case 'not_multiple_of':
      return fr ? `doit être un multiple de ${number(issue.divisor, language)}` : `must be a multiple of ${number(issue.divisor, language)}`;
    case 'unrecognized_keys':
      return fr ? 'champ inconnu' : 'unknown field';
    case 'invalid_key':
      return fr ? 'contient un nom de champ invalide' : 'has an invalid field name';
    case 'invalid_element':
      return fr ? 'contient une valeur invalide' : 'has an invalid entry';
    case 'custom':
      // A rule of the schema's own that gave no French (see withFrench) is not left in English.
      return fr ? 'n’est pas valide' : issue.message;
    default:
      return fr ? 'n’est pas valide' : 'is not valid';
  }
}

const samePath = (a: z.core.$ZodIssue, b: z.core.$ZodIssue) => a.path.length === b.path.length && a.path.every((key, i) => key === b.path[i]);

/**
 * `.int()` bounds a number to the safe integers; a field's own `.max()` or `.min()` is tighter. A
 * value past both (9007199254740994 where at most 104 is taken) is refused once, by the field's own
 * bound, not by two limits that say the same thing.
 */
function isLooserSafeIntegerBound(issue: z.core.$ZodIssue, issues: readonly z.core.$ZodIssue[]): boolean {
  if (issue.code === 'too_big' && issue.origin === 'int' && issue.maximum === Number.MAX_SAFE_INTEGER) {
    return issues.some((other) => other !== issue && other.code === 'too_big' && samePath(other, issue) && Number(other.maximum) <= Number.MAX_SAFE_INTEGER);
  }
  if (issue.code === 'too_small' && issue.origin === 'int' && issue.minimum === Number.MIN_SAFE_INTEGER) {
    return issues.some((other) => other !== issue && other.code === 'too_small' && samePath(other, issue) && Number(other.minimum) >= Number.MIN_SAFE_INTEGER);
  }
  return false;
}

/** Every problem zod found, each naming its field, in both languages. */
export function describeIssues(error: z.ZodError, prefix = ''): BilingualIssue[] {
  const described = error.issues.filter((issue, _i, issues) => !isLooserSafeIntegerBound(issue, issues)).flatMap((issue) => {
    const base = [prefix, ...issue.path.map((key) => shown(String(key)))].filter(Boolean).join('.');
    const message = { en: issueText(issue, 'en'), fr: issueText(issue, 'fr') };
    if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => ({ path: base ? `${base}.${shown(key)}` : shown(key), message }));
    return [{ path: base || '(body)', message }];
  });
  // Two checks can fail alike ("" is both too short and blank): each problem is said once.
  const said = new Set<string>();
  return described.filter((issue) => {
    const key = `${issue.path}\u0000${issue.message.en}`;
    if (said.has(key)) return false;
    said.add(key);
    return true;
  });
}

const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Control characters (but tab, line feed and carriage return), which no one types into a name or a note. */
// eslint-disable-next-line no-control-regex -- finding them is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/** Bidirectional embeddings, overrides and isolates: they show text in another order than it was written (a spoofed name). */
const DIRECTION = /[\u202A-\u202E\u2066-\u2069]/;
const codePoint = (match: string) => `U+${match.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** What is wrong with a text no one could have meant, or undefined: checked in every input, before its schema. */
function unstorable(text: string): Bilingual | undefined {
  if (UNPAIRED_SURROGATE.test(text)) {
    return {
      en: 'is not valid Unicode text: it holds half of a character (an unpaired surrogate), which would be stored as �',
      fr: 'n’est pas du texte Unicode valide\u00a0: il contient la moitié d’un caractère (un point de code d’indirection isolé), qui serait enregistrée comme �',
    };
  }
  const control = CONTROL.exec(text)?.[0];
  if (control !== undefined) {
    return { en: `holds a control character (${codePoint(control)})`, fr: `contient un caractère de commande (${codePoint(control)})` };
  }
  const direction = DIRECTION.exec(text)?.[0];
  if (direction !== undefined) {
    return {
      en: `holds a bidirectional control (${codePoint(direction)}), which would show the text in another order than it was written`,
      fr: `contient une commande bidirectionnelle (${codePoint(direction)}), qui afficherait le texte dans un autre ordre que celui où il a été écrit`,
    };
  }
  return undefined;
}

const UNSHOWABLE = new RegExp(`${UNPAIRED_SURROGATE.source}|${CONTROL.source}|${DIRECTION.source}`, 'g');

/** A name the caller sent (an unknown field's), as a refusal may show it: what would not show as written is named by its code point. */
function shown(name: string): string {
  return name.replace(UNSHOWABLE, (match) => `<${codePoint(match)}>`);
}

type Shape = Readonly<Record<string, z.ZodType>>;

/** The object shape of a schema, through optional, nullable, default and readonly wrappers; undefined for any other schema. */
function shapeOf(schema: z.ZodType): Shape | undefined {
  const def = (schema as unknown as { _zod: { def: { type: string; innerType?: z.ZodType; shape?: Shape } } })._zod.def;
  if (def.type === 'object') return def.shape;
  return def.innerType ? shapeOf(def.innerType) : undefined;
}

/** The schema at a path of object fields, or undefined where the path leaves plain objects. */
function schemaAt(schema: z.ZodType, path: readonly PropertyKey[]): z.ZodType | undefined {
  let at: z.ZodType | undefined = schema;
  for (const key of path) at = at && typeof key === 'string' ? shapeOf(at)?.[key] : undefined;
  return at;
}

/** A number schema, through optional, nullable, default and readonly wrappers; undefined for any other schema. */
function numberSchemaOf(schema: z.ZodType | undefined): z.ZodNumber | undefined {
  const def = (schema as unknown as { _zod: { def: { type: string; innerType?: z.ZodType } } } | undefined)?._zod.def;
  if (def?.type === 'number') return schema as unknown as z.ZodNumber;
  return def?.innerType ? numberSchemaOf(def.innerType) : undefined;
}

/** Whether a number schema's bound is one it excludes (`.lt(10)`, `.positive()`) rather than takes (`.max(10)`). */
function excludes(schema: z.ZodNumber, bound: number): boolean {
  const checks = (schema._zod.def.checks ?? []) as unknown as { _zod: { def: { check: string; value?: unknown; inclusive?: boolean } } }[];
  return checks.some(({ _zod: { def } }) => (def.check === 'less_than' || def.check === 'greater_than') && def.value === bound && def.inclusive === false);
}

/**
 * A number too large for JSON to hold (`1e400`) arrives as Infinity, which zod refuses as "not a
 * number". Where the field's own bound is known, it is refused by that bound, as 1e20 would be
 * ("must be at most 480"); elsewhere issueText says it is out of range.
 */
function withinBounds(schema: z.ZodType, error: z.ZodError): z.ZodError {
  let changed = false;
  const issues = error.issues.map((issue): z.core.$ZodIssue => {
    if (issue.code !== 'invalid_type' || !isInfinite(issue.input)) return issue;
    const field = numberSchemaOf(schemaAt(schema, issue.path));
    const bound = issue.input > 0 ? field?.maxValue : field?.minValue;
    if (!field || typeof bound !== 'number' || !Number.isFinite(bound)) return issue;
    changed = true;
    const { path, input, message } = issue;
    const inclusive = !excludes(field, bound);
    return input > 0
      ? { code: 'too_big', origin: 'number', maximum: bound, inclusive, path, input, message }
      : { code: 'too_small', origin: 'number', minimum: bound, inclusive, path, input, message };
  });
  return changed ? new z.ZodError(issues) : error;
}

const valueAt = (value: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>((at, key) => (at !== null && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[key] : undefined), value);

/**
 * A discriminated union refused for its discriminator (a referral without its source) says nothing
 * of its other fields, so a form would flag them one answer later. The fields every option shares
 * (the same schema in each) are checked as well, and their issues join the answer: one answer names
 * every problem it can.
 */
function withSharedFields(schema: z.ZodType, input: unknown, error: z.ZodError): z.ZodError {
  const shared = error.issues.flatMap((issue) => {
    if (issue.code !== 'invalid_union' || !('discriminator' in issue) || typeof issue.discriminator !== 'string') return [];
    const unionPath = issue.path.slice(0, -1);
    const union = schemaAt(schema, unionPath) as unknown as { _zod: { def: { type: string; options?: z.ZodType[] } } } | undefined;
    const shapes = union?._zod.def.type === 'union' ? (union._zod.def.options ?? []).map(shapeOf) : [];
    if (shapes.length === 0 || shapes.some((shape) => shape === undefined)) return [];
    const [first, ...others] = shapes as Shape[];
    const common = Object.fromEntries(
      Object.entries(first!).filter(([key, field]) => key !== issue.discriminator && others.every((shape) => shape[key] === field)),
    );
    const value = valueAt(input, unionPath);
    if (Object.keys(common).length === 0 || value === null || typeof value !== 'object' || Array.isArray(value)) return [];
    const checked = z.object(common).safeParse(value, { reportInput: true });
    return checked.success ? [] : checked.error.issues.map((found) => ({ ...found, path: [...unionPath, ...found.path] }));
  });
  return shared.length === 0 ? error : new z.ZodError([...error.issues, ...shared]);
}

/** Deeper than any input Mend takes; a body nested deeper is refused where it goes too deep, not walked. */
const MAX_DEPTH = 32;
const TOO_DEEP: Bilingual = { en: `is nested more than ${MAX_DEPTH} levels deep`, fr: `est imbriqué sur plus de ${MAX_DEPTH}${NBSP}niveaux` };

/** Every text of an input that holds what no one could have meant, by its path. */
function textIssues(value: unknown, path: string, issues: BilingualIssue[], depth = 0): BilingualIssue[] {
  if (typeof value === 'string') {
    const message = unstorable(value);
    if (message) issues.push({ path: path || '(body)', message });
  } else if (value !== null && typeof value === 'object' && depth === MAX_DEPTH) {
    issues.push({ path: path || '(body)', message: TOO_DEEP });
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => textIssues(item, path ? `${path}.${i}` : String(i), issues, depth + 1));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) textIssues(item, path ? `${path}.${key}` : key, issues, depth + 1);
  }
  return issues;
}

/**
 * Parses an input or throws VALIDATION.INVALID_INPUT naming every field at fault: what its schema
 * refuses, and in any field, text no one could have meant (half a character, a control character,
 * a bidirectional override), which would otherwise be stored altered or shown in disguise.
 */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown, prefix = ''): z.output<T> {
  // `reportInput` only tells a missing field from a wrong one; the input is never echoed back.
  const result = schema.safeParse(input, { reportInput: true });
  const text = [...textIssues(input, prefix, []), ...(prefix === 'query' ? repeatedParameters(input) : [])];
  if (result.success && text.length === 0) return result.data;
  const schemaIssues = result.success ? [] : describeIssues(withinBounds(schema, withSharedFields(schema, input, result.error)), prefix);
  throw invalidInput([...text, ...schemaIssues.filter((issue) => !text.some((t) => t.path === issue.path))]);
}

/** A query-string parameter is given once: none takes a list by repetition (a list is comma-separated, `?ids=a,b`). */
export const GIVEN_ONCE: Bilingual = { en: 'must be given once', fr: 'ne doit être donné qu’une fois' };

/** The parameters of a query string given more than once (`?caseId=a&caseId=b`), said so rather than as a value of the wrong form. */
function repeatedParameters(query: unknown): BilingualIssue[] {
  if (query === null || typeof query !== 'object') return [];
  return Object.entries(query)
    .filter(([, value]) => Array.isArray(value))
    .map(([name]) => ({ path: `query.${shown(name)}`, message: GIVEN_ONCE }));
}

const inLanguage = (issues: readonly BilingualIssue[], language: Language): InputIssue[] =>
  issues.map((issue) => ({ path: issue.path, message: issue.message[language] }));

const joined = (issues: readonly InputIssue[], language: Language) =>
  issues.map((i) => `${i.path}${language === 'fr' ? NBSP : ''}: ${i.message}`).join(language === 'fr' ? `${'\u202f'}; ` : '; ');

/** The most problems an answer names: a body of 20,000 unknown fields gets a short answer, not one six times its size. */
export const MAX_ISSUES = 20;

export function invalidInput(all: readonly BilingualIssue[]): DomainError<{ issues: string; issuesFr: string }> {
  const issues =
    all.length <= MAX_ISSUES
      ? all
      : [
          ...all.slice(0, MAX_ISSUES),
          {
            path: '(more)',
            message: {
              en: `and ${number(all.length - MAX_ISSUES, 'en')} more problems`,
              fr: `et ${number(all.length - MAX_ISSUES, 'fr')}${NBSP}autres problèmes`,
            },
          },
        ];
  const en = inLanguage(issues, 'en');
  const fr = inLanguage(issues, 'fr');
  return InvalidInput({ issues: joined(en, 'en'), issuesFr: joined(fr, 'fr') }, { issues: en }, { fr: { issues: fr } });
}
