import { InvalidArgumentError } from 'commander';

/** Longest id an actor may have (domain/roles.ts). */
const MAX_ID = 200;

/** An option naming a person (`--by`, `--sub`): an opaque id, neither blank nor longer than an actor id may be. */
export function personId(value: string): string {
  if (value.trim() === '') throw new InvalidArgumentError('must name someone: an id, not blank');
  if (value.length > MAX_ID) throw new InvalidArgumentError(`at most ${MAX_ID} characters`);
  return value;
}
