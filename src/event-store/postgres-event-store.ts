import { Client, DatabaseError, Pool, type PoolConfig, type QueryResultRow } from 'pg';
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
import { isRefusal, isTransient, LOCK_NAMESPACE, migrate, pooledQuery, qualified } from './postgres-schema';

export interface PostgresEventStoreOptions {
  /** `postgres://user:password@host:port/database?sslmode=verify-full`, as libpq and `pg` read it. */
  readonly connectionString: string;
  /** The schema that holds Mend's tables (created when missing). Default `mend`. */
  readonly schema?: string;
  /** The store's clock, for `recordedAt`. */
  readonly now?: () => number;
  /** Connections in the pool. Default 10. */
  readonly poolSize?: number;
  /**
   * A live subscription is woken by NOTIFY when any node appends; this is only the safety net for
   * a notification lost while the listening connection reconnects. Default 5 s.
   */
  readonly pollIntervalMs?: number;
}

/** The channel every append notifies on commit, with its last position as payload. */
export const APPEND_CHANNEL = 'mend_events';

/** 2: `mend_append_batch` (group commit); `mend_append` stays for nodes of the previous version. */
const SCHEMA_VERSION = 2;

/** The most appends, events and JSON characters one group-commit transaction takes (an append larger than that goes alone). */
const MAX_BATCH_APPENDS = 200;
const MAX_BATCH_EVENTS = 5_000;
const MAX_BATCH_CHARS = 16 * 1024 * 1024;

