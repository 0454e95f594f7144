import type { AnyStateNodeConfig } from 'xstate';
import { z } from 'zod';
import { createCalendarProvider } from '../../domain/calendar';
import { CLOCK_EVENT_TYPES } from '../../domain/clocks';
import { DAY } from '../../domain/demo';
import { DomainError } from '../../domain/errors';
import { initialCaseState, stateName } from '../../domain/fold';
import { processCommand } from '../../domain/process';
import { PersonRole, type Actor } from '../../domain/roles';
import { DEFAULT_SETTINGS } from '../../domain/settings';
import type { AnyWorkflowDefinition, CaseState } from '../../domain/workflow';
import { stateNames } from '../../src/workflows/diagram';

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

const calendars = createCalendarProvider();
const START = Date.parse('2026-03-02T15:00:00Z');
/** Someone of every role, so that exploration is about the workflow's rules, not about who runs them. */
const ACTORS: readonly Actor[] = PersonRole.options.map((role) => ({ id: `${role}-1`, role }));

function run(definition: AnyWorkflowDefinition, state: CaseState, type: string, data: unknown, at: number, actor: Actor): CaseState | undefined {
  let ids = 0;
  try {
    return processCommand(definition, state, { type, data }, { now: new Date(at), actor, newId: () => `id-${++ids}`, calendars, settings: DEFAULT_SETTINGS }).state;
  } catch (error) {
    if (error instanceof DomainError) return undefined;
    throw error;
  }
}

/**
 * The states a case of this workflow reaches: along its demo cases (realistic data at realistic
 * times), then from every state found, by every command with its example, a day apart, as any role.
 * A state is explored from the first case found in it. Returns each state's dotted path and its ancestors.
 */
export function reachableStates(definition: AnyWorkflowDefinition, maxDepth = 40): Set<string> {
  const seen = new Set<string>();
  const frontier: { state: CaseState; at: number; depth: number }[] = [];
  const visit = (state: CaseState, at: number, depth: number) => {
    const name = stateName(state.snapshot);
    if (seen.has(name)) return;
    name.split('.').forEach((_, i, parts) => seen.add(parts.slice(0, i + 1).join('.')));
    frontier.push({ state, at, depth });
  };

  for (const demo of definition.demo?.({ first: 1, settings: DEFAULT_SETTINGS }) ?? []) {
    let state = initialCaseState(definition);
    for (const step of demo.steps) {
      const at = START + step.day * DAY;
      const next = run(definition, state, step.command, step.data(new Date(at)), at, step.actor);
      if (!next) break;
      state = next;
      visit(state, at, 0);
    }
  }
  // The state before the opening command: a case that does not exist yet.
  stateName(initialCaseState(definition).snapshot).split('.').forEach((_, i, parts) => seen.add(parts.slice(0, i + 1).join('.')));
  const opening = definition.commands.find((c) => c.type === definition.openingCommand)!;
  for (const actor of ACTORS) {
    const opened = run(definition, initialCaseState(definition), opening.type, opening.example, START, actor);
    if (opened) visit(opened, START, 0);
  }
  while (frontier.length > 0) {
    const { state, at, depth } = frontier.shift()!;
    if (depth >= maxDepth) continue;
    for (const command of definition.commands) {
      if (command.type === definition.openingCommand) continue;
      for (const actor of ACTORS) {
        const next = run(definition, state, command.type, command.example, at + DAY, actor);
        if (next) {
          visit(next, at + DAY, depth + 1);
          break;
        }
      }
    }
  }
  return seen;
}

/** Every state of the machine, as dotted paths. */
export const machineStates = (definition: AnyWorkflowDefinition): string[] => stateNames(definition);

/** The event types a workflow may record: its own and the shared clock events. */
export const knownEventTypes = (definition: AnyWorkflowDefinition): Set<string> =>
  new Set<string>([...definition.events.map((e) => e.type), ...CLOCK_EVENT_TYPES]);
