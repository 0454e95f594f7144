import type { ErrorKind } from '../../domain/errors';

/** Exit codes scripts can trust (sysexits where one fits). */
export const ExitCode = {
  ok: 0,
  /** The check ran and found a problem (e.g. a tampered event). */
  failed: 1,
  /** Wrong arguments. */
  usage: 64,
  /** Input data was wrong (an unknown case, a malformed file, a broken business rule). */
  dataError: 65,
  /** Something is unavailable (the store cannot be opened, a file cannot be read or written). */
  unavailable: 69,
  /** An unexpected failure: a defect. */
  software: 70,
  /** An output cannot be created (e.g. a restore into a directory that is not empty). */
  cannotCreate: 73,
  /** The configuration is wrong. */
  config: 78,
} as const;

/**
 * The exit code of a domain error, by its kind: what the HTTP layer answers 400 is a usage error,
 * 404, 409, 412 and 422 are about the data the verb met, 503 and 429 an unavailable service. A CLI
 * verb acts as an administrator or the system, so 401 and 403 would be defects.
 */
const EXIT_BY_KIND: Readonly<Record<ErrorKind, number>> = {
  invalid: ExitCode.usage,
  too_large: ExitCode.usage,
  unsupported_media: ExitCode.usage,
  not_found: ExitCode.dataError,
  not_allowed: ExitCode.dataError,
  conflict: ExitCode.dataError,
  precondition_failed: ExitCode.dataError,
  rule: ExitCode.dataError,
  rate_limited: ExitCode.unavailable,
  unavailable: ExitCode.unavailable,
  unauthenticated: ExitCode.software,
  forbidden: ExitCode.software,
  internal: ExitCode.software,
};

export function exitCodeOf(kind: ErrorKind): number {
  return EXIT_BY_KIND[kind];
}
