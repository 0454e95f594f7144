import { StreamNotFoundError, type EventStore, type RecordedEvent } from '../event-store/event-store';
import { nextTurn } from '../event-store/next-turn';

export const PAGE_SIZE = 500;

/**
 * A stream's events page by page, oldest first, so that a long stream is never held in memory.
 * A stream that does not exist yields nothing. Each page after the first waits for the event
 * loop's next turn, so that a long read leaves the process answering other requests.
 */
export async function* streamPages(
  store: EventStore,
  streamId: string,
  fromRevision = 0,
  pageSize = PAGE_SIZE,
): AsyncGenerator<RecordedEvent[]> {
  for (let next = fromRevision; ; await nextTurn()) {
    let page: RecordedEvent[];
    try {
      page = await store.readStream(streamId, { fromRevision: next, maxCount: pageSize });
    } catch (error) {
      if (error instanceof StreamNotFoundError) return;
      throw error;
    }
    if (page.length > 0) yield page;
    if (page.length < pageSize) return;
    next = page[page.length - 1]!.revision + 1;
  }
}

/**
 * Every event of the store after a position, page by page in position order. Each page starts at
 * the last position seen (KurrentDB positions are record starts, not every number is one) and
 * drops what was already seen. Each page after the first waits for the event loop's next turn.
 */
export async function* allPages(store: EventStore, afterPosition = -1, pageSize = PAGE_SIZE): AsyncGenerator<RecordedEvent[]> {
  for (let after = afterPosition; ; await nextTurn()) {
    const wanted = after >= 0 ? pageSize + 1 : pageSize;
    const read = await store.readAll({ fromPosition: Math.max(after, 0), maxCount: wanted });
    const page = read.filter((event) => event.position > after);
    if (page.length > 0) yield page;
    if (read.length < wanted || page.length === 0) return;
    after = page[page.length - 1]!.position;
  }
}

/** `complaint-<caseId>` → `<caseId>`: categories hold no hyphen (domain/workflow.ts). */
export function caseIdOf(streamId: string): string {
  return streamId.slice(streamId.indexOf('-') + 1);
}

export function categoryOf(streamId: string): string {
  return streamId.slice(0, streamId.indexOf('-'));
}
