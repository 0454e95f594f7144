import { isoToZoned, regionTimeZone, zonedToIso, zonedToday } from '../../console/src/shared/zoned-time';

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
