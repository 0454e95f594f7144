import { createCalendarProvider } from '.';

const calendars = createCalendarProvider();
const ottawa = calendars.forRegion('ON');
const HOUR = 3_600_000;

const between = (from: string, to: string) => ottawa.businessTimeBetween(new Date(from), new Date(to));
const after = (from: string, ms: number) => ottawa.addBusinessTime(new Date(from), ms);

describe('business time between two instants', () => {
  it('counts only 07:00–17:00 of business days', () =>
    expect(between('2026-01-16T12:00-05:00', '2026-01-19T12:00-05:00')).toBe(10 * HOUR));

  it('counts ten hours on the Monday after the spring change', () =>
    expect(between('2026-03-07T00:00-05:00', '2026-03-10T00:00-04:00')).toBe(10 * HOUR));

  it('counts ten hours on the Monday after the autumn change', () =>
    expect(between('2026-10-31T00:00-04:00', '2026-11-03T00:00-05:00')).toBe(10 * HOUR));

  it('counts nothing on a holiday or between business days', () => {
    expect(between('2026-12-25T00:00-05:00', '2026-12-26T00:00-05:00')).toBe(0);
    expect(between('2026-01-20T17:00-05:00', '2026-01-21T07:00-05:00')).toBe(0);
  });

  it('counts a whole year of business days: 249 in Ontario in 2026', () =>
    expect(between('2026-01-01T00:00-05:00', '2027-01-01T00:00-05:00')).toBe(249 * 10 * HOUR));

  it('is zero when the end is not after the start', () => {
    expect(between('2026-01-20T12:00-05:00', '2026-01-20T12:00-05:00')).toBe(0);
    expect(between('2026-01-20T12:00-05:00', '2026-01-19T12:00-05:00')).toBe(0);
  });
});

describe('adding business time', () => {
  it('returns the start itself for no time at all, even outside business hours', () =>
    expect(after('2026-01-17T12:00-05:00', 0)).toEqual(new Date('2026-01-17T12:00-05:00')));

  it('goes from Friday 17:00 to 07:00:00.001 on Monday for one millisecond', () =>
    expect(after('2026-01-16T17:00-05:00', 1)).toEqual(new Date('2026-01-19T07:00:00.001-05:00')));

  it('ends a full business day at 17:00 that day, not at 07:00 the next', () =>
    expect(after('2026-01-19T07:00-05:00', 10 * HOUR)).toEqual(new Date('2026-01-19T17:00-05:00')));

  it('starts counting at 07:00 from before business hours', () =>
    expect(after('2026-01-19T05:00-05:00', HOUR)).toEqual(new Date('2026-01-19T08:00-05:00')));

  it('carries over the New Year holiday and weekend', () =>
    expect(after('2026-12-31T16:00-05:00', 2 * HOUR)).toEqual(new Date('2027-01-04T08:00-05:00')));

  it('carries over the change to daylight time on the wall clock', () =>
    expect(after('2026-03-06T12:00-05:00', 10 * HOUR)).toEqual(new Date('2026-03-09T12:00-04:00')));

  it("counts St. John's business hours in its half-hour time zone", () =>
    expect(calendars.forRegion('NL').addBusinessTime(new Date('2026-01-16T16:30-03:30'), HOUR)).toEqual(
      new Date('2026-01-19T07:30-03:30'),
    ));

  it('rejects a negative or fractional duration', () => {
    expect(() => after('2026-01-19T07:00-05:00', -1)).toThrow(RangeError);
    expect(() => after('2026-01-19T07:00-05:00', 0.5)).toThrow(RangeError);
  });
});

describe('configured business hours', () => {
  const early = createCalendarProvider({ hours: { start: '08:30', end: '16:30' } }).forRegion('ON');

  it('ends the business day at the configured hour', () =>
    expect(early.addBusinessDays(new Date('2026-01-16T16:29-05:00'), 2)).toEqual(new Date('2026-01-20T16:30-05:00')));

  it('counts the configured length of a business day', () =>
    expect(early.businessTimeBetween(new Date('2026-01-19T00:00-05:00'), new Date('2026-01-20T00:00-05:00'))).toBe(8 * HOUR));
});
