import { v5 as uuidv5 } from 'uuid';
import { dueClockEvents, type ClockEvent } from '../../domain/clocks';
import type { MachineEvent } from '../../domain/envelope';
import { evolveCase, machineAccepts } from '../../domain/fold';
import type { Actor } from '../../domain/roles';
import type { AnyWorkflowDefinition, CaseState } from '../../domain/workflow';

export type DueClockEvent = Extract<ClockEvent, { type: 'ClockWarned' | 'ClockBreached' }>;

/** The actor every warning and breach is recorded under. */
export const SLA_SCHEDULER_ACTOR: Actor = { id: 'sla-scheduler', role: 'system' };

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

export interface DueClockDecision {
  readonly events: readonly DueClockEvent[];
  readonly state: CaseState;
}

/**
 * What the scheduler records on a case at `now`: its due warnings and breaches, each checked
 * against the machine in turn (a case in a final state accepts none). Pure.
 */
export function decideDueClocks(definition: AnyWorkflowDefinition, state: CaseState, now: Date): DueClockDecision {
  const meta: MachineEvent['meta'] = { occurredAt: now.toISOString(), actor: SLA_SCHEDULER_ACTOR };
  const events: DueClockEvent[] = [];
  let next = state;
  for (const event of dueClockEvents(state.clocks, now)) {
    const machineEvent: MachineEvent = { ...event, meta };
    if (!machineAccepts(next.snapshot, machineEvent)) break;
    next = evolveCase(definition, next, machineEvent);
    events.push(event);
  }
  return { events, state: next };
}
