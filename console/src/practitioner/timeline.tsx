import { useI18n } from '../i18n/i18n';
import { L, technical } from '../shared/labels';
import type { HistoryItem } from '../shared/types';

/** The case's events, newest last, each with who recorded it and when, in the case's region's time zone. */
export function Timeline({ items, upTo, region, enteredLater = [] }: { items: readonly HistoryItem[]; upTo?: number; region?: string; enteredLater?: readonly number[] }) {
  const { t, instant, role } = useI18n();
  if (items.length === 0) return <p>{t.noEvents}</p>;
  return (
    <ol class="timeline">
      {items.map((item) => (
        <li key={item.eventId} class={upTo !== undefined && item.revision > upTo ? 'later' : undefined}>
          {upTo !== undefined && item.revision > upTo ? <span class="visually-hidden">{t.later}</span> : null}
          <span class="event-type">
            <L label={technical(item.type)} />
          </span>{' '}
          <time dateTime={item.occurredAt}>{instant(item.occurredAt, region)}</time>{' '}
          <span class="hint">{t.recordedBy(item.actor.id, role(item.actor.role), item.revision)}</span>
          {enteredLater.includes(item.revision) ? <strong class="entered-later">{t.enteredLater}</strong> : null}
        </li>
      ))}
    </ol>
  );
}
