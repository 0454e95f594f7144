import { closeSync, existsSync, fstatSync, fsyncSync, mkdirSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { Role } from '../../domain/roles';
import { SubjectId } from '../../domain/schemas';
import type { Bilingual } from '../../domain/validation';

/** One erasure, as the ledger keeps it: enough to do it again on a restored copy, no personal information. */
export const LedgerEntry = z.strictObject({
  // The same ids every workflow records people under: no other could name an erasure's stream.
  subjectId: SubjectId,
  /** The id of the `PersonalDataErased` event the erasure appends: a restore knows by it whether the log already holds it. */
  eventId: z.string().min(1),
  erasedAt: z.iso.datetime({ offset: true }),
  actor: z.strictObject({ id: z.string().min(1), role: Role }),
  correlationId: z.string().min(1),
});
export type LedgerEntry = z.infer<typeof LedgerEntry>;

/** Ends a line an append cut short, when the next append closes it; no entry ends so (each ends with `}`). */
const TORN_MARK = ' # cut short by a crash, not an erasure';

const ENTRY_START = '{"subjectId":"';

/**
 * Whether a line can be what a crash left of an append: the beginning of an entry (each starts
 * `{"subjectId":"`), or nothing but the zeros some filesystems leave where data was not yet written.
 */
function cutShort(line: string): boolean {
  const written = line.replace(/\0+$/, '');
  return written === '' || written.startsWith(ENTRY_START) || ENTRY_START.startsWith(written);
}

/**
 * What the ledger says when it cannot be used, in both languages: the CLI says it in the operator's
 * language; the server logs the English (its `message`).
 */
export const LEDGER_TEXTS = {
  cannotBeWritten: (path: string, detail: string): Bilingual => ({
    en: `The erasure ledger ${path} (MEND_ERASURE_LEDGER) cannot be written: ${detail}`,
    fr: `Le registre des effacements ${path} (MEND_ERASURE_LEDGER) ne peut pas être écrit\u00a0: ${detail}`,
  }),
  appendFailed: (path: string, detail: string): Bilingual => ({
    en: `The erasure could not be written to the ledger ${path}: ${detail}`,
    fr: `L’effacement n’a pas pu être écrit dans le registre ${path}\u00a0: ${detail}`,
  }),
  missing: (path: string): Bilingual => ({
    en: `The erasure ledger ${path} (MEND_ERASURE_LEDGER) does not exist: Mend creates it when it starts, so it is lost or the path is wrong.`,
    fr: `Le registre des effacements ${path} (MEND_ERASURE_LEDGER) n’existe pas\u00a0: Mend le crée au démarrage, il a donc été perdu ou le chemin est erroné.`,
  }),
  cannotBeRead: (path: string, detail: string): Bilingual => ({
    en: `The erasure ledger ${path} (MEND_ERASURE_LEDGER) cannot be read: ${detail}`,
    fr: `Le registre des effacements ${path} (MEND_ERASURE_LEDGER) est illisible\u00a0: ${detail}`,
  }),
  damaged: (path: string, line: number, reason: Bilingual): Bilingual => ({
    en: `The erasure ledger ${path} is damaged at line ${line}: ${reason.en}. Only its last line can have been cut short by a crash: compare the file with its replicated copies.`,
    fr: `Le registre des effacements ${path} est endommagé à la ligne ${line}\u00a0: ${reason.fr}. Seule sa dernière ligne peut avoir été tronquée par un plantage\u00a0: comparez le fichier avec ses copies répliquées.`,
  }),
  markedButNotEntry: {
    en: 'it is marked cut short, but is not the beginning of an entry',
    fr: 'elle est marquée comme tronquée, mais n’est pas le début d’une entrée',
  },
  notJson: { en: 'it is not a JSON line', fr: 'ce n’est pas une ligne JSON' },
  lastNotEntry: { en: 'its last line is not the beginning of an entry', fr: 'sa dernière ligne n’est pas le début d’une entrée' },
  notAnEntry: (detail: string): Bilingual => ({ en: detail, fr: `ce n’est pas une entrée du registre (${detail})` }),
} as const;

export class ErasureLedgerError extends Error {
  override readonly name = 'ErasureLedgerError';
  /** The message in both languages (`message` is the English, for the server's log). */
  readonly texts: Bilingual;
  constructor(
    message: string | Bilingual,
    /** `missing`: no file at the configured path; `unavailable`: it cannot be read or written; `damaged`: a line is not a ledger entry. */
    readonly kind: 'missing' | 'unavailable' | 'damaged' = 'unavailable',
  ) {
    const texts = typeof message === 'string' ? { en: message, fr: message } : message;
    super(texts.en);
    this.texts = texts;
  }
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
      throw new ErasureLedgerError(LEDGER_TEXTS.cannotBeWritten(path, (error as Error).message));
    }
    return new ErasureLedger(path);
  }

  /** Appends one entry and syncs it to disk before returning. */
  append(entry: LedgerEntry): void {
    const parsed = LedgerEntry.safeParse(entry);
    // A defect of the caller (the CLI and the API check who erases first): one line, nothing erased.
    if (!parsed.success) throw new Error(`This erasure cannot be written to the ledger: ${describe(parsed.error)}`);
    const line = `${JSON.stringify(parsed.data)}\n`;
    let fd: number | undefined;
    try {
      fd = openSync(this.path, 'a+', 0o600);
      // After a crash in the middle of an append, the torn line is closed first, with the mark that
      // tells it from damage (the file may be append-only: chattr +a), so this one stands alone.
      writeSync(fd, endsTorn(fd) ? `${TORN_MARK}\n${line}` : line);
      fsyncSync(fd);
    } catch (error) {
      throw new ErasureLedgerError(LEDGER_TEXTS.appendFailed(this.path, (error as Error).message));
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }

  /**
   * Every entry, in order. A crash in the middle of an append leaves the last line cut short (the
   * erasure had not taken effect: the key is destroyed only after the line is synced); it is skipped
   * and reported, as is such a line the next append closed with TORN_MARK. Any other line that is
   * not a ledger entry is damage, and stops the read: skipping it could bring an erased person back.
   */
  static read(path: string): { entries: LedgerEntry[]; tornLines: number[] } {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw new ErasureLedgerError(LEDGER_TEXTS.missing(path), 'missing');
      throw new ErasureLedgerError(LEDGER_TEXTS.cannotBeRead(path, (error as Error).message));
    }
    const damaged = (line: number, reason: Bilingual) => new ErasureLedgerError(LEDGER_TEXTS.damaged(path, line, reason), 'damaged');
    const lines = text.split('\n');
    const last = lines.pop()!;
    const tornLines: number[] = [];
    const entries: LedgerEntry[] = [];
    lines.forEach((line, index) => {
      if (line.endsWith(TORN_MARK)) {
        if (!cutShort(line.slice(0, -TORN_MARK.length))) throw damaged(index + 1, LEDGER_TEXTS.markedButNotEntry);
        tornLines.push(index + 1);
        return;
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch {
        throw damaged(index + 1, LEDGER_TEXTS.notJson);
      }
      const entry = LedgerEntry.safeParse(parsed);
      if (!entry.success) throw damaged(index + 1, LEDGER_TEXTS.notAnEntry(describe(entry.error)));
      entries.push(entry.data);
    });
    if (last.length > 0) {
      if (!cutShort(last)) throw damaged(lines.length + 1, LEDGER_TEXTS.lastNotEntry);
      tornLines.push(lines.length + 1);
    }
    return { entries, tornLines };
  }
}

