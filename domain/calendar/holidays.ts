import Holidays from 'date-holidays';
import type { RegionCode } from '../regions';
import { dayFromLocalDate, isWeekend, localDateOfDay, yearOfDay } from './local-days';
import type { Holiday, HolidayRule, OneOffHoliday } from './types';

/**
 * The designated paid holidays of the federal public service (Treasury Board collective
 * agreements), in date-holidays' rule grammar. Each names the day it falls on and, with
 * "and if …", the working day it is taken on when that is a weekend. Christmas and Boxing Day
 * move together: a Saturday Christmas and Sunday Boxing Day are taken Monday and Tuesday, and a
 * Sunday Christmas is taken Tuesday because Monday is Boxing Day. A plain "if saturday,sunday then
 * next monday" on both would put them on the same Monday.
 */
export const FEDERAL_HOLIDAYS: readonly HolidayRule[] = [
  { name: "New Year's Day", nameFr: 'Jour de l’An', rule: '01-01 and if saturday,sunday then next monday' },
  { name: 'Good Friday', nameFr: 'Vendredi saint', rule: 'easter -2' },
  { name: 'Easter Monday', nameFr: 'Lundi de Pâques', rule: 'easter 1' },
  { name: 'Victoria Day', nameFr: 'Fête de Victoria', rule: 'monday before 05-25' },
  { name: 'Canada Day', nameFr: 'Fête du Canada', rule: '07-01 and if saturday,sunday then next monday' },
  { name: 'Labour Day', nameFr: 'Fête du Travail', rule: '1st monday in September' },
  // Designated by Parliament in 2021 (S.C. 2021, c. 11).
  {
    name: 'National Day for Truth and Reconciliation',
    nameFr: 'Journée nationale de la vérité et de la réconciliation',
    rule: '09-30 and if saturday,sunday then next monday',
    since: 2021,
  },
  { name: 'Thanksgiving Day', nameFr: 'Jour de l’Action de grâces', rule: '2nd monday in October' },
  { name: 'Remembrance Day', nameFr: 'Jour du Souvenir', rule: '11-11 and if saturday,sunday then next monday' },
  { name: 'Christmas Day', nameFr: 'Jour de Noël', rule: '12-25 and if saturday then next monday if sunday then next tuesday' },
  { name: 'Boxing Day', nameFr: 'Lendemain de Noël', rule: '12-26 and if saturday then next monday if sunday then next tuesday' },
];

const FIRST_MONDAY_OF_AUGUST = '1st monday in August';

/**
 * The one "provincial or civic holiday" of each region. The collective agreements grant the day
 * the Employer recognizes as the area's provincial or civic holiday and, where none is recognized,
 * the first Monday in August. Treasury Board recognizes Saint-Jean-Baptiste Day in Quebec and
 * Discovery Day in Yukon; everywhere else it is the first Monday in August, under the name the
 * region gives it. February holidays (Family Day, Islander Day, …) are not federal holidays.
 * Newfoundland and Labrador has no provincial August holiday, so the agreements' fallback applies;
 * St. John's offices that take Regatta Day instead configure it as an override.
 */
