import type { RecordedEvent } from '../event-store/event-store';
import type { ChainProblem, Verification } from './audit.schemas';
import { eventHash, GENESIS_HASH } from '../event-store/hash-chain';

const REPORTED_PROBLEMS = 100;

interface StreamCursor {
  nextRevision: number;
  lastHash: string;
  events: number;
  problem?: ChainProblem;
}

/** A stream's last event at a position of the store: what a checkpoint signs. */
export interface StreamHead {
  readonly revision: number;
  readonly hash: string;
}

/**
 * Every stream's head, and the number of events, at a position of the store (a checkpoint's), as
 * recorded: fed the same events as a ChainVerifier.
 */
export class HeadsAt {
  readonly heads = new Map<string, StreamHead>();
  events = 0;

  constructor(readonly position: number) {}

  add(event: RecordedEvent): void {
    if (event.position > this.position) return;
    this.events += 1;
    const known = this.heads.get(event.streamId);
    if (!known || event.revision > known.revision) this.heads.set(event.streamId, { revision: event.revision, hash: String(event.metadata.hash) });
  }
}

/**
 * On SQLite, positions are the rowids of an INTEGER PRIMARY KEY without AUTOINCREMENT: each commit
 * takes the next number, and a rolled-back append takes none, so positions run 1, 2, 3… with no
 * hole. A hole means deleted events.
 */
export class PositionGaps {
  private expected = 1;
  readonly gaps: { from: number; to: number }[] = [];

  add(event: RecordedEvent): void {
    if (event.position > this.expected) this.gaps.push({ from: this.expected, to: event.position - 1 });
    this.expected = Math.max(this.expected, event.position + 1);
  }
}

/** What the chains alone say; the verification adds the checkpoint's verdict. */
export type ChainVerdict = Omit<Verification, 'verdict' | 'checkpoint' | 'checkpointProblems'>;

/** Which streams the reader may know exist: the others are neither counted nor named. */
export type StreamVisibility = (streamId: string) => boolean;

/**
 * Checks the hash chains of any number of streams from their events in store (position) order,
 * keeping only each stream's next revision and last hash, so memory grows with the number of
 * streams, never with the number of events.
 *
 * Within a stream, revisions must follow one another as positions grow, each event's hash must
 * match its content, and its `prevHash` must be the hash of the event before it. Only the first
 * problem of a stream is kept: everything after a broken link follows from it.
 */
export class ChainVerifier {
  private readonly streams = new Map<string, StreamCursor>();
  private events = 0;

  add(event: RecordedEvent): void {
    this.events += 1;
    let stream = this.streams.get(event.streamId);
    if (!stream) {
      stream = { nextRevision: 0, lastHash: GENESIS_HASH, events: 0 };
      this.streams.set(event.streamId, stream);
    }
    stream.events += 1;
    if (stream.problem) {
      // A revision that seemed missing turns up later: it was not deleted, the two were recorded out of order.
      if (stream.problem.problem === 'revision gap' && event.revision === stream.nextRevision) {
        stream.problem = {
          ...stream.problem,
          problem: 'revision out of order',
          detail: `revision ${stream.problem.revision} is stored before revision ${event.revision} (position ${event.position})`,
        };
      }
      return;
    }
    stream.problem = this.check(stream, event);
    if (stream.problem) return;
    stream.nextRevision += 1;
    stream.lastHash = String(event.metadata.hash);
  }

  /** Every stream seen, visible or not. */
  streamIds(): string[] {
    return [...this.streams.keys()];
  }

  result(visible: StreamVisibility = () => true): ChainVerdict {
    const shown = [...this.streams].filter(([id]) => visible(id)).map(([, stream]) => stream);
    const events = shown.reduce((sum, s) => sum + s.events, 0);
    const tampered = shown.flatMap((s) => (s.problem ? [s.problem] : [])).sort((a, b) => a.position - b.position);
    const first = tampered[0];
    return {
      ok: first === undefined,
      streams: shown.length,
      events,
      problems: tampered.slice(0, REPORTED_PROBLEMS),
      tamperedStreams: tampered.length,
      message: first
        ? `tampered: ${tampered.length} of ${shown.length} streams (${events} events checked). First: ${describeProblem(first)}`
        : `all ${shown.length} streams verified (${events} events)`,
    };
  }

  private check(stream: StreamCursor, event: RecordedEvent): ChainProblem | undefined {
    const at = { streamId: event.streamId, revision: event.revision, position: event.position, eventId: event.id };
    if (event.revision < stream.nextRevision) {
      return { ...at, problem: 'revision out of order', detail: `revision ${event.revision} is stored after revision ${stream.nextRevision - 1}` };
    }
    if (event.revision > stream.nextRevision) {
      const previous = stream.nextRevision === 0 ? 'the stream starts' : `revision ${stream.nextRevision - 1}`;
      return { ...at, problem: 'revision gap', detail: `revision ${stream.nextRevision} is missing: ${previous} is followed by revision ${event.revision}` };
    }
    const { prevHash, hash } = event.metadata;
    const recomputed = eventHash(String(prevHash), event);
    if (typeof prevHash !== 'string' || typeof hash !== 'string' || recomputed !== hash) {
      return { ...at, problem: 'hash mismatch', detail: `its content hashes to ${recomputed}, not the recorded ${String(hash)}` };
    }
    if (prevHash !== stream.lastHash) {
      return { ...at, problem: 'broken link', detail: `its prevHash ${prevHash} is not the hash of the event before it, ${stream.lastHash}` };
    }
    return undefined;
  }
}

export function describeProblem(p: ChainProblem): string {
  return `stream ${p.streamId}, revision ${p.revision} (position ${p.position}, event ${p.eventId}): ${p.problem} — ${p.detail}`;
}
