/** Exit codes scripts can trust (sysexits where one fits). */
export const ExitCode = {
  ok: 0,
  /** The check ran and found a problem (e.g. a tampered event). */
  failed: 1,
  /** Wrong arguments. */
  usage: 64,
  /** Input data was wrong (an unknown case, a malformed file). */
  dataError: 65,
  /** Something is unavailable (the store cannot be opened). */
  unavailable: 69,
  software: 70,
  /** An output cannot be created (e.g. a restore into a directory that is not empty). */
  cannotCreate: 73,
  /** The configuration is wrong. */
  config: 78,
} as const;
