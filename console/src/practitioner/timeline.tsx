import { useI18n } from '../i18n/i18n';
import { usePeople } from '../shared/context';
import { eventLabel, Fill, L } from '../shared/labels';
import type { HistoryItem, WorkflowInfo } from '../shared/types';
import { DataFields, isSealed } from './event-data';

const holdsSealed = (value: unknown): boolean =>
  isSealed(value) || (value !== null && typeof value === 'object' && Object.values(value as Record<string, unknown>).some(holdsSealed));

/**
 * The case's events, newest last: when each happened (its business time) and when it was entered,
 * who entered it, and its data as the API showed it, in the case's region's time zone.
 */
export function Timeline({
  items,
  upTo,
  region,
  workflow,
  enteredLater = [],
}: {
  items: readonly HistoryItem[];
  upTo?: number;
  region?: string;
  workflow?: WorkflowInfo | undefined;
  /** Revisions the log recorded after the moment shown (an as-of view by business time). */
  enteredLater?: readonly number[];
}) {
  const { t, instant, role, language } = useI18n();
  const person = usePeople();
  if (items.length === 0) return <p>{t.noEvents}</p>;
  const sealed = items.some((item) => holdsSealed(item.data));
  const schemaOf = (type: string) => workflow?.events.find((e) => e.type === type)?.schema;
  return (
    <>
      {sealed ? (
        <p class="hint">
          <Fill sentence={t.sealedNote} labels={[{ text: t.redacted, lang: language }, { text: t.erased, lang: language }]} />
        </p>
      ) : null}
      <ol class="timeline">
        {items.map((item) => {
          const hasData = item.data !== null && typeof item.data === 'object' && Object.keys(item.data).length > 0;
          return (
            <li key={item.eventId} class={upTo !== undefined && item.revision > upTo ? 'later' : undefined}>
              {upTo !== undefined && item.revision > upTo ? <span class="visually-hidden">{t.later}</span> : null}
              <span class="event-type">
                <L label={eventLabel(workflow, item.type)} />
              </span>{' '}
              <span class="when">
                {t.happened}
                <time dateTime={item.occurredAt}>{instant(item.occurredAt, region)}</time>
                {Math.abs(Date.parse(item.recordedAt) - Date.parse(item.occurredAt)) >= 60_000 ? (
                  <>
                    {t.enteredOn}
                    <time dateTime={item.recordedAt}>{instant(item.recordedAt, region)}</time>
                  </>
                ) : null}
              </span>{' '}
              <span class="hint">{t.recordedBy(person(item.actor.id), role(item.actor.role), item.revision)}</span>
              {enteredLater.includes(item.revision) ? <strong class="entered-later">{t.enteredLater}</strong> : null}
              {hasData ? (
                <details class="event-data">
                  <summary>{t.eventData}</summary>
                  <DataFields data={item.data as Record<string, unknown>} schema={schemaOf(item.type)} path="" workflow={workflow} region={region} />
                </details>
              ) : null}
            </li>
          );
        })}
      </ol>
    </>
  );
}
