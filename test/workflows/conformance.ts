import type { AnyStateNodeConfig } from 'xstate';
import { z } from 'zod';
import { createCalendarProvider } from '../../domain/calendar';
import { CLOCK_EVENT_TYPES, ClockKey, declaredClock, fillClockLabel } from '../../domain/clocks';
import { CLOCK_EVENT_SCHEMAS } from '../../domain/clocks/events';
import { acceptsClockEventsWhenActive } from '../../domain/clocks/machine';
import { CORRECT_PERSONAL_INFORMATION, PERSONAL_INFORMATION_CORRECTED } from '../../domain/corrections';
import { DAY, personAt, type DemoLinks } from '../../domain/demo';
import { REFERENCE_PREFIX } from '../../domain/case-reference';
import { DomainError } from '../../domain/errors';
import { CASE_KEYWORD, CASE_PURPOSE_KEYWORD, RECORD_KEYWORD, SUBJECT_KEYWORD } from '../../domain/json-schema-keywords';
import { initialCaseState, stateName } from '../../domain/fold';
import { processCommand } from '../../domain/process';
import { RegionCode } from '../../domain/regions';
import { PersonRole, type Actor } from '../../domain/roles';
import { DEFAULT_SETTINGS } from '../../domain/settings';
import type { NewEvent } from '../../domain/envelope';
import type { AnyWorkflowDefinition, CaseState } from '../../domain/workflow';
import { stateNames } from '../../src/workflows/diagram';
import { workflowDefinitions } from '../../workflows/registry';
import { frenchTypographyFaults } from '../support/french-typography';
import { registeredWorkflows } from '../support/workflow-spec';

/**
 * The structural invariants every workflow definition keeps, as functions of a definition, so that
 * the conformance spec runs them over every registered workflow (and the fixture workflow under
 * test/), and a new workflow gets all of them without writing one.
 */

/** Every event type the machine's chart names, in any state. */
export function machineEventTypes(definition: AnyWorkflowDefinition): Set<string> {
  const mentioned = new Set<string>();
  const visit = (node: AnyStateNodeConfig): void => {
    for (const type of Object.keys(node.on ?? {})) mentioned.add(type);
    for (const child of Object.values(node.states ?? {})) visit(child);
  };
  visit(definition.machine.config as AnyStateNodeConfig);
  return mentioned;
}

/** The schemas a dotted path leads to in a data schema, through optionals, defaults and unions (one per branch). */
export function schemasAt(schema: z.ZodType, path: readonly string[]): z.ZodType[] {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault || schema instanceof z.ZodNullable) {
    return schemasAt(schema.unwrap() as z.ZodType, path);
  }
  if (schema instanceof z.ZodUnion) return (schema.options as z.ZodType[]).flatMap((option) => schemasAt(option, path));
  if (path.length === 0) return [schema];
  if (schema instanceof z.ZodObject) {
    const [head, ...rest] = path;
    const child = (schema.shape as Record<string, z.ZodType>)[head!];
    return child ? schemasAt(child, rest) : [];
  }
  return [];
}

/** Does this dotted path lead to a string (or an optional one) in every branch of the schema that has it? */
export function isStringAt(schema: z.ZodType, path: string): boolean {
  const found = schemasAt(schema, path.split('.'));
  return found.length > 0 && found.every((s) => schemasAt(s, []).every((inner) => inner instanceof z.ZodString));
}

/** What a data schema asks people for: every field, by dotted path, and every value they choose among. */
export interface DataVocabulary {
  /** Dotted paths within `data`, objects included (`complainant` and `complainant.name`); array items share their array's path. */
  readonly fields: Set<string>;
  /** The values of its enums and of its string literals (a discriminated union's `channel: 'mail'`). */
  readonly values: Set<string>;
  /** Fields named like the French of another (`titleFr`) with no such other beside them. */
  readonly frenchWithoutEnglish: Set<string>;
  /** The records its fields point at (`x-mend-record`: `<Event>.<field>`). */
  readonly records: Set<string>;
  /** The people its fields point at (`x-mend-subject`: `<Event>.<field>`, the people one event records there). */
  readonly people: Set<string>;
  /** The workflows whose cases its fields point at (`x-mend-case`). */
  readonly caseWorkflows: Set<string>;
  /** What its fields name those cases for (`x-mend-case-for`), as `<workflow> <purpose>`. */
  readonly casePurposes: Set<string>;
}

