/** Calendar arithmetic on local dates written 'YYYY-MM-DD'. Pure: no time zone is involved. */
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLocalDate(value: string): boolean {
  const match = LOCAL_DATE.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

export function addCalendarDays(localDate: string, days: number): string {
  const match = LOCAL_DATE.exec(localDate);
  if (!match) throw new RangeError(`Not a local date: ${localDate}`);
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days));
  return date.toISOString().slice(0, 10);
}
