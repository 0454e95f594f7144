import { DAY_MS, localDateOfDay, weekdayOfDay } from '../../domain/calendar/local-days';
import { zoneClock } from '../../domain/calendar/time-zone';
import { REGION_TIME_ZONES, type RegionCode } from '../../domain/regions';
import type { SlaClockRow } from './rows';

/**
 * Clock outcomes by week, for on-time rates over time: a clock counts once, in the week its outcome
 * happened — met (on time or late) in the week it was met, breached in the week it ran out (its due
 * time, however late the breach was recorded). Weeks run Monday to Sunday on the wall calendar of
 * the clock's region and are named by their Monday (`2026-03-02`).
 */
export interface WeekCounts {
  met_on_time: number;
  met_late: number;
  breached: number;
}

export const WEEK_COLUMNS = ['met_on_time', 'met_late', 'breached'] as const;

/** One change to the counters of a (week, workflow, read-as workflow, region, level) group. */
export interface WeekDelta extends WeekCounts {
  readonly week: string;
  readonly workflow: string;
  /** The workflow whose readers may count it (a complaint about an RO case counts for RO readers only). */
  readonly read_as: string;
  readonly region: string;
  readonly level: number;
}

/** The Monday (local date) of the week an instant falls in, in a region's time zone. */
export function weekOf(instant: string, region: string): string {
  const timeZone = REGION_TIME_ZONES[region as RegionCode] ?? REGION_TIME_ZONES.ON;
  const day = Math.floor(zoneClock(timeZone).toWall(Date.parse(instant)) / DAY_MS);
  return localDateOfDay(day - ((weekdayOfDay(day) + 6) % 7));
}

type Outcome = Pick<SlaClockRow, 'status' | 'met_at' | 'breached_at' | 'on_time' | 'region' | 'workflow' | 'read_as' | 'level' | 'standard'>;

/** Where a clock counts: the week and column of its outcome, none while it has none (or is no service standard). */
function outcomeOf(row: Outcome): { week: string; column: (typeof WEEK_COLUMNS)[number] } | undefined {
  if (row.standard === 0) return undefined;
  if (row.status === 'breached' && row.breached_at !== null) return { week: weekOf(row.breached_at, row.region), column: 'breached' };
  if (row.status === 'met' && row.met_at !== null) return { week: weekOf(row.met_at, row.region), column: row.on_time === 1 ? 'met_on_time' : 'met_late' };
  return undefined;
}

/** What a change of a clock's row changes in the weekly counters: nothing, or a week gained (and one lost). */
export function weekDeltas(before: Outcome | undefined, after: Outcome): WeekDelta[] {
  const was = before && outcomeOf(before);
  const is = outcomeOf(after);
  if (was?.week === is?.week && was?.column === is?.column) return [];
  const delta = (outcome: NonNullable<typeof is>, row: Outcome, sign: 1 | -1): WeekDelta => ({
    week: outcome.week,
    workflow: row.workflow,
    read_as: row.read_as,
    region: row.region,
    level: row.level,
    met_on_time: 0,
    met_late: 0,
    breached: 0,
    [outcome.column]: sign,
  });
  return [...(was && before ? [delta(was, before, -1)] : []), ...(is ? [delta(is, after, 1)] : [])];
}
