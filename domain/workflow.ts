import type { AnyMachineSnapshot, AnyStateMachine } from 'xstate';
import type { z } from 'zod';
import type { Grants, ReadScopes } from './access';
import type { ClockDeclaration } from './clocks/declarations';
import type { Clocks } from './clocks/state';
import type { DecideContext } from './decide-context';
import type { DemoScenario } from './demo';
import type { DomainError } from './errors';
import type { NewEvent } from './envelope';
import type { RegionCode } from './regions';
import type { ServiceLanguage } from './staff';

/** A command a workflow accepts: its name (imperative, PascalCase) and the zod schema of its data. */
export interface CommandDefinition {
  readonly type: string;
  readonly schema: z.ZodType;
  /** What it does and the rules it keeps, for the people who run it and for the API's documentation. */
  readonly description: Bilingual;
  /** Valid data for this command in the usual state it is used in: shown in OpenAPI, used by demos and tests. */
  readonly example: Readonly<Record<string, unknown>>;
  /**
   * The event this command records when it succeeds. The command is offered in a state exactly
   * when the machine accepts this event there (and `available`, if given, agrees).
   */
  readonly primaryEvent: string;
  /**
   * A further condition on the state at `at` (now, or the moment of an as-of view), for commands the
   * machine alone cannot tell (e.g. a clock must be paused, or running with time left).
   */
  readonly available?: (state: CaseState, at: Date) => boolean;
  /**
   * When the machine refuses this command, the business rule that explains why (e.g. a no-contact
   * condition not yet amended), thrown instead of the generic COMMAND.NOT_ALLOWED. It is given the
   * command's valid data and the decision context, so that it can name every rule broken at once
   * (domain/rules.ts) — the state's and the data's — rather than one per attempt.
   */
  readonly refusal?: (state: CaseState, data: unknown, ctx: DecideContext) => DomainError | undefined;
  /**
   * The top-level fields of its data that this state requires beyond what its schema requires: a
   * field the schema leaves optional because a business rule asks for it only in some states (a
   * complaint's response names who it can be elevated to below the last level of review). The case
   * view lists them (`requiredNow`), so that a form asks for them before the command is refused
   * without them. Pure; the rule that refuses the command without them stays in `decide`.
   */
  readonly requires?: (state: CaseState) => readonly string[];
  /**
   * The top-level fields of its data that this state refuses, though its schema allows them (a
   * response at the last level of review names no one: there is no one left). The case view lists
   * them (`refusedNow`), so that a form does not offer them. Pure; `decide` still refuses them.
   */
  readonly refuses?: (state: CaseState) => readonly string[];
  /**
   * Who may run this command. A role not listed may not; the policy refuses a command whose
   * grants are missing to every role (fails closed).
   */
  readonly grants: Grants;
  /** The command assigns people to the case (or replaces them): consoles offer it where assignments are made. */
  readonly assigns?: true;
  /**
   * The facts of the case's `details` it states again (a session moved: its start, format,
   * language and seats): a form for it opens with the case's values of them.
   */
  readonly restates?: readonly string[];
  /** Its decision reads which of the case's people were erased (`DecideContext.erased`), which the case's events do not say. */
  readonly readsErasures?: true;
  /** Pure: decides this command in the workflow's place (a command every workflow shares, domain/corrections). */
  readonly decide?: (state: CaseState, data: unknown, ctx: DecideContext) => NewEvent[];
}

/** An event a workflow records: its type (past tense) and the zod schema of its data. */
export interface EventDefinition {
  readonly type: string;
  readonly schema: z.ZodType;
  /** What it records, in both languages. */
  readonly description: Bilingual;
  /**
   * Personal information in this event's data (names, contact details, free text about harm),
   * encrypted with the key of the data subject it belongs to (DESIGN.md §7). Paths are dotted
   * within `data`; every field listed must be a string (or optional string), since an erased
   * field reads `[erased]`.
   */
  readonly personalData?: readonly PersonalDataGroup[];
  /**
   * Which of its personal fields people search cases by (a name or pseudonym, a claim reference, an
   * FPS number): dotted paths, each one of `personalData`'s fields. The search index holds only
   * keyed hashes of their words, and forgets them when their subject is erased.
   */
  readonly search?: readonly string[];
  /**
   * Dotted path, within `data`, of the field naming someone whose part in the case this event ends
   * (a representative who left a cohort, a cancelled registration, the party who withdrew from a
   * mediation): a data subject's id, or the id of the record (`recordOf`) that made them part of it.
   * Readers show them as having left, and forms no longer offer them.
   */
  readonly ends?: string;
}

export interface PersonalDataGroup {
  /** Dotted path, within `data`, of the subject's id. */
  readonly subject: string;
  /** Dotted paths, within `data`, of the fields that belong to that subject. */
  readonly fields: readonly string[];
  /**
   * Dotted path, within `data`, of an object that holds new values of fields of the subject's own
   * record, where the case first recorded them (a correction of their personal information).
   */
  readonly corrects?: string;
}

/** A text people read, in both official languages. */
export interface Bilingual {
  readonly en: string;
  readonly fr: string;
}

