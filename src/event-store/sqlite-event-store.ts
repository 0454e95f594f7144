import Database from 'better-sqlite3';
import {
  DuplicateEventIdError,
  EventStoreUnavailableError,
  StreamNotFoundError,
  WrongExpectedRevisionError,
  type AllSubscription,
  type AppendResult,
  type EventStore,
  type EventToAppend,
  type ExpectedRevision,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeAllOptions,
} from './event-store';
import { privateDatabaseFile } from '../security/private-files';
import { StreamHeads } from './stream-heads';

/**
 * How a commit reaches the disk (SQLite's `synchronous` pragma in WAL mode):
 * - `full`: every commit is synced; an acknowledged append survives power loss.
 * - `normal`: the WAL is synced at checkpoints only; an acknowledged append survives a crash of
 *   the process, but the last commits can be lost on power loss or an OS crash.
 */
export type SqliteDurability = 'full' | 'normal';

export interface SqliteEventStoreOptions {
  /** A file path, or ':memory:' for a private in-process store. */
  readonly filename: string;
  readonly durability?: SqliteDurability;
  /** The store's clock, for `recordedAt`. */
  readonly now?: () => number;
  /**
   * How often a live subscription looks for events appended by another process (appends in this
   * process wake subscriptions at once).
   */
  readonly pollIntervalMs?: number;
  /**
   * The least time between two wakes of the live subscriptions by this store's commits. The first
   * commit after a quiet spell wakes them at once; commits closer together than this are woken
   * together, so that under a steady load each subscription reads, and each projection writes, one
   * batch for several commits instead of one per commit. 0 (the default) wakes them at every
   * commit; a server takes `MEND_SQLITE_WAKE_MS`.
   */
  readonly wakeIntervalMs?: number;
}

interface EventRow {
  position: number;
  id: string;
  stream_id: string;
  revision: number;
  type: string;
  data: string;
  metadata: string;
  recorded_at: number;
}

