import { tz } from 'moment-timezone';
import { REGION_TIME_ZONES } from '../region-time-zones';

/**
 * The regions' time zone rules as a small table, for the console: a browser formats and reads
 * times with its own copy of the time zone database, which may predate the rules the server counts
 * by (British Columbia, Alberta, the Northwest Territories and Manitoba stopped changing their
 * clocks in 2026; a browser of 2025 still moves them back an hour each November). The console
 * reads the table instead, written from the same data as the server's (`time-zone.ts`) by
 * `scripts/zone-table.ts` into `console/src/shared/zone-table.generated.ts`; a test keeps the two
 * the same.
 */

/** The instants the table covers, from and until; others are read with the browser's own rules. */
export const ZONE_TABLE_FROM = Date.UTC(2000, 0, 1);
export const ZONE_TABLE_UNTIL = Date.UTC(2050, 0, 1);

/** One span of a zone's rules: until an instant (null: from then on), minutes east of UTC and the database's abbreviation. */
export type ZoneSpan = readonly [until: number | null, offsetMinutes: number, abbreviation: string];

/** The spans of each region's zone that meet the table's years, in order. */
export function zoneTable(): Record<string, ZoneSpan[]> {
  const table: Record<string, ZoneSpan[]> = {};
  for (const name of [...new Set(Object.values(REGION_TIME_ZONES))].sort()) {
    const zone = tz.zone(name);
    if (!zone) throw new RangeError(`Unknown time zone: ${name}`);
    table[name] = zone.untils.flatMap((until, i): ZoneSpan[] =>
      until <= ZONE_TABLE_FROM || (zone.untils[i - 1] ?? -Infinity) >= ZONE_TABLE_UNTIL ? [] : [[Number.isFinite(until) ? until : null, -Math.round(zone.offsets[i]!), zone.abbrs[i]!]],
    );
  }
  return table;
}
