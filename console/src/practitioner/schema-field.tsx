import type { JSX } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { declaredPausable } from '../../../domain/clocks/declarations';
import { CASE_KEYWORD, CASE_WORKFLOW_FIELD_KEYWORD, RECORD_KEYWORD, STAFF_ID_KEYWORD, SUBJECT_KEYWORD, UNLESS_KEYWORD } from '../../../domain/json-schema-keywords';
import { byRegionName, REGION_NAMES } from '../../../domain/region-names';
import { useI18n, type Language } from '../i18n/i18n';
import { useConsole, useWorkflows } from '../shared/context';
import { clockLabel, eventLabel, fieldLabel, Fill, L, stateLabel, valueLabel, type Label } from '../shared/labels';
import type { CasePage, JsonSchema } from '../shared/types';
import { useLoad } from '../shared/use-load';
import { isoToZoned, zonedToIso } from '../shared/zoned-time';
import { useForm } from './form-context';
import { branchFor, chosenBranch, discriminator, initialValue, kindOf, switchVariant, withoutNull } from './schema';
import { StaffPicker } from './staff-picker';
import { recordsOf, recordWhen } from './event-data';
import { endedRecords, namedPeople } from './people';
import { serviceNow } from '../shared/service-clock';
import { FieldError } from '../shared/field-error';

/** Field errors by dotted path within the command's data (`nextLevel.name`, `topics.0`): every rule a field broke. */
export type FieldErrors = ReadonlyMap<string, readonly string[]>;

interface FieldProps {
  readonly schema: JsonSchema;
  /** Dotted path from the form's root (within the command's data); also the element id's suffix. */
  readonly path: string;
  /** The field's name, when not its path's: a list's item is named by its position in the list. */
  readonly label?: FieldName;
  readonly idPrefix: string;
  readonly required: boolean;
  readonly value: unknown;
  readonly onChange: (value: unknown) => void;
  readonly errors: FieldErrors;
  /** The object the field is one of, as filled in so far (a case field may take its workflow from a field beside it). */
  readonly holder?: Readonly<Record<string, unknown>>;
}

/** A list's item by its position (from 1) in the list: "Restorative practitioners, item 1". */
interface ItemName {
  readonly list: Label;
  readonly position: number;
}

/** A field's name: its label, or an item's of a list. */
type FieldName = Label | ItemName;

const isItem = (name: FieldName): name is ItemName => 'list' in name;

const REGION_CODES: ReadonlySet<unknown> = new Set(Object.keys(REGION_NAMES));

/** An enum's values as a pick offers them: a region field's (its enum is every region) by their names in the page's language, any other's in its own order. */
function offered(values: readonly unknown[], language: Language): readonly unknown[] {
  const regions = values.length === REGION_CODES.size && values.every((value) => REGION_CODES.has(value));
  return regions ? byRegionName(values as readonly string[], language) : values;
}

/** A field's name on the page: an item's, a sentence of the page's language with the list's label in it (in its own language). */
function Named({ name }: { name: FieldName }) {
  const { t } = useI18n();
  return isItem(name) ? <Fill sentence={(list) => t.listItem(list, name.position)} labels={[name.list]} /> : <L label={name} />;
}

export const fieldId = (idPrefix: string, path: string) => `${idPrefix}-${path.replace(/[^A-Za-z0-9_-]/g, '_') || 'root'}`;

/** The field's errors, each rule it broke on a line of its own. */
function ErrorLines({ id, messages }: { id: string; messages: readonly string[] | undefined }) {
  const { language } = useI18n();
  const { errorsIn = language } = useForm();
  return <FieldError id={id} messages={messages} lang={errorsIn === language ? undefined : errorsIn} />;
}

