import { createCalendarProvider } from '.';
import type { RegionCode } from '../regions';

const calendars = createCalendarProvider();

/** The deadline of a clock of `days` business days started at a receipt written with its local offset. */
const due = (region: RegionCode, receivedAt: string, days: number): Date =>
  calendars.forRegion(region).addBusinessDays(new Date(receivedAt), days);

describe('counting rule: receipt day excluded, deadline at 17:00 local of the Nth business day after', () => {
  describe('in Ottawa', () => {
    it('gives a Friday 16:59 receipt until Tuesday 17:00 for two business days', () =>
      expect(due('ON', '2026-01-16T16:59-05:00', 2)).toEqual(new Date('2026-01-20T17:00-05:00')));

    it('counts a Friday 17:00 receipt as received Monday: due Wednesday 17:00', () =>
      expect(due('ON', '2026-01-16T17:00-05:00', 2)).toEqual(new Date('2026-01-21T17:00-05:00')));

    it('counts an evening receipt as received the next business day', () =>
      expect(due('ON', '2026-01-20T19:30-05:00', 2)).toEqual(new Date('2026-01-23T17:00-05:00')));

    it('counts a receipt before 07:00 on a business day as received that day', () =>
      expect(due('ON', '2026-01-20T06:59-05:00', 2)).toEqual(new Date('2026-01-22T17:00-05:00')));

    it('counts a weekend receipt as received Monday', () =>
      expect(due('ON', '2026-01-17T10:00-05:00', 2)).toEqual(new Date('2026-01-21T17:00-05:00')));

    it('counts a receipt on Good Friday as received after Easter Monday', () =>
      expect(due('ON', '2026-04-03T10:00-04:00', 2)).toEqual(new Date('2026-04-09T17:00-04:00')));

    it('skips the Easter holidays after a receipt on the Thursday before', () =>
      expect(due('ON', '2026-04-02T10:00-04:00', 2)).toEqual(new Date('2026-04-08T17:00-04:00')));

    it('skips Christmas and Boxing Day taken on Monday and Tuesday after a weekend Christmas', () =>
      expect(due('ON', '2027-12-24T10:00-05:00', 2)).toEqual(new Date('2027-12-30T17:00-05:00')));

    it('can fall due on the last day of the year', () =>
      expect(due('ON', '2027-12-24T10:00-05:00', 3)).toEqual(new Date('2027-12-31T17:00-05:00')));

    it("skips a Saturday New Year's Day taken on Monday January 3", () =>
      expect(due('ON', '2027-12-24T10:00-05:00', 4)).toEqual(new Date('2028-01-04T17:00-05:00')));

    it("counts a New Year's Eve evening receipt as received on the first business day of the year", () =>
      expect(due('ON', '2026-12-31T17:30-05:00', 2)).toEqual(new Date('2027-01-06T17:00-05:00')));

    it('gives a complaint response 30 business days across the Christmas holidays', () =>
      expect(due('ON', '2026-12-01T10:00-05:00', 30)).toEqual(new Date('2027-01-15T17:00-05:00')));

    it('keeps 17:00 local across the spring change to daylight time', () =>
      expect(due('ON', '2026-03-06T16:59-05:00', 2)).toEqual(new Date('2026-03-10T17:00-04:00')));

    it('keeps 17:00 local across the autumn change back to standard time', () =>
      expect(due('ON', '2026-10-30T16:59-04:00', 2)).toEqual(new Date('2026-11-03T17:00-05:00')));

    it('with zero days, falls due at the end of the business day the receipt counts for', () => {
      expect(due('ON', '2026-01-20T06:00-05:00', 0)).toEqual(new Date('2026-01-20T17:00-05:00'));
      expect(due('ON', '2026-01-17T10:00-05:00', 0)).toEqual(new Date('2026-01-19T17:00-05:00'));
    });
  });

  it("skips a region's own holiday: Saint-Jean-Baptiste in Quebec, not in Ontario", () => {
    expect(due('QC', '2026-06-23T10:00-04:00', 2)).toEqual(new Date('2026-06-26T17:00-04:00'));
    expect(due('ON', '2026-06-23T10:00-04:00', 2)).toEqual(new Date('2026-06-25T17:00-04:00'));
  });

  it('counts business hours in Vancouver time, across the change to daylight time', () => {
    expect(due('BC', '2026-03-06T16:59-08:00', 2)).toEqual(new Date('2026-03-10T17:00-07:00'));
    expect(due('BC', '2026-03-06T17:00-08:00', 2)).toEqual(new Date('2026-03-11T17:00-07:00'));
  });

  it('skips British Columbia Day in Vancouver', () =>
    expect(due('BC', '2026-07-31T12:00-07:00', 2)).toEqual(new Date('2026-08-05T17:00-07:00')));

  it("counts business hours in St. John's half-hour time zone", () => {
    expect(due('NL', '2026-03-06T16:59-03:30', 2)).toEqual(new Date('2026-03-10T17:00-02:30'));
    expect(due('NL', '2026-03-06T17:00-03:30', 2)).toEqual(new Date('2026-03-11T17:00-02:30'));
  });

  it('counts business hours in Halifax time', () =>
    expect(due('NS', '2026-10-30T16:59-03:00', 2)).toEqual(new Date('2026-11-03T17:00-04:00')));

  it('keeps Regina on standard time all year', () =>
    expect(due('SK', '2026-03-06T16:59-06:00', 2)).toEqual(new Date('2026-03-10T17:00-06:00')));

  it('reads the same instant in the time zone of the case: 16:30 in Vancouver is 19:30 in Ottawa', () => {
    const receivedAt = '2026-01-20T16:30-08:00';
    expect(due('BC', receivedAt, 2)).toEqual(new Date('2026-01-22T17:00-08:00'));
    expect(due('ON', receivedAt, 2)).toEqual(new Date('2026-01-23T17:00-05:00'));
  });

  it('rejects a negative or fractional number of days', () => {
    expect(() => due('ON', '2026-01-20T10:00-05:00', -1)).toThrow(RangeError);
    expect(() => due('ON', '2026-01-20T10:00-05:00', 1.5)).toThrow(RangeError);
  });
});

