import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tz } from 'moment-timezone';
import { ZONE_TABLE_FROM, ZONE_TABLE_UNTIL, zoneTable } from '../domain/calendar/zone-table';

export const ZONE_TABLE_FILE = join(__dirname, '..', 'console', 'src', 'shared', 'zone-table.generated.ts');

/** The regions' time zone rules as the console's module holds them (the console imports nothing of the server's but types). */
export function zoneTableModule(): string {
  const zones = Object.entries(zoneTable())
    .map(([name, spans]) => `  '${name}': [\n${spans.map((span) => `    [${span[0]}, ${span[1]}, '${span[2]}'],`).join('\n')}\n  ],`)
    .join('\n');
  return [
    `// Written by scripts/zone-table.ts from moment-timezone ${tz.version} (data ${tz.dataVersion}), as the server counts time: do not edit.`,
    '',
    '/** One span of a zone\'s rules: until an instant (null: from then on), minutes east of UTC and the database\'s abbreviation. */',
    'export type ZoneSpan = readonly [until: number | null, offsetMinutes: number, abbreviation: string];',
    '',
    `export const ZONE_TABLE_FROM = ${ZONE_TABLE_FROM};`,
    `export const ZONE_TABLE_UNTIL = ${ZONE_TABLE_UNTIL};`,
    '',
    'export const ZONE_TABLE: Readonly<Record<string, readonly ZoneSpan[]>> = {',
    zones,
    '};',
    '',
  ].join('\n');
}

/** Writes the table for the console, from the server's time zone data: run after updating moment-timezone. */
if (require.main === module) {
  writeFileSync(ZONE_TABLE_FILE, zoneTableModule());
  console.log(`wrote ${ZONE_TABLE_FILE}`);
}