export const REGIONAL_HOLIDAYS: Readonly<Record<RegionCode, HolidayRule>> = {
  AB: { name: 'Heritage Day', nameFr: 'Fête du patrimoine', rule: FIRST_MONDAY_OF_AUGUST },
  BC: { name: 'British Columbia Day', nameFr: 'Jour de la Colombie-Britannique', rule: FIRST_MONDAY_OF_AUGUST },
  MB: { name: 'Terry Fox Day', nameFr: 'Journée Terry Fox', rule: FIRST_MONDAY_OF_AUGUST },
  NB: { name: 'New Brunswick Day', nameFr: 'Jour du Nouveau-Brunswick', rule: FIRST_MONDAY_OF_AUGUST },
  NL: { name: 'Civic Holiday', nameFr: 'Congé civique', rule: FIRST_MONDAY_OF_AUGUST },
  NS: { name: 'Natal Day', nameFr: 'Jour de la fondation', rule: FIRST_MONDAY_OF_AUGUST },
  NT: { name: 'Civic Holiday', nameFr: 'Congé civique', rule: FIRST_MONDAY_OF_AUGUST },
  NU: { name: 'Civic Holiday', nameFr: 'Congé civique', rule: FIRST_MONDAY_OF_AUGUST },
  ON: { name: 'Civic Holiday', nameFr: 'Congé civique', rule: FIRST_MONDAY_OF_AUGUST },
  PE: { name: 'Civic Holiday', nameFr: 'Congé civique', rule: FIRST_MONDAY_OF_AUGUST },
  QC: { name: 'Saint-Jean-Baptiste Day', nameFr: 'Fête nationale du Québec', rule: '06-24 and if saturday,sunday then next monday' },
  SK: { name: 'Saskatchewan Day', nameFr: 'Fête de la Saskatchewan', rule: FIRST_MONDAY_OF_AUGUST },
  YT: { name: 'Discovery Day', nameFr: 'Jour de la découverte', rule: '3rd monday in August' },
};

/** A holiday of one year as day numbers: the day it falls on and the day it is taken. */
interface DatedHoliday {
  readonly name: string;
  readonly nameFr: string;
  readonly actual: number;
  readonly observed: number;
}

/** How far a substitute day may lie from the day it stands for. */
const SUBSTITUTE_REACH_DAYS = 7;

/** One set of rules evaluated by date-holidays, memoized per year. */
class RuleSet {
  private readonly engine = new Holidays();
  private readonly names = new Map<string, HolidayRule>();
  private readonly listed = new Map<number, ReturnType<Holidays['getHolidays']>>();
  private readonly dated = new Map<number, readonly DatedHoliday[]>();

  constructor(rules: readonly HolidayRule[]) {
    for (const holiday of rules) {
      const { name, nameFr, rule, since } = holiday;
      if (this.names.has(rule)) throw new RangeError(`Holiday rule given twice: ${rule}`);
      const options = {
        name: { en: name, fr: nameFr },
        type: 'public' as const,
        substitute: true,
        ...(since !== undefined ? { active: [{ from: `${since}-01-01` }] } : {}),
      };
      if (!this.engine.setHoliday(rule, options)) throw new RangeError(`Not a date-holidays rule: ${rule}`);
      this.names.set(rule, holiday);
    }
  }

  /** The holidays that fall on a day of `year`, each with the day it is taken. */
  inYear(year: number): readonly DatedHoliday[] {
    const cached = this.dated.get(year);
    if (cached) return cached;
    // date-holidays lists substitute days under the year they are taken in, so a substitute may
    // sit in the year before or after the day it stands for.
    const entries = [year - 1, year, year + 1].flatMap((y) => this.listing(y));
    const dated: DatedHoliday[] = [];
    for (const entry of entries) {
      if (entry.substitute) continue;
      const actual = dayFromLocalDate(entry.date.slice(0, 10));
      if (yearOfDay(actual) !== year) continue;
      const substitute = entries.find(
        (other) =>
          other.substitute &&
          other.rule === entry.rule &&
          Math.abs(dayFromLocalDate(other.date.slice(0, 10)) - actual) <= SUBSTITUTE_REACH_DAYS,
      );
      const observed = substitute ? dayFromLocalDate(substitute.date.slice(0, 10)) : actual;
      const { name, nameFr } = this.names.get(entry.rule)!;
      dated.push({ name, nameFr, actual, observed });
    }
    this.dated.set(year, dated);
    return dated;
  }

  private listing(year: number): ReturnType<Holidays['getHolidays']> {
    let listed = this.listed.get(year);
    if (!listed) {
      listed = this.engine.getHolidays(year);
      this.listed.set(year, listed);
    }
    return listed;
  }
}

/**
 * Enforces the observance rule whatever a configured rule says: a holiday that falls on a weekend,
 * or on a day another holiday already takes, is taken on the next working day.
 */
