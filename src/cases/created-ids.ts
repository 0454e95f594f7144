import type { NewEvent } from '../../domain/envelope';

/** An id a command's decision minted for something it created (a person, a meeting, an engagement), and where it is recorded. */
export interface CreatedId {
  readonly id: string;
  /** The first event of the decision that records it. */
  readonly event: string;
  /** Its dotted path within that event's data (`supportPerson.subjectId`, `meetingId`). */
  readonly field: string;
}

/**
 * Where each minted id appears in the decided events, in the order it was minted: the first place
 * it is recorded. An id minted but recorded nowhere created nothing and is left out.
 */
export function createdIds(events: readonly NewEvent[], minted: readonly string[]): CreatedId[] {
  if (minted.length === 0) return [];
  const wanted = new Set(minted);
  const found = new Map<string, CreatedId>();
  const walk = (value: unknown, path: string, event: string): void => {
    if (typeof value === 'string') {
      if (wanted.has(value) && !found.has(value)) found.set(value, { id: value, event, field: path });
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => walk(item, path ? `${path}.${index}` : String(index), event));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) walk(child, path ? `${path}.${key}` : key, event);
    }
  };
  for (const event of events) walk(event.data, '', event.type);
  return minted.flatMap((id) => found.get(id) ?? []);
}
