import { RECORD_KEYWORD } from '../../../domain/json-schema-keywords';
import type { HistoryItem, JsonSchema, WorkflowEvent, WorkflowInfo } from '../shared/types';
import { fieldLabel } from '../shared/labels';
import { isSealed, recordsOf, schemaAt, valueAt } from './event-data';

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
  /** The event that ended their part in the case (they left a cohort, their registration was cancelled), if one did. */
  readonly ended?: HistoryItem;
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
 * `corrects` them), those whose part ended last — and the texts written about it, oldest first.
 */
export function caseContent(items: readonly HistoryItem[], workflow: WorkflowInfo | undefined): { people: Person[]; writings: Writing[] } {
  const people = new Map<string, Person>();
  const writings: Writing[] = [];
  for (const item of items) {
    const event = workflow?.events.find((e) => e.type === item.type);
    for (const key of endedBy(item, event, items, workflow)) {
      const person = people.get(key);
      if (person) people.set(key, { ...person, ended: item });
    }
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
          // Recorded again (rejoining, say): their part goes on.
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
  // Those still taking part first, each group in the order the case recorded them.
  const all = [...people.values()];
  return { people: [...all.filter((person) => !person.ended), ...all.filter((person) => person.ended)], writings };
}

/** The subject ids an event records people under: each object of its data holding a personal-data group's subject id. */
function subjectsRecordedBy(item: HistoryItem, event: WorkflowEvent | undefined): string[] {
  return (event?.personalData ?? []).flatMap((group) => {
    const subject = group.subject.includes('.') && !group.corrects ? valueAt(item.data, group.subject) : undefined;
    return typeof subject === 'string' ? [subject] : [];
  });
}

/**
 * Whom an event's `ends` field names (GET /workflows): a subject id, or the id of a record of the
 * case (`pointer`, `x-mend-record`) that made someone part of it (a registration).
 */
function endingOf(item: HistoryItem, event: WorkflowEvent | undefined): { readonly named: string; readonly pointer: string | undefined } | undefined {
  const named = event?.ends ? valueAt(item.data, event.ends) : undefined;
  if (typeof named !== 'string') return undefined;
  return { named, pointer: schemaAt(event!.schema, item.data, event!.ends!)?.[RECORD_KEYWORD] };
}

/** Whose part in the case an event ends: the person its field names, by their subject id or by the record that made them part of the case. */
function endedBy(item: HistoryItem, event: WorkflowEvent | undefined, items: readonly HistoryItem[], workflow: WorkflowInfo | undefined): string[] {
  const ending = endingOf(item, event);
  if (!ending?.pointer) return ending ? [ending.named] : [];
  const record = recordsOf(items, ending.pointer).find((r) => r.id === ending.named);
  return record ? subjectsRecordedBy(record.item, workflow?.events.find((e) => e.type === record.item.type)) : [];
}

/** The records a later event ended (a cancelled registration), as `<pointer> <id>`: a form no longer offers them. */
export function endedRecords(items: readonly HistoryItem[], workflow: WorkflowInfo | undefined): Set<string> {
  const ended = new Set<string>();
  for (const item of items) {
    const ending = endingOf(item, workflow?.events.find((e) => e.type === item.type));
    if (ending?.pointer) ended.add(`${ending.pointer} ${ending.named}`);
  }
  return ended;
}

/**
 * The people a case records, each by their subject id and as a reader tells them apart: their name
 * (where the reader may see it) and their part in the case (`Alex Martin — Representative`). Those
 * recorded without an id are left out: nothing would name them to the API.
 */
export function namedPeople(
  items: readonly HistoryItem[],
  workflow: WorkflowInfo | undefined,
  recordedAt: boolean | string = true,
): { readonly id: string; readonly name: string }[] {
  // `<Event>.<field>` (an `x-mend-subject` pointer): only the people that event records there (the support persons agreed).
  const [type, field] = typeof recordedAt === 'string' ? recordedAt.split('.', 2) : [];
  return caseContent(items, workflow).people.flatMap((person) => {
    // Whose part has ended (a representative who left) is not offered for what the case does next.
    if (typeof person.data[person.subjectKey] !== 'string' || person.ended) return [];
    if (type !== undefined && (person.item.type !== type || person.path !== field)) return [];
    const name = person.data['name'];
    const part = fieldLabel(workflow, person.path).text;
    return [{ id: person.key, name: typeof name === 'string' && !isSealed(name) ? `${name} — ${part}` : part }];
  });
}