describe('next business start', () => {
  const ottawa = calendars.forRegion('ON');
  const next = (instant: string) => ottawa.nextBusinessStart(new Date(instant));

  it('is the instant itself within business hours', () =>
    expect(next('2026-01-20T10:15-05:00')).toEqual(new Date('2026-01-20T10:15-05:00')));

  it('is 07:00 the same day before business hours', () =>
    expect(next('2026-01-20T05:00-05:00')).toEqual(new Date('2026-01-20T07:00-05:00')));

  it('is 07:00 the next business day from 17:00, over a weekend', () =>
    expect(next('2026-01-16T17:00-05:00')).toEqual(new Date('2026-01-19T07:00-05:00')));

  it('is 07:00 after the holidays from Christmas Eve evening 2027', () =>
    expect(next('2027-12-24T18:00-05:00')).toEqual(new Date('2027-12-29T07:00-05:00')));
});

describe('local days', () => {
  const ottawa = calendars.forRegion('ON');
  const stJohns = calendars.forRegion('NL');

  it('reads the local date of an instant in the region', () => {
    expect(ottawa.localDate(new Date('2026-01-21T04:59:59.999Z'))).toBe('2026-01-20');
    expect(ottawa.localDate(new Date('2026-01-21T05:00:00Z'))).toBe('2026-01-21');
    expect(stJohns.localDate(new Date('2026-01-21T03:29:59.999Z'))).toBe('2026-01-20');
  });

  it('gives the 23-hour day of the spring change its first and last instants', () => {
    expect(ottawa.startOfLocalDay('2026-03-08')).toEqual(new Date('2026-03-08T00:00-05:00'));
    expect(ottawa.endOfLocalDay('2026-03-08')).toEqual(new Date('2026-03-08T23:59:59.999-04:00'));
  });

  it('gives the 25-hour day of the autumn change its first and last instants', () => {
    expect(stJohns.startOfLocalDay('2026-11-01')).toEqual(new Date('2026-11-01T00:00-02:30'));
    expect(stJohns.endOfLocalDay('2026-11-01')).toEqual(new Date('2026-11-01T23:59:59.999-03:30'));
  });

  it('rejects a date that does not exist', () => {
    expect(() => ottawa.isBusinessDay('2026-02-29')).toThrow(RangeError);
    expect(() => ottawa.startOfLocalDay('20260301')).toThrow(RangeError);
  });
});

describe('the provinces and territories that stopped changing their clocks in 2026 (tzdata 2026b–2026d)', () => {
  // Each receipt is on Monday 7 December 2026 at 10:00 local; two business days later is Wednesday
  // the 9th at 17:00 local, which the offset each region keeps all winter now places in UTC.
  it.each([
    ['BC', 'British Columbia, on UTC−7 since 9 March 2026', '2026-12-07T10:00-07:00', '2026-12-10T00:00:00Z'],
    ['AB', 'Alberta, on UTC−6 since 18 June 2026', '2026-12-07T10:00-06:00', '2026-12-09T23:00:00Z'],
    ['NT', 'the Northwest Territories, on UTC−6 since 21 August 2026', '2026-12-07T10:00-06:00', '2026-12-09T23:00:00Z'],
    ['MB', 'Manitoba, on UTC−5 since 31 October 2026', '2026-12-07T10:00-05:00', '2026-12-09T22:00:00Z'],
  ] as const)('%s: %s, 17:00 local is the deadline all winter', (region, _name, receivedAt, dueAt) =>
    expect(due(region, receivedAt, 2)).toEqual(new Date(dueAt)));

  it('leaves the regions that still fall back as they were: Ontario 17:00 is 22:00 UTC in December, 21:00 in June', () => {
    expect(due('ON', '2026-12-07T10:00-05:00', 2)).toEqual(new Date('2026-12-09T22:00:00Z'));
    expect(due('ON', '2026-06-08T10:00-04:00', 2)).toEqual(new Date('2026-06-10T21:00:00Z'));
  });

  it('keeps the change that came before it: British Columbia fell back on 1 November 2025', () =>
    expect(due('BC', '2025-12-08T10:00-08:00', 2)).toEqual(new Date('2025-12-11T01:00:00Z')));
});
