import type { DecideContext } from './decide-context';
import type { MachineEvent, NewEvent } from './envelope';
import { CommandNotAllowed, NotAnOpeningCommand, UnknownCommand, type Language } from './errors';
import { allowedCommands, evolveCase, findCommand, findEventSchema, isCommandAllowed, machineAccepts, stateName } from './fold';
import { parseInput } from './validation';
import type { AnyWorkflowDefinition, CaseState } from './workflow';

export interface CommandInput {
  readonly type: string;
  readonly data: unknown;
}

export interface Decision {
  /** The events to append, already checked against their schemas and the machine. */
  readonly events: readonly NewEvent[];
  /** The case after those events. */
  readonly state: CaseState;
}

/** A decision produced an event its own schemas or machine refuse: a defect in the workflow, not bad input. */
export class InvalidDecisionError extends Error {
  override readonly name = 'InvalidDecisionError';
}

/**
 * The pure core of every command (DESIGN.md §2): validate the data, check the machine offers the
 * command in this state, decide, check every new event against its schema and the machine, fold.
 */
export function processCommand(
  definition: AnyWorkflowDefinition,
  state: CaseState,
  command: CommandInput,
  ctx: DecideContext,
): Decision {
  const spec = findCommand(definition, command.type);
  if (!spec) throw UnknownCommand({ command: command.type, workflow: definition.name });
  const opening = state.revision < 0;
  if (opening && command.type !== definition.openingCommand) {
    throw NotAnOpeningCommand({ command: command.type, workflow: definition.name, opening: definition.openingCommand });
  }
  const data = parseInput(spec.schema, command.data ?? {}, 'data');
  const meta: MachineEvent['meta'] = { occurredAt: ctx.now.toISOString(), actor: ctx.actor };
  if (!opening && (command.type === definition.openingCommand || !isCommandAllowed(spec, state, meta))) {
    const rule = command.type === definition.openingCommand ? undefined : spec.refusal?.(state, data, ctx);
    throw rule ?? notAllowed(definition, state, command.type, meta);
  }
  const events = spec.decide ? spec.decide(state, data, ctx) : definition.decide({ type: command.type, data }, state, ctx);
  let next = state;
  for (const event of events) {
    const schema = findEventSchema(definition, event.type);
    if (!schema) throw new InvalidDecisionError(`${definition.name} decided an unknown event type ${event.type}`);
    const parsed = schema.schema.safeParse(event.data);
    if (!parsed.success) {
      throw new InvalidDecisionError(`${definition.name} decided an invalid ${event.type}: ${parsed.error.message}`);
    }
    const machineEvent: MachineEvent = { type: event.type, data: event.data, meta };
    if (!machineAccepts(next.snapshot, machineEvent)) throw notAllowed(definition, next, command.type, meta);
    next = evolveCase(definition, next, machineEvent);
  }
  return { events, state: next };
}

function notAllowed(definition: AnyWorkflowDefinition, state: CaseState, command: string, meta: MachineEvent['meta']) {
  const state_ = stateName(state.snapshot);
  // As people know them; a name without a label (a parallel state's several) as the API names it.
  const named = (names: Readonly<Record<string, Readonly<Record<Language, string>>>>, key: string) => ({ en: names[key]?.en ?? key, fr: names[key]?.fr ?? key });
  return CommandNotAllowed(
    { command: named(definition.labels.commands, command), state: named(definition.labels.states, state_) },
    { state: state_, allowedCommands: allowedCommands(definition, state, meta) },
  );
}
