import { assertNever } from '../assert-never';
import { DAY_MS, localDateOfDay } from '../calendar/local-days';
import { zoneClock } from '../calendar/time-zone';
import { REGION_TIME_ZONES, type RegionCode } from '../regions';
import type { ClockEvent, ClockWarning } from './events';

export type ClockStatus = 'running' | 'paused' | 'met' | 'breached' | 'cancelled';

/** A clock as folded from its events: what the case view and the SLA read model show. */
export interface ClockState {
  readonly clock: string;
  readonly name: string;
  /** Its French name, where its start recorded one (clocks started before French names were recorded have none). */
  readonly nameFr?: string;
  readonly level?: number;
  readonly basis: 'business' | 'calendar';
  readonly days: number;
  readonly region: RegionCode;
  /** `false`: not a service standard (see ClockStarted). */
  readonly standard?: false;
  readonly status: ClockStatus;
  readonly startedAt: string;
  readonly dueAt: string;
  /** Warnings not yet recorded, in time order. */
  readonly pendingWarnings: readonly ClockWarning[];
  readonly warnedThresholds: readonly number[];
  readonly pausedAt?: string;
  readonly breachedAt?: string;
  readonly metAt?: string;
  readonly onTime?: boolean;
  readonly cancelledAt?: string;
}

export type Clocks = Readonly<Record<string, ClockState>>;

/** Is this clock still counting or paused (not yet met, breached for good, or cancelled)? */
export function isOpen(clock: Pick<ClockState, 'status' | 'metAt' | 'cancelledAt'>): boolean {
  if (clock.status === 'breached') return clock.metAt === undefined && clock.cancelledAt === undefined;
  return clock.status === 'running' || clock.status === 'paused';
}

/**
 * The local date, in the clock's region, its due time falls on: for a calendar-day clock, the last
 * day it runs (to that day's end). What a person is told, rather than a UTC instant.
 */
export function dueLocalDate(clock: Pick<ClockState, 'dueAt' | 'region'>): string {
  return localDateOfDay(Math.floor(zoneClock(REGION_TIME_ZONES[clock.region]).toWall(Date.parse(clock.dueAt)) / DAY_MS));
}

function update(clocks: Clocks, key: string, change: (clock: ClockState) => ClockState): Clocks {
  const clock = clocks[key];
  if (!clock) return clocks;
  return { ...clocks, [key]: change(clock) };
}

/** Folds one clock event into the clocks of a case. */
export function evolveClocks(clocks: Clocks, event: ClockEvent): Clocks {
  switch (event.type) {
    case 'ClockStarted': {
      const d = event.data;
      return {
        ...clocks,
        [d.clock]: {
          clock: d.clock,
          name: d.name,
          ...(d.nameFr !== undefined ? { nameFr: d.nameFr } : {}),
          ...(d.level !== undefined ? { level: d.level } : {}),
          basis: d.basis,
          days: d.days,
          region: d.region,
          ...(d.standard === false ? { standard: false as const } : {}),
          status: 'running',
          startedAt: d.startedAt,
          dueAt: d.dueAt,
          pendingWarnings: d.warnings,
          warnedThresholds: [],
        },
      };
    }
    case 'ClockPaused':
      return update(clocks, event.data.clock, (c) => ({
        ...c,
        status: 'paused',
        pausedAt: event.data.pausedAt,
      }));
    case 'ClockResumed':
      return update(clocks, event.data.clock, ({ pausedAt: _p, ...c }) => ({
        ...c,
        status: 'running',
        dueAt: event.data.dueAt,
        pendingWarnings: event.data.warnings,
      }));
    case 'ClockWarned':
      return update(clocks, event.data.clock, (c) => ({
        ...c,
        warnedThresholds: [...c.warnedThresholds, event.data.threshold],
        pendingWarnings: c.pendingWarnings.filter((w) => w.threshold !== event.data.threshold),
      }));
    case 'ClockBreached':
      return update(clocks, event.data.clock, (c) => ({
        ...c,
        status: 'breached',
        breachedAt: event.data.at,
        pendingWarnings: [],
      }));
    case 'ClockMet':
      return update(clocks, event.data.clock, (c) => ({
        ...c,
        // Met late, a breach stays one. Met by its due time but entered after the scheduler recorded
        // the breach (a first contact made on the Monday, entered on the Thursday), the standard was
        // met: the clock reads met on time, and the breach the scheduler recorded stays in the history.
        status: c.status === 'breached' && !event.data.onTime ? 'breached' : 'met',
        metAt: event.data.at,
        onTime: event.data.onTime,
        pendingWarnings: [],
      }));
    case 'ClockCancelled':
      return update(clocks, event.data.clock, (c) => ({
        ...c,
        status: c.status === 'breached' ? 'breached' : 'cancelled',
        cancelledAt: event.data.at,
        pendingWarnings: [],
      }));
    default:
      return assertNever(event);
  }
}
