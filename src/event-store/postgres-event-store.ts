import { Client, Pool, type PoolConfig, type QueryResultRow } from 'pg';
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
import { isTransient, LOCK_NAMESPACE, migrate, pooledQuery, qualified } from './postgres-schema';

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

const SCHEMA_VERSION = 1;

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

    -- One append, one round trip. Appends take turns on a transaction lock, so positions are drawn
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
  private readonly appendFn: string;
  private readonly now: () => number;
  private readonly pollIntervalMs: number;
  private readonly wakers = new Set<() => void>();
  private readonly subscriptions = new Set<AllSubscription>();
  private listener: Client | undefined;
  private listenerUp = false;
  private listening: Promise<void> | undefined;
  private closed = false;

  private constructor(private readonly options: PostgresEventStoreOptions) {
    this.schema = options.schema ?? 'mend';
    this.events = qualified(this.schema, 'mend_events');
    this.appendFn = qualified(this.schema, 'mend_append');
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
      throw unavailable('The PostgreSQL event store could not be opened', error);
    }
    return store;
  }

  async append(
    streamId: string,
    events: readonly EventToAppend[],
    options: { readonly expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    this.assertOpen();
    const expected = options.expectedRevision;
    try {
      const rows = await pooledQuery<{ next_expected_revision: string; last_position: string }>(
        this.pool,
        `SELECT next_expected_revision, last_position FROM ${this.appendFn}($1, $2, $3, $4, $5, $6, $7)`,
        [
          streamId,
          String(expected),
          events.map((e) => e.id),
          events.map((e) => e.type),
          events.map((e) => JSON.stringify(e.data ?? null)),
          events.map((e) => JSON.stringify(e.metadata ?? {})),
          new Date(this.now()),
        ],
      );
      const row = rows[0]!;
      return { nextExpectedRevision: Number(row.next_expected_revision), position: Number(row.last_position) };
    } catch (error) {
      const code = (error as { code?: string }).code;
      const message = (error as Error).message;
      if (code === WRONG_EXPECTED_REVISION) {
        throw new WrongExpectedRevisionError(streamId, expected, message === 'no_stream' ? 'no_stream' : Number(message));
      }
      if (code === DUPLICATE_EVENT_ID) throw new DuplicateEventIdError(streamId, message);
      if (code === '23505') {
        // Only a writer that bypasses mend_append can get here: report what the constraint says.
        const id = /Key \(id\)=\((.*)\)/.exec((error as { detail?: string }).detail ?? '')?.[1];
        if (id) throw new DuplicateEventIdError(streamId, id);
      }
      throw this.mapError('append', error);
    }
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
        try {
          await client.connect();
          client.on('notification', () => {
            for (const wake of this.wakers) wake();
          });
          await client.query(`LISTEN ${APPEND_CHANNEL}`);
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
