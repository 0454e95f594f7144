/**
 * A date and time as read on the wall clock of a time zone (`2026-03-05T10:00`, what a
 * datetime-local field gives), as an instant. Two passes over the zone's offset, so that a time
 * just after a change of offset lands right; a time skipped when clocks spring forward lands that
 * far after the change.
 */
export function instantOfLocal(local: string, timeZone: string): string | undefined {
  const wall = Date.parse(/T\d{2}:\d{2}$/.test(local) ? `${local}:00Z` : `${local}Z`);
  if (Number.isNaN(wall)) return undefined;
  const first = wall - offsetAt(wall, timeZone);
  return new Date(wall - offsetAt(first, timeZone)).toISOString();
}

/** The zone's offset from UTC at an instant, in ms (negative west of Greenwich). */
function offsetAt(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(new Date(instant))
      .map((p) => [p.type, Number(p.value)]),
  );
  const shown = Date.UTC(parts['year']!, parts['month']! - 1, parts['day']!, parts['hour']!, parts['minute']!, parts['second']!);
  return shown - Math.floor(instant / 1000) * 1000;
}
