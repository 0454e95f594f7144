import {
  ANY,
  CancelledError,
  convertToCommandError,
  DeadlineExceededError,
  jsonEvent,
  MaxAppendSizeExceededError,
  NO_STREAM,
  NotLeaderError,
  StreamDeletedError,
  StreamNotFoundError as KurrentStreamNotFoundError,
  STREAM_EXISTS,
  TimeoutError,
  UnavailableError,
  WrongExpectedVersionError,
  type AppendStreamState,
  type Credentials,
  type CurrentStreamState,
  type EventData,
  type JSONType,
  type Position,
  type RecordedEvent as KurrentRecordedEvent,
} from '@kurrent/kurrentdb-client';
import {
  AppendTooLargeError,
  EventStoreUnavailableError,
  StreamNotFoundError,
  WrongExpectedRevisionError,
  type EventToAppend,
  type ExpectedRevision,
  type RecordedEvent,
} from './event-store';

/*
 * Positions. KurrentDB places an event in its log with two byte offsets, `commit` and `prepare`.
 * Every event appended through the gRPC API is a self-committed prepare record, and the server
 * reports such an event at {commit: P, prepare: P} where P is the offset of its record, both when
 * reading $all and when reading a stream (KurrentDB's ResolvedEvent.CalculatePosition and
 * AllReader). The two differ only for events written inside explicit transactions of the legacy
 * TCP API, which Mend never uses. So the commit offset alone identifies an event, and a port
 * position P maps back to {commit: P, prepare: P} exactly.
 *
 * A JS number holds every integer below 2^53 exactly; an offset that large would need a log of
 * 8 PiB, so the conversion cannot lose precision for any real store. It is checked anyway.
 */
const MAX_POSITION = BigInt(Number.MAX_SAFE_INTEGER);

export function toStorePosition(position: Position): number {
  if (position.commit < 0n || position.commit > MAX_POSITION) {
    throw new RangeError(`KurrentDB log position ${position.commit} is outside the range Mend can represent`);
  }
  return Number(position.commit);
}

/** The append response carries no usable position for some idempotent re-appends. */
export function storePositionIfKnown(position: Position | undefined): number | undefined {
  if (position === undefined || position.commit < 0n || position.commit > MAX_POSITION) return undefined;
  return Number(position.commit);
}

export function toKurrentPosition(position: number): Position {
  if (!Number.isSafeInteger(position) || position < 0) throw new RangeError(`Invalid event store position ${position}`);
  const offset = BigInt(position);
  return { commit: offset, prepare: offset };
}

export function toRevision(revision: bigint): number {
  if (revision < 0n || revision > MAX_POSITION) throw new RangeError(`Stream revision ${revision} is out of range`);
  return Number(revision);
}

export function toStreamState(expected: ExpectedRevision): AppendStreamState {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    default:
      // -1 would silently mean "no stream" to the server; the port only has revisions from 0.
      if (!Number.isSafeInteger(expected) || expected < 0) {
        throw new RangeError(`Expected revision must be a revision (an integer from 0), got ${expected}`);
      }
      return BigInt(expected);
  }
}

function toActualRevision(actual: CurrentStreamState): number | 'no_stream' {
  return typeof actual === 'bigint' && actual >= 0n ? toRevision(actual) : 'no_stream';
}

export function toEventData(event: EventToAppend): EventData {
  return jsonEvent({
    id: event.id,
    type: event.type,
    // JSON.stringify(undefined) is not JSON: store an absent payload as null, like the SQLite store.
    data: (event.data ?? null) as JSONType,
    metadata: event.metadata as JSONType,
  });
}

/** `$`-typed events ($metadata, $> links, $statsCollected…) and anything in a `$` stream are the server's, not Mend's. */
export function isSystemEvent(event: { readonly streamId: string; readonly type: string }): boolean {
  return event.type.startsWith('$') || event.streamId.startsWith('$');
}

export function toRecordedEvent(event: KurrentRecordedEvent): RecordedEvent {
  if (event.position === undefined) {
    throw new Error(
      `KurrentDB returned ${event.streamId}@${event.revision} without a log position: Mend needs EventStoreDB 22.10 or later`,
    );
  }
  return {
    id: event.id,
    streamId: event.streamId,
    type: event.type,
    // Mend appends JSON only; an event another tool wrote as binary keeps its bytes.
    data: event.data,
    metadata: toMetadata(event.metadata),
    revision: toRevision(event.revision),
    position: toStorePosition(event.position),
    recordedAt: toIsoDate(event.created),
  };
}

