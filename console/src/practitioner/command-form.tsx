import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n, type Language } from '../i18n/i18n';
import { ApiError, errorText, type Api, type BrokenRule, type Issue } from '../shared/api';
import { fieldTrail, L, valueLabel, type Label } from '../shared/labels';
import type { CaseView, CommandResult, HistoryItem, JsonSchema, WorkflowCommand, WorkflowInfo } from '../shared/types';
import { isoToZoned, regionTimeZone, zonedToIso } from '../shared/zoned-time';
import { localDate, schemaAt } from './event-data';
import { FormContext } from './form-context';
import { asTheStateAsks, branchFor, discriminator, initialValue, kindOf, prune, withoutNull } from './schema';
import { fieldId, SchemaField, type FieldErrors } from './schema-field';

/** Where a form's data goes: a command on a case (with If-Match), or a new case of a workflow. */
export type FormTarget = { readonly caseView: CaseView } | { readonly opens: WorkflowInfo };

interface Props {
  readonly api: Api;
  readonly command: WorkflowCommand;
  /** The command's label, from its workflow. */
  readonly label: Label;
  /** The workflow the command belongs to: it names the fields and their values. */
  readonly workflow?: WorkflowInfo | undefined;
  readonly onDone: (result: CommandResult) => void;
  /** Called as the form is sent (or refused before it is): a notice of the step before is old news then. */
  readonly onSend?: () => void;
  /**
   * Called when the case changed since it was read (409 CASE.REVISION_CONFLICT): the page reads it
   * again, and opens the form again from what was typed (`initial`) with `stale` set.
   */
  readonly onStale?: (typed: unknown) => void;
  /** Opened again after the case changed under it: says so at its top, where the focus goes. */
  readonly stale?: boolean;
  /** A command on this case. */
  readonly caseView?: CaseView;
  /** Or: open a new case of this workflow with its opening command. */
  readonly opens?: WorkflowInfo;
  /** The case's events, as read: the records a field may point at. */
  readonly history?: readonly HistoryItem[];
  /** What the form starts from, when not its schema's constants and defaults (what the case already records, to correct). */
  readonly initial?: unknown;
  /**
   * What is sent for what was typed, when not its filled-in fields; or the field it refuses before
   * anything is sent, named and worded as the API would.
   */
  readonly dataOf?: (value: unknown) => { readonly data: unknown } | { readonly refused: Issue };
}

/** A field the state requires, left out or left empty (a group with nothing filled in): not answered. */
const unanswered = (value: unknown) =>
  value === undefined || (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0);

/** What was typed, without the top-level fields the case's state refuses (typed before the case moved on). */
function withoutRefused(value: unknown, refused: readonly string[]): unknown {
  if (refused.length === 0 || typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => !refused.includes(key)));
}

/** The API names fields from the request body (`data.nextLevel.name`); the form names them from the data. */
const fieldPath = (path: string) => path.replace(/^data\.?/, '').replace(/\[(\d+)\]/g, '.$1');

/** Every rule the API said was broken, grouped by field: all of them are shown at once, each as `say` words it. */
function byField(issues: ApiError['issues'], say: (path: string, message: string) => string): FieldErrors {
  const errors = new Map<string, string[]>();
  for (const issue of issues) {
    const path = fieldPath(issue.path);
    errors.set(path, [...(errors.get(path) ?? []), say(path, issue.message)]);
  }
  return errors;
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The API lists the values a field takes by their codes, quoted ("caseCoordination",
 * « caseCoordination »): the form names them as its options do, by the workflow's labels.
 */
function withValueLabels(message: string, schema: JsonSchema | undefined, workflow: WorkflowInfo | undefined, kinds: readonly unknown[]): string {
  const field = schema && withoutNull(schema);
  // A union's kind left unchosen is refused naming every kind.
  const values = [...(field?.enum ?? []), ...(field?.items?.enum ?? []), ...(field?.const === undefined ? [] : kinds)].filter((value): value is string => typeof value === 'string');
  return values.reduce(
    (text, value) =>
      text.replace(new RegExp(`(["«][\u00a0\u202f ]?)${escaped(value)}([\u00a0\u202f ]?["»])`, 'g'), (_, open: string, close: string) => `${open}${valueLabel(workflow, value).text}${close}`),
    message,
  );
}

/** The values that tell a union's kinds apart, where `path` is the discriminator of a union within `schema`. */
function kindsAt(schema: JsonSchema, root: unknown, path: string): readonly unknown[] {
  const parentPath = path.split('.').slice(0, -1).join('.');
  const parent = schemaAt(schema, root, parentPath);
  const union = parent && withoutNull(parent);
  const key = union && (union.oneOf ?? union.anyOf) ? discriminator(union) : undefined;
  return key && path.split('.').pop() === key ? (union!.oneOf ?? union!.anyOf ?? []).map((branch) => branch.properties?.[key]?.const) : [];
}

/** An instant as the API writes it in a message: ISO 8601 with its offset, or in UTC. */
const ISO_INSTANT = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})/g;