/** `titleFr` beside `title`: the French of a value recorded in both languages (the console shows it in its place). */
export const isFrenchTwin = (key: string, siblings: object): boolean => key.endsWith('Fr') && key.slice(0, -2) in siblings;

/**
 * Walks a command's or an event's data schema through objects, arrays, unions, optionals, defaults
 * and pipes, and collects every field path and every enum value a form would show.
 */
export function dataVocabulary(schema: z.ZodType): DataVocabulary {
  const fields = new Set<string>();
  const values = new Set<string>();
  const frenchWithoutEnglish = new Set<string>();
  const records = new Set<string>();
  const people = new Set<string>();
  const caseWorkflows = new Set<string>();
  const casePurposes = new Set<string>();
  const walk = (node: z.ZodType, path: readonly string[]): void => {
    const record = node.meta()?.[RECORD_KEYWORD];
    if (typeof record === 'string') records.add(record);
    const person = node.meta()?.[SUBJECT_KEYWORD];
    if (typeof person === 'string') people.add(person);
    const linked = node.meta()?.[CASE_KEYWORD];
    if (typeof linked === 'string') caseWorkflows.add(linked);
    const purpose = node.meta()?.[CASE_PURPOSE_KEYWORD];
    if (typeof linked === 'string' && typeof purpose === 'string') casePurposes.add(`${linked} ${purpose}`);
    if (node instanceof z.ZodOptional || node instanceof z.ZodNullable || node instanceof z.ZodDefault || node instanceof z.ZodReadonly || node instanceof z.ZodCatch) {
      return walk(node.unwrap() as z.ZodType, path);
    }
    if (node instanceof z.ZodPipe) {
      walk(node.in as z.ZodType, path);
      return walk(node.out as z.ZodType, path);
    }
    if (node instanceof z.ZodUnion) {
      for (const option of node.options as z.ZodType[]) walk(option, path);
      return;
    }
    if (node instanceof z.ZodArray) return walk(node.element as z.ZodType, path);
    if (node instanceof z.ZodObject) {
      const shape = node.shape as Record<string, z.ZodType>;
      for (const [key, child] of Object.entries(shape)) {
        const childPath = [...path, key];
        // `<name>Fr` is the French of `<name>`, shown in its place: it is not a field of its own.
        if (isFrenchTwin(key, shape)) continue;
        if (/[a-z]Fr$/.test(key)) frenchWithoutEnglish.add(childPath.join('.'));
        fields.add(childPath.join('.'));
        walk(child, childPath);
      }
      return;
    }
    if (node instanceof z.ZodEnum) {
      for (const value of node.options) if (typeof value === 'string') values.add(value);
      return;
    }
    if (node instanceof z.ZodLiteral) {
      for (const value of node.values) if (typeof value === 'string') values.add(value);
    }
  };
  walk(schema, []);
  return { fields, values, frenchWithoutEnglish, records, people, caseWorkflows, casePurposes };
}

const calendars = createCalendarProvider();
const START = Date.parse('2026-03-02T15:00:00Z');
/** Someone of every role, so that exploration is about the workflow's rules, not about who runs them. */
const ACTORS: readonly Actor[] = PersonRole.options.map((role) => ({ id: `${role}-1`, role }));

