import { createActor, initialTransition, type AnyActorScope, type AnyMachineSnapshot, type AnyStateMachine, type StateValue } from 'xstate';
import { CLOCK_EVENT_DEFINITIONS, ClockEvent, CLOCK_EVENT_TYPES, type ClockEventType } from './clocks/events';
import { acceptsClockEventsWhenActive } from './clocks/machine';
import { notePeople, PERSONAL_INFORMATION_CORRECTED } from './corrections';
import { evolveClocks } from './clocks/state';
import type { MachineEvent, NewEvent } from './envelope';
import type { AnyWorkflowDefinition, CaseState, CommandDefinition, EventDefinition } from './workflow';

const clockTypes = new Set<string>(CLOCK_EVENT_TYPES);

export function isClockEvent(event: NewEvent): event is ClockEvent {
  return clockTypes.has(event.type);
}

export function isClockEventType(type: string): type is ClockEventType {
  return clockTypes.has(type);
}

const initialStates = new WeakMap<AnyStateMachine, CaseState>();

/**
 * The state of a case before its first event. Worked out once per machine (XState builds a
 * throwaway actor for it) and shared: a case state is never changed, only followed by another.
 */
export function initialCaseState(definition: AnyWorkflowDefinition): CaseState {
  let initial = initialStates.get(definition.machine);
  if (!initial) {
    const [snapshot] = initialTransition(definition.machine);
    initial = Object.freeze({ snapshot, clocks: Object.freeze({}), revision: -1 });
    initialStates.set(definition.machine, initial);
  }
  return initial;
}

/**
 * Does the machine accept this event in this state? A finished machine accepts nothing (XState's
 * `can` alone would still answer for root-level transitions). A clock event, in a machine that
 * takes them in every state, needs no more than that.
 */
export function machineAccepts(snapshot: AnyMachineSnapshot, event: MachineEvent): boolean {
  // A person's information may be corrected whatever the case's stage, closed cases too: the machine has no say.
  if (event.type === PERSONAL_INFORMATION_CORRECTED) return true;
  if (snapshot.status !== 'active') return false;
  if (clockTypes.has(event.type) && acceptsClockEventsWhenActive(snapshot.machine)) return true;
  return snapshot.can(event);
}

export class EventRejectedByMachine extends Error {
  override readonly name = 'EventRejectedByMachine';
  constructor(
    readonly eventType: string,
    readonly state: string,
  ) {
    super(`The machine does not accept ${eventType} in state ${state}`);
  }
}

/** Folds one event into a case. The machine must accept it: history the machine rejects is corrupt or of another version. */
export function evolveCase(
  definition: AnyWorkflowDefinition,
  state: CaseState,
  event: MachineEvent,
  revision = state.revision + 1,
): CaseState {
  if (!machineAccepts(state.snapshot, event)) throw new EventRejectedByMachine(event.type, stateName(state.snapshot));
  if (isClockEvent(event)) {
    const clocks = evolveClocks(state.clocks, event);
    return state.people ? { snapshot: state.snapshot, clocks, revision, people: state.people } : { snapshot: state.snapshot, clocks, revision };
  }
  if (event.type === PERSONAL_INFORMATION_CORRECTED) return { ...state, revision };
  const snapshot = definition.machine.transition(state.snapshot, event, inertScope(definition.machine));
  const people = notePeople(definition.events, state.people, event);
  return people ? { snapshot, clocks: state.clocks, revision, people } : { snapshot, clocks: state.clocks, revision };
}

const scopes = new WeakMap<AnyStateMachine, AnyActorScope>();

/**
 * What XState's `transition(machine, snapshot, event)` does, without building a throwaway actor
 * (and so the machine's initial snapshot) on every call, which was a third of the cost of folding
 * an event: one inert scope per machine, which executes no action, serves every call. Sound for
 * machines that neither invoke nor spawn actors (the conformance spec checks every workflow's).
 */
function inertScope(machine: AnyStateMachine): AnyActorScope {
  let scope = scopes.get(machine);
  if (!scope) {
    const self = createActor(machine);
    scope = {
      self,
      defer: () => undefined,
      id: '',
      logger: () => undefined,
      sessionId: '',
      stopChild: () => undefined,
      system: self.system,
      emit: () => undefined,
      actionExecutor: () => undefined,
    } as AnyActorScope;
    scopes.set(machine, scope);
  }
  return scope;
}

/**
 * Whether the case is open: its machine still runs and its state is not tagged `closed`. A state
 * tagged `closed` is done as far as the program's work goes, yet still takes the person's word
 * (a class member who completed may still withdraw consent to what they shared): it leaves
 * caseloads and open counts as a final state does, while its commands stay offered.
 */
export function caseStatus(snapshot: AnyMachineSnapshot): 'open' | 'closed' {
  return snapshot.status === 'active' && !snapshot.hasTag('closed') ? 'open' : 'closed';
}

/** The dotted name of the current state: `underReview`, `phase2.engaging`. */
export function stateName(snapshot: AnyMachineSnapshot): string {
  return flatten(snapshot.value).join(', ');
}

function flatten(value: StateValue, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix + value];
  return Object.entries(value).flatMap(([key, child]) =>
    child === undefined ? [prefix + key] : flatten(child, `${prefix}${key}.`),
  );
}

/** Is the case in a final state? */
export function isFinal(state: CaseState): boolean {
  return state.snapshot.status !== 'active';
}

/** The commands the machine would accept now, in the order the workflow lists them. */
export function allowedCommands(definition: AnyWorkflowDefinition, state: CaseState, meta: MachineEvent['meta']): string[] {
  return definition.commands
    .filter((command) => command.type !== definition.openingCommand || state.revision < 0)
    // Not a step of the workflow: a correction of a person's information may be made at every stage, by those its grants name.
    .filter((command) => command.primaryEvent !== PERSONAL_INFORMATION_CORRECTED)
    .filter((command) => isCommandAllowed(command, state, meta))
    .map((command) => command.type);
}

export function isCommandAllowed(command: CommandDefinition, state: CaseState, meta: MachineEvent['meta']): boolean {
  if (!machineAccepts(state.snapshot, { type: command.primaryEvent, data: {}, meta })) return false;
  return command.available ? command.available(state, new Date(meta.occurredAt)) : true;
}

export function findCommand(definition: AnyWorkflowDefinition, type: string): CommandDefinition | undefined {
  return definition.commands.find((command) => command.type === type);
}

/** The schema of an event this workflow may record, including the shared clock events. */
export function findEventSchema(definition: AnyWorkflowDefinition, type: string): EventDefinition | undefined {
  return definition.events.find((event) => event.type === type) ?? CLOCK_EVENT_DEFINITIONS.find((e) => e.type === type);
}