/** A local date as the API writes it in a message (`2027-01-01`), not the start of an instant. */
const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b(?!T)/g;

/**
 * A refusal with the instants and dates it names written as people read them ("received at Jan 1,
 * 2030, 10:00 a.m. EST", "Jan 1, 2027"), not as the API stores them.
 */
export function withReadableTimes(message: string, readable: (iso: string) => string, readableDate: (date: string) => string): string {
  return message
    .replace(ISO_INSTANT, (iso) => (Number.isNaN(Date.parse(iso)) ? iso : readable(iso)))
    .replace(ISO_DATE, (date) => (Number.isNaN(Date.parse(`${date}T12:00:00Z`)) ? date : readableDate(date)));
}

/**
 * The date-times of a form's value, typed as wall times in one zone, as the same wall times in
 * another: a time typed before the region was chosen is the time the person read off the letter or
 * the email, in that region (10:00 stays 10:00, now Halifax's), not the instant it named in the zone
 * shown before.
 */
function rezoned(schema: JsonSchema, value: unknown, from: string, to: string): unknown {
  const s = withoutNull(schema);
  switch (kindOf(s)) {
    case 'dateTime': {
      const wall = typeof value === 'string' ? isoToZoned(value, from) : '';
      return wall ? (zonedToIso(wall, to) ?? value) : value;
    }
    case 'object':
    case 'variants': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
      const properties = (kindOf(s) === 'object' ? s : branchFor(s, value)).properties ?? {};
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, properties[key] ? rezoned(properties[key], item, from, to) : item]));
    }
    case 'list':
      return Array.isArray(value) && s.items ? value.map((item) => rezoned(s.items!, item, from, to)) : value;
    default:
      return value;
  }
}

/** Where a command states the case's facts again (a session moved), the form starts from them as the case holds them. */
function restated(command: WorkflowCommand, caseView: CaseView | undefined, start: unknown): unknown {
  const facts = (command.restates ?? []).flatMap((key) => {
    const held = caseView?.details[key];
    return held === null || held === undefined ? [] : [[key, held] as const];
  });
  return facts.length === 0 ? start : { ...(start as object), ...Object.fromEntries(facts) };
}

/**
 * A command's form, generated from its JSON Schema: a next step on a case (sent with If-Match) or
 * the opening of a new case. Times are typed in the case's region's zone: the form's own `region`
 * field when it has one (a new case), else the case's.
 */