/** What exploring a workflow found: the states its cases reach and the clocks its decisions start. */
export interface Exploration {
  /** Each state's dotted path and its ancestors. */
  readonly states: Set<string>;
  /** The clocks started (by the demo cases and anywhere else), by key: the name and basis recorded. */
  readonly clocksStarted: Map<string, { readonly name: string; readonly basis: string }>;
  /** The fields of the summary's `details`, in every state reached. */
  readonly detailFields: Set<string>;
  /** Summaries whose `details` its declared schema refuses: the state, and what the schema says. */
  readonly undeclaredDetails: string[];
}

function run(definition: AnyWorkflowDefinition, state: CaseState, type: string, data: unknown, at: number, actor: Actor, onEvents: (events: readonly NewEvent[]) => void): CaseState | undefined {
  let ids = 0;
  try {
    const decision = processCommand(definition, state, { type, data }, { now: new Date(at), actor, newId: () => `id-${++ids}`, calendars, settings: DEFAULT_SETTINGS, workflows: registeredWorkflows });
    onEvents(decision.events);
    return decision.state;
  } catch (error) {
    if (error instanceof DomainError) return undefined;
    throw error;
  }
}

/** Another workflow's demo case, as the seeder would link it: an id of its own. */
const demoLinks = (state: CaseState): DemoLinks => ({
  caseOf: (workflow, stage) => `demo-${workflow}-${stage.replace(/[^A-Za-z0-9]+/g, '-')}`,
  personOf: (path) => personAt(state.people, path) ?? `no-one-at-${path}`,
});

const explorations = new WeakMap<AnyWorkflowDefinition, Exploration>();
/** How many commands deep exploration goes from a case's opening. */
const MAX_DEPTH = 40;

/**
 * Explores a workflow: along its demo cases (realistic data at realistic times), then from every
 * state found, by every command with its example, a day apart, as any role. A state is explored from
 * the first case found in it. Remembered per definition, since several invariants read it.
 */
