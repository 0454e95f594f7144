import { formatInstant } from '../shared/business-days';
import type { HistoryItem } from '../shared/types';
import { humanize } from './schema';

/** The case's events, newest last, each with who recorded it and when. */
export function Timeline({ items, upTo }: { items: readonly HistoryItem[]; upTo?: number }) {
  if (items.length === 0) return <p>No events.</p>;
  return (
    <ol class="timeline">
      {items.map((item) => (
        <li key={item.eventId} class={upTo !== undefined && item.revision > upTo ? 'later' : undefined}>
          {upTo !== undefined && item.revision > upTo ? <span class="visually-hidden">Later: </span> : null}
          <span class="event-type">{humanize(item.type)}</span>{' '}
          <time dateTime={item.occurredAt}>{formatInstant(item.occurredAt)}</time>{' '}
          <span class="hint">
            by {item.actor.id} ({item.actor.role}), revision {item.revision}
          </span>
        </li>
      ))}
    </ol>
  );
}
