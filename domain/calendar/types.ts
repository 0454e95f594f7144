import type { RegionCode } from '../regions';

/** Local business hours, 'HH:MM' 24-hour clock in the region's time zone. */
export interface BusinessHours {
  readonly start: string;
  readonly end: string;
}

export interface Holiday {
  /** The local date the holiday is observed (taken) on, 'YYYY-MM-DD'. */
  readonly date: string;
  /** The holiday's own date when it falls on a weekend and is taken on the next working day. */
  readonly actualDate?: string;
  readonly name: string;
  /** Its name in French. */
  readonly nameFr: string;
}

/**
 * The business calendar of one region: Monday–Friday minus the designated paid holidays of the
 * federal public service as observed in that region, with business hours in its time zone
 * (DESIGN.md §5). Pure: every instant is an argument.
 */
export interface BusinessCalendar {
  readonly region: RegionCode;
  readonly timeZone: string;
  readonly hours: BusinessHours;
  /** The local date, 'YYYY-MM-DD', of an instant in this region. */
  localDate(instant: Date): string;
  /** The first instant of a local date in this region. */
  startOfLocalDay(localDate: string): Date;
  /** The last instant (to the millisecond) of a local date in this region. */
  endOfLocalDay(localDate: string): Date;
  /** Monday–Friday and not an observed designated paid holiday. */
  isBusinessDay(localDate: string): boolean;
  /** The observed holidays of a year, in date order. */
  holidays(year: number): readonly Holiday[];
  /** The first instant at or after `instant` that lies within business hours of a business day. */
  nextBusinessStart(instant: Date): Date;
  /**
   * The counting rule: the day of receipt is excluded; count `days` business days after it; the
   * deadline is the end of business of the last one. Receipt at or after the end of business, or
   * on a non-business day, counts as received on the next business day; receipt before the start
   * of business on a business day counts as that day.
   */
  addBusinessDays(receivedAt: Date, days: number): Date;
  /** Milliseconds of business time (within business hours of business days) in [from, to); 0 when to <= from. */
  businessTimeBetween(from: Date, to: Date): number;
  /** The instant at which `ms` of business time has elapsed after `from` (ms >= 0). */
  addBusinessTime(from: Date, ms: number): Date;
}

export interface CalendarProvider {
  forRegion(region: RegionCode): BusinessCalendar;
}

/** A holiday written in date-holidays' rule grammar. */
export interface HolidayRule {
  readonly name: string;
  /** Its name in French (staff and clients are served in both official languages). */
  readonly nameFr: string;
  /**
   * The day the holiday falls on ('06-24', '1st monday in August', 'easter 1'), optionally with the
   * day it is taken when that is a weekend ('06-24 and if saturday,sunday then next monday').
   * Whatever the rule says, a holiday on a weekend or on a day another holiday takes is taken on
   * the next working day.
   */
  readonly rule: string;
  /** The first year the holiday is kept. */
  readonly since?: number;
}

/** The one provincial or civic holiday of a region, added to the federal designated paid holidays. */
export type RegionalHolidayRule = HolidayRule;

/**
 * A working day given off once, by proclamation or order (the National Day of Mourning of
 * 19 September 2022): kept on its date, never moved, in every region or in those it names.
 */
export interface OneOffHoliday {
  readonly name: string;
  /** Its name in French. */
  readonly nameFr: string;
  /** The local date, 'YYYY-MM-DD': a weekday. */
  readonly date: string;
  /** The regions that keep it; every region when absent. */
  readonly regions?: readonly RegionCode[];
}

export interface CalendarOptions {
  /** Business hours in every region's local time; 07:00–17:00 by default. */
  readonly hours?: BusinessHours;
  /** Replaces the default provincial or civic holiday of a region. */
  readonly regionalHolidays?: Partial<Record<RegionCode, RegionalHolidayRule>>;
  /** Days given off once, beside the holidays that recur. */
  readonly oneOffHolidays?: readonly OneOffHoliday[];
}