/**
 * How a workflow is named to people, in English and French: the API answers in the caller's
 * language (Accept-Language) and the console shows these. The conformance spec fails when one is
 * missing, lacks a language, or names nothing the workflow has.
 */
export interface WorkflowLabels {
  readonly title: Bilingual;
  readonly description: Bilingual;
  /** Each state, by dotted path (`phase2.engaging`). */
  readonly states: Readonly<Record<string, Bilingual>>;
  /** Each command, by type. */
  readonly commands: Readonly<Record<string, Bilingual>>;
  /**
   * Every event it records, by type, as its history names it: its own, and the shared clock
   * events, named once in domain/clocks (CLOCK_EVENT_LABELS) and spread in here.
   */
  readonly events: Readonly<Record<string, Bilingual>>;
  /**
   * Every field of its commands' data, by dotted path within `data` (`complainant`,
   * `complainant.name`; an array's items share its path): one name per path across the workflow,
   * so a path means the same thing in every command that has it. Events' fields may be named too,
   * and every field of its summary's `details` must be.
   */
  readonly fields: Readonly<Record<string, Bilingual>>;
  /**
   * Every value its commands offer a choice among (enum values, and the string literals that
   * distinguish a union's branches: `electronic`, `mail`), by value: one name per value across the
   * workflow. Regions are named once, in domain/regions (REGION_LABELS), and spread in here.
   */
  readonly values: Readonly<Record<string, Bilingual>>;
}

/** Where a case recorded a person: the event and the object of its data that holds their subject id. */
export interface RecordedPerson {
  readonly event: string;
  readonly path: string;
  /** The yes-or-no fields of their record that say which of its fields it holds (`anonymous`), as first recorded; absent while none. */
  readonly flags?: Readonly<Record<string, boolean>>;
}

/** The people a case has recorded, by subject id, each where first recorded (a correction names them: domain/corrections). */
export type PeopleOfCase = Readonly<Record<string, RecordedPerson>>;

/** A case as folded from its events: the machine's snapshot, its clocks and the stream revision. */
export interface CaseState<TSnapshot extends AnyMachineSnapshot = AnyMachineSnapshot> {
  readonly snapshot: TSnapshot;
  readonly clocks: Clocks;
  /** Revision of the last event folded; -1 when there is none. */
  readonly revision: number;
  /** The people its events recorded, by subject id, and where each was first recorded; absent while none. */
  readonly people?: PeopleOfCase;
}

/** A clock that ran out: its key and its due time. */
export interface ClockBreach {
  readonly clock: string;
  readonly at: string;
}

/** What lists and views show of a case. Never personal information. */
export interface CaseSummary {
  readonly region: RegionCode;
  readonly assignees: readonly string[];
  /** A few facts for lists: level, model, phase… */
  readonly details: Readonly<Record<string, string | number | boolean | null>>;
  /**
   * The registered workflow whose read scope this case is read under, when not its own: a
   * complaint about a restorative-opportunities case is as confidential as that case. Every read
   * path (case reads, lists, counts, history, audit views, clock views) applies it.
   */
  readonly readAs?: string;
  /**
   * The official language the case is served in, when its workflow records one (the client's
   * choice under Part IV of the Official Languages Act, a session's language), or `bilingual` when
   * it is served in both (a bilingual session): only people who work in it, or in both, may be
   * assigned the case (see src/staff/assignee-check.ts). Absent when the workflow records none, or
   * not yet.
   */
  readonly serviceLanguage?: ServiceLanguage;
}

/**
 * One workflow, at one version: the machine is the authority on which transitions are legal;
 * `decide` turns a valid command into events; the machine folds them (DESIGN.md §2).
 */