function settle(holidays: readonly DatedHoliday[]): DatedHoliday[] {
  const byDay = [...holidays].sort((a, b) => a.observed - b.observed || a.actual - b.actual);
  const taken = new Set<number>();
  const waiting: DatedHoliday[] = [];
  const settled: DatedHoliday[] = [];
  for (const holiday of byDay) {
    if (isWeekend(holiday.observed) || taken.has(holiday.observed)) waiting.push(holiday);
    else {
      taken.add(holiday.observed);
      settled.push(holiday);
    }
  }
  for (const holiday of waiting) {
    let observed = holiday.observed + 1;
    while (isWeekend(observed) || taken.has(observed)) observed++;
    taken.add(observed);
    settled.push({ ...holiday, observed });
  }
  return settled.sort((a, b) => a.observed - b.observed);
}

/** The observed holidays of one region: the federal ones plus its regional one, and the one-off days it keeps. */
export class HolidayCalendar {
  private readonly settled = new Map<number, readonly DatedHoliday[]>();
  private readonly listed = new Map<number, readonly Holiday[]>();
  private readonly observedDays = new Map<number, ReadonlySet<number>>();
  private readonly oneOff: readonly DatedHoliday[];

  constructor(
    private readonly federal: RuleSet,
    private readonly regional: RuleSet,
    oneOff: readonly OneOffHoliday[] = [],
  ) {
    this.oneOff = oneOff.map(({ name, nameFr, date }) => ({ name, nameFr, actual: oneOffDay(date), observed: oneOffDay(date) }));
  }

  /** The holidays observed in `year` (taken on a day of that year), in date order. */
  holidays(year: number): readonly Holiday[] {
    let listed = this.listed.get(year);
    if (!listed) {
      listed = Object.freeze(
        [year - 1, year, year + 1]
          .flatMap((y) => this.settledIn(y))
          .filter((holiday) => yearOfDay(holiday.observed) === year)
          .sort((a, b) => a.observed - b.observed)
          .map((holiday) =>
            Object.freeze({
              date: localDateOfDay(holiday.observed),
              ...(holiday.actual !== holiday.observed ? { actualDate: localDateOfDay(holiday.actual) } : {}),
              name: holiday.name,
              nameFr: holiday.nameFr,
            }),
          ),
      );
      this.listed.set(year, listed);
    }
    return listed;
  }

  /** The day numbers of the holidays observed in `year`. */
  observedDaysIn(year: number): ReadonlySet<number> {
    let days = this.observedDays.get(year);
    if (!days) {
      days = new Set(this.holidays(year).map((holiday) => dayFromLocalDate(holiday.date)));
      this.observedDays.set(year, days);
    }
    return days;
  }

  private settledIn(year: number): readonly DatedHoliday[] {
    let settled = this.settled.get(year);
    if (!settled) {
      const recurring = settle([...this.federal.inYear(year), ...this.regional.inYear(year)]);
      // A one-off day is given on its date: on a day a holiday already takes, it adds none.
      const taken = new Set(recurring.map((holiday) => holiday.observed));
      const oneOff = this.oneOff.filter((holiday) => yearOfDay(holiday.actual) === year && !taken.has(holiday.actual));
      settled = [...recurring, ...oneOff].sort((a, b) => a.observed - b.observed);
      this.settled.set(year, settled);
    }
    return settled;
  }
}

/** The day number of a one-off holiday's date; a RangeError for a date that is not a weekday. */
export function oneOffDay(date: string): number {
  const day = dayFromLocalDate(date);
  if (isWeekend(day)) throw new RangeError(`${date} is a Saturday or a Sunday: a one-off holiday is a working day given off`);
  return day;
}

let federalRules: RuleSet | undefined;

// date-holidays keys holidays by rule text, so a regional rule written like a federal one would
// replace it in a shared engine: the regional rule gets an engine of its own.
export function holidayCalendar(regional: HolidayRule, oneOff: readonly OneOffHoliday[] = []): HolidayCalendar {
  federalRules ??= new RuleSet(FEDERAL_HOLIDAYS);
  return new HolidayCalendar(federalRules, new RuleSet([regional]), oneOff);
}

/** Throws a RangeError when date-holidays cannot read the rule. */
export function checkHolidayRule(rule: HolidayRule): void {
  new RuleSet([rule]);
}
