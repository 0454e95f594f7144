import { v5 as uuidv5 } from 'uuid';
import { dueClockEvents, type ClockEvent } from '../../domain/clocks';
import type { DecideContext } from '../../domain/decide-context';
import type { MachineEvent, NewEvent } from '../../domain/envelope';
import { evolveCase, findEventSchema, machineAccepts } from '../../domain/fold';
import { InvalidDecisionError } from '../../domain/process';
import type { Actor } from '../../domain/roles';
import { SLA_SCHEDULER_ID } from '../../domain/system-actors';
import type { AnyWorkflowDefinition, CaseState } from '../../domain/workflow';

export type DueClockEvent = Extract<ClockEvent, { type: 'ClockWarned' | 'ClockBreached' }>;

/** The actor every warning and breach is recorded under. */
export const SLA_SCHEDULER_ACTOR: Actor = { id: SLA_SCHEDULER_ID, role: 'system' };

/** Fixed for ever: changing it would let a warning recorded before the change be recorded again. */
const SLA_EVENT_NAMESPACE = '58697c2c-e804-43ab-85b4-911559feb456';

/**
 * The id of a warning or a breach: the same for every scheduler that records it, so the store
 * keeps it once however many schedulers, retries and restarts try. It names the instant the event
 * is due, so a clock pushed back by a pause gets new ids for what it has not yet recorded.
 */
export function dueClockEventId(streamId: string, event: DueClockEvent): string {
  const threshold = event.type === 'ClockWarned' ? String(event.data.threshold) : '';
  const at = new Date(event.data.at).toISOString();
  return uuidv5([streamId, event.data.clock, event.type, threshold, at].join('\n'), SLA_EVENT_NAMESPACE);
}

/**
 * The ids of what the scheduler decided on a case: each warning and breach by `dueClockEventId`,
 * and what the workflow recorded in answer to a breach by that breach's id and its place after it,
 * so that every scheduler deciding the same events stores them once.
 */
export function dueClockEventIds(streamId: string, events: readonly NewEvent[]): string[] {
  let breachId = '';
  let after = 0;
  return events.map((event) => {
    if (event.type === 'ClockWarned' || event.type === 'ClockBreached') {
      const id = dueClockEventId(streamId, event as DueClockEvent);
      if (event.type === 'ClockBreached') [breachId, after] = [id, 0];
      return id;
    }
    return uuidv5([breachId, String(++after), event.type].join('\n'), SLA_EVENT_NAMESPACE);
  });
}

export interface DueClockDecision {
  /** Due warnings and breaches, each breach followed by what the workflow records when that clock runs out. */
  readonly events: readonly NewEvent[];
  readonly state: CaseState;
}

/**
 * What the scheduler records on a case at `ctx.now`: its due warnings and breaches, each checked
 * against the machine in turn (a case in a final state accepts none), and after each breach what
 * the workflow decides follows from it (`onClockBreached`), checked like a command's events. Pure.
 */
export function decideDueClocks(definition: AnyWorkflowDefinition, state: CaseState, ctx: DecideContext): DueClockDecision {
  const meta: MachineEvent['meta'] = { occurredAt: ctx.now.toISOString(), actor: SLA_SCHEDULER_ACTOR };
  const events: NewEvent[] = [];
  let next = state;
  const record = (event: NewEvent): boolean => {
    const machineEvent: MachineEvent = { ...event, meta };
    if (!machineAccepts(next.snapshot, machineEvent)) return false;
    next = evolveCase(definition, next, machineEvent);
    events.push(event);
    return true;
  };
  for (const event of dueClockEvents(state.clocks, ctx.now)) {
    if (!record(event)) break;
    if (event.type !== 'ClockBreached' || !definition.onClockBreached) continue;
    for (const followUp of definition.onClockBreached(event.data, next, { ...ctx, actor: SLA_SCHEDULER_ACTOR })) {
      const schema = findEventSchema(definition, followUp.type)?.schema.safeParse(followUp.data);
      if (!schema?.success || !record(followUp)) {
        throw new InvalidDecisionError(`${definition.name} decided ${followUp.type} on a breach of ${event.data.clock}, which its schemas or machine refuse`);
      }
    }
  }
  return { events, state: next };
}
