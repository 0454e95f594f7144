import { CASE_KEYWORD, CLOCK_KEY_KEYWORD, RECORD_KEYWORD, SHARE_KEYWORD, STAFF_ID_KEYWORD, SUBJECT_KEYWORD } from '../../../domain/json-schema-keywords';
import { useI18n } from '../i18n/i18n';
import { usePeople } from '../shared/context';
import { clockLabel, eventLabel, fieldLabel, Fill, L, type Label } from '../shared/labels';
import type { HistoryItem, JsonSchema, WorkflowInfo } from '../shared/types';
import { caseContent } from './people';
import { CasePeople, CaseRecords, DataFields, isSealed } from './event-data';
import { isMinted } from '../shared/case-route';

/** `value` without the entry at a dotted path of object keys (unchanged where the path leads nowhere). */
function withoutPath(value: Record<string, unknown>, [key, ...rest]: readonly string[]): Record<string, unknown> {
  if (key === undefined || !(key in value)) return value;
  if (rest.length === 0) {
    const { [key]: _removed, ...others } = value;
    return others;
  }
  const child = value[key];
  if (child === null || typeof child !== 'object' || Array.isArray(child)) return value;
  return { ...value, [key]: withoutPath(child as Record<string, unknown>, rest) };
}

/**
 * The names of a case's people by subject id, from their records in its history (`[redacted]` where
 * the API hid them); someone recorded without a name (an anonymous client) by their part in the case.
 */
function peopleNames(items: readonly HistoryItem[], workflow: WorkflowInfo | undefined): ReadonlyMap<string, string> {
  const names = new Map<string, string>();
  for (const person of caseContent(items, workflow).people) {
    const name = person.data['name'];
    names.set(person.key, typeof name === 'string' ? name : fieldLabel(workflow, person.path).text);
  }
  return names;
}

/** A field whose schema says whom or what its id is: shown by that name, not left out. */
const named = (schema: JsonSchema): boolean => [SUBJECT_KEYWORD, CASE_KEYWORD, STAFF_ID_KEYWORD].some((keyword) => schema[keyword as keyof JsonSchema] !== undefined);

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
  const { t, instant, role, language, percent } = useI18n();
  const person = usePeople();
  if (items.length === 0) return <p>{t.noEvents}</p>;
  const sealed = items.some((item) => holdsSealed(item.data));
  const eventOf = (type: string) => workflow?.events.find((e) => e.type === type);
  // A person's record (`complainant`) holds their subject id: the record is shown, not the id; elsewhere an id is shown as the person's name.
  // The id Mend minted for the record an event makes (a session, a meeting) is nothing to read either; an id someone chose is.
  const shown = (item: HistoryItem) => {
    const event = eventOf(item.type);
    const data = (event?.personalData ?? [])
      .filter((group) => group.subject.includes('.'))
      .reduce((shown, group) => withoutPath(shown, group.subject.split('.')), item.data as Record<string, unknown>);
    // So is one the schema names nothing of (a record's own id the workflow does not mark as such).
    const ownIds = Object.entries(event?.schema.properties ?? {}).filter(
      ([key, schema]) => isMinted(data[key]) && (schema[RECORD_KEYWORD] === `${item.type}.${key}` || (schema[RECORD_KEYWORD] === undefined && !named(schema))),
    );
    return ownIds.reduce((shown, [key]) => withoutPath(shown, [key]), data);
  };
  // A clock's event names its clock beside what happened to it, and a warning the share of its time
  // it came at ("SLA warning: Acknowledgement, 50%"), so that two warnings read apart unopened.
  const clockNamed = (item: HistoryItem): Label | undefined => {
    const valueOf = (keyword: string): unknown => {
      const key = Object.entries(eventOf(item.type)?.schema.properties ?? {}).find(([, schema]) => schema[keyword as keyof JsonSchema])?.[0];
      return key === undefined ? undefined : (item.data as Record<string, unknown>)[key];
    };
    const clock = valueOf(CLOCK_KEY_KEYWORD);
    if (typeof clock !== 'string') return undefined;
    const label = clockLabel([workflow], clock, clock);
    const share = valueOf(SHARE_KEYWORD);
    return typeof share === 'number' ? { ...label, text: `${label.text}, ${percent(share)}` } : label;
  };
  return (
    <>
      {sealed ? (
        <p class="hint">
          <Fill sentence={t.sealedNote} labels={[{ text: t.redacted, lang: language }, { text: t.erased, lang: language }]} />
        </p>
      ) : null}
      <CasePeople.Provider value={peopleNames(items, workflow)}>
        <CaseRecords.Provider value={items}>
          <ol class="timeline">
            {items.map((item) => {
              const hasData = item.data !== null && typeof item.data === 'object' && Object.keys(item.data).length > 0;
              const clock = hasData ? clockNamed(item) : undefined;
              return (
                <li key={item.eventId} class={upTo !== undefined && item.revision > upTo ? 'later' : undefined}>
                  {upTo !== undefined && item.revision > upTo ? <span class="visually-hidden">{t.later}</span> : null}
                  <span class="event-type">
                    <L label={eventLabel(workflow, item.type)} />
                    {clock ? (
                      <>
                        {t.colon}
                        <L label={clock} />
                      </>
                    ) : null}
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
                      <DataFields data={shown(item)} schema={eventOf(item.type)?.schema} path="" workflow={workflow} region={region} />
                    </details>
                  ) : null}
                </li>
              );
            })}
          </ol>
        </CaseRecords.Provider>
      </CasePeople.Provider>
    </>
  );
}
