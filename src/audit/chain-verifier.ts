import type { RecordedEvent } from '../event-store/event-store';
import type { ChainProblem, Verification } from './audit.schemas';
import { eventHash, GENESIS_HASH } from '../event-store/hash-chain';

const REPORTED_PROBLEMS = 100;

interface StreamCursor {
  nextRevision: number;
  lastHash: string;
  problem?: ChainProblem;
}

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
      stream = { nextRevision: 0, lastHash: GENESIS_HASH };
      this.streams.set(event.streamId, stream);
    }
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

  result(): Verification {
    const tampered = [...this.streams.values()].flatMap((s) => (s.problem ? [s.problem] : [])).sort((a, b) => a.position - b.position);
    const first = tampered[0];
    return {
      ok: first === undefined,
      streams: this.streams.size,
      events: this.events,
      problems: tampered.slice(0, REPORTED_PROBLEMS),
      tamperedStreams: tampered.length,
      message: first
        ? `tampered: ${tampered.length} of ${this.streams.size} streams (${this.events} events checked). First: ${describeProblem(first)}`
        : `all ${this.streams.size} streams verified (${this.events} events)`,
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
