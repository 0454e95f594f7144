import {
  BACKWARDS,
  END,
  excludeSystemEvents,
  FORWARDS,
  KurrentDBClient,
  START,
  type Direction,
  type Credentials,
  type Position,
  type ReadPosition,
} from '@kurrent/kurrentdb-client';
import {
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
import {
  connectionCredentials,
  isMissingStream,
  isNotLeader,
  isSystemEvent,
  storePositionIfKnown,
  toEventData,
  toKurrentPosition,
  toRecordedEvent,
  toRevision,
  toStoreError,
  toStreamState,
} from './kurrentdb-mapping';
import { KurrentDbAllSubscription } from './kurrentdb-subscription';

const DEFAULT_MAX_BATCH_SIZE = 500;

/**
 * The scale-out event store (DESIGN.md §3): EventStoreDB 22.10+ / KurrentDB through
 * `@kurrent/kurrentdb-client`, built from a connection string such as
 * `kurrentdb://kurrentdb:2113?tls=false` or `kurrentdb://admin:changeit@node1:2113,node2:2113,node3:2113`.
 *
 * Idempotency is the server's: appending event ids that are already the events right after the
 * expected revision (same ids, same order, same expected revision — a retried request) succeeds
 * without writing and returns the stored result. With `any` and `stream_exists` the server
 * recognises a retry only while the ids are still in its recent-events cache. Ids appended at a
 * revision where they do not follow the expected one are not recognised: the server reports a
 * conflict when the expected revision is stale, and writes them again when it is current. Event
 * ids are not unique across streams in KurrentDB, so DuplicateEventIdError never comes from here.
 */
export class KurrentDbEventStore implements EventStore {
  readonly engine = 'eventstoredb' as const;
  private readonly client: KurrentDBClient;
  private readonly subscriptions = new Set<KurrentDbAllSubscription>();
  private closed = false;
  /** Per-call credentials for reads (see connectionCredentials): the native read bridge does not decode the connection string's. */
  private readonly readOptions: { readonly credentials?: Credentials };

  constructor(connectionString: string) {
    this.client = KurrentDBClient.connectionString(connectionString);
    const credentials = connectionCredentials(connectionString);
    this.readOptions = credentials ? { credentials } : {};
  }

  async append(
    streamId: string,
    events: readonly EventToAppend[],
    options: { readonly expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    this.assertOpen();
    const expected = options.expectedRevision;
    const streamState = toStreamState(expected);
    if (events.length === 0) return this.appendNothing(streamId, expected);
    const batch = events.map(toEventData);
    for (let attempt = 1; ; attempt += 1) {
      try {
        const result = await this.client.appendToStream(streamId, batch, { streamState });
        // Only when the connection string sets throwOnAppendFailure=false.
        if (!result.success) throw new WrongExpectedRevisionError(streamId, expected, await this.lastRevision(streamId));
        const nextExpectedRevision = toRevision(result.nextExpectedRevision);
        const position =
          storePositionIfKnown(result.position) ?? (await this.positionOfRevision(streamId, nextExpectedRevision));
        return { nextExpectedRevision, position };
      } catch (error) {
        // A node that lost the leadership refused the write, so sending it again cannot duplicate it;
        // the client has already switched to the new leader.
        if (attempt === 1 && isNotLeader(error)) continue;
        const mapped = toStoreError(error, { streamId, expected });
        if (mapped instanceof EventStoreUnavailableError) {
          const stored = await this.storedAlready(streamId, expected, events);
          if (stored) return stored;
        }
        throw mapped;
      }
    }
  }

  /**
   * After an append that got no answer, whether its events are already the stream's events right after
   * the expected revision, and where they ended: then it was written — by this call, whose reply was
   * lost, or by another writer of the same ids. Two schedulers appending the same breach at once meet
   * here: the server stages the first and answers the second only after its deadline ("idempotent,
   * not ready"). Only an exact expected revision pins where the ids must be.
   */
  private async storedAlready(streamId: string, expected: ExpectedRevision, events: readonly EventToAppend[]): Promise<AppendResult | undefined> {
    if (typeof expected !== 'number' && expected !== 'no_stream') return undefined;
    const from = expected === 'no_stream' ? 0 : expected + 1;
    let stored: RecordedEvent[];
    try {
      stored = await this.readStream(streamId, { fromRevision: from, maxCount: events.length });
    } catch {
      return undefined; // Still unreachable, or the stream is not there: the append's own error stands.
    }
    if (stored.length !== events.length || stored.some((event, i) => event.id !== events[i]!.id)) return undefined;
    return { nextExpectedRevision: from + events.length - 1, position: stored[stored.length - 1]!.position };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const backwards = options.direction === 'backwards';
    const { maxCount, toPosition } = options;
    const events: RecordedEvent[] = [];
    if (maxCount === undefined || maxCount > 0) {
      try {
        // Backwards, events above toPosition come first and must not count towards maxCount.
        const serverMaxCount = backwards && toPosition !== undefined ? undefined : maxCount;
        const read = this.client.readStream(streamId, {
          ...this.readOptions,
          direction: backwards ? BACKWARDS : FORWARDS,
          fromRevision: options.fromRevision === undefined ? (backwards ? END : START) : BigInt(options.fromRevision),
          maxCount: serverMaxCount,
        });
        for await (const resolved of read) {
          if (!resolved.event) continue;
          const event = toRecordedEvent(resolved.event);
          if (toPosition !== undefined && event.position > toPosition) {
            // A stream's positions grow with its revisions: forwards, nothing later qualifies.
            if (backwards) continue;
            break;
          }
          events.push(event);
          if (maxCount !== undefined && events.length >= maxCount) break;
        }
      } catch (error) {
        if (isMissingStream(error)) throw new StreamNotFoundError(streamId);
        throw toStoreError(error);
      }
    }
    // A read of a stream that is not there fails with StreamNotFound, whatever revision it starts from, so an
    // empty answer is an existing stream with nothing more to read: only a read of nothing must still ask.
    if (maxCount === 0 && (await this.lastRevision(streamId)) === 'no_stream') throw new StreamNotFoundError(streamId);
    return events;
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const { fromPosition, maxCount } = options;
    if (maxCount !== undefined && maxCount <= 0) return [];
    if (options.direction !== 'backwards') {
      // $all reads forwards include the event at the position they start from.
      const from = fromPosition === undefined || fromPosition === 0 ? START : toKurrentPosition(fromPosition);
      return this.readAllEvents(FORWARDS, from, maxCount);
    }
    if (fromPosition === undefined) return this.readAllEvents(BACKWARDS, END, maxCount);
    // Backwards from a position, KurrentDB starts with the event *before* it (positions are
    // record starts, a backwards read goes from record ends). The port's bound is inclusive, so
    // the event at the position itself is fetched first.
    const start = toKurrentPosition(fromPosition);
    const [atStart] = await this.readAllEvents(FORWARDS, start, 1);
    const first = atStart !== undefined && atStart.position === fromPosition ? [atStart] : [];
    const remaining = maxCount === undefined ? undefined : maxCount - first.length;
    if (remaining === 0) return first;
    return [...first, ...(await this.readAllEvents(BACKWARDS, start, remaining))];
  }

  subscribeAll(options: SubscribeAllOptions = {}): AllSubscription {
    this.assertOpen();
    const maxBatchSize = options.maxBatchSize ?? DEFAULT_MAX_BATCH_SIZE;
    if (!Number.isSafeInteger(maxBatchSize) || maxBatchSize < 1) {
      throw new RangeError(`maxBatchSize must be a positive integer, got ${maxBatchSize}`);
    }
    const from = options.fromPosition;
    // subscribeToAll delivers the events strictly after the position it is given: the port's checkpoint semantics.
    // 'end' is resolved to the log's last position first: a subscription that drops before its
    // first event must resume from there, not from the end at the time it resumes (which would
    // skip whatever was appended in between).
    const start: ReadPosition | Promise<ReadPosition> =
      from === undefined || from === 'start' || from === 0 ? START : from === 'end' ? this.lastLogPosition() : toKurrentPosition(from);
    const subscription = new KurrentDbAllSubscription(
      (position) =>
        this.client.subscribeToAll(
          { fromPosition: position, filter: excludeSystemEvents() },
          { highWaterMark: Math.max(16, maxBatchSize) },
        ),
      start,
      maxBatchSize,
      (closed) => this.subscriptions.delete(closed),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<number> {
    this.assertOpen();
    const [last] = await this.readAllEvents(BACKWARDS, END, 1);
    return last?.position ?? 0;
  }

  /** The position of the last record in $all, system events included, or START when the log is empty. */
  private async lastLogPosition(): Promise<ReadPosition> {
    try {
      for await (const resolved of this.client.readAll({ ...this.readOptions, direction: BACKWARDS, fromPosition: END, maxCount: 1 })) {
        if (resolved.event?.position) return resolved.event.position;
      }
      return START;
    } catch (error) {
      throw toStoreError(error);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.allSettled([...this.subscriptions].map((subscription) => subscription.close()));
    await this.client.dispose();
  }

  /**
   * Reads $all without system events. The server filters out `$`-typed events; events of other
   * types in `$` streams (a user projection's results) are dropped here, and the read goes on
   * until `maxCount` of Mend's own events are found.
   */
  private async readAllEvents(direction: Direction, from: ReadPosition, maxCount?: number): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    let position = from;
    // Forwards reads include their start, so a continuation would see its last event again.
    let alreadySeen: Position | undefined;
    try {
      for (;;) {
        const wanted = maxCount === undefined ? undefined : maxCount - events.length + (alreadySeen ? 1 : 0);
        let received = 0;
        let dropped = false;
        let last: Position | undefined;
        const read = this.client.readAll({ ...this.readOptions, direction, fromPosition: position, maxCount: wanted, filter: excludeSystemEvents() });
        for await (const resolved of read) {
          received += 1;
          const event = resolved.event;
          if (!event) continue;
          last = event.position;
          if (alreadySeen && samePosition(event.position, alreadySeen)) continue;
          if (isSystemEvent(event)) dropped = true;
          else events.push(toRecordedEvent(event));
        }
        if (!dropped || wanted === undefined || received < wanted || last === undefined) return events;
        position = last;
        alreadySeen = direction === FORWARDS ? last : undefined;
      }
    } catch (error) {
      throw toStoreError(error);
    }
  }

  /** An append of no events writes nothing; it still answers whether the expectation holds. */
  private async appendNothing(streamId: string, expected: ExpectedRevision): Promise<AppendResult> {
    const last = await this.lastEvent(streamId);
    const ok =
      expected === 'any' ||
      (expected === 'no_stream' && last === undefined) ||
      (expected === 'stream_exists' && last !== undefined) ||
      expected === last?.revision;
    if (!ok) throw new WrongExpectedRevisionError(streamId, expected, last?.revision ?? 'no_stream');
    return { nextExpectedRevision: last?.revision ?? -1, position: last?.position ?? 0 };
  }

  private async lastRevision(streamId: string): Promise<number | 'no_stream'> {
    return (await this.lastEvent(streamId))?.revision ?? 'no_stream';
  }

  private async lastEvent(streamId: string): Promise<RecordedEvent | undefined> {
    try {
      for await (const resolved of this.client.readStream(streamId, { ...this.readOptions, direction: BACKWARDS, fromRevision: END, maxCount: 1 })) {
        if (resolved.event) return toRecordedEvent(resolved.event);
      }
      return undefined;
    } catch (error) {
      if (isMissingStream(error)) return undefined;
      throw toStoreError(error);
    }
  }

  private async positionOfRevision(streamId: string, revision: number): Promise<number> {
    const [event] = await this.readStream(streamId, { fromRevision: revision, maxCount: 1 });
    if (!event) throw new Error(`KurrentDB acknowledged ${streamId}@${revision} but the event cannot be read back`);
    return event.position;
  }

  private assertOpen(): void {
    if (this.closed) throw new EventStoreUnavailableError('The event store is closed');
  }
}

function samePosition(a: Position, b: Position): boolean {
  return a.commit === b.commit && a.prepare === b.prepare;
}
