import { RegionCode, REGION_TIME_ZONES } from '../regions';
import { businessHoursMs, createBusinessCalendar } from './business-calendar';
import { checkHolidayRule, holidayCalendar, oneOffDay, REGIONAL_HOLIDAYS } from './holidays';
import type { BusinessCalendar, BusinessHours, CalendarOptions, CalendarProvider, RegionalHolidayRule } from './types';

export type * from './types';
export { checkHolidayRule, FEDERAL_HOLIDAYS, oneOffDay, REGIONAL_HOLIDAYS } from './holidays';

function regionCode(value: string): RegionCode {
  const parsed = RegionCode.safeParse(value);
  if (!parsed.success) throw new RangeError(`Unknown region "${value}"; one of ${RegionCode.options.join(', ')}`);
  return parsed.data;
}

export const DEFAULT_BUSINESS_HOURS: BusinessHours = Object.freeze({ start: '07:00', end: '17:00' });

/**
 * The business calendars of every region (DESIGN.md §5). Options are checked here, so a bad
 * configuration fails at start-up rather than on the first command of a region.
 */
export function createCalendarProvider(options: CalendarOptions = {}): CalendarProvider {
  const hours: BusinessHours = Object.freeze({ ...(options.hours ?? DEFAULT_BUSINESS_HOURS) });
  businessHoursMs(hours);
  const overrides: Partial<Record<RegionCode, RegionalHolidayRule>> = {};
  for (const [region, rule] of Object.entries(options.regionalHolidays ?? {})) {
    if (!rule) continue;
    checkHolidayRule(rule);
    overrides[regionCode(region)] = Object.freeze({ ...rule });
  }
  const oneOff = (options.oneOffHolidays ?? []).map((holiday) => {
    oneOffDay(holiday.date);
    holiday.regions?.forEach(regionCode);
    return Object.freeze({ ...holiday });
  });
  const calendars = new Map<RegionCode, BusinessCalendar>();
  return {
    forRegion(region) {
      let calendar = calendars.get(region);
      if (!calendar) {
        const code = regionCode(region);
        const regional = overrides[code] ?? REGIONAL_HOLIDAYS[code];
        const kept = oneOff.filter((holiday) => holiday.regions === undefined || holiday.regions.includes(code));
        calendar = createBusinessCalendar(code, REGION_TIME_ZONES[code], hours, holidayCalendar(regional, kept));
        calendars.set(code, calendar);
      }
      return calendar;
    },
  };
}
