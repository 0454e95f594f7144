import { REGION_TIME_ZONES } from '../../../domain/region-time-zones';
import { ZONE_TABLE, ZONE_TABLE_FROM, ZONE_TABLE_UNTIL, type ZoneSpan } from './zone-table.generated';

/** The time zone whose wall clock a region's people read (DESIGN.md §5); the National Capital Region's by default. */
export function regionTimeZone(region: string | undefined): string {
  return (REGION_TIME_ZONES as Record<string, string>)[region ?? 'ON'] ?? REGION_TIME_ZONES.ON;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function wallClock(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The span of a region's zone rules an instant falls in, as the server counts them (the table is
 * written from its time zone data, which may be newer than the browser's); undefined for another
 * zone, or an instant outside the table's years, which the browser's own rules answer.
 */
export function serverZoneSpan(instant: number, timeZone: string): ZoneSpan | undefined {
  const spans = ZONE_TABLE[timeZone];
  if (!spans || !(instant >= ZONE_TABLE_FROM && instant < ZONE_TABLE_UNTIL)) return undefined;
  let low = 0;
  let high = spans.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    const until = spans[middle]![0];
    if (until !== null && until <= instant) low = middle + 1;
    else high = middle;
  }
  return spans[low];
}

/**
 * How to show an instant in a zone with Intl: the zone itself where the browser's rules are the
 * server's, else the wall time the server's rules give, written as a UTC instant and shown in UTC.
 */
export function shownIn(instant: Date, timeZone: string): { readonly at: Date; readonly timeZone: string } {
  const span = serverZoneSpan(instant.getTime(), timeZone);
  return span ? { at: new Date(instant.getTime() + span[1] * 60_000), timeZone: 'UTC' } : { at: instant, timeZone };
}

/** The zone's wall clock at an instant, as the fields of a UTC date (so that subtracting gives the offset). */
function wallClockMs(instant: number, timeZone: string): number {
  const span = serverZoneSpan(instant, timeZone);
  if (span) return Math.floor(instant / 1000) * 1000 + span[1] * 60_000;
  const parts = Object.fromEntries(wallClock(timeZone).formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  return Date.UTC(Number(parts['year']), Number(parts['month']) - 1, Number(parts['day']), Number(parts['hour']), Number(parts['minute']), Number(parts['second']));
}

/** Minutes east of UTC of the zone at an instant: -300 in Ottawa in winter. */
function offsetMinutes(instant: number, timeZone: string): number {
  return Math.round((wallClockMs(instant, timeZone) - Math.floor(instant / 1000) * 1000) / 60_000);
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

function offsetText(minutes: number): string {
  return `${minutes < 0 ? '-' : '+'}${pad(Math.trunc(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

/**
 * A wall time typed in a zone (`2026-03-02T09:00` from a date-time picker) as the instant the API
 * takes: ISO 8601 with that zone's offset then (`2026-03-02T09:00:00-05:00`). A time skipped by the
 * spring change is read with the offset before it, as clocks read it; undefined if it is not a time.
 */
export function zonedToIso(local: string, timeZone: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s = '00'] = match;
  const asUtc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (Number.isNaN(asUtc)) return undefined;
  // The offset at the guess, then at the instant it gives: the second is right but at a change of offset.
  let offset = offsetMinutes(asUtc - offsetMinutes(asUtc, timeZone) * 60_000, timeZone);
  if (wallClockMs(asUtc - offset * 60_000, timeZone) !== asUtc) offset = offsetMinutes(asUtc, timeZone);
  return `${y}-${mo}-${d}T${h}:${mi}:${s}${offsetText(offset)}`;
}

/** An instant as the zone's wall time a date-time picker shows (`2026-03-02T09:00`), or '' if it is not one. */
export function isoToZoned(iso: string | undefined, timeZone: string): string {
  const instant = iso === undefined ? Number.NaN : Date.parse(iso);
  if (Number.isNaN(instant)) return '';
  return new Date(wallClockMs(instant, timeZone)).toISOString().slice(0, 16);
}

/** Today in the zone, as a date picker takes it (`2026-03-02`). */
export function zonedToday(now: Date, timeZone: string): string {
  return new Date(wallClockMs(now.getTime(), timeZone)).toISOString().slice(0, 10);
}
