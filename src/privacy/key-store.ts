import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { privateDatabaseFile } from '../security/private-files';

export const KEYS_FILE = 'keys.sqlite';

interface KeyRow {
  key: Buffer;
}

/** Every key and every erasure of a key store, for a backup (the caller encrypts it). */
export interface KeyDump {
  readonly keys: readonly { readonly subjectId: string; readonly key: Buffer; readonly createdAt: number }[];
  readonly erased: readonly { readonly subjectId: string; readonly erasedAt: number }[];
}

/** The key store cannot be reached (PostgreSQL down, a connection lost); the operation may be retried. */
export class KeyStoreUnavailableError extends Error {
  override readonly name = 'KeyStoreUnavailableError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** SQLite's answers that say the file cannot be used now (a full disk, a read-only or locked file), not that a query is wrong. */
const UNAVAILABLE_CODES = /^SQLITE_(FULL|IOERR|READONLY|BUSY|LOCKED|CANTOPEN|NOMEM)/;

/** Runs a read or write of the key file, its file being unusable (a full disk) said as the key store being unavailable: a 503 to retry. */
function reachable<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && UNAVAILABLE_CODES.test(code)) throw new KeyStoreUnavailableError(`The key store cannot be used: ${(error as Error).message}`, { cause: error });
    throw error;
  }
}

/**
 * One AES-256 key per data subject (DESIGN.md §7), and the record of who was erased. Every node
 * that reads a log must read the same keys: SQLite for one node, PostgreSQL for several
 * (PostgresKeyStore). No implementation caches a key in memory, so an erasure takes effect on
 * every node with its next read.
 */
export interface KeyStore {
  /** The subject's key, or undefined once erased (or never created). */
  key(subjectId: string): Promise<Buffer | undefined>;
  /** The keys of several subjects, read together (one read of the store); an erased subject has none. */
  keys(subjectIds: readonly string[]): Promise<ReadonlyMap<string, Buffer>>;
  /** The subject's key, created on first use. Undefined when the subject has been erased. */
  keyFor(subjectId: string): Promise<Buffer | undefined>;
  /** Destroys the subject's key. Returns whether a key existed. Idempotent. */
  erase(subjectId: string): Promise<{ hadKey: boolean; erasedAt: Date }>;
  close(): Promise<void>;
}

/**
 * The keys of a single node, in a file of its own beside the log. Erasing a
 * subject deletes their key — "crypto-shredding" — with SQLite's secure_delete, which overwrites
 * the freed bytes, and a journal that is deleted rather than kept: the key cannot be recovered
 * from the file afterwards. Writes are synchronous (FULL): an event is never stored sealed with a
 * key that a crash could lose.
 */
export class SqliteKeyStore implements KeyStore {
  private readonly db: Database.Database;
  private readonly find: Database.Statement<[string], KeyRow>;
  private readonly insert: Database.Statement<[string, Buffer, number]>;
  private readonly erasedAt: Database.Statement<[string], { erased_at: number }>;
  private readonly keyOrErasure: Database.Statement<[string, string], { key: Buffer | null; erased: number | null }>;

  constructor(filename: string, private readonly now: () => number = Date.now) {
    privateDatabaseFile(filename);
    this.db = new Database(filename);
    this.db.pragma('journal_mode = DELETE');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('secure_delete = ON');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS subject_keys (subject_id TEXT PRIMARY KEY, key BLOB NOT NULL, created_at INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS erased_subjects (subject_id TEXT PRIMARY KEY, erased_at INTEGER NOT NULL);
    `);
    this.find = this.db.prepare('SELECT key FROM subject_keys WHERE subject_id = ?');
    this.insert = this.db.prepare('INSERT OR IGNORE INTO subject_keys (subject_id, key, created_at) VALUES (?, ?, ?)');
    this.erasedAt = this.db.prepare('SELECT erased_at FROM erased_subjects WHERE subject_id = ?');
    // One statement, so one lock of the file and one check that it changed: a command seals with this on every event.
    this.keyOrErasure = this.db.prepare(
      'SELECT (SELECT key FROM subject_keys WHERE subject_id = ?) AS key, (SELECT 1 FROM erased_subjects WHERE subject_id = ?) AS erased',
    );
  }

  async key(subjectId: string): Promise<Buffer | undefined> {
    return reachable(() => this.find.get(subjectId)?.key);
  }

  async keys(subjectIds: readonly string[]): Promise<ReadonlyMap<string, Buffer>> {
    // One read transaction: the file is locked and checked once, not once per key (a fifth of the time per key).
    return reachable(() =>
      this.db.transaction(() => {
        const found = new Map<string, Buffer>();
        for (const subjectId of subjectIds) {
          const key = this.find.get(subjectId)?.key;
          if (key) found.set(subjectId, key);
        }
        return found;
      })(),
    );
  }

  async keyFor(subjectId: string): Promise<Buffer | undefined> {
    return reachable(() => {
      const found = this.keyOrErasure.get(subjectId, subjectId)!;
      if (found.erased) return undefined;
      if (found.key) return found.key;
      this.insert.run(subjectId, randomBytes(32), this.now());
      return this.find.get(subjectId)?.key;
    });
  }

  async erase(subjectId: string): Promise<{ hadKey: boolean; erasedAt: Date }> {
    const at = this.now();
    return reachable(() => {
      const hadKey = this.db
        .transaction(() => {
          const deleted = this.db.prepare('DELETE FROM subject_keys WHERE subject_id = ?').run(subjectId).changes > 0;
          this.db.prepare('INSERT OR IGNORE INTO erased_subjects (subject_id, erased_at) VALUES (?, ?)').run(subjectId, at);
          return deleted;
        })
        .immediate();
      return { hadKey, erasedAt: new Date(this.erasedAt.get(subjectId)?.erased_at ?? at) };
    });
  }

  /** Every key and erasure, read in one transaction (a consistent state while Mend writes). */
  dump(): KeyDump {
    return this.db.transaction(() => ({
      keys: this.db
        .prepare<[], { subject_id: string; key: Buffer; created_at: number }>('SELECT subject_id, key, created_at FROM subject_keys ORDER BY subject_id')
        .all()
        .map((r) => ({ subjectId: r.subject_id, key: r.key, createdAt: r.created_at })),
      erased: this.db
        .prepare<[], { subject_id: string; erased_at: number }>('SELECT subject_id, erased_at FROM erased_subjects ORDER BY subject_id')
        .all()
        .map((r) => ({ subjectId: r.subject_id, erasedAt: r.erased_at })),
    }))();
  }

  /** Loads a dump into this (empty) store, in one transaction: a restore. */
  load(dump: KeyDump): void {
    const key = this.db.prepare('INSERT INTO subject_keys (subject_id, key, created_at) VALUES (?, ?, ?)');
    const erased = this.db.prepare('INSERT INTO erased_subjects (subject_id, erased_at) VALUES (?, ?)');
    this.db.transaction(() => {
      if (this.db.prepare('SELECT 1 FROM subject_keys UNION ALL SELECT 1 FROM erased_subjects LIMIT 1').get()) {
        throw new Error('The key store is not empty: a dump loads only into an empty one');
      }
      for (const k of dump.keys) key.run(k.subjectId, k.key, k.createdAt);
      for (const e of dump.erased) erased.run(e.subjectId, e.erasedAt);
    })();
  }

  async close(): Promise<void> {
    this.closeSync();
  }

  /** For the synchronous backup and restore code, which opens the file beside a running node. */
  closeSync(): void {
    if (this.db.open) this.db.close();
  }
}
