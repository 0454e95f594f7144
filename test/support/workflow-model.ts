import { getAdjacencyMap, getShortestPaths } from '@xstate/graph';
import { type AnyMachineSnapshot, type AnyStateMachine, type AnyStateNode, type TransitionDefinition } from 'xstate';
import type { CalendarProvider } from '../../domain/calendar/types';
import type { DecideContext } from '../../domain/decide-context';
import { DomainError } from '../../domain/errors';
import type { MachineEvent } from '../../domain/envelope';
import { allowedCommands, evolveCase, initialCaseState, isClockEventType, stateName } from '../../domain/fold';
import { processCommand } from '../../domain/process';
import type { PersonRole } from '../../domain/roles';
import type { MendSettings } from '../../domain/settings';
import type { AnyWorkflowDefinition, CaseState } from '../../domain/workflow';
import { registeredWorkflows } from './workflow-spec';

/** Who sends a command or reads a case: the subject and role of their token. */
export interface PersonActor {
  readonly id: string;
  readonly role: PersonRole;
}

/** One command as a client sends it: the name, its data and who sends it. */
export interface CommandStep {
  readonly command: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly actor: PersonActor;
}

/** How a test drives one workflow: which data each command gets in a state, and who may send it there. */
export interface WorkflowDriver {
  readonly definition: AnyWorkflowDefinition;
  /**
   * The data to try for a command, adapted to what the case holds (an engagement id scheduled
   * earlier, the level a complaint is at…). Default: the command's example. `[]` skips the command.
   */
  readonly variants?: (command: string, context: any) => readonly Record<string, unknown>[] | undefined;
  /** Who runs a command on a case in this state: the permission table decides (practitioners act on assigned cases). */
  readonly actorOf: (command: string, context: any) => PersonActor;
  /** Who reads the case back. */
  readonly reader: PersonActor;
  /**
   * Facts guards depend on that neither the state nor the commands offered show (the complaint's
   * level decides whether a review can be requested later). Keeps the explored graph finite.
   */
  readonly abstraction?: (context: any) => unknown;
}

/** A machine event on the model's graph, with the command that records it. */
interface ModelEvent extends MachineEvent {
  readonly step: CommandStep;
  /** The machine after every event the command records (a command may record several: a cohort and its members). */
  readonly next: AnyMachineSnapshot;
  /** The command, which of its variants, and the role sending it: `RecordReflection#2 as practitioner`. */
  readonly label: string;
}

/** One step of a path: the command, then what the case must look like after it. */
export interface PathStep {
  readonly step: CommandStep;
  readonly state: string;
  readonly revision: number;
  readonly assignees: readonly string[];
  /** Types of the events the command records, clock events included. */
  readonly events: readonly string[];
  /** What the workflow offers next, before the permission table narrows it to what each actor may run. */
  readonly allowedCommands: readonly string[];
  /** Ids of the machine transitions this step takes. */
  readonly transitions: readonly string[];
}

export interface ModelPath {
  readonly steps: readonly PathStep[];
}

export interface WorkflowModel {
  readonly definition: AnyWorkflowDefinition;
  /** Every state node by its dotted path. */
  readonly states: readonly string[];
  readonly initialState: string;
  /** Every transition of every state node, clock events aside, by id. */
  readonly transitions: readonly string[];
  /** Paths from a new case that, together, take every command variant from every state it can be taken from. */
  readonly paths: readonly ModelPath[];
  /** Abstract states and edges explored; goals: (state, command variant, next state) to cover. */
  readonly graph: { readonly states: number; readonly edges: number; readonly goals: number };
}

export interface ModelContext {
  readonly now: Date;
  readonly calendars: CalendarProvider;
  readonly settings: MendSettings;
}

/** `phase2.engaging` and its ancestor `phase2`. */
export function withAncestors(state: string): string[] {
  const parts = state.split('.');
  return parts.map((_, i) => parts.slice(0, i + 1).join('.'));
}

function stateNodes(machine: AnyStateMachine): AnyStateNode[] {
  const nodes: AnyStateNode[] = [];
  const walk = (node: AnyStateNode) => {
    nodes.push(node);
    for (const child of Object.values(node.states) as AnyStateNode[]) walk(child);
  };
  walk(machine.root as AnyStateNode);
  return nodes;
}

