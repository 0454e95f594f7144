import { InvalidArgumentError } from 'commander';
import { meantSubject } from '../auth/jwt';

/** Longest id an actor may have (domain/roles.ts). */
const MAX_ID = 200;

/** An option naming a person (`--by`, `--sub`): an opaque id, neither blank nor longer than an actor id may be. */
export function personId(value: string): string {
  if (value.trim() === '') throw new InvalidArgumentError('must name someone: an id, not blank');
  if (value.length > MAX_ID) throw new InvalidArgumentError(`at most ${MAX_ID} characters`);
  // The server refuses a token whose subject is not (auth/jwt.ts): such a token would never work.
  if (!meantSubject(value)) throw new InvalidArgumentError('must be one line with no spaces around it, and no control or bidirectional characters');
  return value;
}
