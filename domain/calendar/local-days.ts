/**
 * Local dates as day numbers: whole days since 1970-01-01 on the wall calendar of some time zone.
 * A "wall" instant is a local date-time written as if it were UTC, so calendar arithmetic on it
 * needs no time zone.
 */
export const DAY_MS = 86_400_000;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function dayFromLocalDate(localDate: string): number {
  const match = LOCAL_DATE.exec(localDate);
  const day = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS : NaN;
  if (!Number.isInteger(day) || localDateOfDay(day) !== localDate) throw new RangeError(`Not a local date: ${localDate}`);
  return day;
}

export function localDateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOfDay(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function isWeekend(day: number): boolean {
  const weekday = weekdayOfDay(day);
  return weekday === 0 || weekday === 6;
}

export function yearOfDay(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

export function firstDayOfYear(year: number): number {
  return Date.UTC(year, 0, 1) / DAY_MS;
}

/** Parses 'HH:MM' (00:00–24:00) into milliseconds after local midnight. */
export function timeOfDayMs(value: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(value);
  const hours = Number(match?.[1]);
  const minutes = Number(match?.[2]);
  if (!match || hours > 24 || minutes > 59 || (hours === 24 && minutes !== 0)) {
    throw new RangeError(`Not a time of day 'HH:MM': ${value}`);
  }
  return (hours * 60 + minutes) * 60_000;
}
