import type { HistoryItem, JsonSchema, WorkflowInfo } from '../shared/types';
import { fieldLabel } from '../shared/labels';
import { isSealed, schemaAt, valueAt } from './event-data';

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
 * A person's record after a correction: the new values (`changes`) over the old, a field corrected
 * to null removed. Left as it is when the correction's values are not shown to the reader.
 */
function corrected(person: Person, changes: unknown): Person {
  if (changes === null || typeof changes !== 'object' || Array.isArray(changes)) return person;
  const removed = Object.entries(changes).flatMap(([key, value]) => (value === null ? [key] : []));
  return { ...person, data: Object.fromEntries(Object.entries({ ...person.data, ...changes }).filter(([key]) => !removed.includes(key))) };
}

/**
 * What a case is about, read from its events as the API showed them and from what the workflow
 * declares personal in each event (GET /workflows `personalData`): its people — each object holding
 * a subject's id, the latest recording of each, with the corrections made since (a group that
 * `corrects` them) — and the texts written about it, oldest first.
 */
export function caseContent(items: readonly HistoryItem[], workflow: WorkflowInfo | undefined): { people: Person[]; writings: Writing[] } {
  const people = new Map<string, Person>();
  const writings: Writing[] = [];
  for (const item of items) {
    const event = workflow?.events.find((e) => e.type === item.type);
    for (const group of event?.personalData ?? []) {
      const cut = group.subject.lastIndexOf('.');
      const owner = cut < 0 ? '' : group.subject.slice(0, cut);
      if (group.corrects) {
        // New values of fields of a person's own record: shown in it, under their part in the case, not as writings.
        const subject = valueAt(item.data, group.subject);
        const person = typeof subject === 'string' ? people.get(subject) : undefined;
        if (person) people.set(person.key, corrected(person, valueAt(item.data, group.corrects)));
      } else if (owner) {
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
        if (group.corrects && field.startsWith(`${group.corrects}.`)) continue;
        const value = valueAt(item.data, field);
        if (value !== undefined) writings.push({ path: field, value, schema: schemaAt(event?.schema, item.data, field), item });
      }
    }
  }
  return { people: [...people.values()], writings };
}

/**
 * The people a case records, each by their subject id and as a reader tells them apart: their name
 * (where the reader may see it) and their part in the case (`Alex Martin — Representative`). Those
 * recorded without an id are left out: nothing would name them to the API.
 */
export function namedPeople(items: readonly HistoryItem[], workflow: WorkflowInfo | undefined): { readonly id: string; readonly name: string }[] {
  return caseContent(items, workflow).people.flatMap((person) => {
    if (typeof person.data[person.subjectKey] !== 'string') return [];
    const name = person.data['name'];
    const part = fieldLabel(workflow, person.path).text;
    return [{ id: person.key, name: typeof name === 'string' && !isSealed(name) ? `${name} — ${part}` : part }];
  });
}