/** Each transition of each state node gets an id: `phase3 --EngagementClosed#2--> completed`. */
function transitionCatalog(machine: AnyStateMachine): Map<TransitionDefinition<any, any>, string> {
  const ids = new Map<TransitionDefinition<any, any>, string>();
  for (const node of stateNodes(machine)) {
    for (const [eventType, transitions] of node.transitions as Map<string, TransitionDefinition<any, any>[]>) {
      if (isClockEventType(eventType)) continue;
      transitions.forEach((transition, index) => {
        const targets = (transition.target ?? []) as AnyStateNode[];
        const to = targets.length > 0 ? targets.map((t) => t.path.join('.')).join(',') : '(stays)';
        const branch = transitions.length > 1 ? `#${index + 1}` : '';
        ids.set(transition, `${node.path.join('.') || '(any state)'} --${eventType}${branch}--> ${to}`);
      });
    }
  }
  return ids;
}

/**
 * Explores a workflow's machine with @xstate/graph. The events offered in a state are those its
 * commands record there: each command (with each data variant) runs through the real pure pipeline
 * (`processCommand`: schema, machine check, decide), and the event it records is what the graph
 * follows. Commands that record only a shared clock event are self-loops and left out.
 *
 * The graph's states are abstract (the state, the commands offered, the driver's abstraction), so
 * that counters and lists do not make it infinite. The paths returned take every command variant
 * from every state it can be taken from: greedy walks over the graph first, then, for anything a
 * walk could not reach, the shortest path to it. Every path is replayed with real clocks, as the
 * server will run it, to give the expected outcome of each step.
 */