interface PendingAppend {
  readonly streamId: string;
  readonly events: readonly EventToAppend[];
  readonly expectedRevision: ExpectedRevision;
  readonly recordedAt: Date;
  /** Data and metadata as JSON text, serialised when the append is made: a value that cannot be fails that append alone. */
  readonly data: readonly string[];
  readonly metadata: readonly string[];
  readonly chars: number;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

interface BatchRow {
  next_expected_revision: string | null;
  last_position: string | null;
  error_code: string | null;
  error_detail: string | null;
}

interface EventRow {
  position: string;
  id: string;
  stream_id: string;
  revision: string;
  type: string;
  data: unknown;
  metadata: Record<string, unknown>;
  recorded_at: Date;
}

/** The columns of mend_events as nulls, for the marker row of readStream. */
const MARKER_COLUMNS = 'NULL::bigint, NULL::text, NULL::text, NULL::bigint, NULL::text, NULL::json, NULL::json, NULL::timestamptz';

const WRONG_EXPECTED_REVISION = 'MEWER';
const DUPLICATE_EVENT_ID = 'MEDUP';

function ddl(schema: string): string {
  const events = qualified(schema, 'mend_events');
  return `
    CREATE TABLE IF NOT EXISTS ${events} (
      position    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      id          text        NOT NULL UNIQUE,
      stream_id   text        NOT NULL,
      revision    bigint      NOT NULL CHECK (revision >= 0),
      type        text        NOT NULL,
      data        json        NOT NULL,
      metadata    json        NOT NULL,
      recorded_at timestamptz NOT NULL,
      UNIQUE (stream_id, revision)
    );

    -- One append, one round trip (the store now appends through mend_append_batch below; this one
    -- stays for nodes of the previous version during a rolling upgrade). Appends take turns on a transaction lock, so positions are drawn
    -- in commit order: a reader that sees position N has seen, or will never see, every position
    -- below N. Without it, a transaction that drew position 5 may commit after one that drew 6, and
    -- a subscriber that moved its checkpoint to 6 would skip 5 forever.
    CREATE OR REPLACE FUNCTION ${qualified(schema, 'mend_append')}(
      p_stream text, p_expected text, p_ids text[], p_types text[], p_data text[], p_metadata text[], p_recorded_at timestamptz
    ) RETURNS TABLE (next_expected_revision bigint, last_position bigint)
    LANGUAGE plpgsql AS $fn$
    DECLARE
      v_last bigint;
      v_first record;
      v_stored record;
      v_count int := coalesce(array_length(p_ids, 1), 0);
      v_position bigint;
    BEGIN
      -- Checked twice: first without the lock, so a conflict or a re-append (the committed state
      -- only grows, so either answer stays true) does not queue behind other appends; then under it.
      FOR v_attempt IN 1..2 LOOP
        IF v_attempt = 2 THEN
          PERFORM pg_advisory_xact_lock(${LOCK_NAMESPACE}, hashtext('${schema}.append'));
        END IF;
        IF v_count > 0 THEN
          SELECT e.stream_id, e.revision, e.position INTO v_first FROM ${events} e WHERE e.id = p_ids[1];
          IF FOUND THEN
            -- The same ids again: a no-op when they are exactly the events already stored.
            IF v_first.stream_id <> p_stream THEN
              RAISE EXCEPTION USING ERRCODE = '${DUPLICATE_EVENT_ID}', MESSAGE = p_ids[1];
            END IF;
            v_stored := v_first;
            FOR i IN 2..v_count LOOP
              SELECT e.stream_id, e.revision, e.position INTO v_stored FROM ${events} e WHERE e.id = p_ids[i];
              IF NOT FOUND OR v_stored.stream_id <> p_stream OR v_stored.revision <> v_first.revision + i - 1 THEN
                RAISE EXCEPTION USING ERRCODE = '${DUPLICATE_EVENT_ID}', MESSAGE = p_ids[i];
              END IF;
            END LOOP;
            RETURN QUERY SELECT v_stored.revision, v_stored.position;
            RETURN;
          END IF;
        END IF;
        v_last := NULL;
        SELECT e.revision INTO v_last FROM ${events} e WHERE e.stream_id = p_stream ORDER BY e.revision DESC LIMIT 1;
        IF NOT (p_expected = 'any'
            OR (p_expected = 'no_stream' AND v_last IS NULL)
            OR (p_expected = 'stream_exists' AND v_last IS NOT NULL)
            OR (p_expected ~ '^[0-9]+$' AND v_last IS NOT NULL AND v_last = p_expected::bigint)) THEN
          RAISE EXCEPTION USING ERRCODE = '${WRONG_EXPECTED_REVISION}', MESSAGE = coalesce(v_last::text, 'no_stream');
        END IF;
      END LOOP;
      IF v_count = 0 THEN
        RETURN QUERY SELECT coalesce(v_last, -1),
          coalesce((SELECT e.position FROM ${events} e WHERE e.stream_id = p_stream AND e.revision = v_last), 0);
        RETURN;
      END IF;
      WITH inserted AS (
        INSERT INTO ${events} (id, stream_id, revision, type, data, metadata, recorded_at)
        SELECT u.id, p_stream, coalesce(v_last, -1) + u.n, u.type, u.data::json, u.metadata::json, p_recorded_at
        FROM unnest(p_ids, p_types, p_data, p_metadata) WITH ORDINALITY AS u(id, type, data, metadata, n)
        ORDER BY u.n
        RETURNING position
      )
      SELECT max(position) INTO v_position FROM inserted;
      PERFORM pg_notify('${APPEND_CHANNEL}', v_position::text);
      RETURN QUERY SELECT coalesce(v_last, -1) + v_count, v_position;
    END
    $fn$;

    -- Group commit: the appends a node has queued while its previous transaction was in flight, in
    -- one call and one transaction. The lock is taken once, before anything is read, and held to
    -- commit, so positions still follow commit order. Each append is checked and inserted in turn,
    -- in array order (a later append sees the rows of an earlier one, so two appends to one stream
    -- with expected revisions in sequence both land); an append whose check fails gets its error
    -- in its own result row (error_code, error_detail) and writes nothing, while the others land.
    -- The checks run before the insert, so an insert can only fail on what they do not cover (an
    -- id repeated inside one append, a later id of an append already stored): the statement then
    -- fails as a whole, nothing is written, and the node retries each append alone.
    -- One NOTIFY per call, with the last position written.
    CREATE OR REPLACE FUNCTION ${qualified(schema, 'mend_append_batch')}(
      p_streams text[], p_expected text[], p_counts int[], p_recorded_at timestamptz[],
      p_ids text[], p_types text[], p_data text[], p_metadata text[]
    ) RETURNS TABLE (next_expected_revision bigint, last_position bigint, error_code text, error_detail text)
    LANGUAGE plpgsql AS $fn$
    DECLARE
      v_from int;
      v_to int := 0;
      v_count int;
      v_stream text;
      v_expected text;
      v_last bigint;
      v_first record;
      v_stored record;
      v_position bigint;
      v_notify bigint;
    BEGIN
      PERFORM pg_advisory_xact_lock(${LOCK_NAMESPACE}, hashtext('${schema}.append'));
      FOR i IN 1..coalesce(array_length(p_streams, 1), 0) LOOP
        v_count := p_counts[i];
        v_from := v_to + 1;
        v_to := v_to + v_count;
        v_stream := p_streams[i];
        v_expected := p_expected[i];
        next_expected_revision := NULL;
        last_position := NULL;
        error_code := NULL;
        error_detail := NULL;
        IF v_count > 0 THEN
          SELECT e.stream_id, e.revision, e.position INTO v_first FROM ${events} e WHERE e.id = p_ids[v_from];
          IF FOUND THEN
            -- The same ids again: a no-op when they are exactly the events already stored.
            IF v_first.stream_id <> v_stream THEN
              error_code := '${DUPLICATE_EVENT_ID}';
              error_detail := p_ids[v_from];
            ELSE
              v_stored := v_first;
              FOR j IN 2..v_count LOOP
                SELECT e.stream_id, e.revision, e.position INTO v_stored FROM ${events} e WHERE e.id = p_ids[v_from + j - 1];
                IF NOT FOUND OR v_stored.stream_id <> v_stream OR v_stored.revision <> v_first.revision + j - 1 THEN
                  error_code := '${DUPLICATE_EVENT_ID}';
                  error_detail := p_ids[v_from + j - 1];
                  EXIT;
                END IF;
              END LOOP;
              IF error_code IS NULL THEN
                next_expected_revision := v_stored.revision;
                last_position := v_stored.position;
              END IF;
            END IF;
            RETURN NEXT;
            CONTINUE;
          END IF;
        END IF;
        v_last := NULL;
        SELECT e.revision INTO v_last FROM ${events} e WHERE e.stream_id = v_stream ORDER BY e.revision DESC LIMIT 1;
        IF NOT (v_expected = 'any'
            OR (v_expected = 'no_stream' AND v_last IS NULL)
            OR (v_expected = 'stream_exists' AND v_last IS NOT NULL)
            OR (v_expected ~ '^[0-9]+$' AND v_last IS NOT NULL AND v_last = v_expected::bigint)) THEN
          error_code := '${WRONG_EXPECTED_REVISION}';
          error_detail := coalesce(v_last::text, 'no_stream');
        ELSIF v_count = 0 THEN
          next_expected_revision := coalesce(v_last, -1);
          last_position := coalesce((SELECT e.position FROM ${events} e WHERE e.stream_id = v_stream AND e.revision = v_last), 0);
        ELSE
          WITH inserted AS (
            INSERT INTO ${events} (id, stream_id, revision, type, data, metadata, recorded_at)
            SELECT u.id, v_stream, coalesce(v_last, -1) + u.n, u.type, u.data::json, u.metadata::json, p_recorded_at[i]
            FROM unnest(p_ids[v_from:v_to], p_types[v_from:v_to], p_data[v_from:v_to], p_metadata[v_from:v_to])
              WITH ORDINALITY AS u(id, type, data, metadata, n)
            ORDER BY u.n
            RETURNING position
          )
          SELECT max(position) INTO v_position FROM inserted;
          v_notify := v_position;
          next_expected_revision := coalesce(v_last, -1) + v_count;
          last_position := v_position;
        END IF;
        RETURN NEXT;
      END LOOP;
      IF v_notify IS NOT NULL THEN
        PERFORM pg_notify('${APPEND_CHANNEL}', v_notify::text);
      END IF;
    END
    $fn$;
  `;
}

interface Cursor {
  position: number;
  readonly maxBatchSize: number;
  closed: boolean;
  wake?: (() => void) | undefined;
}

/**
 * The event store on PostgreSQL (DESIGN.md §3): one `mend_events` table that several Mend nodes
 * share. Appends are serialised by a transaction-level advisory lock, so global positions follow
 * commit order and subscriptions can read `position > checkpoint` without skipping anything in
 * flight; live subscriptions wake on LISTEN/NOTIFY, one listening connection per process.
 */
export class PostgresEventStore implements EventStore {
  readonly engine = 'postgres' as const;
  private readonly pool: Pool;
  private readonly schema: string;
  private readonly events: string;
  private readonly appendBatchFn: string;
  private readonly now: () => number;
  private readonly pollIntervalMs: number;
  private readonly wakers = new Set<() => void>();
  private readonly subscriptions = new Set<AllSubscription>();
  private listener: Client | undefined;
  private listenerUp = false;
  private listening: Promise<void> | undefined;
  private closed = false;
  /** Appends waiting for the next group-commit transaction, in arrival order. */
  private queue: PendingAppend[] = [];
  /** The loop that commits the queue, one transaction at a time, while it is not empty. */
  private draining: Promise<void> | undefined;

