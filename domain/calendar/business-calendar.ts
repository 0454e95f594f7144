import type { RegionCode } from '../regions';
import type { HolidayCalendar } from './holidays';
import { DAY_MS, dayFromLocalDate, firstDayOfYear, isWeekend, localDateOfDay, timeOfDayMs, yearOfDay } from './local-days';
import { zoneClock } from './time-zone';
import type { BusinessCalendar, BusinessHours } from './types';

/** The business days of one year: `before[i]` counts those in the year's first `i` days. */
interface YearIndex {
  readonly firstDay: number;
  readonly length: number;
  readonly before: Int32Array;
}

/** Business hours as ms after local midnight; throws a RangeError unless start < end. */
export function businessHoursMs(hours: BusinessHours): { open: number; close: number } {
  const open = timeOfDayMs(hours.start);
  const close = timeOfDayMs(hours.end);
  if (open >= close) throw new RangeError(`Business hours must start before they end: ${hours.start}–${hours.end}`);
  return { open, close };
}

function instantOf(date: Date): number {
  const instant = date.getTime();
  if (Number.isNaN(instant)) throw new RangeError('Invalid date');
  return instant;
}

/**
 * Business time is counted on the wall clock: every business day holds `end - start` of it, also
 * on the days clocks change (they change at night in every region). Whole days are counted from
 * a per-year index of business days; only the first and last day of a span need the time zone.
 */
export function createBusinessCalendar(
  region: RegionCode,
  timeZone: string,
  hours: BusinessHours,
  holidayCalendar: HolidayCalendar,
): BusinessCalendar {
  const clock = zoneClock(timeZone);
  const { open, close } = businessHoursMs(hours);
  const dayLength = close - open;
  const years = new Map<number, YearIndex>();
  let recent: YearIndex | undefined;

  function yearIndex(day: number): YearIndex {
    if (recent && day >= recent.firstDay && day < recent.firstDay + recent.length) return recent;
    const year = yearOfDay(day);
    let index = years.get(year);
    if (!index) {
      const firstDay = firstDayOfYear(year);
      const length = firstDayOfYear(year + 1) - firstDay;
      const holidays = holidayCalendar.observedDaysIn(year);
      const before = new Int32Array(length + 1);
      for (let i = 0; i < length; i++) {
        const day = firstDay + i;
        before[i + 1] = before[i]! + (isWeekend(day) || holidays.has(day) ? 0 : 1);
      }
      index = { firstDay, length, before };
      years.set(year, index);
    }
    recent = index;
    return index;
  }

  function isBusiness(day: number): boolean {
    const index = yearIndex(day);
    const i = day - index.firstDay;
    return index.before[i + 1] !== index.before[i];
  }

  /** Business days in [from, to). */
  function businessDaysBetween(from: number, to: number): number {
    if (to < from) return -businessDaysBetween(to, from);
    let count = 0;
    for (let day = from; day < to; ) {
      const index = yearIndex(day);
      const end = Math.min(to, index.firstDay + index.length);
      count += index.before[end - index.firstDay]! - index.before[day - index.firstDay]!;
      day = end;
    }
    return count;
  }

  /** The `n`th business day after `day` (n >= 1). */
  function nthBusinessDayAfter(day: number, n: number): number {
    let remaining = n;
    for (let from = day + 1; ; ) {
      const index = yearIndex(from);
      const { before, firstDay, length } = index;
      const i = from - firstDay;
      const available = before[length]! - before[i]!;
      if (remaining > available) {
        remaining -= available;
        from = firstDay + length;
        continue;
      }
      const target = before[i]! + remaining;
      let low = i + 1;
      let high = length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (before[middle]! >= target) high = middle;
        else low = middle + 1;
      }
      return firstDay + low - 1;
    }
  }

  /** A wall instant split into its local day and the ms after that day's midnight. */
  function split(wall: number): { day: number; time: number } {
    const day = Math.floor(wall / DAY_MS);
    return { day, time: wall - day * DAY_MS };
  }

  const at = (day: number, time: number): Date => new Date(clock.fromWall(day * DAY_MS + time));

  /** Business ms of `day` before `time` on it. */
  function creditBefore(day: number, time: number): number {
    return isBusiness(day) ? Math.min(Math.max(time, open), close) - open : 0;
  }

  return {
    region,
    timeZone,
    hours,

    localDate: (instant) => localDateOfDay(split(clock.toWall(instantOf(instant))).day),

    startOfLocalDay: (localDate) => at(dayFromLocalDate(localDate), 0),

    endOfLocalDay: (localDate) => new Date(at(dayFromLocalDate(localDate) + 1, 0).getTime() - 1),

    isBusinessDay: (localDate) => isBusiness(dayFromLocalDate(localDate)),

    holidays: (year) => holidayCalendar.holidays(year),

    nextBusinessStart(instant) {
      const from = instantOf(instant);
      const { day, time } = split(clock.toWall(from));
      if (isBusiness(day) && time < close) return time < open ? at(day, open) : new Date(from);
      return at(nthBusinessDayAfter(day, 1), open);
    },

    addBusinessDays(receivedAt, days) {
      if (!Number.isSafeInteger(days) || days < 0) throw new RangeError(`Not a number of business days: ${days}`);
      const { day, time } = split(clock.toWall(instantOf(receivedAt)));
      const receiptDay = isBusiness(day) && time < close ? day : nthBusinessDayAfter(day, 1);
      return at(days === 0 ? receiptDay : nthBusinessDayAfter(receiptDay, days), close);
    },

    businessTimeBetween(fromDate, toDate) {
      const from = instantOf(fromDate);
      const to = instantOf(toDate);
      if (to <= from) return 0;
      const start = split(clock.toWall(from));
      const end = split(clock.toWall(to));
      const whole = businessDaysBetween(start.day, end.day) * dayLength;
      return Math.max(0, whole + creditBefore(end.day, end.time) - creditBefore(start.day, start.time));
    },

    addBusinessTime(fromDate, ms) {
      if (!Number.isSafeInteger(ms) || ms < 0) throw new RangeError(`Not a duration in ms: ${ms}`);
      const from = instantOf(fromDate);
      if (ms === 0) return new Date(from);
      const { day, time } = split(clock.toWall(from));
      let remaining = ms;
      if (isBusiness(day) && time < close) {
        const start = Math.max(time, open);
        if (remaining <= close - start) return at(day, start + remaining);
        remaining -= close - start;
      }
      const wholeDays = Math.ceil(remaining / dayLength) - 1;
      return at(nthBusinessDayAfter(day, wholeDays + 1), open + remaining - wholeDays * dayLength);
    },
  };
}