export function buildWorkflowModel(driver: WorkflowDriver, context: ModelContext): WorkflowModel {
  const { definition } = driver;
  const machine = definition.machine;
  const initial = initialCaseState(definition);
  const initialState = stateName(initial.snapshot);
  const catalog = transitionCatalog(machine);
  let ids = 0;

  /** The case each explored snapshot stands for, clocks included: some refusals depend on a clock (a complaint's review window). */
  const decidedStates = new WeakMap<AnyMachineSnapshot, CaseState>();
  const caseState = (snapshot: AnyMachineSnapshot): CaseState =>
    decidedStates.get(snapshot) ?? { snapshot, clocks: {}, revision: stateName(snapshot) === initialState ? -1 : 0 };
  const meta = (actor: PersonActor): MachineEvent['meta'] => ({ occurredAt: context.now.toISOString(), actor });
  const offered = (snapshot: AnyMachineSnapshot) =>
    allowedCommands(definition, caseState(snapshot), meta(driver.reader)).filter((c) => !recordsClockEvent(definition, c));
  const decideContext = (actor: PersonActor): DecideContext => ({
    now: context.now,
    actor,
    newId: () => `model-id-${++ids}`,
    calendars: context.calendars,
    settings: context.settings,
    workflows: registeredWorkflows,
  });

  const eventsIn = (snapshot: AnyMachineSnapshot): ModelEvent[] => {
    if (snapshot.status !== 'active') return [];
    const events: ModelEvent[] = [];
    for (const command of definition.commands) {
      if (isClockEventType(command.primaryEvent)) continue;
      const variants = driver.variants?.(command.type, snapshot.context) ?? [command.example];
      variants.forEach((data, index) => {
        const step: CommandStep = { command: command.type, data, actor: driver.actorOf(command.type, snapshot.context) };
        let decided;
        try {
          decided = processCommand(definition, caseState(snapshot), { type: step.command, data: step.data }, decideContext(step.actor));
        } catch (error) {
          if (error instanceof DomainError) return;
          throw new Error(`${definition.name}: ${step.command} in ${stateName(snapshot)} failed: ${String(error)}`, { cause: error });
        }
        decidedStates.set(decided.state.snapshot, decided.state);
        const primary = decided.events.find((e) => e.type === command.primaryEvent);
        if (!primary) {
          throw new Error(`${definition.name}: ${step.command} recorded ${decided.events.map((e) => e.type).join(', ') || 'nothing'}, not ${command.primaryEvent}`);
        }
        const label = `${step.command}${variants.length > 1 ? `#${index + 1}` : ''} as ${step.actor.role}`;
        events.push({ ...primary, meta: meta(step.actor), step, label, next: decided.state.snapshot });
      });
    }
    return events;
  };

  const serializeState = (snapshot: AnyMachineSnapshot) =>
    JSON.stringify([stateName(snapshot), offered(snapshot), driver.abstraction?.(snapshot.context) ?? null]);
  const options = { events: eventsIn, serializeState, serializeEvent: (e: ModelEvent) => e.label, fromState: initial.snapshot } as never;
  // The graph steps to the case as the command left it, every event it recorded folded.
  const logic = Object.assign(Object.create(machine) as AnyStateMachine, { transition: (_from: AnyMachineSnapshot, event: ModelEvent) => event.next });
  const adjacency = getAdjacencyMap(logic, options) as unknown as Record<
    string,
    { state: AnyMachineSnapshot; transitions: Record<string, { event: ModelEvent; state: AnyMachineSnapshot }> }
  >;

  // What the paths must cover: each command variant from each state, to each state it leads to.
  const goalOf = (from: AnyMachineSnapshot, label: string, to: AnyMachineSnapshot) => `${stateName(from)} ${label} -> ${stateName(to)}`;
  const uncovered = new Set<string>();
  let edges = 0;
  for (const { state, transitions } of Object.values(adjacency)) {
    for (const [label, next] of Object.entries(transitions)) {
      edges++;
      uncovered.add(goalOf(state, label, next.state));
    }
  }
  const goals = uncovered.size;
  const isOpen = (from: AnyMachineSnapshot, [label, next]: [string, { state: AnyMachineSnapshot }]) =>
    uncovered.has(goalOf(from, label, next.state));

  /** The first command of the shortest way to something uncovered, preferring what keeps the case open. */
  const nextLabel = (from: string): string | undefined => {
    const firstLabel = new Map<string, string | undefined>([[from, undefined]]);
    const queue = [from];
    for (const key of queue) {
      const { state, transitions } = adjacency[key]!;
      const entries = Object.entries(transitions);
      const open = entries.filter((entry) => isOpen(state, entry));
      if (open.length > 0) return firstLabel.get(key) ?? (open.find(([, next]) => next.state.status === 'active') ?? open[0]!)[0];
      for (const [label, next] of entries) {
        const key2 = serializeState(next.state);
        if (!firstLabel.has(key2)) {
          firstLabel.set(key2, firstLabel.get(key) ?? label);
          queue.push(key2);
        }
      }
    }
    return undefined;
  };

  const walks: ModelEvent[][] = [];
  for (let progress = true; progress && uncovered.size > 0; ) {
    const walk: ModelEvent[] = [];
    const before = uncovered.size;
    let snapshot = initial.snapshot;
    for (let label = nextLabel(serializeState(snapshot)); label !== undefined && walk.length <= edges; label = nextLabel(serializeState(snapshot))) {
      const event = eventsIn(snapshot).find((e) => e.label === label);
      // The abstraction merged this state with one that offers more: the shortest paths below cover it.
      if (!event) break;
      const next = event.next;
      uncovered.delete(goalOf(snapshot, label, next));
      walk.push(event);
      snapshot = next;
    }
    progress = uncovered.size < before;
    if (progress) walks.push(walk);
  }

  if (uncovered.size > 0) {
    const shortest = new Map<string, ModelEvent[]>();
    for (const path of getShortestPaths(logic, options)) {
      // @xstate/graph's path steps are (event, state after it), the first being xstate.init.
      shortest.set(serializeState(path.state as AnyMachineSnapshot), path.steps.slice(1).map((s) => s.event as ModelEvent));
    }
    for (const [key, { state, transitions }] of Object.entries(adjacency)) {
      for (const entry of Object.entries(transitions)) {
        if (!isOpen(state, entry)) continue;
        uncovered.delete(goalOf(state, entry[0], entry[1].state));
        walks.push([...shortest.get(key)!, entry[1].event]);
      }
    }
  }

  // Each path is replayed through the pipeline with real clocks, as the server will run it.
  const toSteps = (events: readonly ModelEvent[]): PathStep[] => {
    let state = initial;
    return events.map(({ step }) => {
      const decision = processCommand(definition, state, { type: step.command, data: step.data }, decideContext(step.actor));
      const taken: string[] = [];
      for (const event of decision.events) {
        const machineEvent = { ...event, meta: meta(step.actor) };
        if (!isClockEventType(event.type)) taken.push(...machine.getTransitionData(state.snapshot as never, machineEvent as never).map((t) => catalog.get(t)!));
        state = evolveCase(definition, state, machineEvent);
      }
      state = decision.state;
      return {
        step,
        state: stateName(state.snapshot),
        revision: state.revision,
        assignees: definition.summarize(state).assignees,
        events: decision.events.map((e) => e.type),
        allowedCommands: allowedCommands(definition, state, meta(step.actor)),
        transitions: taken,
      };
    });
  };

  return {
    definition,
    states: stateNodes(machine).slice(1).map((node) => node.path.join('.')),
    initialState,
    transitions: [...new Set(catalog.values())],
    paths: walks.map((events) => ({ steps: toSteps(events) })),
    graph: { states: Object.keys(adjacency).length, edges, goals },
  };
}

function recordsClockEvent(definition: AnyWorkflowDefinition, command: string): boolean {
  const found = definition.commands.find((c) => c.type === command);
  return found !== undefined && isClockEventType(found.primaryEvent);
}