interface PendingAppend {
  readonly streamId: string;
  readonly events: readonly EventToAppend[];
  readonly expectedRevision: ExpectedRevision;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS events (
    position    INTEGER PRIMARY KEY,
    id          TEXT    NOT NULL UNIQUE,
    stream_id   TEXT    NOT NULL,
    revision    INTEGER NOT NULL CHECK (revision >= 0),
    type        TEXT    NOT NULL,
    data        TEXT    NOT NULL,
    metadata    TEXT    NOT NULL,
    recorded_at INTEGER NOT NULL,
    UNIQUE (stream_id, revision)
  );
`;

const UNLIMITED = -1;

interface SubscriptionCursor {
  position: number;
  readonly maxBatchSize: number;
  closed: boolean;
  wake?: (() => void) | undefined;
}

/**
 * The embedded event store (DESIGN.md §3): one `events` table in a SQLite file in WAL mode.
 *
 * Appends use group commit: every append requested in the same turn of the event loop joins one
 * transaction, so concurrent requests share one disk sync. Each append runs in its own savepoint,
 * checked against its own expected revision, and fails alone.
 */
export class SqliteEventStore implements EventStore {
  readonly engine = 'sqlite' as const;
  private readonly db: Database.Database;
  private readonly now: () => number;
  private readonly pollIntervalMs: number;
  private pending: PendingAppend[] = [];
  private flushScheduled = false;
  /** Commits made by this store, so that a page read before one is not shared after it. */
  private commits = 0;
  private sharedPage?: { readonly position: number; readonly maxCount: number; readonly commits: number; readonly events: readonly RecordedEvent[] };
  private readonly wakers = new Set<() => void>();
  private readonly wakeIntervalMs: number;
  private lastWake = Number.NEGATIVE_INFINITY;
  private wakeTimer?: NodeJS.Timeout | undefined;
  private readonly subscriptions = new Set<{ close(): Promise<void> }>();
  private closed = false;

  private readonly statements: ReturnType<SqliteEventStore['prepare']>;
  private readonly heads: StreamHeads;
  private readonly appendOne: (request: PendingAppend) => AppendResult;
  private readonly commitBatch: (batch: readonly PendingAppend[]) => (AppendResult | { error: unknown })[];

  constructor(options: SqliteEventStoreOptions) {
    privateDatabaseFile(options.filename);
    this.db = new Database(options.filename);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${options.durability === 'normal' ? 'NORMAL' : 'FULL'}`);
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    this.now = options.now ?? Date.now;
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
    this.wakeIntervalMs = options.wakeIntervalMs ?? 0;
    this.statements = this.prepare();
    const dataVersion = this.db.prepare<[], number>('PRAGMA data_version').pluck();
    this.heads = new StreamHeads(() => dataVersion.get()!);
    // Nested transactions become savepoints: one failing append rolls back alone.
    this.appendOne = this.db.transaction((request: PendingAppend) => this.appendInTransaction(request));
    const commit = this.db.transaction((batch: readonly PendingAppend[]) =>
      batch.map((request) => {
        try {
          return this.appendOne(request);
        } catch (error) {
          return { error };
        }
      }),
    );
    this.commitBatch = (batch) => commit.immediate(batch);
  }

  private prepare() {
    const db = this.db;
    return {
      lastRevision: db.prepare<[string], { revision: number }>(
        'SELECT revision FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1',
      ),
      findId: db.prepare<[string], { stream_id: string; revision: number; position: number }>(
        'SELECT stream_id, revision, position FROM events WHERE id = ?',
      ),
      insert: db.prepare<[string, string, number, string, string, string, number]>(
        'INSERT INTO events (id, stream_id, revision, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      streamForwards: db.prepare<[string, number, number, number], EventRow>(
        'SELECT * FROM events WHERE stream_id = ? AND revision >= ? AND position <= ? ORDER BY revision ASC LIMIT ?',
      ),
      streamBackwards: db.prepare<[string, number, number, number], EventRow>(
        'SELECT * FROM events WHERE stream_id = ? AND revision <= ? AND position <= ? ORDER BY revision DESC LIMIT ?',
      ),
      streamExists: db.prepare<[string], { one: number }>('SELECT 1 AS one FROM events WHERE stream_id = ? LIMIT 1'),
      allForwards: db.prepare<[number, number], EventRow>(
        'SELECT * FROM events WHERE position >= ? ORDER BY position ASC LIMIT ?',
      ),
      allBackwards: db.prepare<[number, number], EventRow>(
        'SELECT * FROM events WHERE position <= ? ORDER BY position DESC LIMIT ?',
      ),
      after: db.prepare<[number, number], EventRow>('SELECT * FROM events WHERE position > ? ORDER BY position ASC LIMIT ?'),
      head: db.prepare<[], { position: number | null }>('SELECT MAX(position) AS position FROM events'),
    };
  }

  append(
    streamId: string,
    events: readonly EventToAppend[],
    options: { readonly expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new EventStoreUnavailableError('The event store is closed'));
    return new Promise<AppendResult>((resolve, reject) => {
      this.pending.push({ streamId, events, expectedRevision: options.expectedRevision, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.flushScheduled = false;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    let outcomes: (AppendResult | { error: unknown })[];
    try {
      outcomes = this.commitBatch(batch);
      this.heads.committed();
    } catch (error) {
      this.heads.rolledBack();
      const failure = new EventStoreUnavailableError(`The append could not be committed: ${(error as Error).message}`, {
        cause: error,
      });
      for (const request of batch) request.reject(failure);
      return;
    }
    this.commits += 1;
    batch.forEach((request, i) => {
      const outcome = outcomes[i]!;
      if ('error' in outcome) request.reject(outcome.error);
      else request.resolve(outcome);
    });
    this.wakeSubscriptions();
  }

  hurrySubscriptions(): void {
    if (!this.wakeTimer) return;
    clearTimeout(this.wakeTimer);
    this.wakeTimer = undefined;
    this.wakeNow();
  }

  private wakeSubscriptions(): void {
    if (this.wakeTimer) return;
    const wait = this.lastWake + this.wakeIntervalMs - performance.now();
    if (wait > 0) {
      this.wakeTimer = setTimeout(() => {
        this.wakeTimer = undefined;
        this.wakeSubscriptions();
      }, wait);
      return;
    }
    this.wakeNow();
  }

  private wakeNow(): void {
    this.lastWake = performance.now();
    for (const wake of this.wakers) wake();
  }

  private appendInTransaction(request: PendingAppend): AppendResult {
    const { streamId, events, expectedRevision } = request;
    const last = this.statements.lastRevision.get(streamId)?.revision;
    const first = events[0];
    if (first) {
      const stored = this.statements.findId.get(first.id);
      if (stored) return this.idempotentResult(streamId, events, stored);
    }
    const actual = last ?? 'no_stream';
    const ok =
      expectedRevision === 'any' ||
      (expectedRevision === 'no_stream' && last === undefined) ||
      (expectedRevision === 'stream_exists' && last !== undefined) ||
      (typeof expectedRevision === 'number' && expectedRevision === last);
    if (!ok) throw new WrongExpectedRevisionError(streamId, expectedRevision, actual);
    let revision = last ?? -1;
    let position = 0;
    const recordedAt = this.now();
    for (const event of events) {
      revision += 1;
      try {
        const info = this.statements.insert.run(
          event.id,
          streamId,
          revision,
          event.type,
          JSON.stringify(event.data ?? null),
          JSON.stringify(event.metadata ?? {}),
          recordedAt,
        );
        position = Number(info.lastInsertRowid);
      } catch (error) {
        if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
          throw new DuplicateEventIdError(streamId, event.id);
        }
        throw error;
      }
    }
    if (events.length === 0) {
      if (last === undefined) return { nextExpectedRevision: -1, position: 0 };
      position = this.statements.streamBackwards.get(streamId, last, Number.MAX_SAFE_INTEGER, 1)?.position ?? 0;
    } else {
      this.heads.appended(streamId, revision);
    }
    return { nextExpectedRevision: revision, position };
  }

  /** The same ids appended again: a no-op when they are exactly the events already stored. */
  private idempotentResult(
    streamId: string,
    events: readonly EventToAppend[],
    first: { stream_id: string; revision: number; position: number },
  ): AppendResult {
    if (first.stream_id !== streamId) throw new DuplicateEventIdError(streamId, events[0]!.id);
    let result: AppendResult = { nextExpectedRevision: first.revision, position: first.position };
    for (let i = 1; i < events.length; i++) {
      const stored = this.statements.findId.get(events[i]!.id);
      if (!stored || stored.stream_id !== streamId || stored.revision !== first.revision + i) {
        throw new DuplicateEventIdError(streamId, events[i]!.id);
      }
      result = { nextExpectedRevision: stored.revision, position: stored.position };
    }
    return result;
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const backwards = options.direction === 'backwards';
    // Forwards from past the head this connection wrote, nobody else having committed since: nothing.
    if (!backwards && options.fromRevision !== undefined && options.fromRevision > (this.heads.head(streamId) ?? Infinity)) return [];
    const from = options.fromRevision ?? (backwards ? Number.MAX_SAFE_INTEGER : 0);
    const to = options.toPosition ?? Number.MAX_SAFE_INTEGER;
    const limit = options.maxCount ?? UNLIMITED;
    const statement = backwards ? this.statements.streamBackwards : this.statements.streamForwards;
    const rows = statement.all(streamId, from, to, limit);
    if (rows.length === 0 && !this.statements.streamExists.get(streamId)) throw new StreamNotFoundError(streamId);
    return rows.map(toRecorded);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const limit = options.maxCount ?? UNLIMITED;
    if (options.direction === 'backwards') {
      return this.statements.allBackwards.all(options.fromPosition ?? Number.MAX_SAFE_INTEGER, limit).map(toRecorded);
    }
    return this.statements.allForwards.all(options.fromPosition ?? 0, limit).map(toRecorded);
  }

  /**
   * Events after a position, for subscriptions and the projection runner's catch-up. A commit wakes
   * every live subscription at once, and those at the same position read the same page: within one
   * turn of the event loop, they share one read (and one decoded array of events, which no reader
   * changes). A page shared so is never longer than what the log held when it was read.
   */
  readAfter(position: number, maxCount: number): readonly RecordedEvent[] {
    this.assertOpen();
    const shared = this.sharedPage;
    if (shared && shared.position === position && shared.maxCount === maxCount && shared.commits === this.commits) return shared.events;
    const events = this.statements.after.all(position, maxCount).map(toRecorded);
    if (this.sharedPage === undefined) setImmediate(() => (this.sharedPage = undefined));
    this.sharedPage = { position, maxCount, commits: this.commits, events };
    return events;
  }

  async headPosition(): Promise<number> {
    this.assertOpen();
    return this.statements.head.get()?.position ?? 0;
  }

  subscribeAll(options: SubscribeAllOptions = {}): AllSubscription {
    this.assertOpen();
    const from = options.fromPosition ?? 'start';
    const cursor: SubscriptionCursor = {
      position: from === 'start' ? 0 : from === 'end' ? (this.statements.head.get()?.position ?? 0) : from,
      maxBatchSize: options.maxBatchSize ?? 500,
      closed: false,
    };
    const subscription: AllSubscription = {
      [Symbol.asyncIterator]: () => this.batches(cursor, subscription),
      close: async () => {
        cursor.closed = true;
        cursor.wake?.();
        this.subscriptions.delete(subscription);
      },
    };
    this.subscriptions.add(subscription);
    return subscription;
  }

  private async *batches(cursor: SubscriptionCursor, subscription: AllSubscription): AsyncGenerator<readonly RecordedEvent[]> {
    const waker = () => cursor.wake?.();
    this.wakers.add(waker);
    try {
      while (!cursor.closed && !this.closed) {
        const batch = this.readAfter(cursor.position, cursor.maxBatchSize);
        if (batch.length > 0) {
          cursor.position = batch[batch.length - 1]!.position;
          yield batch;
          continue;
        }
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.pollIntervalMs);
          cursor.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        cursor.wake = undefined;
      }
    } finally {
      this.wakers.delete(waker);
      this.subscriptions.delete(subscription);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    // Let appends already requested commit before the file closes.
    if (this.pending.length > 0) this.flush();
    this.closed = true;
    clearTimeout(this.wakeTimer);
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    for (const wake of this.wakers) wake();
    this.db.close();
  }

  private assertOpen(): void {
    if (this.closed) throw new EventStoreUnavailableError('The event store is closed');
  }
}

function toRecorded(row: EventRow): RecordedEvent {
  return {
    id: row.id,
    streamId: row.stream_id,
    type: row.type,
    data: JSON.parse(row.data) as unknown,
    metadata: JSON.parse(row.metadata) as Record<string, unknown>,
    revision: row.revision,
    position: row.position,
    recordedAt: new Date(row.recorded_at).toISOString(),
  };
}
