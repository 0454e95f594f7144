import { tz } from 'moment-timezone';
import { createCalendarProvider, type BusinessCalendar } from '.';
import { addCalendarDays } from '../dates';
import { RegionCode } from '../regions';

const calendars = createCalendarProvider();
const REGIONS = RegionCode.options;
const YEARS = Array.from({ length: 16 }, (_, i) => 2020 + i);
const HOUR = 3_600_000;
const BUSINESS_DAY = 10 * HOUR;

// A reference reading of local time, independent of the implementation (which reads the zone
// tables alone): moment-timezone's own conversion of an instant. Not Intl, whose time zone data is
// Node's ICU's, older than the rules the calendar follows.
function wallOf(timeZone: string, instant: number): { date: string; time: string } {
  const local = tz(instant, timeZone);
  return { date: local.format('YYYY-MM-DD'), time: local.format('HH:mm:ss.SSS') };
}

/** The instant a local wall time shows in a zone (for times clocks neither skip nor repeat). */
function instantAt(timeZone: string, date: string, time: string): number {
  const wall = Date.parse(`${date}T${time}Z`);
  let instant = wall;
  for (let i = 0; i < 3; i++) {
    const shown = wallOf(timeZone, instant);
    const error = wall - Date.parse(`${shown.date}T${shown.time}Z`);
    if (error === 0) break;
    instant += error;
  }
  return instant;
}

const isWeekend = (date: string) => [0, 6].includes(new Date(`${date}T00:00Z`).getUTCDay());

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32), so failures reproduce. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const TIMES = ['00:00:00.000', '06:59:59.999', '07:00:00.000', '12:00:00.000', '16:59:59.999', '17:00:00.000', '23:59:59.999'];

/** Instants across 2020–2035 in a region: random days, boundary times and random times, and the weekends clocks change. */
function sampleInstants(calendar: BusinessCalendar, count: number, seed: number): Date[] {
  const next = random(seed);
  const first = Date.UTC(2020, 0, 1);
  const days = Math.floor((Date.UTC(2035, 11, 1) - first) / 86_400_000);
  const instants: Date[] = [];
  for (let i = 0; i < count; i++) {
    const date = new Date(first + Math.floor(next() * days) * 86_400_000).toISOString().slice(0, 10);
    const time =
      i % 2 === 0
        ? TIMES[Math.floor(next() * TIMES.length)]!
        : new Date(Math.floor(next() * 86_400_000)).toISOString().slice(11, 23);
    instants.push(new Date(instantAt(calendar.timeZone, date, time)));
  }
  for (const year of YEARS) {
    // The Fridays before the second Sunday of March and the first Sunday of November.
    for (const [month, sunday] of [
      [2, 8],
      [10, 1],
    ] as const) {
      const first = new Date(Date.UTC(year, month, 1)).getUTCDay();
      const friday = Date.UTC(year, month, sunday + ((7 - first) % 7) - 2);
      const date = new Date(friday).toISOString().slice(0, 10);
      for (const time of ['12:00:00.000', '16:59:59.999', '17:00:00.000']) {
        instants.push(new Date(instantAt(calendar.timeZone, date, time)));
      }
    }
  }
  return instants;
}

/** Reference business time: the overlap of [from, to) with 07:00–17:00 of each business day. */
function referenceBusinessTime(calendar: BusinessCalendar, from: number, to: number): number {
  let total = 0;
  const last = wallOf(calendar.timeZone, to).date;
  for (let date = wallOf(calendar.timeZone, from).date; date <= last; date = addCalendarDays(date, 1)) {
    if (!calendar.isBusinessDay(date)) continue;
    const open = instantAt(calendar.timeZone, date, '07:00:00.000');
    const close = instantAt(calendar.timeZone, date, '17:00:00.000');
    total += Math.max(0, Math.min(close, to) - Math.max(open, from));
  }
  return total;
}

