import { createCalendarProvider } from '../../domain/calendar';
import { RegionCode } from '../../domain/regions';
import { businessDaysLeft, holidayDates } from '../../console/src/shared/business-days';
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
});
