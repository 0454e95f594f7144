import { readFileSync } from 'node:fs';
import { instantIn } from '../../console/src/i18n/dates';
import { isoToZoned, regionTimeZone, serverZoneSpan, zonedToIso, zonedToday } from '../../console/src/shared/zoned-time';
import { zoneClock } from '../../domain/calendar/time-zone';
import { ZONE_TABLE_FROM, ZONE_TABLE_UNTIL, zoneTable } from '../../domain/calendar/zone-table';
import { ZONE_TABLE_FILE, zoneTableModule } from '../../scripts/zone-table';

/** The console's date-time pickers: a wall time typed in a case's region is sent as the instant it names there. */
describe('wall times in a region’s zone', () => {
  it.each([
    ['ON', '2026-03-02T09:00', '2026-03-02T09:00:00-05:00'],
    ['ON', '2026-07-02T09:00', '2026-07-02T09:00:00-04:00'],
    ['BC', '2026-03-02T09:00', '2026-03-02T09:00:00-08:00'],
    ['NL', '2026-03-02T09:00', '2026-03-02T09:00:00-03:30'],
    ['SK', '2026-07-02T09:00', '2026-07-02T09:00:00-06:00'],
    ['ON', '2026-03-08T03:30', '2026-03-08T03:30:00-04:00'],
    // 1 November 2026, 01:30 happens twice in Ottawa: the first, still daylight time.
    ['ON', '2026-11-01T01:30', '2026-11-01T01:30:00-04:00'],
    ['ON', '2026-11-01T02:30', '2026-11-01T02:30:00-05:00'],
  ])('%s %s is sent as %s', (region, typed, sent) => {
    expect(zonedToIso(typed, regionTimeZone(region))).toBe(sent);
    expect(isoToZoned(sent, regionTimeZone(region))).toBe(typed);
  });

  it('reads a time the spring change skips with the offset before it, as clocks read it: 02:30 on 8 March is 03:30 daylight time', () => {
    expect(zonedToIso('2026-03-08T02:30', regionTimeZone('ON'))).toBe('2026-03-08T02:30:00-05:00');
    expect(isoToZoned('2026-03-08T02:30:00-05:00', regionTimeZone('ON'))).toBe('2026-03-08T03:30');
  });

  it('shows an instant on the region’s wall clock whatever offset it was written with', () => {
    expect(isoToZoned('2026-03-02T14:00:00Z', regionTimeZone('BC'))).toBe('2026-03-02T06:00');
    expect(isoToZoned('2026-03-02T09:00:00-05:00', regionTimeZone('NS'))).toBe('2026-03-02T10:00');
    expect(zonedToday(new Date('2026-03-03T04:30:00Z'), regionTimeZone('ON'))).toBe('2026-03-02');
  });

  it('leaves what is not a time alone, and defaults to the National Capital Region', () => {
    expect(zonedToIso('2026-03-02', 'America/Toronto')).toBeUndefined();
    expect(zonedToIso('yesterday', 'America/Toronto')).toBeUndefined();
    expect(isoToZoned('not a time', 'America/Toronto')).toBe('');
    expect(isoToZoned(undefined, 'America/Toronto')).toBe('');
    expect(regionTimeZone(undefined)).toBe('America/Toronto');
    expect(regionTimeZone('XX')).toBe('America/Toronto');
  });
});

/**
 * The regions' rules as the server counts them, not as the browser's copy of the time zone database
 * has them: Node's own copy (2025c), like a browser of 2025, still moves British Columbia, Alberta
 * and Manitoba back an hour in November 2026; the server's (moment-timezone 2026f) does not.
 */
describe('the regions’ time zone rules the console reads', () => {
  it('are those the server counts by, at every change of offset and between them', () => {
    const table = zoneTable();
    for (const [name, spans] of Object.entries(table)) {
      const server = zoneClock(name);
      const instants = spans.flatMap(([until]) => (until === null ? [] : [until - 1, until, until + 1]));
      for (let at = Date.UTC(2026, 0, 1); at < Date.UTC(2028, 0, 1); at += 6 * 3_600_000) instants.push(at);
      for (const at of instants.filter((instant) => instant >= ZONE_TABLE_FROM && instant < ZONE_TABLE_UNTIL)) {
        const span = serverZoneSpan(at, name);
        expect({ name, at, offset: span && span[1] * 60_000, abbreviation: span?.[2] }).toEqual({ name, at, offset: server.offsetAt(at), abbreviation: server.nameAt(at) });
      }
    }
  });

  it('are written in the console as the server’s data gives them (run scripts/zone-table.ts after updating moment-timezone)', () => {
    expect(readFileSync(ZONE_TABLE_FILE, 'utf8')).toBe(zoneTableModule());
  });

  it('send and show a winter time in Vancouver, Edmonton and Winnipeg with the offset the server counts by since 2026', () => {
    expect(zonedToIso('2026-12-04T16:30', regionTimeZone('BC'))).toBe('2026-12-04T16:30:00-07:00');
    expect(zonedToIso('2026-12-04T16:30', regionTimeZone('AB'))).toBe('2026-12-04T16:30:00-06:00');
    expect(zonedToIso('2026-12-04T16:30', regionTimeZone('MB'))).toBe('2026-12-04T16:30:00-05:00');
    expect(isoToZoned('2026-12-12T00:00:00Z', regionTimeZone('BC'))).toBe('2026-12-11T17:00');
    // The first winter before the change, as it was.
    expect(zonedToIso('2025-12-04T16:30', regionTimeZone('BC'))).toBe('2025-12-04T16:30:00-08:00');
    // Spaces as people read them (Intl's no-break and narrow no-break spaces aside).
    const shown = (language: 'en' | 'fr', iso: string, region: string) => instantIn(iso, language, regionTimeZone(region)).replace(/[\u00a0\u202f]/g, ' ');
    expect(shown('en', '2026-12-12T00:00:00Z', 'BC')).toBe('Dec 11, 2026, 5:00 p.m. MST');
    expect(shown('fr', '2026-12-12T00:00:00Z', 'BC')).toBe('11 déc. 2026, 17 h HNR');
    expect(shown('fr', '2025-12-12T00:00:00Z', 'BC')).toBe('11 déc. 2025, 16 h HNP');
    expect(shown('fr', '2026-12-12T00:00:00Z', 'AB')).toBe('11 déc. 2026, 18 h HNC');
    expect(shown('fr', '2026-12-12T00:00:00Z', 'ON')).toBe('11 déc. 2026, 19 h HNE');
  });
});
