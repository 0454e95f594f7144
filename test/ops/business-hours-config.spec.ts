import { ConfigError, loadConfig } from '../../src/config/config';
import { startApp } from '../support/app';
import { receiveComplaint } from '../sla/sla-support';

/** What loading the configuration with one variable set says is wrong with it (none when it loads). */
function problemsWith(variable: string, value: string) {
  try {
    loadConfig({ [variable]: value });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

/** Loading with the variable set stops on one problem, which names the variable and what is wrong. */
function expectOneProblem(variable: string, value: string, named: string) {
  const found = problemsWith(variable, value).map((p) => `${p.variable}: ${p.message}`);
  expect(found).toHaveLength(1);
  expect(found[0]).toContain(`${variable}: `);
  expect(found[0]).toContain(named);
}

/** MEND_BUSINESS_HOURS: the working day SLA clocks count (README, docs/operations.md). */
describe('MEND_BUSINESS_HOURS', () => {
  const problems = (value: string) => problemsWith('MEND_BUSINESS_HOURS', value);

  it('defaults to 07:00-17:00', () => {
    expect(loadConfig({}).businessHours).toEqual({ start: '07:00', end: '17:00' });
  });

  it('takes a start and an end', () => {
    expect(loadConfig({ MEND_BUSINESS_HOURS: '08:30-16:30' }).businessHours).toEqual({ start: '08:30', end: '16:30' });
  });

  it('names a value of the wrong shape once, with the shape it wants', () => {
    expect(problems('abc')).toEqual([{ variable: 'MEND_BUSINESS_HOURS', message: 'must look like 07:00-17:00 (got "abc")' }]);
  });

  it.each(['17:00-07:00', '07:00-07:00', '07:00-24:00', '25:00-26:00'])('refuses %s once: an hour that is not one, or a day that ends before it starts', (value) => {
    expect(problems(value)).toEqual([{ variable: 'MEND_BUSINESS_HOURS', message: `must be HH:MM-HH:MM with start before end (got "${value}")` }]);
  });
});

/** MEND_REGIONAL_HOLIDAYS: a region whose provincial or civic holiday is not the one Mend knows (docs/sla.md). */
describe('MEND_REGIONAL_HOLIDAYS', () => {
  const REGATTA = { NL: { name: 'Regatta Day', nameFr: 'Jour des régates', rule: '1st wednesday in August' } };

  it('replaces a region’s holiday, and a deadline counted in that region skips the new day and not the old one', async () => {
    expect(loadConfig({}).regionalHolidays).toEqual({});
    expect(loadConfig({ MEND_REGIONAL_HOLIDAYS: JSON.stringify(REGATTA) }).regionalHolidays).toEqual(REGATTA);
    const dueIn = async (env: Record<string, string>, receivedAt: string) => {
      const running = await startApp({ start: '2026-08-14T12:00:00Z', env });
      try {
        const supervisor = await running.as('supervisor');
        const caseId = await receiveComplaint(supervisor, receivedAt, 'NL');
        const view = await supervisor.get(`/cases/${caseId}`);
        return view.body.clocks.find((c: { clock: string }) => c.clock === 'acknowledgement').dueAt as string;
      } finally {
        await running.close();
      }
    };
    const env = { MEND_REGIONAL_HOLIDAYS: JSON.stringify(REGATTA) };
    // St. John's, Tuesday 4 August 2026, 10:00: two business days later is Thursday, 17:00 (NDT, UTC−2:30)…
    expect(await dueIn({}, '2026-08-04T10:00:00-02:30')).toBe('2026-08-06T19:30:00.000Z');
    // …unless Wednesday 5 August, Regatta Day, is the holiday: then Friday.
    expect(await dueIn(env, '2026-08-04T10:00:00-02:30')).toBe('2026-08-07T19:30:00.000Z');
    // And Monday 3 August, the Civic Holiday it replaces, is a working day again: received Friday 31 July, due Tuesday.
    expect(await dueIn({}, '2026-07-31T10:00:00-02:30')).toBe('2026-08-05T19:30:00.000Z');
    expect(await dueIn(env, '2026-07-31T10:00:00-02:30')).toBe('2026-08-04T19:30:00.000Z');
  });

  it.each([
    ['not JSON', 'must be a JSON object of {"name", "nameFr", "rule"} by region code'],
    ['{"XX": {"name": "A day", "nameFr": "Un jour", "rule": "08-01"}}', 'XX: not a region code (one of AB, BC,'],
    ['{"NL": {"name": "", "nameFr": "Un jour", "rule": "08-01"}}', 'NL.name'],
    ['{"NL": {"name": "Regatta Day", "rule": "08-01"}}', 'NL.nameFr'],
    ['{"NL": {"name": "Regatta Day", "nameFr": "Jour des régates", "rule": "whenever the weather permits"}}', 'NL: "whenever the weather permits" is not a holiday rule date-holidays reads'],
  ])('refuses %s, naming what is wrong', (value, named) => expectOneProblem('MEND_REGIONAL_HOLIDAYS', value, named));
});

/** MEND_ONE_OFF_HOLIDAYS: a working day given off once, by proclamation or order (docs/sla.md). */
describe('MEND_ONE_OFF_HOLIDAYS', () => {
  const MOURNING = [{ name: 'Day of mourning', nameFr: 'Jour de deuil', date: '2026-08-13' }];

  it('gives the day off where it is kept, and a deadline counted there skips it', async () => {
    expect(loadConfig({}).oneOffHolidays).toEqual([]);
    expect(loadConfig({ MEND_ONE_OFF_HOLIDAYS: JSON.stringify(MOURNING) }).oneOffHolidays).toEqual(MOURNING);
    const dueIn = async (env: Record<string, string>) => {
      const running = await startApp({ start: '2026-08-14T12:00:00Z', env });
      try {
        const supervisor = await running.as('supervisor');
        // Ottawa, Tuesday 11 August 2026, 10:00: two business days later is Thursday 13, 17:00 (EDT, UTC−4)…
        const caseId = await receiveComplaint(supervisor, '2026-08-11T10:00:00-04:00', 'ON');
        const view = await supervisor.get(`/cases/${caseId}`);
        return view.body.clocks.find((c: { clock: string }) => c.clock === 'acknowledgement').dueAt as string;
      } finally {
        await running.close();
      }
    };
    expect(await dueIn({})).toBe('2026-08-13T21:00:00.000Z');
    // …and Friday with Thursday given off; but not when only other regions keep it.
    expect(await dueIn({ MEND_ONE_OFF_HOLIDAYS: JSON.stringify(MOURNING) })).toBe('2026-08-14T21:00:00.000Z');
    expect(await dueIn({ MEND_ONE_OFF_HOLIDAYS: JSON.stringify([{ ...MOURNING[0], regions: ['NL'] }]) })).toBe('2026-08-13T21:00:00.000Z');
  });

  it.each([
    ['not JSON', 'must be a JSON array of {"name", "nameFr", "date"}'],
    ['{"name": "A day", "nameFr": "Un jour", "date": "2026-08-13"}', 'value: '],
    ['[{"name": "A day", "nameFr": "Un jour", "date": "13/08/2026"}]', '0.date'],
    ['[{"name": "A day", "nameFr": "Un jour", "date": "2026-08-15"}]', '0.date: 2026-08-15 is a Saturday or a Sunday'],
    ['[{"name": "A day", "nameFr": "Un jour", "date": "2026-08-13"}, {"name": "Again", "nameFr": "Encore", "date": "2026-08-13"}]', '1.date: 2026-08-13 is given twice'],
    ['[{"name": "A day", "nameFr": "Un jour", "date": "2026-08-13", "regions": ["XX"]}]', '0.regions.0'],
    ['[{"name": "", "nameFr": "Un jour", "date": "2026-08-13"}]', '0.name'],
    ['[{"name": "A day", "date": "2026-08-13"}]', '0.nameFr'],
  ])('refuses %s, naming what is wrong', (value, named) => expectOneProblem('MEND_ONE_OFF_HOLIDAYS', value, named));
});
