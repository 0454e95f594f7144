/**
 * Local dates as day numbers: whole days since 1970-01-01 on the wall calendar of some time zone.
 * A "wall" instant is a local date-time written as if it were UTC, so calendar arithmetic on it
 * needs no time zone.
 */
export const DAY_MS = 86_400_000;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function dayFromLocalDate(localDate: string): number {
  const match = LOCAL_DATE.exec(localDate);
  const year = Number(match?.[1]);
  const month = Number(match?.[2]);
  const day = Number(match?.[3]);
  const first = Date.UTC(year, month - 1, 1) / DAY_MS;
  const length = Date.UTC(year, month, 1) / DAY_MS - first;
  if (!match || month < 1 || month > 12 || day < 1 || day > length) throw new RangeError(`Not a local date: ${localDate}`);
  return first + day - 1;
}

/** Year, month (1–12) and day of a day number, by Howard Hinnant's civil-from-days: no Date, no allocation. */
function civil(dayNumber: number): { year: number; month: number; day: number } {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return {
    year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0),
    month,
    day: dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1,
  };
}

export function localDateOfDay(dayNumber: number): string {
  const { year, month, day } = civil(dayNumber);
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
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
  return civil(day).year;
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
