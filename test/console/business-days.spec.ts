import { createCalendarProvider } from '../../domain/calendar';
import { RegionCode } from '../../domain/regions';
import { businessDaysLeft, hasPassed, holidayDates } from '../../console/src/shared/business-days';
import { en, fr } from '../../console/src/i18n/messages';
import type { Holidays } from '../../console/src/shared/types';

/** What GET /calendar/holidays answers for a year, from the server's own calendars. */
const year = (y: number): Holidays => {
  const calendars = createCalendarProvider();
  return { year: y, regions: Object.fromEntries(RegionCode.options.map((region) => [region, [...calendars.forRegion(region).holidays(y)]])) as Holidays['regions'] };
};

/** The console's "≈ N business days": on the region's wall calendar, less weekends and that region's holidays. */
describe('business days left, as the console counts them', () => {
  const holidays = holidayDates([year(2026), year(2027)]);

  it('skips the holidays of the case’s region: Christmas and Boxing Day taken on the 28th', () => {
    const monday = new Date('2026-12-21T14:00:00Z');
    const due = new Date('2026-12-29T22:00:00Z');
    expect(businessDaysLeft(monday, due, 'ON')).toBe(6);
    expect(businessDaysLeft(monday, due, 'ON', holidays)).toBe(4);
    // Passed: negative, counted alike.
    expect(businessDaysLeft(due, monday, 'ON', holidays)).toBe(-4);
  });

  it('skips only the region’s own: Saint-Jean-Baptiste in Quebec, not in Ontario', () => {
    const from = new Date('2026-06-23T13:00:00Z');
    const due = new Date('2026-06-25T21:00:00Z');
    expect(businessDaysLeft(from, due, 'QC', holidays)).toBe(1);
    expect(businessDaysLeft(from, due, 'ON', holidays)).toBe(2);
  });

  it('counts on the region’s wall calendar, not the browser’s', () => {
    // 23:00 on Sunday 1 March in Toronto (04:00 on Monday in UTC): Monday and Tuesday are left.
    expect(businessDaysLeft(new Date('2026-03-02T04:00:00Z'), new Date('2026-03-03T22:00:00Z'), 'ON', holidays)).toBe(2);
    // The same instant is 00:00 on Monday in Halifax: Tuesday alone is left.
    expect(businessDaysLeft(new Date('2026-03-02T04:00:00Z'), new Date('2026-03-03T21:00:00Z'), 'NS', holidays)).toBe(1);
  });

  // toBe compares with Object.is: −0 is not 0.
  it('tells a due time passed earlier today (−0) from one later today (0)', () => {
    // 22:00 on Wednesday 4 November in Halifax: the clock ran out at 17:00 that day.
    const evening = new Date('2026-11-05T02:00:00Z');
    const ranOut = businessDaysLeft(evening, new Date('2026-11-04T21:00:00Z'), 'NS', holidays);
    expect(ranOut).toBe(-0);
    expect(hasPassed(ranOut)).toBe(true);
    // 09:00 that day, the same due time is later today: not passed.
    const dueToday = businessDaysLeft(new Date('2026-11-04T13:00:00Z'), new Date('2026-11-04T21:00:00Z'), 'NS', holidays);
    expect(dueToday).toBe(0);
    expect(hasPassed(dueToday)).toBe(false);
    // Ran out two weeks before: as many business days overdue as before.
    const earlier = businessDaysLeft(evening, new Date('2026-10-21T20:00:00Z'), 'NS', holidays);
    expect(earlier).toBe(-10);
    expect(hasPassed(earlier)).toBe(true);
  });

  it('counts a due time of Friday 17:00 passed by less than a business day over the weekend, by one on Monday', () => {
    const friday = new Date('2026-03-06T22:00:00Z');
    const saturday = businessDaysLeft(new Date('2026-03-07T15:00:00Z'), friday, 'ON', holidays);
    const sunday = businessDaysLeft(new Date('2026-03-08T23:00:00Z'), friday, 'ON', holidays);
    expect([saturday, sunday]).toEqual([-0, -0]);
    expect([hasPassed(saturday), hasPassed(sunday)]).toEqual([true, true]);
    expect(businessDaysLeft(new Date('2026-03-09T13:00:00Z'), friday, 'ON', holidays)).toBe(-1);
  });

  it('words a passed due time as overdue, by less than a business day when none has begun since', () => {
    expect([en.businessDaysOverdue(0), fr.businessDaysOverdue(0)]).toEqual(['less than a business day overdue', 'en retard de moins d’un jour ouvrable']);
    expect([en.businessDaysOverdue(1), fr.businessDaysOverdue(1)]).toEqual(['≈\u00a01 business day overdue', 'en retard d’environ 1\u00a0jour ouvrable']);
    expect([en.businessDaysOverdue(10), fr.businessDaysOverdue(10)]).toEqual(['≈\u00a010 business days overdue', 'en retard d’environ 10\u00a0jours ouvrables']);
  });
});