function toMetadata(metadata: unknown): Readonly<Record<string, unknown>> {
  if (typeof metadata === 'object' && metadata !== null && !Array.isArray(metadata) && !(metadata instanceof Uint8Array)) {
    return metadata as Record<string, unknown>;
  }
  return {};
}

function toIsoDate(created: Date): string {
  return Number.isNaN(created.getTime()) ? new Date(0).toISOString() : created.toISOString();
}

/**
 * Failures worth retrying: the node is down or unreachable, a deadline passed, the node is not
 * the leader, or the server cancelled the call. Some of these reach us as raw gRPC errors (the
 * client converts only part of them), others as "Failed to discover" when no cluster member answers
 * gossip.
 */
export function isTransient(error: unknown): boolean {
  const converted = error instanceof Error ? convertToCommandError(error) : error;
  return (
    converted instanceof UnavailableError ||
    converted instanceof DeadlineExceededError ||
    converted instanceof TimeoutError ||
    converted instanceof NotLeaderError ||
    converted instanceof CancelledError ||
    (converted instanceof Error && /^Failed to discover after \d+ attempts/.test(converted.message)) ||
    // Inside a batch-append reply the server's own transient states arrive as an unknown error
    // carrying its message: the append was not done and may be retried (503, not 500).
    (converted instanceof Error && /\b(Server is not ready|Too busy)\b/i.test(converted.message)) ||
    // EventStoreDB 22.10/23.10 drop a subscription whose consumer is too slow with a bare ABORTED
    // status, which the client leaves unconverted: the subscription is to be reopened, not failed.
    isConsumerTooSlow(error)
  );
}

const GRPC_ABORTED = 10;

function isConsumerTooSlow(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { code, details } = error as { code?: unknown; details?: unknown };
  return code === GRPC_ABORTED && /consumer too slow/i.test(`${typeof details === 'string' ? details : ''} ${error.message}`);
}

export function isNotLeader(error: unknown): boolean {
  return error instanceof Error && convertToCommandError(error) instanceof NotLeaderError;
}

/** A read of a stream that has no events, or no longer has any (deleted or tombstoned). */
export function isMissingStream(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const converted = convertToCommandError(error);
  return converted instanceof KurrentStreamNotFoundError || converted instanceof StreamDeletedError;
}

/** Maps a client error to the port's typed errors; anything else is returned as the client gave it. */
export function toStoreError(error: unknown, append?: { streamId: string; expected: ExpectedRevision }): unknown {
  if (!(error instanceof Error)) return error;
  if (error instanceof WrongExpectedRevisionError || error instanceof StreamNotFoundError) return error;
  if (error instanceof EventStoreUnavailableError) return error;
  const converted = convertToCommandError(error);
  if (append && converted instanceof WrongExpectedVersionError) {
    return new WrongExpectedRevisionError(append.streamId, append.expected, toActualRevision(converted.actualState));
  }
  if (append && converted instanceof MaxAppendSizeExceededError) {
    const limit = Number.isSafeInteger(converted.maxAppendSize) ? converted.maxAppendSize : undefined;
    return new AppendTooLargeError(append.streamId, limit, { cause: converted });
  }
  if (isTransient(converted)) {
    return new EventStoreUnavailableError(`KurrentDB is unavailable: ${converted.message}`, { cause: converted });
  }
  return converted;
}

/**
 * The user name and password of a connection string, percent-decoded. The client decodes them for
 * appends and subscriptions (gRPC), but its native bridge, which serves every read, parses the
 * connection string itself and keeps `%40` as three characters: on a secured cluster with such a
 * password every read is refused. Reads therefore pass these as per-call credentials.
 */
export function connectionCredentials(connectionString: string): Credentials | undefined {
  const match = /^[a-z+]+:\/\/([^@/?#]*)@/i.exec(connectionString.trim());
  if (!match) return undefined;
  const userInfo = match[1]!;
  const colon = userInfo.indexOf(':');
  if (colon < 0) return undefined;
  try {
    return { username: decodeURIComponent(userInfo.slice(0, colon)), password: decodeURIComponent(userInfo.slice(colon + 1)) };
  } catch {
    return undefined;
  }
}
