import { nextClockDeadline, type ClockState, type ClockStatus } from '../../domain/clocks';
import type { RegionCode } from '../../domain/regions';

/** A row of `sla_clocks`: one clock of one case. Instants are ISO 8601 UTC, so text order is time order. */
export interface SlaClockRow {
  case_id: string;
  clock: string;
  stream_id: string;
  workflow: string;
  /** The workflow whose read scope applies to the case: its own, or the one its events name (`readAs`). */
  read_as: string;
  /** 0 for a clock that is no service standard (a complainant's review window); 1 otherwise. */
  standard: 0 | 1;
  region: string;
  /** 0 for a clock without a level of authority (SQLite keys cannot hold NULL usefully). */
  level: number;
  name: string;
  /** Its French name, where its start recorded one. */
  name_fr: string | null;
  basis: 'business' | 'calendar';
  days: number;
  status: ClockStatus;
  /** 1 once at least one warning was recorded. */
  warned: 0 | 1;
  warned_thresholds: string;
  pending_warnings: string;
  started_at: string;
  due_at: string;
  /** What the scheduler must act on next: the next pending warning or the due time; NULL unless running. */
  next_deadline_at: string | null;
  paused_at: string | null;
  breached_at: string | null;
  met_at: string | null;
  on_time: 0 | 1 | null;
  cancelled_at: string | null;
  revision: number;
  position: number;
  updated_at: string;
}

/** A row of `sla_alerts`: a warning or a breach, keyed by the global position of its event. */
export interface SlaAlertRow {
  position: number;
  type: 'ClockWarned' | 'ClockBreached';
  case_id: string;
  clock: string;
  workflow: string;
  read_as: string;
  region: string;
  level: number;
  name: string;
  name_fr: string | null;
  threshold: number | null;
  /** When the threshold passed or the clock ran out, however late it was recorded. */
  at: string;
  due_at: string;
  /** When it was recorded (the event's business time). */
  occurred_at: string;
}

/** Counters of one (workflow, region, level) group in `sla_summary`. */
export interface SlaCounts {
  running: number;
  warned: number;
  paused: number;
  breached: number;
  met: number;
  met_on_time: number;
  cancelled: number;
}

export const COUNTER_COLUMNS = ['running', 'warned', 'paused', 'breached', 'met', 'met_on_time', 'cancelled'] as const;

/**
 * An instant already in the form `toISOString` writes, on a day every month has: it reads back as
 * itself (a later day may not: `2026-02-30` reads as 2 March).
 */
const WRITTEN_AS_UTC = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;

/** An instant as ISO 8601 UTC with milliseconds, as the rows store it (text order is time order). */
export const utc = (instant: string): string => (WRITTEN_AS_UTC.test(instant) ? instant : new Date(instant).toISOString());

export interface RowFacts {
  readonly caseId: string;
  readonly streamId: string;
  readonly workflow: string;
  readonly readAs: string;
  readonly revision: number;
  readonly position: number;
  readonly updatedAt: string;
}

export function toSlaClockRow(clock: ClockState, facts: RowFacts): SlaClockRow {
  const next = nextClockDeadline(clock);
  return {
    case_id: facts.caseId,
    clock: clock.clock,
    stream_id: facts.streamId,
    workflow: facts.workflow,
    read_as: facts.readAs,
    standard: clock.standard === false ? 0 : 1,
    region: clock.region,
    level: clock.level ?? 0,
    name: clock.name,
    name_fr: clock.nameFr ?? null,
    basis: clock.basis,
    days: clock.days,
    status: clock.status,
    warned: clock.warnedThresholds.length > 0 ? 1 : 0,
    warned_thresholds: JSON.stringify(clock.warnedThresholds),
    pending_warnings: JSON.stringify(clock.pendingWarnings),
    started_at: utc(clock.startedAt),
    due_at: utc(clock.dueAt),
    next_deadline_at: next === undefined ? null : utc(next),
    paused_at: clock.pausedAt === undefined ? null : utc(clock.pausedAt),
    breached_at: clock.breachedAt === undefined ? null : utc(clock.breachedAt),
    met_at: clock.metAt === undefined ? null : utc(clock.metAt),
    on_time: clock.onTime === undefined ? null : clock.onTime ? 1 : 0,
    cancelled_at: clock.cancelledAt === undefined ? null : utc(clock.cancelledAt),
    revision: facts.revision,
    position: facts.position,
    updated_at: facts.updatedAt,
  };
}

/** The folded clock a row holds, to continue folding from. */
export function toClockState(row: SlaClockRow): ClockState {
  return {
    clock: row.clock,
    name: row.name,
    ...(row.name_fr !== null ? { nameFr: row.name_fr } : {}),
    ...(row.level > 0 ? { level: row.level } : {}),
    basis: row.basis,
    days: row.days,
    region: row.region as RegionCode,
    ...(row.standard === 0 ? { standard: false as const } : {}),
    status: row.status,
    startedAt: row.started_at,
    dueAt: row.due_at,
    pendingWarnings: JSON.parse(row.pending_warnings) as ClockState['pendingWarnings'],
    warnedThresholds: JSON.parse(row.warned_thresholds) as number[],
    ...(row.paused_at !== null ? { pausedAt: row.paused_at } : {}),
    ...(row.breached_at !== null ? { breachedAt: row.breached_at } : {}),
    ...(row.met_at !== null ? { metAt: row.met_at } : {}),
    ...(row.on_time !== null ? { onTime: row.on_time === 1 } : {}),
    ...(row.cancelled_at !== null ? { cancelledAt: row.cancelled_at } : {}),
  };
}

/**
 * What one clock adds to its group's counters. A clock counts in exactly one of running, paused,
 * breached, met and cancelled; `warned` counts running clocks with a warning recorded; a clock met
 * after its breach was recorded stays breached.
 */
export function countsOf(row: Pick<SlaClockRow, 'status' | 'warned' | 'on_time' | 'standard'>): SlaCounts {
  if (row.standard === 0) return { running: 0, warned: 0, paused: 0, breached: 0, met: 0, met_on_time: 0, cancelled: 0 };
  return {
    running: row.status === 'running' ? 1 : 0,
    warned: row.status === 'running' && row.warned === 1 ? 1 : 0,
    paused: row.status === 'paused' ? 1 : 0,
    breached: row.status === 'breached' ? 1 : 0,
    met: row.status === 'met' ? 1 : 0,
    met_on_time: row.status === 'met' && row.on_time === 1 ? 1 : 0,
    cancelled: row.status === 'cancelled' ? 1 : 0,
  };
}
