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

const kindOf = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

/** What is wrong, in plain words: zod's issue codes mapped to our own texts, never zod's ("Invalid ISO datetime"). */
function issueText(issue: z.core.$ZodIssue, language: Language): string {
  const fr = language === 'fr';
  const own = FRENCH.get(issue.message);
  if (own !== undefined) return fr ? own : issue.message;
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return fr ? 'est obligatoire' : 'is required';
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
      return fr ? `n’a pas la forme attendue (${issue.format})` : `is not in the expected form (${issue.format})`;
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

/** Every problem zod found, each naming its field, in both languages. */
export function describeIssues(error: z.ZodError, prefix = ''): BilingualIssue[] {
  return error.issues.flatMap((issue) => {
    const base = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    const message = { en: issueText(issue, 'en'), fr: issueText(issue, 'fr') };
    if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => ({ path: base ? `${base}.${key}` : key, message }));
    return [{ path: base || '(body)', message }];
  });
}

/** Parses an input or throws VALIDATION.INVALID_INPUT naming every field at fault. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown, prefix = ''): z.output<T> {
  // `reportInput` only tells a missing field from a wrong one; the input is never echoed back.
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return result.data;
  throw invalidInput(describeIssues(result.error, prefix));
}

const inLanguage = (issues: readonly BilingualIssue[], language: Language): InputIssue[] =>
  issues.map((issue) => ({ path: issue.path, message: issue.message[language] }));

const joined = (issues: readonly InputIssue[], language: Language) =>
  issues.map((i) => `${i.path}${language === 'fr' ? NBSP : ''}: ${i.message}`).join(language === 'fr' ? `${'\u202f'}; ` : '; ');

export function invalidInput(issues: readonly BilingualIssue[]): DomainError<{ issues: string; issuesFr: string }> {
  const en = inLanguage(issues, 'en');
  const fr = inLanguage(issues, 'fr');
  return InvalidInput({ issues: joined(en, 'en'), issuesFr: joined(fr, 'fr') }, { issues: en }, { fr: { issues: fr } });
}
