import { useI18n } from '../i18n/i18n';
import { eventLabel, fieldLabel, L } from '../shared/labels';
import type { HistoryItem, JsonSchema, WorkflowInfo } from '../shared/types';
import { DataFields, DataValue, schemaAt, valueAt } from './event-data';

/** Someone a case names: the object of an event's data that holds their subject id (`complainant`, `victim`). */
export interface Person {
  /** Their subject id, or where they are recorded when it is not known. */
  readonly key: string;
  /** Dotted path of the object within the event's data: names their part in the case. */
  readonly path: string;
  /** The key of their subject id within that object. */
  readonly subjectKey: string;
  readonly data: Record<string, unknown>;
  readonly schema: JsonSchema | undefined;
  readonly item: HistoryItem;
}

/** A text written about the case (a complaint, goals, a reflection, a response): personal information outside a person's own fields. */
export interface Writing {
  readonly path: string;
  readonly value: unknown;
  readonly schema: JsonSchema | undefined;
  readonly item: HistoryItem;
}

/**
 * What a case is about, read from its events as the API showed them and from what the workflow
 * declares personal in each event (GET /workflows `personalData`): its people — each object holding
 * a subject's id, the latest recording of each — and the texts written about it, oldest first.
 */
export function caseContent(items: readonly HistoryItem[], workflow: WorkflowInfo | undefined): { people: Person[]; writings: Writing[] } {
  const people = new Map<string, Person>();
  const writings: Writing[] = [];
  for (const item of items) {
    const event = workflow?.events.find((e) => e.type === item.type);
    for (const group of event?.personalData ?? []) {
      const cut = group.subject.lastIndexOf('.');
      const owner = cut < 0 ? '' : group.subject.slice(0, cut);
      if (owner) {
        const data = valueAt(item.data, owner);
        if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
          const subjectKey = group.subject.slice(cut + 1);
          const subject = (data as Record<string, unknown>)[subjectKey];
          const key = typeof subject === 'string' ? subject : `${item.eventId}:${owner}`;
          const before = people.get(key);
          people.set(key, {
            key,
            path: owner,
            subjectKey,
            data: { ...before?.data, ...(data as Record<string, unknown>) },
            schema: schemaAt(event?.schema, item.data, owner),
            item,
          });
        }
      }
      for (const field of group.fields) {
        if (owner && field.startsWith(`${owner}.`)) continue;
        const value = valueAt(item.data, field);
        if (value !== undefined) writings.push({ path: field, value, schema: schemaAt(event?.schema, item.data, field), item });
      }
    }
  }
  return { people: [...people.values()], writings };
}

/** The people of a case and what is written about it, for those the API shows them to (`[redacted]` to the others). */
export function CaseContent({ items, workflow, region }: { items: readonly HistoryItem[]; workflow: WorkflowInfo | undefined; region: string | undefined }) {
  const { t, instant } = useI18n();
  const { people, writings } = caseContent(items, workflow);
  return (
    <div class="columns content">
      <section aria-labelledby="people-title">
        <h3 id="people-title">{t.people}</h3>
        {people.length === 0 ? <p>{t.noPeople}</p> : null}
        <ul class="people">
          {people.map((person) => (
            <li key={person.key} class="person">
              <h4>
                <L label={fieldLabel(workflow, person.path)} />
              </h4>
              <DataFields data={person.data} schema={person.schema} path={person.path} workflow={workflow} region={region} omit={[person.subjectKey]} />
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="about-title">
        <h3 id="about-title">{t.about}</h3>
        {writings.length === 0 ? <p>{t.nothingWritten}</p> : null}
        <dl class="writings">
          {writings.map((writing) => (
            <div key={`${writing.item.eventId}:${writing.path}`} class="writing">
              <dt>
                <L label={fieldLabel(workflow, writing.path)} />
                <span class="hint">
                  {' '}
                  (<L label={eventLabel(workflow, writing.item.type)} />
                  {', '}
                  <time dateTime={writing.item.occurredAt}>{instant(writing.item.occurredAt, region)}</time>)
                </span>
              </dt>
              <dd>
                <DataValue value={writing.value} schema={writing.schema} path={writing.path} workflow={workflow} region={region} />
              </dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}