export function CommandForm({ api, caseView, opens, command, label, workflow = opens, history, initial, dataOf, onDone, onSend, onStale, stale }: Props) {
  const { t, language, instant } = useI18n();
  // The fields the case's state requires though the schema leaves them optional, and those it refuses though the schema allows them.
  const requiredNow = caseView?.requiredNow[command.name] ?? [];
  const refusedNow = caseView?.refusedNow[command.name] ?? [];
  const schema = asTheStateAsks(command.schema, requiredNow, refusedNow);
  const [value, setValue] = useState<unknown>(() => initial ?? restated(command, caseView, initialValue(schema)));
  const [errors, setErrors] = useState<FieldErrors>(new Map());
  // The language the refusal shown was written in: the person may have switched since, and kept what they typed.
  const [said, setSaid] = useState<Language>(language);
  // Business rules broken at once (422 COMMAND.RULES_BROKEN) that name no field: each in the summary.
  const [rules, setRules] = useState<readonly BrokenRule[]>([]);
  const [failure, setFailure] = useState<string>();
  const [sending, setSending] = useState(false);
  // A refusal takes the focus to its summary, so keyboard and screen reader users land on what to fix.
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (failure) summary.current?.focus();
  }, [failure]);
  const staleNotice = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (stale) staleNotice.current?.focus();
  }, [stale]);
  const idPrefix = `cmd-${command.name}`;
  const regionOf = (typed: unknown) => {
    const typedRegion = (typed as Record<string, unknown> | undefined)?.['region'];
    return typeof typedRegion === 'string' && typedRegion !== '' ? typedRegion : (caseView?.region ?? undefined);
  };
  const region = regionOf(value);
  const timeZone = regionTimeZone(region);
  // A region chosen (or changed) after a time was typed moves the time's zone, not its wall time.
  const change = (next: unknown) => {
    const zone = regionTimeZone(regionOf(next));
    setValue(zone === timeZone ? next : rezoned(schema, next, timeZone, zone));
  };

  // Every rule broken at once, each beside its field and in the summary, which takes the focus.
  const refuse = (issues: readonly Issue[], broken: readonly BrokenRule[], message: string, saidIn: Language) => {
    const readable = (words: string) => withReadableTimes(words, (iso) => instant(iso, region), (date) => localDate(date, saidIn));
    // A broken rule that names its field is said beside it, as a field's own problem is; the others in the summary alone.
    const beside = broken.flatMap((rule) => rule.details?.issues ?? []);
    setErrors(byField([...issues, ...beside], (path, words) => readable(withValueLabels(words, schemaAt(schema, value, path), workflow, kindsAt(schema, value, path)))));
    setSaid(saidIn);
    setRules(broken.filter((rule) => (rule.details?.issues ?? []).length === 0).map((rule) => ({ ...rule, message: readable(rule.message) })));
    setFailure(readable(message));
    // The same refusal again does not change `failure`: the summary already shown takes the focus here.
    summary.current?.focus();
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    onSend?.();
    const typed = withoutRefused(value, refusedNow);
    const prepared = dataOf ? dataOf(typed) : { data: prune(typed, schema) ?? {} };
    if ('refused' in prepared) return refuse([prepared.refused], [], prepared.refused.message, language);
    // A field the state requires, left empty, is refused here as the API refuses a missing field, before anything is sent.
    // While a field the schema itself requires is empty too, the form is sent: the API then names every field missing at once.
    const answered = (field: string) => !unanswered((prepared.data as Record<string, unknown> | undefined)?.[field]);
    const missing = requiredNow.filter((field) => !answered(field));
    if (missing.length > 0 && (command.schema.required ?? []).every(answered)) {
      return refuse(missing.map((field) => ({ path: `data.${field}`, message: t.fieldRequiredNow })), [], t.fieldRequiredNow, language);
    }
    const asked = language;
    setSending(true);
    setFailure(undefined);
    try {
      const { data } = prepared;
      const result = caseView
        ? await api.post<CommandResult>(`/cases/${encodeURIComponent(caseView.caseId)}/commands/${encodeURIComponent(command.name)}`, data, {
            'if-match': `"${caseView.revision}"`,
          })
        : await api.post<CommandResult>('/cases', { workflow: opens!.name, command: command.name, data });
      setErrors(new Map());
      setRules([]);
      onDone(result);
    } catch (error) {
      // Someone else's step came first: the case is read again, and this form opened again on it with what was typed.
      if (error instanceof ApiError && error.code === 'CASE.REVISION_CONFLICT' && onStale) return onStale(value);
      refuse(error instanceof ApiError ? error.issues : [], error instanceof ApiError ? error.rules : [], errorText(error), asked);
    } finally {
      setSending(false);
    }
  };

  const problems = [...errors.values()].reduce((n, messages) => n + messages.length, 0) + rules.length;
  const titleId = `${idPrefix}-title`;
  return (
    <FormContext.Provider value={{ workflow, timeZone, region, assignable: caseView?.assignableRoles, serviceLanguage: caseView?.serviceLanguage, history, clocks: caseView?.clocks, records: command.records, errorsIn: said }}>
      <form class="command" aria-labelledby={titleId} onSubmit={submit} noValidate>
        <h3 id={titleId}>
          <L label={label} />
        </h3>
        <p class="hint description">{command.description}</p>
        <p class="hint">{t.requiredNote}</p>
        {stale && !failure ? (
          <div class="error-summary" role="alert" tabIndex={-1} ref={staleNotice}>
            <p>{t.caseChangedMeanwhile}</p>
          </div>
        ) : null}
        {failure ? (
          <div class="error-summary" role="alert" tabIndex={-1} ref={summary}>
            <p>{problems > 0 ? t.fixThese(problems) : <Said language={said}>{failure}</Said>}</p>
            {problems > 0 ? (
              <ul>
                {[...errors].flatMap(([path, messages]) =>
                  messages.map((message, i) => (
                    <li key={`${path}:${i}`}>
                      <a href={`#${fieldId(idPrefix, path)}`} onClick={(e) => focusField(e, fieldId(idPrefix, path))}>
                        {path
                          ? fieldTrail(workflow, path).map((label, i) => (
                              <span key={i}>
                                {i > 0 ? ' — ' : null}
                                <L label={label} />
                              </span>
                            ))
                          : t.formWhole}
                        {t.colon}
                        <Said language={said}>{message}</Said>
                      </a>
                    </li>
                  )),
                )}
                {rules.map((rule, i) => (
                  <li key={`rule:${i}`} data-code={rule.code}>
                    <Said language={said}>{rule.message}</Said>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        <SchemaField schema={schema} path="" idPrefix={idPrefix} required value={value} onChange={change} errors={errors} />
        <button type="submit" disabled={sending}>
          {sending ? t.sending : <L label={label} />}
        </button>
      </form>
    </FormContext.Provider>
  );
}

/** What the API said, marked with its language when the page has switched to the other one since. */
function Said({ language, children }: { language: Language; children: string }) {
  return useI18n().language === language ? <>{children}</> : <span lang={language}>{children}</span>;
}

/** The summary's links move focus to the field without touching the route in the address bar. */
function focusField(event: Event, id: string): void {
  event.preventDefault();
  const target = document.getElementById(id);
  // A group (a list, a fieldset) takes the focus on its first control.
  const control = target && !/^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName) ? (target.querySelector<HTMLElement>('input, select, textarea') ?? target) : target;
  control?.focus();
}
