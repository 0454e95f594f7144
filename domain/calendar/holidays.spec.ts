import { createCalendarProvider, type Holiday } from '.';
import type { RegionCode } from '../regions';

const calendars = createCalendarProvider();

// Typed in from the federal public service's list of designated paid holidays, weekdays checked
// against a calendar. `actualDate` is the day a holiday falls on when it is taken on a later day.
// Their names in French.
const FRENCH: Record<string, string> = {
  "New Year's Day": 'Jour de l’An',
  'Good Friday': 'Vendredi saint',
  'Easter Monday': 'Lundi de Pâques',
  'Victoria Day': 'Fête de Victoria',
  'Canada Day': 'Fête du Canada',
  'Labour Day': 'Fête du Travail',
  'National Day for Truth and Reconciliation': 'Journée nationale de la vérité et de la réconciliation',
  'Thanksgiving Day': 'Jour de l’Action de grâces',
  'Remembrance Day': 'Jour du Souvenir',
  'Christmas Day': 'Jour de Noël',
  'Boxing Day': 'Lendemain de Noël',
  'Civic Holiday': 'Congé civique',
  'Saint-Jean-Baptiste Day': 'Fête nationale du Québec',
  'British Columbia Day': 'Jour de la Colombie-Britannique',
  'Discovery Day': 'Jour de la découverte',
};

type Named = Omit<Holiday, 'nameFr'>;
const inBothLanguages = (holiday: Named): Holiday => ({ ...holiday, nameFr: FRENCH[holiday.name]! });

const FEDERAL: Record<number, Named[]> = {
  2026: [
    { date: '2026-01-01', name: "New Year's Day" },
    { date: '2026-04-03', name: 'Good Friday' },
    { date: '2026-04-06', name: 'Easter Monday' },
    { date: '2026-05-18', name: 'Victoria Day' },
    { date: '2026-07-01', name: 'Canada Day' },
    { date: '2026-09-07', name: 'Labour Day' },
    { date: '2026-09-30', name: 'National Day for Truth and Reconciliation' },
    { date: '2026-10-12', name: 'Thanksgiving Day' },
    { date: '2026-11-11', name: 'Remembrance Day' },
    { date: '2026-12-25', name: 'Christmas Day' },
    { date: '2026-12-28', actualDate: '2026-12-26', name: 'Boxing Day' },
  ],
  2027: [
    { date: '2027-01-01', name: "New Year's Day" },
    { date: '2027-03-26', name: 'Good Friday' },
    { date: '2027-03-29', name: 'Easter Monday' },
    { date: '2027-05-24', name: 'Victoria Day' },
    { date: '2027-07-01', name: 'Canada Day' },
    { date: '2027-09-06', name: 'Labour Day' },
    { date: '2027-09-30', name: 'National Day for Truth and Reconciliation' },
    { date: '2027-10-11', name: 'Thanksgiving Day' },
    { date: '2027-11-11', name: 'Remembrance Day' },
    { date: '2027-12-27', actualDate: '2027-12-25', name: 'Christmas Day' },
    { date: '2027-12-28', actualDate: '2027-12-26', name: 'Boxing Day' },
  ],
  2028: [
    { date: '2028-01-03', actualDate: '2028-01-01', name: "New Year's Day" },
    { date: '2028-04-14', name: 'Good Friday' },
    { date: '2028-04-17', name: 'Easter Monday' },
    { date: '2028-05-22', name: 'Victoria Day' },
    { date: '2028-07-03', actualDate: '2028-07-01', name: 'Canada Day' },
    { date: '2028-09-04', name: 'Labour Day' },
    { date: '2028-10-02', actualDate: '2028-09-30', name: 'National Day for Truth and Reconciliation' },
    { date: '2028-10-09', name: 'Thanksgiving Day' },
    { date: '2028-11-13', actualDate: '2028-11-11', name: 'Remembrance Day' },
    { date: '2028-12-25', name: 'Christmas Day' },
    { date: '2028-12-26', name: 'Boxing Day' },
  ],
};

