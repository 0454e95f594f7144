import type { z } from 'zod';
import { DomainError } from '../../domain/errors';
import { parseInput } from '../../domain/validation';
import { CliError } from './cli-error';
import { ExitCode } from './exit-codes';

/** An option's value checked against a domain schema: a wrong one is a usage error (64) naming the option. */
export function parseOption<T extends z.ZodType>(schema: T, value: unknown, option: string): z.output<T> {
  try {
    return parseInput(schema, value, option);
  } catch (error) {
    if (error instanceof DomainError) throw new CliError({ en: error.messageIn('en'), fr: error.messageIn('fr') }, ExitCode.usage);
    throw error;
  }
}
