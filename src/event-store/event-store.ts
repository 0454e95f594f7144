/**
 * The event store port (DESIGN.md §3). Three engines implement it: the embedded SQLite store,
 * PostgreSQL and EventStoreDB/KurrentDB. One contract suite (test/contract) runs against each.
 *
 * Revisions count the events of a stream from 0. Positions order every event of the store; they
 * grow with commit order but need not be contiguous.
 */

/** What the writer believes the stream's last revision is. */
export type ExpectedRevision = number | 'no_stream' | 'stream_exists' | 'any';

export interface EventToAppend {
  /** A UUID. Appending an id the store already holds in this stream is an idempotent no-op. */
  readonly id: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: Readonly<Record<string, unknown>>;
}

export interface RecordedEvent {
  readonly id: string;
  readonly streamId: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: Readonly<Record<string, unknown>>;
  readonly revision: number;
  readonly position: number;
  /** When the store recorded the event, ISO 8601 UTC. */
  readonly recordedAt: string;
}

export interface AppendResult {
  /** Revision of the stream's last event after the append. */
  readonly nextExpectedRevision: number;
  /** Position of the last event appended (or of the already-stored event for an idempotent re-append). */
  readonly position: number;
}

export interface ReadStreamOptions {
  /** First revision to read (inclusive). Default: the start forwards, the end backwards. */
  readonly fromRevision?: number;
  readonly direction?: 'forwards' | 'backwards';
  readonly maxCount?: number;
  /** Read only events at or below this global position (e.g. state as of a point in the log). */
  readonly toPosition?: number;
}

export interface ReadAllOptions {
  /** First position to read (inclusive). Default: the start forwards, the end backwards. */
  readonly fromPosition?: number;
  readonly direction?: 'forwards' | 'backwards';
  readonly maxCount?: number;
}

export interface SubscribeAllOptions {
  /**
   * A checkpoint: the subscription delivers every event *after* this position, first those already
   * stored (catch-up), then new ones as they are appended (live). `'start'` delivers everything;
   * `'end'` only what is appended from now on.
   */
  readonly fromPosition?: number | 'start' | 'end';
  /** Upper bound on the size of a delivered batch. */
  readonly maxBatchSize?: number;
}

/**
 * A catch-up-then-live subscription. It yields batches of events in position order; a batch holds
 * what was available at once (never empty). Iteration ends after `close()`.
 */
export interface AllSubscription extends AsyncIterable<readonly RecordedEvent[]> {
  close(): Promise<void>;
}

export interface EventStore {
  /** Which engine this is, for logs and `/ready`. */
  readonly engine: 'sqlite' | 'postgres' | 'eventstoredb';
  append(
    streamId: string,
    events: readonly EventToAppend[],
    options: { readonly expectedRevision: ExpectedRevision },
  ): Promise<AppendResult>;
  /** Throws StreamNotFoundError when the stream has no events. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  subscribeAll(options?: SubscribeAllOptions): AllSubscription;
  /** Position of the last event in the store, 0 when it is empty. */
  headPosition(): Promise<number>;
  /**
   * Someone waits for a read model to reach a position: a store that holds back the wakes of its
   * live subscriptions (SQLite's MEND_SQLITE_WAKE_MS) gives them now.
   */
  hurrySubscriptions?(): void;
  /**
   * The clock of the server several nodes share (PostgreSQL), which each node's SLA scheduler
   * holds its own clock against. Stores of one node (SQLite) have none to compare with.
   */
  serverTime?(): Promise<Date>;
  close(): Promise<void>;
}

export class WrongExpectedRevisionError extends Error {
  override readonly name = 'WrongExpectedRevisionError';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** The stream's actual last revision, or 'no_stream'. */
    readonly actual: number | 'no_stream',
  ) {
    super(`Stream ${streamId}: expected revision ${String(expected)}, actual ${String(actual)}`);
  }
}

export class StreamNotFoundError extends Error {
  override readonly name = 'StreamNotFoundError';
  constructor(readonly streamId: string) {
    super(`Stream ${streamId} not found`);
  }
}

/** An event id the store already holds, in another stream or at another place than an idempotent re-append. */
export class DuplicateEventIdError extends Error {
  override readonly name = 'DuplicateEventIdError';
  constructor(
    readonly streamId: string,
    readonly eventId: string,
  ) {
    super(`Event id ${eventId} is already stored and cannot be appended to ${streamId}`);
  }
}

/** The engine refused an append for its size (KurrentDB's maximum append size); retrying cannot help. */
export class AppendTooLargeError extends Error {
  override readonly name = 'AppendTooLargeError';
  constructor(
    readonly streamId: string,
    /** The engine's limit in bytes, when it says. */
    readonly limit: number | undefined,
    options?: { cause?: unknown },
  ) {
    super(`The append to ${streamId} is larger than the event store accepts${limit === undefined ? '' : ` (${limit} bytes)`}`, options);
  }
}

/** The engine cannot be reached or failed; the operation may be retried. */
export class EventStoreUnavailableError extends Error {
  override readonly name = 'EventStoreUnavailableError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

export const EVENT_STORE = Symbol('EventStore');
