import { tz, type MomentZone } from 'moment-timezone';
import { DAY_MS } from './local-days';

/**
 * Converts between instants and wall-clock time ("wall": the local date-time written as if it
 * were UTC, in ms) in one IANA time zone.
 */
export interface ZoneClock {
  readonly timeZone: string;
  /** Offset from UTC in ms at an instant (negative west of Greenwich). */
  offsetAt(instant: number): number;
  toWall(instant: number): number;
  /**
   * The instant showing a wall time. A time repeated when clocks fall back resolves to its first
   * occurrence; a time skipped when clocks spring forward resolves to the instant that far after
   * the jump (02:30 on a spring-forward night is 03:30), as Temporal's 'compatible' does.
   */
  fromWall(wall: number): number;
  /** The zone's abbreviation at an instant, as the time zone database writes it: `EST`, `ADT`. */
  nameAt(instant: number): string;
}

/**
 * Offsets of one UTC year: `offsets[0]` holds from the year's first instant, `offsets[i]` from
 * `changes[i - 1]` on.
 */
interface YearOffsets {
  readonly start: number;
  readonly end: number;
  readonly offsets: readonly number[];
  readonly changes: readonly number[];
}

/**
 * The zone's rules from the IANA time zone database as moment-timezone publishes it, not from
 * Intl: Node 20's ICU carries tzdata 2025c, in which British Columbia, Alberta, the Northwest
 * Territories and Manitoba still fall back each November (they moved to permanent time in 2026,
 * tzdata 2026b to 2026d). Only the zone tables are read; no moment is ever made.
 */
function zoneRules(timeZone: string): MomentZone {
  const zone = tz.zone(timeZone);
  if (!zone) throw new RangeError(`Unknown time zone: ${timeZone}`);
  return zone;
}

function createZoneClock(timeZone: string): ZoneClock {
  const zone = zoneRules(timeZone);
  // The table gives minutes west of Greenwich, with fractions for local mean time: whole seconds east here.
  const offsetOf = (instant: number) => -Math.round(zone.utcOffset(instant) * 60) * 1000;
  const years = new Map<number, YearOffsets>();

  // The table lists the instants the zone's offset or name changes (`untils`): a year's are read once.
  function yearOffsets(year: number): YearOffsets {
    const cached = years.get(year);
    if (cached) return cached;
    const start = Date.UTC(year, 0, 1);
    const end = Date.UTC(year + 1, 0, 1);
    const offsets = [offsetOf(start)];
    const changes: number[] = [];
    for (const until of zone.untils) {
      if (until <= start || until >= end) continue;
      const offset = offsetOf(until);
      // A change of name alone (PDT to MST in British Columbia on 1 November 2026) keeps the offset.
      if (offset === offsets[offsets.length - 1]) continue;
      changes.push(until);
      offsets.push(offset);
    }
    const result = { start, end, offsets, changes };
    years.set(year, result);
    return result;
  }

  let recent: YearOffsets | undefined;

  function offsetAt(instant: number): number {
    if (!recent || instant < recent.start || instant >= recent.end) {
      recent = yearOffsets(new Date(instant).getUTCFullYear());
    }
    const { offsets, changes } = recent;
    let index = 0;
    while (index < changes.length && instant >= changes[index]!) index++;
    return offsets[index]!;
  }

  function fromWall(wall: number): number {
    const before = offsetAt(wall - DAY_MS);
    const after = offsetAt(wall + DAY_MS);
    if (before === after) return wall - before;
    const early = wall - before;
    const late = wall - after;
    const earlyValid = offsetAt(early) === before;
    const lateValid = offsetAt(late) === after;
    if (earlyValid && lateValid) return Math.min(early, late);
    if (lateValid) return late;
    return early;
  }

  return { timeZone, offsetAt, toWall: (instant) => instant + offsetAt(instant), fromWall, nameAt: (instant) => zone.abbr(instant) };
}

const clocks = new Map<string, ZoneClock>();

export function zoneClock(timeZone: string): ZoneClock {
  let clock = clocks.get(timeZone);
  if (!clock) {
    clock = createZoneClock(timeZone);
    clocks.set(timeZone, clock);
  }
  return clock;
}
