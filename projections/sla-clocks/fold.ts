import { evolveClocks, type ClockEvent } from '../../domain/clocks';
import { isClockEventType } from '../../domain/fold';
import type { ProjectionEvent } from '../projection';
import { COUNTER_COLUMNS, countsOf, toClockState, toSlaClockRow, utc, type SlaAlertRow, type SlaClockRow, type SlaCounts } from './rows';
import { weekDeltas, type WeekDelta } from './weeks';

/** What one clock event changes in the SLA read model. */
export interface SlaChange {
  readonly row: SlaClockRow;
  /** Set for warnings and breaches: the stream supervisors watch. */
  readonly alert?: SlaAlertRow;
  /** What to add to the counters of the clock's (workflow, region, level) group. */
  readonly delta: SlaCounts;
  /** What to add to the weekly outcome counters: a clock met or breached counts in the week it happened. */
  readonly weeks: readonly WeekDelta[];
}

/** The clock an event is about, or undefined for an event that is not a clock event. */
export function clockKeyOf(event: ProjectionEvent): string | undefined {
  return isClockEventType(event.type) ? (event.data as ClockEvent['data']).clock : undefined;
}

/**
 * Folds a clock event into its clock's row. Pure. Returns undefined when the event changes no
 * clock (a clock event about a clock the case never started).
 */
export function projectSlaClock(previous: SlaClockRow | undefined, event: ProjectionEvent): SlaChange | undefined {
  if (!isClockEventType(event.type)) return undefined;
  const clockEvent = { type: event.type, data: event.data } as ClockEvent;
  const key = clockEvent.data.clock;
  const before = previous ? { [key]: toClockState(previous) } : {};
  const clock = evolveClocks(before, clockEvent)[key];
  if (!clock) return undefined;
  const row = toSlaClockRow(clock, {
    caseId: event.caseId,
    streamId: event.streamId,
    workflow: event.definition.name,
    readAs: event.metadata.readAs ?? event.definition.name,
    revision: event.revision,
    position: event.position,
    updatedAt: event.metadata.occurredAt,
  });
  const delta = subtract(countsOf(row), previous ? countsOf(previous) : undefined);
  const alert = alertOf(clockEvent, row, event);
  const weeks = weekDeltas(previous, row);
  return alert ? { row, alert, delta, weeks } : { row, delta, weeks };
}

function alertOf(event: ClockEvent, row: SlaClockRow, projected: ProjectionEvent): SlaAlertRow | undefined {
  if ((event.type !== 'ClockWarned' && event.type !== 'ClockBreached') || row.standard === 0) return undefined;
  return {
    position: projected.position,
    type: event.type,
    case_id: row.case_id,
    clock: row.clock,
    workflow: row.workflow,
    read_as: row.read_as,
    region: row.region,
    level: row.level,
    name: row.name,
    name_fr: row.name_fr,
    threshold: event.type === 'ClockWarned' ? event.data.threshold : null,
    at: utc(event.data.at),
    due_at: event.type === 'ClockWarned' ? utc(event.data.dueAt) : utc(event.data.at),
    occurred_at: projected.metadata.occurredAt,
  };
}

function subtract(after: SlaCounts, before: SlaCounts | undefined): SlaCounts {
  if (!before) return after;
  const difference = { ...after };
  for (const column of COUNTER_COLUMNS) difference[column] -= before[column];
  return difference;
}
