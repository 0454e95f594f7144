import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { Role } from '../../domain/roles';

/** One erasure, as the ledger keeps it: enough to do it again on a restored copy, no personal information. */
export const LedgerEntry = z.strictObject({
  subjectId: z.string().min(1),
  /** The id of the `PersonalDataErased` event the erasure appends: a restore knows by it whether the log already holds it. */
  eventId: z.string().min(1),
  erasedAt: z.iso.datetime({ offset: true }),
  actor: z.strictObject({ id: z.string().min(1), role: Role }),
  correlationId: z.string().min(1),
});
export type LedgerEntry = z.infer<typeof LedgerEntry>;

export class ErasureLedgerError extends Error {
  override readonly name = 'ErasureLedgerError';
}

/**
 * The erasure ledger (MEND_ERASURE_LEDGER): an append-only file of JSON lines kept OUTSIDE the data
 * directory, with the operator's other secrets. Every erasure — HTTP or CLI — appends its line and
 * syncs it to disk before the key is destroyed, so the ledger always knows at least every erasure
 * that took effect. A backup taken before an erasure still holds the erased person's key; `mend
 * restore` reads this ledger and erases them again, so restoring an old backup never brings their
 * information back.
 *
 * The file holds subject ids, event ids, times and the administrator's id: no personal information
 * and no key.
 */
export class ErasureLedger {
  private constructor(readonly path: string) {}

  /** Opens the ledger for appending, creating it (and its folder) if needed; fails when it cannot be written. */
  static open(path: string): ErasureLedger {
    try {
      const existed = existsSync(path);
      mkdirSync(dirname(path), { recursive: true });
      const fd = openSync(path, 'a', 0o600);
      try {
        if (!existed) fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      if (!existed) syncDirectory(dirname(path));
    } catch (error) {
      throw new ErasureLedgerError(`The erasure ledger ${path} (MEND_ERASURE_LEDGER) cannot be written: ${(error as Error).message}`);
    }
    return new ErasureLedger(path);
  }

  /** Appends one entry and syncs it to disk before returning. */
  append(entry: LedgerEntry): void {
    const line = `${JSON.stringify(LedgerEntry.parse(entry))}\n`;
    let fd: number | undefined;
    try {
      fd = openSync(this.path, 'a', 0o600);
      writeSync(fd, line);
      fsyncSync(fd);
    } catch (error) {
      throw new ErasureLedgerError(`The erasure could not be written to the ledger ${this.path}: ${(error as Error).message}`);
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }

  /**
   * Every entry, in order. A last line without its newline (a crash in the middle of an append,
   * before the erasure took effect) is skipped and reported; any other bad line stops the read.
   */
  static read(path: string): { entries: LedgerEntry[]; tornLastLine: boolean } {
    const text = readFileSync(path, 'utf8');
    const lines = text.split('\n');
    const last = lines.pop()!;
    const entries = lines.map((line, index) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch {
        throw new ErasureLedgerError(`The erasure ledger ${path} is damaged at line ${index + 1}: not JSON`);
      }
      const entry = LedgerEntry.safeParse(parsed);
      if (!entry.success) throw new ErasureLedgerError(`The erasure ledger ${path} is damaged at line ${index + 1}: ${entry.error.issues[0]?.message}`);
      return entry.data;
    });
    return { entries, tornLastLine: last.length > 0 };
  }
}

function syncDirectory(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export const ERASURE_LEDGER = Symbol('ErasureLedger');

/** What Mend says, at start-up and in backup and restore output, when no ledger is configured. */
export const NO_LEDGER_WARNING =
  'WARNING: MEND_ERASURE_LEDGER is not set. Erasures are not recorded outside the data directory, so restoring a backup taken before an erasure would bring the erased person\'s information back. Set MEND_ERASURE_LEDGER to a file outside MEND_DATA_DIR (see docs/operations.md, "Backups and disaster recovery").';