  private constructor(private readonly options: PostgresEventStoreOptions) {
    this.schema = options.schema ?? 'mend';
    this.events = qualified(this.schema, 'mend_events');
    this.appendBatchFn = qualified(this.schema, 'mend_append_batch');
    this.now = options.now ?? Date.now;
    this.pollIntervalMs = options.pollIntervalMs ?? 5_000;
    this.pool = new Pool(poolConfig(options.connectionString, options.poolSize ?? 10));
    // An idle connection that the server closes must not crash the process; the next query reconnects.
    this.pool.on('error', () => undefined);
  }

  /** Connects, creates or upgrades the schema, and returns the open store. */
  static async open(options: PostgresEventStoreOptions): Promise<PostgresEventStore> {
    const store = new PostgresEventStore(options);
    try {
      await migrate(store.pool, store.schema, 'event-store', SCHEMA_VERSION, ddl(store.schema));
    } catch (error) {
      await store.pool.end().catch(() => undefined);
      // A refusal (the role, the database) is the configuration's to fix: said as PostgreSQL says it.
      throw isRefusal(error) ? error : unavailable('The PostgreSQL event store could not be opened', error);
    }
    return store;
  }

  /**
   * Group commit: an append joins the queue; while a transaction of this node is in flight, the
   * appends that arrive wait for the next one, which carries them all (`mend_append_batch`: one
   * round trip, the lock taken once, one NOTIFY, one commit). Each append is checked on its own
   * and gets its own result or its own error; it resolves only once its transaction has committed.
   */
  append(
    streamId: string,
    events: readonly EventToAppend[],
    options: { readonly expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new EventStoreUnavailableError('The event store is closed'));
    return new Promise<AppendResult>((resolve, reject) => {
      const data = events.map((e) => JSON.stringify(e.data ?? null));
      const metadata = events.map((e) => JSON.stringify(e.metadata ?? {}));
      const chars = [...data, ...metadata].reduce((sum, text) => sum + (text?.length ?? 0), 0);
      const recordedAt = new Date(this.now());
      this.queue.push({ streamId, events, expectedRevision: options.expectedRevision, recordedAt, data, metadata, chars, resolve, reject });
      // The first append of an idle node waits one turn of the event loop for the others of that turn.
      this.draining ??= new Promise<void>((start) => setImmediate(start)).then(() => this.drain());
    });
  }