/** A schema's first complaint, in one line: `actor.id: Too small…`. */
function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''}${issue.message}` : 'not a ledger entry';
}

function endsTorn(fd: number): boolean {
  const size = fstatSync(fd).size;
  if (size === 0) return false;
  const last = Buffer.alloc(1);
  readSync(fd, last, 0, 1, size - 1);
  return last[0] !== 0x0a;
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
export const NO_LEDGER_TEXTS: Bilingual = {
  en: 'WARNING: MEND_ERASURE_LEDGER is not set. Erasures are not recorded outside the data directory, so restoring a backup taken before an erasure would bring the erased person\'s information back. Set MEND_ERASURE_LEDGER to a file outside MEND_DATA_DIR (see docs/operations.md, "Backups and disaster recovery").',
  fr: 'AVERTISSEMENT\u00a0: MEND_ERASURE_LEDGER n’est pas défini. Les effacements ne sont pas consignés hors du répertoire de données\u00a0; restaurer une sauvegarde prise avant un effacement ramènerait donc les renseignements de la personne effacée. Donnez à MEND_ERASURE_LEDGER un fichier hors de MEND_DATA_DIR (voir docs/operations.md, section «\u00a0Backups and disaster recovery\u00a0»).',
};

/** The same, in English: the server's start-up log. */
export const NO_LEDGER_WARNING = NO_LEDGER_TEXTS.en;