export function explore(definition: AnyWorkflowDefinition): Exploration {
  const remembered = explorations.get(definition);
  if (remembered) return remembered;
  const seen = new Set<string>();
  const detailFields = new Set<string>();
  const undeclaredDetails: string[] = [];
  const clocksStarted: Exploration['clocksStarted'] = new Map();
  const record = (events: readonly NewEvent[]) => {
    for (const event of events.filter((e) => e.type === 'ClockStarted')) {
      const data = event.data as { clock: string; name: string; basis: string };
      clocksStarted.set(data.clock, { name: data.name, basis: data.basis });
    }
  };
  const frontier: { state: CaseState; at: number; depth: number }[] = [];
  const visit = (state: CaseState, at: number, depth: number) => {
    const { details } = definition.summarize(state);
    for (const field of Object.keys(details)) if (!isFrenchTwin(field, details)) detailFields.add(field);
    const name = stateName(state.snapshot);
    const declared = definition.details.safeParse(details);
    if (!declared.success) undeclaredDetails.push(`${name}: ${declared.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
    if (seen.has(name)) return;
    name.split('.').forEach((_, i, parts) => seen.add(parts.slice(0, i + 1).join('.')));
    frontier.push({ state, at, depth });
  };

  for (const demo of definition.demo?.({ first: 1, settings: DEFAULT_SETTINGS }) ?? []) {
    let state = initialCaseState(definition);
    for (const step of demo.steps) {
      const at = START + step.day * DAY;
      const next = run(definition, state, step.command, step.data(new Date(at), demoLinks(state)), at, step.actor, record);
      if (!next) break;
      state = next;
      visit(state, at, 0);
    }
  }
  // The state before the opening command: a case that does not exist yet.
  stateName(initialCaseState(definition).snapshot).split('.').forEach((_, i, parts) => seen.add(parts.slice(0, i + 1).join('.')));
  const opening = definition.commands.find((c) => c.type === definition.openingCommand)!;
  for (const actor of ACTORS) {
    const opened = run(definition, initialCaseState(definition), opening.type, opening.example, START, actor, record);
    if (opened) visit(opened, START, 0);
  }
  while (frontier.length > 0) {
    const { state, at, depth } = frontier.shift()!;
    if (depth >= MAX_DEPTH) continue;
    for (const command of definition.commands) {
      if (command.type === definition.openingCommand) continue;
      for (const actor of ACTORS) {
        const next = run(definition, state, command.type, command.example, at + DAY, actor, record);
        if (next) {
          visit(next, at + DAY, depth + 1);
          break;
        }
      }
    }
  }
  const exploration = { states: seen, clocksStarted, detailFields, undeclaredDetails };
  explorations.set(definition, exploration);
  return exploration;
}

/** The states a case of this workflow reaches (see `explore`): each state's dotted path and its ancestors. */
export const reachableStates = (definition: AnyWorkflowDefinition): Set<string> => explore(definition).states;

/** Every state of the machine, as dotted paths. */
export const machineStates = (definition: AnyWorkflowDefinition): string[] => stateNames(definition);

/** The event types a workflow may record: its own and the shared clock events. */
export const knownEventTypes = (definition: AnyWorkflowDefinition): Set<string> =>
  new Set<string>([...definition.events.map((e) => e.type), ...CLOCK_EVENT_TYPES]);

/** A text people read, present in English and in French. */
const bilingual = (text: { en?: string; fr?: string } | undefined): boolean => Boolean(text?.en?.trim() && text.fr?.trim());

/**
 * One conformance spec (STYLE.md): every structural invariant, over every registered workflow at
 * every version. A workflow's own specs say how it behaves; this one says it is well formed.
 */
export function conformanceSpec(definitions: readonly AnyWorkflowDefinition[]): void {
  describe.each(definitions.map((d) => [`${d.name} v${d.version}`, d] as const))('%s', (_label, definition) => {
    it('is named in kebab-case, in a stream category without a hyphen, at a positive version', () => {
      expect(definition.name).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
      expect(definition.category).toMatch(/^[A-Za-z][A-Za-z0-9]*$/);
      expect(Number.isInteger(definition.version) && definition.version > 0).toBe(true);
    });

    it('has a reference prefix of upper-case letters', () => {
      expect(definition.referencePrefix).toMatch(REFERENCE_PREFIX);
    });

    it('opens cases with one of its commands, and names commands in PascalCase once each', () => {
      const types = definition.commands.map((c) => c.type);
      expect(types).toContain(definition.openingCommand);
      expect(new Set(types).size).toBe(types.length);
      for (const type of types) expect(type).toMatch(/^[A-Z][A-Za-z0-9]*$/);
    });

    it.each(definition.commands.map((c) => [c.type, c] as const))('%s: its example is valid against its schema', (_type, command) => {
      expect(command.schema.safeParse(command.example).error).toBeUndefined();
    });

    it('lets the people its events record have their personal information corrected (Privacy Act, s. 12(2))', () => {
      const recordsPeople = definition.events.some((event) => (event.personalData ?? []).some((group) => group.subject.includes('.')));
      expect(definition.commands.some((c) => c.type === CORRECT_PERSONAL_INFORMATION)).toBe(recordsPeople);
    });

    it('records a known event for every command', () => {
      const known = knownEventTypes(definition);
      expect(definition.commands.filter((c) => !known.has(c.primaryEvent)).map((c) => c.type)).toEqual([]);
    });

    it('has a schema for every event its machine names, and its machine names every event it has a schema for', () => {
      const mentioned = machineEventTypes(definition);
      const known = knownEventTypes(definition);
      expect([...mentioned].filter((type) => !known.has(type))).toEqual([]);
      // The correction of a person's information is the one event the machine has no say over (domain/corrections).
      expect(definition.events.map((e) => e.type).filter((type) => !mentioned.has(type) && type !== PERSONAL_INFORMATION_CORRECTED)).toEqual([]);
    });

    it('grants every command to at least one role, and names only roles a person can hold', () => {
      const ungranted = definition.commands.filter((c) => !c.grants || Object.keys(c.grants).length === 0).map((c) => c.type);
      expect(ungranted).toEqual([]);
      for (const command of definition.commands) {
        for (const [role, grant] of Object.entries(command.grants ?? {})) {
          expect([command.type, PersonRole.safeParse(role).success, ['any', 'assigned'].includes(grant)]).toEqual([command.type, true, true]);
        }
      }
    });

    it('says, for every role, how much of its cases the role may read', () => {
      expect(Object.keys(definition.readScope).sort()).toEqual([...PersonRole.options].sort());
      for (const scope of Object.values(definition.readScope)) expect(['all', 'assigned', 'needToKnow', 'denied', 'hidden']).toContain(scope);
    });

    it('lets the roles granted a command on a case read that case', () => {
      const reads = (scopes: AnyWorkflowDefinition['readScope'], role: PersonRole) => ['all', 'assigned', 'needToKnow'].includes(scopes[role]);
      // A case read as another workflow's (`readAs`) is read by the roles that read that workflow's cases.
      const readers = definition.readsAsOthers ? workflowDefinitions.map((d) => d.readScope) : [definition.readScope];
      for (const command of definition.commands) {
        for (const role of Object.keys(command.grants ?? {}) as PersonRole[]) {
          expect([command.type, role, readers.some((scopes) => reads(scopes, role))]).toEqual([command.type, role, true]);
        }
      }
    });

    it('declares personal data only on string fields, each with a string subject id', () => {
      for (const event of definition.events) {
        for (const group of event.personalData ?? []) {
          expect([event.type, group.subject, isStringAt(event.schema, group.subject)]).toEqual([event.type, group.subject, true]);
          for (const field of group.fields) expect([event.type, field, isStringAt(event.schema, field)]).toEqual([event.type, field, true]);
        }
      }
    });

    it('ends a person’s part only by a field naming them: their subject id, or a record that recorded a person', () => {
      const recordsPerson = (pointer: string): boolean => {
        const [type, field] = pointer.split('.', 2);
        const recorder = definition.events.find((event) => event.type === type);
        return (recorder?.personalData ?? []).some((group) => group.subject.includes('.')) && isStringAt(recorder!.schema, field!);
      };
      for (const event of definition.events.filter((e) => e.ends !== undefined)) {
        const found = schemasAt(event.schema, event.ends!.split('.'));
        const names = found.length > 0 && found.every((schema) => {
          const meta = z.globalRegistry.get(schema) ?? {};
          return meta[SUBJECT_KEYWORD] === true || (typeof meta[RECORD_KEYWORD] === 'string' && recordsPerson(meta[RECORD_KEYWORD]));
        });
        expect([event.type, event.ends, names]).toEqual([event.type, event.ends, true]);
      }
    });

    it('makes searchable only fields it declares personal, so that erasing their subject forgets them', () => {
      for (const event of definition.events) {
        const personal = new Set((event.personalData ?? []).flatMap((group) => group.fields));
        expect([event.type, (event.search ?? []).filter((field) => !personal.has(field))]).toEqual([event.type, []]);
      }
    });

    it('names itself, every state and every command in English and in French, and labels nothing else', () => {
      const { labels } = definition;
      expect([bilingual(labels.title), bilingual(labels.description)]).toEqual([true, true]);
      const states = machineStates(definition);
      expect(states.filter((state) => !bilingual(labels.states[state]))).toEqual([]);
      expect(Object.keys(labels.states).filter((state) => !states.includes(state))).toEqual([]);
      const commands = definition.commands.map((c) => c.type);
      expect(commands.filter((command) => !bilingual(labels.commands[command]))).toEqual([]);
      expect(Object.keys(labels.commands).filter((command) => !commands.includes(command))).toEqual([]);
    });

    it('describes every command and every event it records in English and in French, in different words, as people read them (no code marks)', () => {
      const described = [...definition.commands, ...definition.events].filter((c) => !bilingual(c.description) || c.description.en === c.description.fr);
      expect(described.map((c) => c.type)).toEqual([]);
      const coded = [...definition.commands, ...definition.events].filter((c) => /`/.test(c.description.en + c.description.fr));
      expect(coded.map((c) => c.type)).toEqual([]);
    });

    it('writes its French as French is printed: the typographic apostrophe (d’abord), and a no-break space before : ; ? ! » and after «', () => {
      const french: string[] = [];
      const collect = (node: unknown): void => {
        if (typeof node !== 'object' || node === null) return;
        for (const [key, value] of Object.entries(node)) {
          if (key === 'fr' && typeof value === 'string') french.push(value);
          else collect(value);
        }
      };
      collect(definition.labels);
      collect([...definition.commands, ...definition.events].map((c) => c.description));
      expect(french.length).toBeGreaterThan(0);
      expect(french.flatMap(frenchTypographyFaults)).toEqual([]);
    });

    it('names every event it records (the shared clock events too) in English and in French, and labels no other event', () => {
      const { labels } = definition;
      const events = knownEventTypes(definition);
      expect([...events].filter((type) => !bilingual(labels.events[type]))).toEqual([]);
      expect(Object.keys(labels.events).filter((type) => !events.has(type))).toEqual([]);
    });

    it('records a French text only beside the English it translates (`<name>Fr` beside `<name>`), the clock events too', () => {
      const schemas = [...definition.commands, ...definition.events].map((d) => d.schema as z.ZodType).concat(CLOCK_EVENT_SCHEMAS.map((schema) => schema.shape.data));
      expect(schemas.flatMap((schema) => [...dataVocabulary(schema).frenchWithoutEnglish])).toEqual([]);
      const { detailFields } = explore(definition);
      expect([...detailFields].filter((field) => /[a-z]Fr$/.test(field))).toEqual([]);
    });

    it('names every field of its summary’s details in English and in French, and every choice among them', () => {
      const { detailFields } = explore(definition);
      const declared = dataVocabulary(definition.details);
      expect([...detailFields, ...declared.fields].filter((field) => !bilingual(definition.labels.fields[field]))).toEqual([]);
      expect([...declared.values].filter((value) => !bilingual(definition.labels.values[value]))).toEqual([]);
    });

    it('declares what its summary’s details hold: every summary, in every state reached, matches its schema', () => {
      expect(explore(definition).undeclaredDetails).toEqual([]);
    });

    it('names every field of its commands and events (the clock events too) and every choice they offer in English and in French, and labels nothing else', () => {
      const { labels } = definition;
      const asked = [
        ...definition.commands.map((command) => [command.type, dataVocabulary(command.schema)] as const),
        ...definition.events.map((event) => [event.type, dataVocabulary(event.schema)] as const),
        ...CLOCK_EVENT_SCHEMAS.map((schema) => [schema.shape.type.value, dataVocabulary(schema.shape.data)] as const),
        ['summary details', dataVocabulary(definition.details)] as const,
      ];
      const unnamed = asked.flatMap(([type, { fields, values }]) => [
        ...[...fields].filter((field) => !bilingual(labels.fields[field])).map((field) => `${type}: field ${field}`),
        ...[...values].filter((value) => !bilingual(labels.values[value])).map((value) => `${type}: value ${value}`),
      ]);
      expect(unnamed).toEqual([]);
      const fields = new Set([...asked.flatMap(([, v]) => [...v.fields]), ...explore(definition).detailFields]);
      const values = new Set(asked.flatMap(([, v]) => [...v.values]));
      expect(Object.keys(labels.fields).filter((field) => !fields.has(field))).toEqual([]);
      // Regions are named once for every workflow (REGION_LABELS); a workflow that asks for none need not spread them.
      expect(Object.keys(labels.values).filter((value) => !values.has(value) && !RegionCode.safeParse(value).success)).toEqual([]);
    });

    it('points only at records its own events make (each `x-mend-record` names one of its events and a field of that event) and at cases of registered workflows', () => {
      const schemas = [...definition.commands, ...definition.events].map((d) => d.schema as z.ZodType);
      const pointed = new Set(schemas.flatMap((schema) => [...dataVocabulary(schema).records]));
      const dangling = [...pointed].filter((record) => {
        const [type, field] = record.split('.', 2) as [string, string];
        const maker = definition.events.find((event) => event.type === type);
        return !maker || !dataVocabulary(maker.schema as z.ZodType).fields.has(field);
      });
      expect(dangling).toEqual([]);
      // Each `x-mend-subject` pointer names one of its events and a field of it where that event records people (a personal-data group's subject).
      const people = new Set(schemas.flatMap((schema) => [...dataVocabulary(schema).people]));
      const nobody = [...people].filter((pointer) => {
        const [type, field] = pointer.split('.', 2) as [string, string];
        const recorder = definition.events.find((event) => event.type === type);
        return !(recorder?.personalData ?? []).some((group) => group.subject.startsWith(`${field}.`) && !group.corrects);
      });
      expect(nobody).toEqual([]);
      const linked = new Set(schemas.flatMap((schema) => [...dataVocabulary(schema).caseWorkflows]));
      expect([...linked].filter((name) => !workflowDefinitions.some((d) => d.name === name))).toEqual([]);
      // What a field names another workflow's case for, every version of that workflow says when its cases allow it.
      const purposes = new Set(schemas.flatMap((schema) => [...dataVocabulary(schema).casePurposes]));
      const undeclared = [...purposes].filter((pair) => {
        const [name, purpose] = pair.split(' ') as [string, string];
        return workflowDefinitions.some((d) => d.name === name && d.linkedFor?.[purpose] === undefined);
      });
      expect(undeclared).toEqual([]);
    });

    it('declares its clocks once each, named in English and in French, met by its own commands', () => {
      const clocks = definition.clocks ?? [];
      expect(new Set(clocks.map((c) => c.key)).size).toBe(clocks.length);
      const commands = new Set(definition.commands.map((c) => c.type));
      for (const clock of clocks) {
        // A pattern's key, its parts filled in, must be a valid clock key.
        expect([clock.key, ClockKey.safeParse(clock.key.replace(/<[A-Za-z0-9]+>/g, '1')).success]).toEqual([clock.key, true]);
        expect([clock.key, bilingual(clock.label)]).toEqual([clock.key, true]);
        expect([clock.key, ['business', 'calendar'].includes(clock.basis)]).toEqual([clock.key, true]);
        expect([clock.key, clock.metBy.length > 0, clock.metBy.filter((command) => !commands.has(command))]).toEqual([clock.key, true, []]);
      }
    });

    it('starts only declared clocks (in its demo and in every state it reaches), under their English name and basis, and every declared one', () => {
      const started = explore(definition).clocksStarted;
      for (const [key, { name, basis }] of started) {
        const found = declaredClock(definition.clocks ?? [], key);
        expect([key, found !== undefined]).toEqual([key, true]);
        expect([key, name, basis]).toEqual([key, fillClockLabel(found!.declaration.label.en, found!.params), found!.declaration.basis]);
      }
      const unstarted = (definition.clocks ?? []).filter((clock) => ![...started.keys()].some((key) => declaredClock([clock], key)));
      expect(unstarted.map((clock) => clock.key)).toEqual([]);
    });

    it('reaches every state of its machine', () => {
      const reached = reachableStates(definition);
      expect(machineStates(definition).filter((state) => !reached.has(state))).toEqual([]);
    });

    it('accepts the shared clock events in every state, at its root and nowhere else (so folding them skips XState)', () => {
      const atRoot = Object.keys((definition.machine.config as AnyStateNodeConfig).on ?? {});
      expect(CLOCK_EVENT_TYPES.filter((type) => !atRoot.includes(type))).toEqual([]);
      expect(acceptsClockEventsWhenActive(definition.machine)).toBe(true);
    });
  });
}

