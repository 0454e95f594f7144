import type { Holidays } from './types';
import { regionTimeZone, zonedToday } from './zoned-time';

/** Each region's observed holidays, by date (`2026-12-28`), as GET /calendar/holidays gives them. */
export type HolidayDates = ReadonlyMap<string, ReadonlySet<string>>;

export const NO_HOLIDAYS: HolidayDates = new Map();

/** The years' answers of GET /calendar/holidays, merged by region. */
export function holidayDates(years: readonly Holidays[]): HolidayDates {
  const dates = new Map<string, Set<string>>();
  for (const { regions } of years) {
    for (const [region, holidays] of Object.entries(regions)) {
      const days = dates.get(region) ?? new Set<string>();
      for (const holiday of holidays) days.add(holiday.date);
      dates.set(region, days);
    }
  }
  return dates;
}

const DAY = 86_400_000;

/**
 * Business days from now to a due time in a region: the days after today, up to the due day, on
 * its wall calendar, less weekends and its holidays, as the server's calendar counts them (its
 * clocks also count the hours of the first and last day: the page says the figure is about that).
 * Negative when the due time has passed: −0 when no business day has begun since (it ran out earlier
 * today, or on Friday evening and it is the weekend), which `hasPassed` tells from a due time later today.
 */
export function businessDaysLeft(now: Date, dueAt: Date, region?: string, holidays: HolidayDates = NO_HOLIDAYS): number {
  const sign = dueAt >= now ? 1 : -1;
  const [from, to] = sign > 0 ? [now, dueAt] : [dueAt, now];
  const timeZone = regionTimeZone(region);
  const off = holidays.get(region ?? '') ?? new Set<string>();
  const last = Date.parse(`${zonedToday(to, timeZone)}T00:00:00Z`);
  let days = 0;
  for (let t = Date.parse(`${zonedToday(from, timeZone)}T00:00:00Z`) + DAY; t <= last; t += DAY) {
    const day = new Date(t);
    const weekday = day.getUTCDay();
    if (weekday !== 0 && weekday !== 6 && !off.has(day.toISOString().slice(0, 10))) days += 1;
  }
  return sign > 0 ? days : -days;
}

/** Whether a count of `businessDaysLeft` is of a due time that has passed: negative, −0 included. */
export const hasPassed = (days: number): boolean => days < 0 || Object.is(days, -0);
