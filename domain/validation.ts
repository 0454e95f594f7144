import { z } from 'zod';
import { InvalidInput, type DomainError } from './errors';

/** One problem with an input, naming the field by its path (`data.nextLevel.contact`). */
export interface InputIssue {
  readonly path: string;
  readonly message: string;
}

export function describeIssues(error: z.ZodError, prefix = '', language: 'en' | 'fr' = 'en'): InputIssue[] {
  return error.issues.flatMap((issue) => {
    const base = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: base ? `${base}.${key}` : key, message: language === 'fr' ? 'champ inconnu' : 'unknown field' }));
    }
    return [{ path: base || '(body)', message: issue.message }];
  });
}

/** Parses an input or throws VALIDATION.INVALID_INPUT naming every field at fault. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown, prefix = ''): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  // The same problems in French, for clients that ask for it (zod's own French texts).
  const french = schema.safeParse(input, { error: frenchErrors });
  throw invalidInput(describeIssues(result.error, prefix), french.success ? undefined : describeIssues(french.error, prefix, 'fr'));
}

const frenchErrors = z.locales.fr().localeError;

const joined = (issues: readonly InputIssue[]) => issues.map((i) => `${i.path}: ${i.message}`).join('; ');

export function invalidInput(issues: readonly InputIssue[], french?: readonly InputIssue[]): DomainError<{ issues: string; issuesFr?: string }> {
  return InvalidInput({ issues: joined(issues), ...(french ? { issuesFr: joined(french) } : {}) }, { issues });
}