export interface WorkflowDefinition<TSnapshot extends AnyMachineSnapshot = AnyMachineSnapshot> {
  /** kebab-case name used in the API: `complaint`. */
  readonly name: string;
  readonly version: number;
  /** Stream category, without a hyphen so that KurrentDB's `$by_category` projection works: `complaint-<caseId>`. */
  readonly category: string;
  /** Its title, its description and the names of its states and commands, in English and French. */
  readonly labels: WorkflowLabels;
  /** Who may read this workflow's cases, role by role (e.g. confidential to the Restorative Justice Unit). */
  readonly readScope: ReadScopes;
  /**
   * Some of its cases are read under another registered workflow's read scope, the one their
   * summary names in `readAs` (a complaint about a confidential program's case): a role that reads
   * that workflow's cases may be granted its commands.
   */
  readonly readsAsOthers?: true;
  readonly machine: AnyStateMachine;
  readonly openingCommand: string;
  readonly commands: readonly CommandDefinition[];
  readonly events: readonly EventDefinition[];
  /** Pure: the events that record this command, or a thrown DomainError. The command's data is already valid. */
  decide(command: NewEvent, state: CaseState<TSnapshot>, ctx: DecideContext): NewEvent[];
  /**
   * Its configurable numbers and lists (a clock's length, a review window), as a zod object whose
   * defaults are the program's own: `schema.parse({})` must succeed. MEND_WORKFLOW_SETTINGS may
   * override them by workflow name; decisions read them with `workflowSettings` (domain/settings).
   */
  readonly settings?: z.ZodType;
  /**
   * The prefix of its cases' human references (`CMP` gives `CMP-2026-00042`): upper-case letters,
   * unique among workflows, the same at every version.
   */
  readonly referencePrefix: string;
  /**
   * What the workflow records when one of its own clocks runs out: the scheduler records the
   * breach, then these events, in the same append and through the same command pipeline (e.g. a
   * complaint closes when its review window passes without a review request). Pure; each event must
   * be accepted by the machine. None when absent.
   */
  onClockBreached?(breach: ClockBreach, state: CaseState<TSnapshot>, ctx: DecideContext): NewEvent[];
  /**
   * The clocks its decisions start, by key or key pattern (`response-<level>`), with their names in
   * both languages, their basis and the commands that meet them: the API and the console name
   * clocks from here, and the conformance spec fails on a clock started that is not declared.
   * None when absent.
   */
  readonly clocks?: readonly ClockDeclaration[];
  /**
   * What other workflows' steps may name one of its cases for (a field `caseOf(name, { for })`),
   * each with the refusal, beside that field, when the case's state does not allow it now: a
   * cohort's engagement session names only class members taking part in engagement sessions.
   * Pure. A purpose another workflow names and this one does not declare fails the conformance spec.
   */
  readonly linkedFor?: Readonly<Record<string, (state: CaseState<TSnapshot>, named: { readonly caseId: string; readonly field: string }) => DomainError | undefined>>;
  /** Cases that show this workflow at every stage, for `mend seed-demo`. */
  readonly demo?: DemoScenario;
  summarize(state: CaseState<TSnapshot>): CaseSummary;
  /**
   * What `summarize` puts in `details`, field by field, as a zod object: a date, a choice among
   * named values, a count. GET /workflows publishes it as JSON Schema, so that a client shows each
   * fact as what it is; the conformance spec fails on a summary that does not match it.
   */
  readonly details: z.ZodObject;
}

export type AnyWorkflowDefinition = WorkflowDefinition<AnyMachineSnapshot>;

/**
 * What a command's zod schema says of itself, as schema metadata (`.meta({ description,
 * descriptionFr, example })` on the command's `{ type, data }` object): the one place its
 * description, in English and in French, and its example are written.
 */
export interface CommandMeta extends EventMeta {
  readonly example: Readonly<Record<string, unknown>>;
}

/** What an event's zod schema says of itself (`.meta({ description, descriptionFr })` on its `{ type, data }` object). */
export interface EventMeta {
  readonly description: string;
  readonly descriptionFr: string;
}

/** The `{ type, data }` objects of a workflow's command or event union. */
type MessageSchema = z.ZodObject<{ type: z.ZodLiteral<string>; data: z.ZodType }>;
type MessageUnion = { readonly options: readonly MessageSchema[] };
type TypesOf<U extends MessageUnion> = U['options'][number]['shape']['type']['value'];

/** What a workflow's folder says of a command besides its schema, description and example. */
export type CommandRules = Omit<CommandDefinition, 'type' | 'schema' | 'description' | 'example'>;
/** What a workflow's folder says of an event besides its schema and description. */
export type EventRules = Omit<EventDefinition, 'type' | 'schema' | 'description'>;

function metaOf(schema: MessageSchema, kind: string): Record<string, unknown> & { description: Bilingual } {
  const meta = schema.meta() as Record<string, unknown> | undefined;
  const type = schema.shape.type.value;
  for (const key of ['description', 'descriptionFr']) {
    if (typeof meta?.[key] !== 'string') throw new Error(`${kind} ${type} has no ${key} in its schema's metadata`);
  }
  return { ...meta, description: { en: meta!['description'] as string, fr: meta!['descriptionFr'] as string } };
}

/**
 * A workflow's commands, one per member of its command union, in the union's order: type, data
 * schema, description and example come from the schema; grants, the event it records and its rules
 * from `rules`, which must name every command of the union and no other (the compiler checks).
 */
export function commandsFrom<U extends MessageUnion>(union: U, rules: { readonly [K in TypesOf<U>]: CommandRules }): CommandDefinition[] {
  return union.options.map((option) => {
    const type = option.shape.type.value;
    const meta = metaOf(option, 'Command');
    if (typeof meta['example'] !== 'object' || meta['example'] === null) throw new Error(`Command ${type} has no example in its schema's metadata`);
    const rule = (rules as Record<string, CommandRules>)[type];
    if (!rule) throw new Error(`Command ${type} has no rules`);
    return { type, schema: option.shape.data, description: meta.description, example: meta['example'] as CommandMeta['example'], ...rule };
  });
}

/** A workflow's events, one per member of its event union: type, data schema and description from the schema; personal data from `rules`. */
export function eventsFrom<U extends MessageUnion>(union: U, rules: { readonly [K in TypesOf<U>]?: EventRules } = {}): EventDefinition[] {
  return union.options.map((option) => {
    const type = option.shape.type.value;
    return { type, schema: option.shape.data, description: metaOf(option, 'Event').description, ...(rules as Record<string, EventRules>)[type] };
  });
}