/** One field drawn from a JSON Schema, with its label and the API's errors beside it. */
export function SchemaField(props: FieldProps) {
  const { t, language } = useI18n();
  const { workflow } = useForm();
  const schema = withoutNull(props.schema);
  const kind = kindOf(schema);
  if (kind === 'object') return <ObjectFields {...props} schema={schema} />;
  if (kind === 'variants') return <Variants {...props} schema={schema} />;
  if (kind === 'fixed') return null;
  // A person's own id, where the form records someone: left out, the API gives them one (an id box
  // would ask for something the person cannot know).
  if (kind === 'subject' && !props.required) return null;
  const id = fieldId(props.idPrefix, props.path);
  const error = props.errors.get(props.path);
  const name = props.label ?? fieldLabel(workflow, props.path);
  const zoneHint = kind === 'dateTime';
  const describedBy = [zoneHint ? `${id}-zone` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const label = (
    <span class="label-text">
      <Named name={name} />
      {props.required ? <span class="required">{t.required}</span> : <span class="optional">{t.optional}</span>}
    </span>
  );
  const common = {
    id,
    'aria-describedby': describedBy,
    'aria-invalid': error ? true : undefined,
    'aria-required': props.required ? true : undefined,
    name: props.path,
  };
  const errorLine = <ErrorLines id={`${id}-error`} messages={error} />;

  if (kind === 'boolean' && props.required) {
    // A required yes or no (a consent) is said either way, neither said for the person: an
    // untouched box would be recorded as "no", and an unanswered question must be refused instead.
    // Required is said by the group, not by `required` on the radios: the browser would call them
    // invalid before anyone answered, where every other field is so only once the API refused it.
    return (
      <fieldset class={`field choices${error ? ' invalid' : ''}`} id={id} role="radiogroup" aria-required="true" aria-invalid={error ? true : undefined} aria-describedby={describedBy}>
        <legend>{label}</legend>
        {[true, false].map((answer) => (
          <div class="checkbox" key={String(answer)}>
            <input
              type="radio"
              id={`${id}-${String(answer)}`}
              name={id}
              aria-invalid={error ? true : undefined}
              checked={props.value === answer}
              onChange={() => props.onChange(answer)}
            />
            <label for={`${id}-${String(answer)}`}>{answer ? t.yes : t.no}</label>
          </div>
        ))}
        {errorLine}
      </fieldset>
    );
  }
  if (kind === 'multiChoice') {
    const chosen = Array.isArray(props.value) ? (props.value as unknown[]) : [];
    return (
      <fieldset class={`field choices${error ? ' invalid' : ''}`} id={id} aria-describedby={describedBy}>
        <legend>{label}</legend>
        {offered(schema.items?.enum ?? [], language).map((option) => {
          const optionId = `${id}-${String(option)}`;
          return (
            <div class="checkbox" key={String(option)}>
              <input
                type="checkbox"
                id={optionId}
                checked={chosen.includes(option)}
                onChange={(e) => props.onChange(e.currentTarget.checked ? [...chosen, option] : chosen.filter((c) => c !== option))}
              />
              <label for={optionId}>
                <L label={valueLabel(workflow, String(option))} />
              </label>
            </div>
          );
        })}
        {errorLine}
      </fieldset>
    );
  }
  if (kind === 'people') return <PeopleField {...props} id={id} legend={label} describedBy={describedBy} errorLine={errorLine} />;
  if (kind === 'list') {
    // A list that is itself a list's item is named by its position, as one label its buttons quote.
    const listName = isItem(name) ? { text: t.listItem(name.list.text, name.position), lang: name.list.lang } : name;
    return <ListField {...props} schema={schema} id={id} legend={label} name={listName} errorLine={error ? errorLine : null} />;
  }

  let control;
  const pick = (): PickProps => ({ attributes: common, required: props.required, value: typeof props.value === 'string' ? props.value : undefined, onChange: props.onChange });
  if (kind === 'choice' || kind === 'boolean') {
    const options = kind === 'boolean' ? [true, false] : offered(schema.enum ?? [], language);
    control = (
      <select
        {...common}
        value={props.value === undefined ? '' : String(props.value)}
        onChange={(e) => {
          const raw = e.currentTarget.value;
          props.onChange(raw === '' ? undefined : options.find((o) => String(o) === raw));
        }}
      >
        <option value="">{props.required ? t.choose : '—'}</option>
        {options.map((option) =>
          typeof option === 'boolean' ? (
            <option key={String(option)} value={String(option)}>
              {option ? t.yes : t.no}
            </option>
          ) : (
            <OptionLabel key={String(option)} value={String(option)} />
          ),
        )}
      </select>
    );
  } else if (kind === 'number') {
    control = (
      <input
        type="number"
        {...common}
        step={schema.type === 'integer' ? 1 : 'any'}
        min={schema.minimum}
        max={schema.maximum}
        value={typeof props.value === 'number' ? props.value : ''}
        onInput={(e) => {
          const raw = e.currentTarget.value;
          props.onChange(raw === '' ? undefined : Number(raw));
        }}
      />
    );
  } else if (kind === 'dateTime') {
    return (
      <div class={`field${error ? ' invalid' : ''}`}>
        <label for={id}>{label}</label>
        <DateTimePicker common={common} value={props.value} onChange={props.onChange} />
        {errorLine}
      </div>
    );
  } else if (kind === 'staff') {
    control = <StaffPicker id={id} attributes={common} of={schema[STAFF_ID_KEYWORD]} value={typeof props.value === 'string' ? props.value : undefined} onChange={props.onChange} />;
  } else if (kind === 'workflow') {
    control = <WorkflowPicker {...pick()} />;
  } else if (kind === 'record') {
    control = <RecordPicker {...pick()} pointer={schema[RECORD_KEYWORD]!} />;
  } else if (kind === 'case') {
    control = <CasePicker {...pick()} workflowName={caseWorkflow(schema, props.holder)} />;
  } else if (kind === 'subject') {
    control = <PersonPicker {...pick()} recordedAt={schema[SUBJECT_KEYWORD]!} />;
  } else if (kind === 'clock') {
    control = <ClockPicker {...pick()} />;
  } else if (kind === 'json') {
    control = (
      <textarea
        {...common}
        rows={3}
        value={props.value === undefined ? '' : JSON.stringify(props.value)}
        onInput={(e) => {
          try {
            props.onChange(e.currentTarget.value === '' ? undefined : JSON.parse(e.currentTarget.value));
          } catch {
            props.onChange(e.currentTarget.value);
          }
        }}
      />
    );
  } else {
    const long = (schema.maxLength ?? 0) > 500;
    const Tag = long ? 'textarea' : 'input';
    control = (
      <Tag
        {...common}
        {...(long ? { rows: 3 } : { type: kind === 'date' ? 'date' : 'text' })}
        value={typeof props.value === 'string' ? props.value : ''}
        onInput={(e: Event) => props.onChange((e.currentTarget as HTMLInputElement).value)}
      />
    );
  }
  return (
    <div class={`field${error ? ' invalid' : ''}`}>
      <label for={id}>{label}</label>
      {control}
      {errorLine}
    </div>
  );
}

/** What a pick among named choices shares with the form: the control's attributes, whether it is required, its value. */
interface PickProps {
  readonly attributes: JSX.HTMLAttributes<HTMLSelectElement> & JSX.HTMLAttributes<HTMLInputElement>;
  readonly required: boolean;
  readonly value: string | undefined;
  readonly onChange: (value: string | undefined) => void;
}

/** A native select of named choices, empty first; a value that is none of them (typed before, or gone) stays listed as itself. */
function Choices({ attributes, required, value, onChange, choices }: PickProps & { choices: readonly (readonly [value: string, name: string])[] }) {
  const { t } = useI18n();
  return (
    <select {...attributes} value={value ?? ''} onChange={(e) => onChange(e.currentTarget.value === '' ? undefined : e.currentTarget.value)}>
      <option value="">{required ? t.choose : '—'}</option>
      {value === undefined || choices.some(([choice]) => choice === value) ? null : <option value={value}>{value}</option>}
      {choices.map(([choice, name]) => (
        <option key={choice} value={choice}>
          {name}
        </option>
      ))}
    </select>
  );
}

/**
 * Where a form asks for one of the case's records (a field the API marks `x-mend-record`): a pick of
 * those its history holds, newest first, each by the event that made it, when, and who it records.
 */
function RecordPicker(props: PickProps & { pointer: string }) {
  const { instant } = useI18n();
  const { history = [], workflow, region } = useForm();
  // A record a later step ended (a cancelled registration) is not offered again.
  const ended = endedRecords(history, workflow);
  const records = recordsOf(history, props.pointer)
    .filter(({ id }) => !ended.has(`${props.pointer} ${id}`))
    .reverse();
  return <Choices {...props} choices={records.map(({ id, item }) => [id, eventLabel(workflow, item.type).text + recordWhen(item, id, workflow, (at) => instant(at, region))])} />;
}

/**
 * Where a form asks for one of the people the case records (a field the API marks `x-mend-subject`):
 * a pick of them by name and part, or of those one event records when the field names it.
 */
function PersonPicker(props: PickProps & { recordedAt: boolean | string }) {
  const { history = [], workflow } = useForm();
  return <Choices {...props} choices={namedPeople(history, workflow, props.recordedAt).map(({ id, name }) => [id, name])} />;
}

/** Several of the people the case records (a list of `x-mend-subject` ids): a box to tick for each, by name and part. */
function PeopleField(props: FieldProps & { id: string; legend: JSX.Element; describedBy: string | undefined; errorLine: JSX.Element }) {
  const { t } = useI18n();
  const { history = [], workflow } = useForm();
  const people = namedPeople(history, workflow, (props.schema.items as JsonSchema | undefined)?.[SUBJECT_KEYWORD] ?? true);
  const chosen = Array.isArray(props.value) ? (props.value as unknown[]) : [];
  const error = props.errors.get(props.path);
  return (
    <fieldset class={`field choices${error ? ' invalid' : ''}`} id={props.id} aria-describedby={props.describedBy}>
      <legend>{props.legend}</legend>
      {people.length === 0 ? <p class="hint">{t.noPeopleRecorded}</p> : null}
      {people.map(({ id, name }, i) => {
        const optionId = `${props.id}-${i}`;
        return (
          <div class="checkbox" key={id}>
            <input
              type="checkbox"
              id={optionId}
              checked={chosen.includes(id)}
              onChange={(e) => props.onChange(e.currentTarget.checked ? [...chosen, id] : chosen.filter((c) => c !== id))}
            />
            <label for={optionId}>{name}</label>
          </div>
        );
      })}
      {props.errorLine}
    </fieldset>
  );
}

/**
 * The clocks a pause or a resumption acts on: a command that records a shared clock event takes
 * a clock in one status (a running one to pause, a paused one to resume); any other, those still counting.
 */
const CLOCKS_ACTED_ON: Readonly<Record<string, readonly string[]>> = { ClockPaused: ['running'], ClockResumed: ['paused'] };

/** Where a form asks for one of the case's clocks (a field the API marks `x-mend-clock`): a pick of those the step acts on, by name and status. */
function ClockPicker(props: PickProps) {
  const { clockStatus } = useI18n();
  const { clocks = [], workflow, records } = useForm();
  const statuses = (records && CLOCKS_ACTED_ON[records]) ?? ['running', 'paused'];
  // A pause is not offered for a clock its workflow declares runs without a stop.
  const pausable = (key: string) => records !== 'ClockPaused' || declaredPausable(workflow?.clocks ?? [], key);
  const offered = clocks.filter((clock) => statuses.includes(clock.status) && pausable(clock.clock));
  return <Choices {...props} choices={offered.map((clock) => [clock.clock, `${clockLabel([workflow], clock.clock, clock.name).text} — ${clockStatus(clock.status)}`])} />;
}

/** The workflow a case field asks for: the one it names, or the one the field beside it names (a complaint's program), once chosen. */
function caseWorkflow(schema: JsonSchema, holder: Readonly<Record<string, unknown>> | undefined): string | undefined {
  if (typeof schema[CASE_KEYWORD] === 'string') return schema[CASE_KEYWORD];
  const beside = schema[CASE_WORKFLOW_FIELD_KEYWORD] === undefined ? undefined : holder?.[schema[CASE_WORKFLOW_FIELD_KEYWORD]];
  return typeof beside === 'string' && beside !== '' ? beside : undefined;
}

/**
 * Where a form asks for a case of another workflow (a field the API marks `x-mend-case` with its
 * name, or with the field beside it that names it): a pick of that workflow's open cases the
 * reader may list, each by its reference and state; the case id is typed where the reader may list
 * none, or while the workflow is not chosen yet.
 */
function CasePicker(props: PickProps & { workflowName: string | undefined }) {
  const { api } = useConsole();
  const workflows = useWorkflows();
  const [loaded] = useLoad(
    async (): Promise<CasePage['items']> =>
      props.workflowName === undefined ? [] : (await api.get<CasePage>(`/cases?workflow=${encodeURIComponent(props.workflowName)}&status=open&limit=200`)).items,
    `cases:${props.workflowName ?? ''}`,
  );
  const cases = loaded.status === 'ready' ? loaded.value : [];
  if (cases.length === 0) {
    const { attributes, value, onChange } = props;
    return (
      <input type="text" {...attributes} autoComplete="off" spellcheck={false} value={value ?? ''} onInput={(e) => onChange(e.currentTarget.value === '' ? undefined : e.currentTarget.value)} />
    );
  }
  const stateOf = (c: (typeof cases)[number]) => stateLabel(workflows.find((w) => w.name === c.workflow && w.version === c.workflowVersion), c.state).text;
  return <Choices {...props} choices={cases.map((c) => [c.caseId, `${c.reference ?? c.caseId} — ${stateOf(c)}`])} />;
}

/** Where a form asks for a program Mend runs (a field the API marks `x-mend-workflow`): a pick of the workflows, each by its title. */
function WorkflowPicker(props: PickProps) {
  const { session } = useConsole();
  // Every version is listed; a program is picked by name, once. Not one whose cases this role may not
  // know of: a case about it would be one they could not read, and the API refuses to open it.
  const knowable = useWorkflows().filter((workflow) => !['hidden', 'needToKnow'].includes(workflow.readScope[session.role] ?? 'hidden'));
  return <Choices {...props} choices={[...new Map(knowable.map((workflow) => [workflow.name, workflow.title])).entries()]} />;
}

/**
 * An instant, picked as a date and a wall time in the case's region's zone (named beside it) and
 * sent as ISO 8601 with that zone's offset then: `2026-03-02T09:00:00-05:00`.
 */
function DateTimePicker({ common, value, onChange }: { common: JSX.HTMLAttributes<HTMLInputElement> & { id: string }; value: unknown; onChange: (value: unknown) => void }) {
  const { t, zone } = useI18n();
  const { timeZone } = useForm();
  const typed = typeof value === 'string' ? value : undefined;
  const shown = isoToZoned(typed, timeZone);
  return (
    <>
      {/* Said again when a region chosen after the time moves it to another zone (the wall time typed is kept). */}
      <span id={`${common.id}-zone`} class="hint" aria-live="polite">
        {t.wallTimeIn(zone(timeZone, typed))}
      </span>
      <span class="field inline">
        <input
          type="datetime-local"
          {...common}
          // A time the picker cannot show (typed elsewhere, incomplete) is kept until it is replaced.
          value={shown || (typed ?? '')}
          onInput={(e) => {
            const raw = e.currentTarget.value;
            onChange(raw === '' ? undefined : (zonedToIso(raw, timeZone) ?? raw));
          }}
        />
        <button type="button" class="secondary" onClick={() => onChange(zonedToIso(isoToZoned(serviceNow().toISOString(), timeZone), timeZone))}>
          {t.now}
        </button>
      </span>
    </>
  );
}

/** An enum value as an option; an `<option>` holds text only, so its language is its own attribute. */
function OptionLabel({ value }: { value: string }) {
  const { language } = useI18n();
  const label = valueLabel(useForm().workflow, value);
  return (
    <option value={value} lang={label.lang === language ? undefined : label.lang}>
      {label.text}
    </option>
  );
}

function ObjectFields(props: FieldProps) {
  const { t } = useI18n();
  const { workflow } = useForm();
  const value = (props.value ?? {}) as Record<string, unknown>;
  const required = props.schema.required ?? [];
  const properties = Object.entries(props.schema.properties ?? {});
  // A field asked for unless a yes-or-no beside it is yes (`x-mend-unless`): shown, required, only while it is not; left out when it is.
  const leftOut = (key: string, holder: Record<string, unknown>) => {
    const flag = props.schema.properties?.[key]?.[UNLESS_KEYWORD];
    return flag !== undefined && holder[flag] === true;
  };
  const change = (key: string, next: unknown) => {
    const changed: Record<string, unknown> = { ...value, [key]: next };
    for (const [other] of properties) if (leftOut(other, changed)) delete changed[other];
    props.onChange(changed);
  };
  const fields = properties
    .filter(([key]) => !leftOut(key, value))
    .map(([key, child]) => (
      <SchemaField
        key={key}
        schema={child}
        path={props.path ? `${props.path}.${key}` : key}
        idPrefix={props.idPrefix}
        required={required.includes(key) || child[UNLESS_KEYWORD] !== undefined}
        value={value[key]}
        onChange={(next) => change(key, next)}
        errors={props.errors}
        holder={value}
      />
    ));
  if (!props.path) return <>{fields}</>;
  const error = props.errors.get(props.path);
  const id = fieldId(props.idPrefix, props.path);
  return (
    <fieldset class={`field group${error ? ' invalid' : ''}`} id={id} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>
        <Named name={props.label ?? fieldLabel(workflow, props.path)} />
        {props.required ? '' : t.optional}
      </legend>
      <ErrorLines id={`${id}-error`} messages={error} />
      {fields}
    </fieldset>
  );
}

/** A discriminated union: choose the kind first, then fill in that kind's fields. */
function Variants(props: FieldProps) {
  const { t } = useI18n();
  const { workflow } = useForm();
  const key = discriminator(props.schema)!;
  const branch = branchFor(props.schema, props.value);
  const options = (props.schema.oneOf ?? props.schema.anyOf ?? []).map((b) => b.properties![key]!.const);
  const path = props.path ? `${props.path}.${key}` : key;
  const id = fieldId(props.idPrefix, path);
  const value = (props.value ?? {}) as Record<string, unknown>;
  const error = props.errors.get(path);
  // No kind is chosen for the person: "Choose…" until they do, and the API refuses it unchosen.
  return (
    <>
      <div class={`field${error ? ' invalid' : ''}`}>
        <label for={id}>
          <span class="label-text">
            <L label={fieldLabel(workflow, path)} />
            <span class="required">{t.required}</span>
          </span>
        </label>
        <select
          id={id}
          name={path}
          aria-required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          value={chosenBranch(props.schema, props.value) ? String(value[key]) : ''}
          onChange={(e) => {
            const chosen = options.find((o) => String(o) === e.currentTarget.value);
            props.onChange(switchVariant(props.schema, value, chosen));
          }}
        >
          <option value="">{t.choose}</option>
          {options.map((o) => (
            <OptionLabel key={String(o)} value={String(o)} />
          ))}
        </select>
        <ErrorLines id={`${id}-error`} messages={error} />
      </div>
      <ObjectFields {...props} schema={branch} />
    </>
  );
}

/**
 * A list: its items, each with a button that removes it, and a button that adds one. The buttons
 * and the items say which list they belong to, in a sentence that quotes its label. After a removal
 * the focus, whose button is gone, goes to the remove button of the item now in its place, else of
 * the one before it, else to the add button, rather than falling to the page's body.
 */
function ListField(
  props: FieldProps & { id: string; legend: JSX.Element; name: Label; errorLine: JSX.Element | null },
) {
  const { t } = useI18n();
  const { name } = props;
  const items = Array.isArray(props.value) ? (props.value as unknown[]) : [];
  const itemSchema = props.schema.items ?? {};
  const removeButtons = useRef<(HTMLButtonElement | null)[]>([]);
  const addButton = useRef<HTMLButtonElement>(null);
  // The position of the item just removed, and how many items are left: the focus moves once the list shows them.
  const removed = useRef<{ readonly position: number; readonly left: number }>();
  useLayoutEffect(() => {
    const at = removed.current;
    if (!at || items.length !== at.left) return;
    removed.current = undefined;
    (removeButtons.current[at.position] ?? removeButtons.current[at.position - 1] ?? addButton.current)?.focus();
  }, [items.length]);
  const remove = (index: number) => {
    removed.current = { position: index, left: items.length - 1 };
    props.onChange(items.filter((_, i) => i !== index));
  };
  return (
    <fieldset class={`field list${props.errorLine ? ' invalid' : ''}`} id={props.id} aria-describedby={props.errorLine ? `${props.id}-error` : undefined}>
      <legend>{props.legend}</legend>
      {props.errorLine}
      <ol>
        {items.map((item, index) => (
          <li key={index}>
            <SchemaField
              schema={itemSchema}
              path={`${props.path}.${index}`}
              label={{ list: name, position: index + 1 }}
              idPrefix={props.idPrefix}
              required
              value={item}
              onChange={(next) => props.onChange(items.map((old, i) => (i === index ? next : old)))}
              errors={props.errors}
            />
            <button type="button" class="secondary" ref={(button) => void (removeButtons.current[index] = button)} onClick={() => remove(index)}>
              <Fill sentence={(list) => t.removeItem(index + 1, list)} labels={[name]} />
            </button>
          </li>
        ))}
      </ol>
      <button type="button" class="secondary" ref={addButton} onClick={() => props.onChange([...items, initialValue(itemSchema)])}>
        <Fill sentence={t.addTo} labels={[name]} />
      </button>
    </fieldset>
  );
}