const REGIONAL: Partial<Record<RegionCode, Record<number, Named>>> = {
  ON: {
    2026: { date: '2026-08-03', name: 'Civic Holiday' },
    2027: { date: '2027-08-02', name: 'Civic Holiday' },
    2028: { date: '2028-08-07', name: 'Civic Holiday' },
  },
  QC: {
    2026: { date: '2026-06-24', name: 'Saint-Jean-Baptiste Day' },
    2027: { date: '2027-06-24', name: 'Saint-Jean-Baptiste Day' },
    2028: { date: '2028-06-26', actualDate: '2028-06-24', name: 'Saint-Jean-Baptiste Day' },
  },
  BC: {
    2026: { date: '2026-08-03', name: 'British Columbia Day' },
    2027: { date: '2027-08-02', name: 'British Columbia Day' },
    2028: { date: '2028-08-07', name: 'British Columbia Day' },
  },
  YT: {
    2026: { date: '2026-08-17', name: 'Discovery Day' },
    2027: { date: '2027-08-16', name: 'Discovery Day' },
    2028: { date: '2028-08-21', name: 'Discovery Day' },
  },
};

describe('designated paid holidays', () => {
  for (const [region, byYear] of Object.entries(REGIONAL) as [RegionCode, Record<number, Named>][]) {
    for (const year of [2026, 2027, 2028]) {
      it(`lists the holidays observed in ${region} in ${year}, in date order`, () => {
        const expected = [...FEDERAL[year]!, byYear[year]!].sort((a, b) => a.date.localeCompare(b.date)).map(inBothLanguages);
        expect(calendars.forRegion(region).holidays(year)).toEqual(expected);
      });
    }
  }

  it('takes a Sunday Christmas on the Tuesday, after Boxing Day on the Monday', () => {
    expect(calendars.forRegion('ON').holidays(2022).slice(-2)).toEqual([
      { date: '2022-12-26', name: 'Boxing Day', nameFr: 'Lendemain de Noël' },
      { date: '2022-12-27', actualDate: '2022-12-25', name: 'Christmas Day', nameFr: 'Jour de Noël' },
    ]);
  });

  it('keeps no National Day for Truth and Reconciliation before 2021', () => {
    const names = (year: number) => calendars.forRegion('ON').holidays(year).map((holiday) => holiday.name);
    expect(names(2020)).not.toContain('National Day for Truth and Reconciliation');
    expect(names(2021)).toContain('National Day for Truth and Reconciliation');
  });

  it('does not close on provincial holidays that are not federal ones', () => {
    const ontario = calendars.forRegion('ON');
    expect(ontario.isBusinessDay('2026-02-16')).toBe(true); // Family Day
    expect(calendars.forRegion('QC').isBusinessDay('2026-08-03')).toBe(true); // Ontario's Civic Holiday
    expect(ontario.isBusinessDay('2026-06-24')).toBe(true); // Quebec's Saint-Jean-Baptiste Day
  });

  it('closes on the day a holiday is taken as well as on the weekend day it falls on', () => {
    const ontario = calendars.forRegion('ON');
    expect(['2027-12-24', '2027-12-25', '2027-12-26', '2027-12-27', '2027-12-28', '2027-12-29'].map(ontario.isBusinessDay)).toEqual([
      true,
      false,
      false,
      false,
      false,
      true,
    ]);
  });
});

