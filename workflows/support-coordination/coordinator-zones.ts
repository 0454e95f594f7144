import { z } from 'zod';
import type { BusinessCalendar, Holiday } from '../../domain/calendar/types';
import { zoneClock } from '../../domain/calendar/time-zone';
import type { RegionCode } from '../../domain/regions';
import { minutesOf } from './settings';

/**
 * The time zones the program staffs: "7 am to 5 pm Atlantic Time, Eastern Time and Pacific Time".
 * A coordinator works in one of them; first contact is judged on that zone's wall clock.
 */
export const CoordinatorTimeZone = z.enum(['America/Halifax', 'America/Toronto', 'America/Vancouver']);
export type CoordinatorTimeZone = z.infer<typeof CoordinatorTimeZone>;

/**
 * The regions a coordinator of each zone may be stationed in (coordinators are in British
 * Columbia, Ontario, Quebec, New Brunswick and Nova Scotia; the 2022 expansion added Nunavut, and
 * Yukon with British Columbia as the Pacific region): those whose clocks show that zone's time all
 * year. The first is the default. The region fixes the holidays the coordinator keeps. Yukon has
 * kept UTC−7 all year since 2020 and British Columbia since March 2026 (tzdata 2026b), so Yukon
 * shows Pacific time; Newfoundland keeps its own, so it is in no staffed zone.
 */
export const ZONE_REGIONS: Readonly<Record<CoordinatorTimeZone, readonly RegionCode[]>> = {
  'America/Halifax': ['NS', 'NB', 'PE'],
  'America/Toronto': ['ON', 'QC', 'NU'],
  'America/Vancouver': ['BC', 'YT'],
};

/** Why an instant is outside a coordinator's working week: a weekend, a holiday, before or after the hours. */
export const OutsideBusinessHours = z.enum(['weekend', 'holiday', 'beforeHours', 'afterHours']);
export type OutsideBusinessHours = z.infer<typeof OutsideBusinessHours>;

/** Where an instant falls on a coordinator's working week. */
export interface WindowCheck {
  /** The coordinator's local date and time, `YYYY-MM-DDTHH:MM`. */
  readonly localTime: string;
  readonly inside: boolean;
  readonly outside?: OutsideBusinessHours;
  readonly holiday?: Holiday;
}

/** The coordinator's local date and time of an instant, `YYYY-MM-DDTHH:MM`. */
export function localTimeIn(timeZone: string, instant: Date): string {
  return new Date(zoneClock(timeZone).toWall(instant.getTime())).toISOString().slice(0, 16);
}

/**
 * Is `instant` within the hours of a business day in the coordinator's zone? Business days are
 * those of the federal calendar of the coordinator's region (weekends and designated holidays off).
 */
export function checkWindow(
  instant: Date,
  timeZone: string,
  calendar: BusinessCalendar,
  hours: { readonly start: string; readonly end: string },
): WindowCheck {
  const localTime = localTimeIn(timeZone, instant);
  const date = localTime.slice(0, 10);
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6) return { localTime, inside: false, outside: 'weekend' };
  if (!calendar.isBusinessDay(date)) {
    const holiday = calendar.holidays(Number(date.slice(0, 4))).find((h) => h.date === date);
    return { localTime, inside: false, outside: 'holiday', ...(holiday ? { holiday } : {}) };
  }
  const minutes = minutesOf(localTime.slice(11, 16));
  if (minutes < minutesOf(hours.start)) return { localTime, inside: false, outside: 'beforeHours' };
  if (minutes >= minutesOf(hours.end)) return { localTime, inside: false, outside: 'afterHours' };
  return { localTime, inside: true };
}

const QUARTER_HOUR = 15 * 60_000;

/** The first quarter hour at or after `from` within the hours of a business day in the coordinator's zone (within a month). */
export function firstWindowAfter(
  from: Date,
  timeZone: string,
  calendar: BusinessCalendar,
  hours: { readonly start: string; readonly end: string },
): Date {
  const start = Math.ceil(from.getTime() / QUARTER_HOUR) * QUARTER_HOUR;
  for (let at = start; at < start + 31 * 86_400_000; at += QUARTER_HOUR) {
    if (checkWindow(new Date(at), timeZone, calendar, hours).inside) return new Date(at);
  }
  throw new RangeError(`No business hours in ${timeZone} within a month of ${from.toISOString()}`);
}
