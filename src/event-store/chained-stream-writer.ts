import {
  StreamNotFoundError,
  WrongExpectedRevisionError,
  type EventStore,
  type EventToAppend,
  type ExpectedRevision,
} from './event-store';
import { eventHash, GENESIS_HASH } from './hash-chain';

/** The last event of a hash-chained stream: where the next event goes and the hash it links to. */
export interface ChainTail {
  /** -1 while the stream is empty. */
  readonly revision: number;
  readonly hash: string;
}

export const EMPTY_CHAIN: ChainTail = { revision: -1, hash: GENESIS_HASH };

export interface ChainedAppendResult {
  /** The last of the appended events as the store holds it. */
  readonly tail: ChainTail;
  /** Position of the last appended event. */
  readonly position: number;
  /**
   * How many of the events this append stored. Fewer than were given only with `idsMayBeStored`,
   * when another writer had stored events under the same ids first (the store kept theirs).
   */
  readonly written: number;
}

export interface ChainedAppendOptions {
  /**
   * The ids are deterministic (the SLA scheduler's): another writer may have stored them first,
   * and then the store keeps its events, whose hashes are not the ones computed here. The appended
   * events are read back so the result describes what is stored.
   */
  readonly idsMayBeStored?: boolean;
}

/**
 * How often an append at the end retries after another writer appended first, and the longest
 * pause between tries. Each pause is random up to a bound that doubles (1, 2, 4 … 32 ms): nodes
 * that collided do not retry in step, so one of them gets through, and a hot stream (the access
 * log of a case read on several nodes at once) is still written within a fraction of a second.
 */
const END_ATTEMPTS = 16;
const END_PAUSE_MS = 32;

const pause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(2 ** (attempt - 1), END_PAUSE_MS)));

const expected = (tail: ChainTail): ExpectedRevision => (tail.revision < 0 ? 'no_stream' : tail.revision);

/**
 * The one write path of hash-chained streams (DESIGN.md §6): case streams, the access log and
 * erasure records. Each event gets `prevHash`, the hash of the event before it, and
 * `hash = sha256(prevHash + canonical JSON of the event)`. An append expects the stream to end at
 * the tail its hashes link to, so a writer that missed another's append gets
 * WrongExpectedRevisionError and never forks a chain. The verifier (src/audit) reads the same hashes.
 */
export class ChainedStreamWriter {
  constructor(private readonly store: EventStore) {}

  /** The stream's last event, or EMPTY_CHAIN when it has none. */
  async tail(streamId: string): Promise<ChainTail> {
    try {
      const [last] = await this.store.readStream(streamId, { direction: 'backwards', maxCount: 1 });
      return last ? { revision: last.revision, hash: String(last.metadata['hash']) } : EMPTY_CHAIN;
    } catch (error) {
      if (error instanceof StreamNotFoundError) return EMPTY_CHAIN;
      throw error;
    }
  }

  /**
   * Appends `events` (metadata without `prevHash` and `hash`) right after `tail`, chaining their
   * hashes. Throws WrongExpectedRevisionError when the stream no longer ends at `tail`.
   */
  async append(
    streamId: string,
    tail: ChainTail,
    events: readonly EventToAppend[],
    options: ChainedAppendOptions = {},
  ): Promise<ChainedAppendResult> {
    let prevHash = tail.hash;
    const chained = events.map((event, i) => {
      const hash = eventHash(prevHash, { streamId, revision: tail.revision + 1 + i, type: event.type, data: event.data, metadata: event.metadata });
      const linked: EventToAppend = { ...event, metadata: { ...event.metadata, prevHash, hash } };
      prevHash = hash;
      return linked;
    });
    const result = await this.store.append(streamId, chained, { expectedRevision: expected(tail) });
    if (!options.idsMayBeStored || chained.length === 0) {
      return { tail: { revision: result.nextExpectedRevision, hash: prevHash }, position: result.position, written: chained.length };
    }
    const stored = await this.store.readStream(streamId, {
      fromRevision: result.nextExpectedRevision - chained.length + 1,
      maxCount: chained.length,
    });
    const last = stored[stored.length - 1]!;
    const written = stored.filter((event, i) => event.id === chained[i]!.id && event.metadata['hash'] === chained[i]!.metadata['hash']).length;
    return { tail: { revision: last.revision, hash: String(last.metadata['hash']) }, position: last.position, written };
  }

  /**
   * Appends after whatever the stream's last event is: from `knownTail` when the caller keeps one,
   * else from the stored tail, reading it again when another writer appended in between.
   */
  async appendAtEnd(streamId: string, events: readonly EventToAppend[], knownTail?: ChainTail): Promise<ChainedAppendResult> {
    let tail = knownTail ?? (await this.tail(streamId));
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.append(streamId, tail, events);
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError) || attempt >= END_ATTEMPTS) throw error;
        await pause(attempt);
        tail = await this.tail(streamId);
      }
    }
  }
}
