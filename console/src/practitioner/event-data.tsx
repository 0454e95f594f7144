import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { ERASED, REDACTED, SEALED_MARKERS } from '../../../domain/sealed-fields';
import type { Messages } from '../i18n/messages';
import { formatDate, useI18n, type Language } from '../i18n/i18n';
import { CASE_KEYWORD, CLOCK_KEY_KEYWORD, DURATION_MS_KEYWORD, LOCAL_TIME_KEYWORD, RECORD_KEYWORD, SHARE_KEYWORD, STAFF_ID_KEYWORD, STATE_KEYWORD, SUBJECT_KEYWORD, WORKFLOW_KEYWORD } from '../../../domain/json-schema-keywords';
import type { Api } from '../shared/api';
import { useConsole, usePeople, useSettled, useWorkflows } from '../shared/context';
import { href } from '../shared/router';
import { isMinted } from '../shared/case-route';
import { clockLabel, eventLabel, fieldLabel, inReadersLanguage, L, stateLabel, valueLabel, workflowTitle } from '../shared/labels';
import type { CasePage, HistoryItem, JsonSchema, WorkflowInfo } from '../shared/types';
import { discriminator, withoutNull } from './schema';

/** The schema of a value's child `key`, following a discriminated union to the branch the value is in. */
export function childSchema(schema: JsonSchema | undefined, key: string, value: unknown): JsonSchema | undefined {
  if (!schema) return undefined;
  const s = withoutNull(schema);
  const branches = s.oneOf ?? s.anyOf;
  if (branches) {
    const tag = discriminator(s);
    const chosen = tag ? branches.find((b) => b.properties?.[tag]?.const === (value as Record<string, unknown> | undefined)?.[tag]) : undefined;
    return childSchema(chosen ?? branches.find((b) => b.properties?.[key]), key, value);
  }
  if (/^\d+$/.test(key)) return s.items;
  return s.properties?.[key];
}

/** The schema of the value at a dotted path within `root`. */
export function schemaAt(schema: JsonSchema | undefined, root: unknown, path: string): JsonSchema | undefined {
  let current = schema;
  let value = root;
  for (const key of path.split('.').filter(Boolean)) {
    current = childSchema(current, key, value);
    value = (value as Record<string, unknown> | undefined)?.[key];
  }
  return current;
}

export const valueAt = (root: unknown, path: string): unknown =>
  path
    .split('.')
    .filter(Boolean)
    .reduce<unknown>((value, key) => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), root);

/** `[redacted]`, `[erased]`: what the API shows in place of personal information, in its own words. */
export const isSealed = (value: unknown): value is string => typeof value === 'string' && SEALED_MARKERS.includes(value);

/** A marker of personal information not shown, as the page's language writes it (`[masqué]`). */
export const sealedText = (t: Messages, marker: string): string => (marker === REDACTED ? t.redacted : marker === ERASED ? t.erased : t.unreadable);

/**
 * The names a case records for its people, by subject id, as the API showed them (`[redacted]` to
 * those who may not see them): a subject id in an event's data is shown as the person's name.
 */
export const CasePeople = createContext<ReadonlyMap<string, string>>(new Map());

/** The case's events, as read: a record's id in an event's data is shown as the event that made it. */
export const CaseRecords = createContext<readonly HistoryItem[]>([]);

/** The records a case made that a field points at (`x-mend-record`: `<Event>.<field>`), each with its id and the event that made it, oldest first. */
export function recordsOf(items: readonly HistoryItem[], pointer: string): { readonly id: string; readonly item: HistoryItem }[] {
  const [type, field] = pointer.split('.', 2) as [string, string | undefined];
  return items.flatMap((item) => {
    const id = item.type === type && field ? valueAt(item.data, field) : undefined;
    return typeof id === 'string' ? [{ id, item }] : [];
  });
}

interface ValueProps {
  readonly value: unknown;
  readonly schema: JsonSchema | undefined;
  /** Dotted path within the event's data: names nested fields. */
  readonly path: string;
  readonly workflow: WorkflowInfo | undefined;
  readonly region: string | undefined;
}

/**
 * One value of an event's data as people read it: times in the case's zone, enums, fields, clocks,
 * states and programs by their labels, staff and the case's people by their names, its records by
 * the events that made them, other cases by their references.
 */
