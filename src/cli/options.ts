import { InvalidArgumentError } from 'commander';
import { meantSubject } from '../auth/jwt';
import { cliLanguage } from '../config/language';
import { CLI_TEXTS } from './messages';

/** Longest id an actor may have (domain/roles.ts). */
const MAX_ID = 200;

/** An option naming a person (`--by`, `--sub`): an opaque id, neither blank nor longer than an actor id may be. */
export function personId(value: string): string {
  if (value.trim() === '') throw new InvalidArgumentError(CLI_TEXTS.personBlank[cliLanguage()]);
  if (value.length > MAX_ID) throw new InvalidArgumentError(CLI_TEXTS.personTooLong(MAX_ID)[cliLanguage()]);
  // The server refuses a token whose subject is not (auth/jwt.ts): such a token would never work.
  if (!meantSubject(value)) throw new InvalidArgumentError(CLI_TEXTS.personUnmeant[cliLanguage()]);
  return value;
}
