import { DAY_MS } from './local-days';

/**
 * Converts between instants and wall-clock time ("wall": the local date-time written as if it
 * were UTC, in ms) in one IANA time zone, using only Intl.
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
}

const WEEK_MS = 7 * DAY_MS;

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

const OFFSET = /GMT(?:([+-])(\d{2}):(\d{2})(?::(\d{2}))?)?$/;

// Formatting only the offset ("GMT-03:30") is about three times faster than formatToParts.
function intlOffsetReader(timeZone: string): (instant: number) => number {
  const format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
  return (instant) => {
    const text = format.format(instant);
    const match = OFFSET.exec(text);
    if (!match) throw new RangeError(`Unreadable offset of ${timeZone}: ${text}`);
    if (!match[1]) return 0;
    const ms = ((Number(match[2]) * 60 + Number(match[3])) * 60 + Number(match[4] ?? 0)) * 1000;
    return match[1] === '-' ? -ms : ms;
  };
}

function createZoneClock(timeZone: string): ZoneClock {
  const intlOffset = intlOffsetReader(timeZone);
  const years = new Map<number, YearOffsets>();

  // Offsets change rarely and never twice within a week in practice: sample weekly, then
  // bisect each change to the second. About a hundred Intl calls per zone and year, once.
  function yearOffsets(year: number): YearOffsets {
    const cached = years.get(year);
    if (cached) return cached;
    const start = Date.UTC(year, 0, 1);
    const end = Date.UTC(year + 1, 0, 1);
    const offsets = [intlOffset(start)];
    const changes: number[] = [];
    let from = start;
    let fromOffset = offsets[0]!;
    while (from < end) {
      const to = Math.min(from + WEEK_MS, end - 1000);
      const toOffset = intlOffset(to);
      if (toOffset !== fromOffset) {
        let low = from;
        let high = to;
        while (high - low > 1000) {
          const middle = low + Math.floor((high - low) / 2000) * 1000;
          if (intlOffset(middle) === fromOffset) low = middle;
          else high = middle;
        }
        changes.push(high);
        offsets.push(toOffset);
      }
      if (to === end - 1000) break;
      from = to;
      fromOffset = toOffset;
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

  return { timeZone, offsetAt, toWall: (instant) => instant + offsetAt(instant), fromWall };
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