export function DataValue({ value, schema, path, workflow, region }: ValueProps) {
  const { t, instant, number, percent, duration, language } = useI18n();
  const nameOf = usePeople();
  const workflows = useWorkflows();
  const casePeople = useContext(CasePeople);
  const caseRecords = useContext(CaseRecords);
  const s = schema ? withoutNull(schema) : undefined;
  if (value === undefined || value === null) return <>—</>;
  if (isSealed(value)) return <span class="sealed">{sealedText(t, value)}</span>;
  if (typeof value === 'boolean') return <>{value ? t.yes : t.no}</>;
  if (typeof value === 'number') return <>{s?.[SHARE_KEYWORD] ? percent(value) : s?.[DURATION_MS_KEYWORD] ? duration(value) : number(value)}</>;
  if (typeof value === 'string') {
    if (s?.format === 'date-time') return <time dateTime={value}>{instant(value, region)}</time>;
    if (s?.format === 'date') return <time dateTime={value}>{localDate(value, language)}</time>;
    if (s?.enum || s?.const !== undefined) return <L label={valueLabel(workflow, value)} />;
    if (s?.[CLOCK_KEY_KEYWORD]) return <L label={clockLabel([workflow], value, value)} />;
    if (s?.[STATE_KEYWORD]) return <L label={stateLabel(workflow, value)} />;
    if (s?.[STAFF_ID_KEYWORD]) return <>{nameOf(value)}</>;
    const pointer = s?.[RECORD_KEYWORD];
    const record = pointer ? recordsOf(caseRecords, pointer).find((r) => r.id === value) : undefined;
    if (record) return <RecordName item={record.item} id={value} workflow={workflow} region={region} />;
    if (s?.[SUBJECT_KEYWORD]) {
      const name = casePeople.get(value);
      if (name === undefined) return <span class="written">{value}</span>;
      return isSealed(name) ? <span class="sealed">{sealedText(t, name)}</span> : <>{name}</>;
    }
    if (s?.[CASE_KEYWORD]) return <CaseName caseId={value} />;
    if (s?.[WORKFLOW_KEYWORD]) return <L label={workflowTitle(workflows.find((w) => w.name === value), value)} />;
    if (s?.[LOCAL_TIME_KEYWORD]) return <time dateTime={value}>{localTime(value, language)}</time>;
    return <span class="written">{value}</span>;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return <>—</>;
    return (
      <ul class="data-list">
        {value.map((item, i) => (
          <li key={i}>
            <DataValue value={item} schema={childSchema(s, String(i), value)} path={`${path}.${i}`} workflow={workflow} region={region} />
          </li>
        ))}
      </ul>
    );
  }
  if (typeof value === 'object') return <DataFields data={value as Record<string, unknown>} schema={s} path={path} workflow={workflow} region={region} />;
  return <>{String(value)}</>;
}

/** Each case's reference by id, once per sign-in (null: not one the reader may list). */
const references = new WeakMap<Api, Map<string, Promise<string | null>>>();

/** The reference of a case another case links to, by a list (`?ids=`): a read of the case would be access-logged as one. */
function referenceOf(api: Api, caseId: string): Promise<string | null> {
  let known = references.get(api);
  if (!known) references.set(api, (known = new Map()));
  let found = known.get(caseId);
  if (!found) {
    found = api.get<CasePage>(`/cases?ids=${encodeURIComponent(caseId)}&limit=1`).then(
      (page) => page.items[0]?.reference ?? null,
      () => null,
    );
    known.set(caseId, found);
  }
  return found;
}

/** Another case, by its reference and a link to it where the reader may list it, else by its id. */
function CaseName({ caseId }: { caseId: string }) {
  const reference = useSettled(referenceOf(useConsole().api, caseId), null);
  return reference ? <a href={href.case(caseId)}>{reference}</a> : <span class="written">{caseId}</span>;
}

/** A record of the case as people tell it apart: the event that made it and when, and its id where someone chose it (`letter-1`, not a minted UUID). */
export function RecordName({ item, id, workflow, region }: { item: HistoryItem; id: string; workflow: WorkflowInfo | undefined; region: string | undefined }) {
  const { instant } = useI18n();
  return (
    <>
      <L label={eventLabel(workflow, item.type)} />
      {recordWhen(item, id, workflow, (at) => instant(at, region))}
    </>
  );
}

/**
 * What follows a record's event name: when it was made, the id someone chose for it, and the
 * person it records where the reader may see their name (a registration: who registered).
 */
export function recordWhen(item: HistoryItem, id: string, workflow: WorkflowInfo | undefined, instant: (iso: string) => string): string {
  const groups = workflow?.events.find((e) => e.type === item.type)?.personalData ?? [];
  const names = groups
    .filter((group) => group.subject.includes('.'))
    .map((group) => valueAt(item.data, `${group.subject.slice(0, group.subject.lastIndexOf('.'))}.name`))
    .filter((name): name is string => typeof name === 'string' && !isSealed(name));
  return `, ${instant(item.occurredAt)}${isMinted(id) ? '' : ` (${id})`}${names.length > 0 ? ` — ${names.join(', ')}` : ''}`;
}

/** A wall clock's reading (`2026-11-16T07:00`) written the reader's way, in no zone. */
function localTime(value: string, language: Language): string {
  const at = Date.parse(`${value}:00Z`);
  return Number.isNaN(at) ? value : formatDate(new Date(at), language, 'dateTime', 'UTC');
}

/** A local date (`2026-02-02`) written the reader's way, without moving it across time zones. */
export function localDate(value: string, language: Language): string {
  const at = Date.parse(`${value}T12:00:00Z`);
  return Number.isNaN(at) ? value : formatDate(new Date(at), language, 'date', 'UTC');
}

/** An object of an event's data: each field by its label, with its value. */
export function DataFields({
  data,
  schema,
  path,
  workflow,
  region,
  omit = [],
}: {
  data: Record<string, unknown>;
  schema: JsonSchema | undefined;
  path: string;
  workflow: WorkflowInfo | undefined;
  region: string | undefined;
  /** Keys not to show (a person's subject id, shown as who they are instead). */
  omit?: readonly string[];
}) {
  const { language } = useI18n();
  const entries = inReadersLanguage(data, language).filter(([key, value]) => value !== undefined && !omit.includes(key));
  if (entries.length === 0) return <>—</>;
  return (
    <dl class="details data">
      {entries.map(([key, value]) => {
        const at = path ? `${path}.${key}` : key;
        return (
          <div key={key}>
            <dt>
              <L label={fieldLabel(workflow, at)} />
            </dt>
            <dd>
              <DataValue value={value} schema={childSchema(schema, key, data)} path={at} workflow={workflow} region={region} />
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