describe('regional holiday configuration', () => {
  it('replaces the default holiday of a region and leaves the others alone', () => {
    const configured = createCalendarProvider({
      regionalHolidays: { NL: { name: 'Regatta Day', nameFr: 'Jour des régates', rule: '1st wednesday in August' } },
    });
    expect(configured.forRegion('NL').holidays(2026)).toContainEqual({ date: '2026-08-05', name: 'Regatta Day', nameFr: 'Jour des régates' });
    expect(configured.forRegion('NL').isBusinessDay('2026-08-03')).toBe(true);
    expect(configured.forRegion('NS').isBusinessDay('2026-08-03')).toBe(false);
  });

  it('moves a configured holiday off the weekend even when its rule does not say so', () => {
    const configured = createCalendarProvider({ regionalHolidays: { QC: { name: 'National Holiday', nameFr: 'Fête nationale', rule: '06-24' } } });
    expect(configured.forRegion('QC').holidays(2028)).toContainEqual({
      date: '2028-06-26',
      actualDate: '2028-06-24',
      name: 'National Holiday',
      nameFr: 'Fête nationale',
    });
  });

  it('moves a configured holiday that falls on a federal one to the next working day', () => {
    const configured = createCalendarProvider({ regionalHolidays: { ON: { name: 'Founders Day', nameFr: 'Jour des fondateurs', rule: '07-01' } } });
    expect(configured.forRegion('ON').holidays(2026)).toContainEqual({
      date: '2026-07-02',
      actualDate: '2026-07-01',
      name: 'Founders Day',
      nameFr: 'Jour des fondateurs',
    });
  });

  it('rejects a rule date-holidays cannot read when the provider is created', () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined); // date-holidays also logs it
    expect(() => createCalendarProvider({ regionalHolidays: { ON: { name: 'Someday', nameFr: 'Un jour', rule: 'sometime in summer' } } })).toThrow(
      'Not a date-holidays rule: sometime in summer',
    );
    jest.restoreAllMocks();
  });

  it('rejects a region that does not exist', () => {
    expect(() => createCalendarProvider().forRegion('QB' as RegionCode)).toThrow('Unknown region "QB"');
    expect(() => createCalendarProvider({ regionalHolidays: { QB: { name: 'x', nameFr: 'x', rule: '06-24' } } as never })).toThrow(RangeError);
  });

  it('rejects business hours that end before they start', () => {
    expect(() => createCalendarProvider({ hours: { start: '17:00', end: '07:00' } })).toThrow(RangeError);
    expect(() => createCalendarProvider({ hours: { start: '7am', end: '17:00' } })).toThrow(RangeError);
  });
});

describe('one-off holidays', () => {
  const MOURNING = { name: 'National Day of Mourning', nameFr: 'Jour de deuil national', date: '2022-09-19' };

  it('closes every region on the day, kept on its date, and lists it among the year’s holidays', () => {
    const configured = createCalendarProvider({ oneOffHolidays: [MOURNING] });
    for (const region of ['ON', 'QC', 'NL', 'YT'] as const) {
      expect(configured.forRegion(region).isBusinessDay('2022-09-19')).toBe(false);
      expect(configured.forRegion(region).isBusinessDay('2022-09-20')).toBe(true);
      expect(configured.forRegion(region).holidays(2022)).toContainEqual({ date: '2022-09-19', name: 'National Day of Mourning', nameFr: 'Jour de deuil national' });
    }
    expect(configured.forRegion('ON').holidays(2023).map((h) => h.name)).not.toContain('National Day of Mourning');
    expect(createCalendarProvider().forRegion('ON').isBusinessDay('2022-09-19')).toBe(true);
  });

  it('closes only the regions it names', () => {
    const configured = createCalendarProvider({ oneOffHolidays: [{ name: 'Storm closure', nameFr: 'Fermeture pour tempête', date: '2026-02-10', regions: ['NL', 'NS'] }] });
    expect(configured.forRegion('NL').isBusinessDay('2026-02-10')).toBe(false);
    expect(configured.forRegion('NS').isBusinessDay('2026-02-10')).toBe(false);
    expect(configured.forRegion('ON').isBusinessDay('2026-02-10')).toBe(true);
  });

  it('adds no day when it falls on a holiday already taken, and moves none', () => {
    const configured = createCalendarProvider({ oneOffHolidays: [{ name: 'Jubilee', nameFr: 'Jubilé', date: '2026-07-01' }] });
    const holidays = configured.forRegion('ON').holidays(2026);
    expect(holidays).toHaveLength(FEDERAL[2026]!.length + 1);
    expect(configured.forRegion('ON').isBusinessDay('2026-07-02')).toBe(true);
  });

  it('rejects a weekend day, a date that does not exist, and a region that does not', () => {
    expect(() => createCalendarProvider({ oneOffHolidays: [{ name: 'x', nameFr: 'x', date: '2026-08-15' }] })).toThrow('2026-08-15 is a Saturday or a Sunday');
    expect(() => createCalendarProvider({ oneOffHolidays: [{ name: 'x', nameFr: 'x', date: '2026-02-30' }] })).toThrow('Not a local date: 2026-02-30');
    expect(() => createCalendarProvider({ oneOffHolidays: [{ name: 'x', nameFr: 'x', date: '2026-02-10', regions: ['QB' as RegionCode] }] })).toThrow('Unknown region "QB"');
  });
});
