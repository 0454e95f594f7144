import { v7 as uuidv7 } from 'uuid';
import type { EventStore, EventToAppend, ExpectedRevision, RecordedEvent } from '../../src/event-store/event-store';

/** One call to `append`: events for one stream, with the revision the writer expects. */
export interface AppendCall {
  readonly streamId: string;
  readonly events: readonly EventToAppend[];
  readonly expectedRevision: ExpectedRevision;
  /** The stream's revision before the call, -1 for a new stream (for stores that count otherwise). */
  readonly previousRevision: number;
}

/** Appends issued together: Mend gets them in the same turn of the event loop; the raw baseline commits them in one transaction. */
export type CommitGroup = readonly AppendCall[];

export interface Workload {
  readonly name: string;
  readonly groups: readonly CommitGroup[];
  readonly events: number;
}

/** Events shaped like a complaint's, cycled from a stored history, each with a fresh UUIDv7 id. */
class EventSource {
  private next = 0;
  constructor(private readonly template: readonly RecordedEvent[]) {}

  take(): EventToAppend {
    const event = this.template[this.next++ % this.template.length]!;
    return { id: uuidv7(), type: event.type, data: event.data, metadata: event.metadata };
  }
}

const newStream = () => `complaint-${uuidv7()}`;

/** Each event its own append, awaited before the next: the latency-bound case of one writer. */
export function sequential(template: readonly RecordedEvent[], events: number, perStream = template.length): Workload {
  const source = new EventSource(template);
  const groups: CommitGroup[] = [];
  let streamId = newStream();
  for (let i = 0; i < events; i++) {
    const revision = i % perStream;
    if (revision === 0 && i > 0) streamId = newStream();
    groups.push([{ streamId, events: [source.take()], expectedRevision: revision === 0 ? 'no_stream' : revision - 1, previousRevision: revision - 1 }]);
  }
  return { name: 'sequential', groups, events };
}

/** `size` events per append, one new stream each: an import or a long decision. */
export function batched(template: readonly RecordedEvent[], events: number, size: number): Workload {
  const source = new EventSource(template);
  const groups: CommitGroup[] = [];
  for (let done = 0; done < events; done += size) {
    const count = Math.min(size, events - done);
    groups.push([{ streamId: newStream(), events: Array.from({ length: count }, () => source.take()), expectedRevision: 'no_stream', previousRevision: -1 }]);
  }
  return { name: 'batched', groups, events };
}

/** `concurrency` single-event appends to as many streams at once, as concurrent requests make them. */
export function concurrent(template: readonly RecordedEvent[], events: number, concurrency: number): Workload {
  const source = new EventSource(template);
  const groups: CommitGroup[] = [];
  let streams: string[] = [];
  for (let done = 0, wave = 0; done < events; done += concurrency, wave++) {
    const revision = wave % template.length;
    if (revision === 0) streams = Array.from({ length: concurrency }, newStream);
    const count = Math.min(concurrency, events - done);
    groups.push(
      streams.slice(0, count).map((streamId) => ({
        streamId,
        events: [source.take()],
        expectedRevision: revision === 0 ? 'no_stream' : revision - 1,
        previousRevision: revision - 1,
      })),
    );
  }
  return { name: 'concurrent', groups, events };
}

/** Runs a workload through a store: each group's appends issued at once, the group awaited before the next. */
export async function runThroughStore(store: EventStore, workload: Workload): Promise<void> {
  for (const group of workload.groups) {
    if (group.length === 1) {
      const [call] = group;
      await store.append(call!.streamId, call!.events, { expectedRevision: call!.expectedRevision });
    } else {
      await Promise.all(group.map((call) => store.append(call.streamId, call.events, { expectedRevision: call.expectedRevision })));
    }
  }
}