describe.each(REGIONS)('calendar properties in %s, 2020–2035', (region) => {
  const calendar = calendars.forRegion(region);
  const seed = REGIONS.indexOf(region) + 1;

  it('keeps 11 holidays in 2020 and 12 every year after, each on its own weekday', () => {
    for (const year of YEARS) {
      const holidays = calendar.holidays(year);
      expect(holidays).toHaveLength(year === 2020 ? 11 : 12);
      const dates = holidays.map((holiday) => holiday.date);
      expect(new Set(dates).size).toBe(dates.length);
      for (const { date, actualDate } of holidays) {
        expect(date.startsWith(`${year}-`)).toBe(true);
        expect(isWeekend(date)).toBe(false);
        expect(calendar.isBusinessDay(date)).toBe(false);
        if (actualDate) expect(isWeekend(actualDate)).toBe(true);
      }
    }
  });

  it('has no business day on a weekend, and every other weekday that is not a holiday is one', () => {
    const wrong: string[] = [];
    for (const year of YEARS) {
      const holidays = new Set(calendar.holidays(year).map((holiday) => holiday.date));
      for (let date = `${year}-01-01`; date < `${year + 1}-01-01`; date = addCalendarDays(date, 1)) {
        if (calendar.isBusinessDay(date) !== (!isWeekend(date) && !holidays.has(date))) wrong.push(date);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('sets every deadline at 17:00 local on the Nth business day after the day receipt counts for', () => {
    const next = random(seed);
    const wrong: object[] = [];
    for (const receivedAt of sampleInstants(calendar, 300, seed)) {
      const days = [0, 1, 2, 5, 30][Math.floor(next() * 5)]!;
      const due = calendar.addBusinessDays(receivedAt, days);
      const dueWall = wallOf(calendar.timeZone, due.getTime());

      const received = wallOf(calendar.timeZone, receivedAt.getTime());
      let counted = received.date;
      if (!calendar.isBusinessDay(counted) || received.time >= '17:00') {
        do counted = addCalendarDays(counted, 1);
        while (!calendar.isBusinessDay(counted));
      }
      let businessDays = 0;
      for (let date = addCalendarDays(counted, 1); date <= dueWall.date; date = addCalendarDays(date, 1)) {
        if (calendar.isBusinessDay(date)) businessDays++;
      }
      if (dueWall.time !== '17:00:00.000' || !calendar.isBusinessDay(dueWall.date) || businessDays !== days) {
        wrong.push({ receivedAt, days, due, businessDays });
      }
    }
    expect(wrong).toEqual([]);
  });

  it('adds business time that business time between then measures back, to the millisecond', () => {
    const next = random(seed * 31);
    const wrong: object[] = [];
    for (const from of sampleInstants(calendar, 300, seed * 7)) {
      const ms = Math.floor(next() * 40 * BUSINESS_DAY);
      const until = calendar.addBusinessTime(from, ms);
      const measured = calendar.businessTimeBetween(from, until);
      // The earliest such instant: a millisecond before it, one millisecond less has elapsed.
      const justBefore = ms > 0 ? calendar.businessTimeBetween(from, new Date(until.getTime() - 1)) : -1;
      if (measured !== ms || (ms > 0 && justBefore !== ms - 1)) wrong.push({ from, ms, until, measured, justBefore });
    }
    expect(wrong).toEqual([]);
  });

  it('measures business time as the overlap with 07:00–17:00 of each business day', () => {
    const next = random(seed * 13);
    const wrong: object[] = [];
    for (const from of sampleInstants(calendar, 40, seed * 11)) {
      const to = from.getTime() + Math.floor(next() * 20 * 86_400_000);
      const measured = calendar.businessTimeBetween(from, new Date(to));
      const reference = referenceBusinessTime(calendar, from.getTime(), to);
      if (measured !== reference) wrong.push({ from, to: new Date(to), measured, reference });
    }
    expect(wrong).toEqual([]);
  });
});