  /** Commits the queue, one transaction at a time, until it is empty. */
  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) await this.commit(this.takeBatch());
    } finally {
      this.draining = undefined;
    }
  }

  private takeBatch(): PendingAppend[] {
    let appends = 0;
    let events = 0;
    let chars = 0;
    while (appends < this.queue.length && appends < MAX_BATCH_APPENDS) {
      const next = this.queue[appends]!;
      if (appends > 0 && (events + next.events.length > MAX_BATCH_EVENTS || chars + next.chars > MAX_BATCH_CHARS)) break;
      appends++;
      events += next.events.length;
      chars += next.chars;
    }
    return this.queue.splice(0, appends);
  }

  /** One transaction for the batch; every append settles. */
  private async commit(batch: readonly PendingAppend[]): Promise<void> {
    let rows: BatchRow[];
    try {
      rows = await pooledQuery<BatchRow>(
        this.pool,
        `SELECT next_expected_revision, last_position, error_code, error_detail FROM ${this.appendBatchFn}($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          batch.map((a) => a.streamId),
          batch.map((a) => String(a.expectedRevision)),
          batch.map((a) => a.events.length),
          batch.map((a) => a.recordedAt),
          batch.flatMap((a) => a.events.map((e) => e.id)),
          batch.flatMap((a) => a.events.map((e) => e.type)),
          batch.flatMap((a) => a.data),
          batch.flatMap((a) => a.metadata),
        ],
      );
    } catch (error) {
      if (batch.length > 1 && error instanceof DatabaseError && !isTransient(error)) {
        // The server refused the statement as a whole, so nothing of it was written: one append
        // the function's checks do not cover (an id repeated inside it) must fail alone. Each
        // append again in a transaction of its own, in the same order, meets only its own error.
        for (const request of batch) await this.commit([request]);
        return;
      }
      for (const request of batch) request.reject(this.appendError(request, error));
      return;
    }
    batch.forEach((request, i) => {
      const row = rows[i];
      if (!row) request.reject(this.appendError(request, new Error(`mend_append_batch returned ${rows.length} rows for ${batch.length} appends`)));
      else if (row.error_code === WRONG_EXPECTED_REVISION) {
        const actual = row.error_detail === 'no_stream' ? 'no_stream' : Number(row.error_detail);
        request.reject(new WrongExpectedRevisionError(request.streamId, request.expectedRevision, actual));
      } else if (row.error_code === DUPLICATE_EVENT_ID) request.reject(new DuplicateEventIdError(request.streamId, row.error_detail ?? ''));
      else request.resolve({ nextExpectedRevision: Number(row.next_expected_revision), position: Number(row.last_position) });
    });
  }

  private appendError(request: PendingAppend, error: unknown): Error {
    if ((error as { code?: string }).code === '23505') {
      // An id repeated inside one append, or stored since by a writer that bypasses the functions.
      const id = /Key \(id\)=\((.*)\)/.exec((error as { detail?: string }).detail ?? '')?.[1];
      if (id) return new DuplicateEventIdError(request.streamId, id);
    }
    return this.mapError('append', error);
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision ?? (backwards ? Number.MAX_SAFE_INTEGER : 0);
    const to = options.toPosition ?? Number.MAX_SAFE_INTEGER;
    // One statement, one snapshot: the page, or a marker row saying whether the stream exists.
    const rows = await this.query<EventRow & { missing: boolean | null }>(
      `WITH page AS (
         SELECT * FROM ${this.events} WHERE stream_id = $1 AND revision ${backwards ? '<=' : '>='} $2 AND position <= $3
         ORDER BY revision ${backwards ? 'DESC' : 'ASC'} LIMIT $4
       )
       SELECT page.*, NULL::boolean AS missing FROM page
       UNION ALL
       SELECT ${MARKER_COLUMNS}, NOT EXISTS (SELECT 1 FROM ${this.events} WHERE stream_id = $1)
       WHERE NOT EXISTS (SELECT 1 FROM page)`,
      [streamId, from, to, options.maxCount ?? null],
    );
    if (rows[0]?.missing) throw new StreamNotFoundError(streamId);
    return rows.filter((row) => row.missing === null).map(toRecorded);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const backwards = options.direction === 'backwards';
    const rows = await this.query<EventRow>(
      `SELECT * FROM ${this.events} WHERE position ${backwards ? '<=' : '>='} $1 ORDER BY position ${backwards ? 'DESC' : 'ASC'} LIMIT $2`,
      [options.fromPosition ?? (backwards ? Number.MAX_SAFE_INTEGER : 0), options.maxCount ?? null],
    );
    return rows.map(toRecorded);
  }

  async headPosition(): Promise<number> {
    this.assertOpen();
    const rows = await this.query<{ position: string | null }>(`SELECT max(position) AS position FROM ${this.events}`);
    return Number(rows[0]?.position ?? 0);
  }

  async serverTime(): Promise<Date> {
    this.assertOpen();
    const [row] = await this.query<{ now: Date }>('SELECT clock_timestamp() AS now');
    return row!.now;
  }

  subscribeAll(options: SubscribeAllOptions = {}): AllSubscription {
    this.assertOpen();
    const from = options.fromPosition ?? 'start';
    const cursor: Cursor = {
      position: typeof from === 'number' ? from : 0,
      maxBatchSize: options.maxBatchSize ?? 500,
      closed: false,
    };
    const start = from === 'end' ? this.headPosition().then((head) => void (cursor.position = head)) : Promise.resolve();
    const subscription: AllSubscription = {
      [Symbol.asyncIterator]: () => this.batches(cursor, start, subscription),
      close: async () => {
        cursor.closed = true;
        cursor.wake?.();
        this.subscriptions.delete(subscription);
      },
    };
    this.subscriptions.add(subscription);
    this.listen();
    return subscription;
  }

  private async *batches(cursor: Cursor, start: Promise<void>, subscription: AllSubscription): AsyncGenerator<RecordedEvent[]> {
    const waker = () => cursor.wake?.();
    this.wakers.add(waker);
    try {
      await start;
      while (!cursor.closed && !this.closed) {
        let woken = false;
        // Registered before the read, so a notification that arrives during it is not lost.
        cursor.wake = () => void (woken = true);
        const rows = await this.query<EventRow>(
          `SELECT * FROM ${this.events} WHERE position > $1 ORDER BY position ASC LIMIT $2`,
          [cursor.position, cursor.maxBatchSize],
        );
        if (cursor.closed || this.closed) break;
        if (rows.length > 0) {
          const batch = rows.map(toRecorded);
          cursor.position = batch[batch.length - 1]!.position;
          yield batch;
          continue;
        }
        if (woken) continue;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.listenerUp ? this.pollIntervalMs : Math.min(this.pollIntervalMs, 1_000));
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

  /** One LISTEN connection per process, opened with the first subscription and reopened when lost. */
  private listen(): void {
    if (this.listening || this.closed) return;
    this.listening = (async () => {
      while (!this.closed) {
        const client = new Client(poolConfig(this.options.connectionString, 1));
        this.listener = client;
        const lost = new Promise<void>((resolve) => {
          client.once('error', () => resolve());
          client.once('end', () => resolve());
        });
        // A client ended while it connects (close() meanwhile) never settles its connect(): wait
        // for the connection or for its end, whichever comes first.
        const ended = lost.then(() => Promise.reject(new Error('The listening connection ended')));
        const settled = <T>(step: Promise<T>) => {
          step.catch(() => undefined);
          return Promise.race([step, ended]);
        };
        ended.catch(() => undefined);
        try {
          await settled(client.connect());
          client.on('notification', () => {
            for (const wake of this.wakers) wake();
          });
          await settled(client.query(`LISTEN ${APPEND_CHANNEL}`));
          this.listenerUp = true;
          // Whatever was appended while no one listened.
          for (const wake of this.wakers) wake();
          if (!this.closed) await lost;
        } catch {
          // Unreachable: subscriptions poll meanwhile; try again shortly.
        }
        this.listenerUp = false;
        await endClient(client);
        if (!this.closed) await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    })();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // Appends already accepted are committed (or fail) before the pool ends.
    await this.draining;
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    for (const wake of this.wakers) wake();
    if (this.listener) await endClient(this.listener);
    await this.listening;
    await this.pool.end();
  }

  private async query<Row extends QueryResultRow>(text: string, values: unknown[] = []): Promise<Row[]> {
    try {
      return await pooledQuery<Row>(this.pool, text, values);
    } catch (error) {
      throw this.mapError('read', error);
    }
  }

  private mapError(operation: string, error: unknown): Error {
    if (this.closed) return new EventStoreUnavailableError('The event store is closed', { cause: error });
    if (isTransient(error)) return unavailable(`PostgreSQL ${operation} failed`, error);
    return error as Error;
  }

  private assertOpen(): void {
    if (this.closed) throw new EventStoreUnavailableError('The event store is closed');
  }
}

/** Ends a client whatever state it is in (`end()` on a broken connection may never settle). */
async function endClient(client: Client): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([client.end().catch(() => undefined), new Promise((resolve) => (timer = setTimeout(resolve, 1_000)))]);
  clearTimeout(timer);
}

function unavailable(message: string, error: unknown): EventStoreUnavailableError {
  return new EventStoreUnavailableError(`${message}: ${(error as Error).message}`, { cause: error });
}

/** Pool settings shared by the event store and the key store. */
export function poolConfig(connectionString: string, max: number): PoolConfig {
  return { connectionString, max, connectionTimeoutMillis: 10_000, idleTimeoutMillis: 30_000, application_name: 'mend' };
}

function toRecorded(row: EventRow): RecordedEvent {
  return {
    id: row.id,
    streamId: row.stream_id,
    type: row.type,
    data: row.data,
    metadata: row.metadata,
    revision: Number(row.revision),
    position: Number(row.position),
    recordedAt: row.recorded_at.toISOString(),
  };
}
