const UNIT_SECONDS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86_400 };

/**
 * Seconds in a duration written `90`, `90s`, `30m`, `12h` or `1d` (a bare number is seconds);
 * undefined when it is not one. Free of dependencies: `mend token` parses its --ttl with it.
 */
export function durationSeconds(value: string): number | undefined {
  if (!/^\d{1,9}[smhd]?$/.test(value)) return undefined;
  return Number.parseInt(value, 10) * (UNIT_SECONDS[value.at(-1)!] ?? 1);
}
