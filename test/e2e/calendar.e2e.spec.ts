import { HolidaysSchema } from '../../src/calendar/calendar.schemas';
import { startApp, type RunningApp } from '../support/app';

/**
 * GET /calendar/holidays: the days the business clocks skip, by region, for every role; the console
 * counts business days to a due time with them as the server does.
 */
describe('the business calendar’s holidays', () => {
  let running: RunningApp;

  beforeAll(async () => {
    running = await startApp({
      env: { MEND_ONE_OFF_HOLIDAYS: JSON.stringify([{ name: 'Regatta Day', nameFr: 'Jour des régates', date: '2026-08-05', regions: ['NL'] }]) },
    });
  });
  afterAll(async () => running.close());

  it('lists each region’s observed holidays of the year, one-off days where given, to every role', async () => {
    for (const role of ['practitioner', 'mediator', 'auditor', 'admin'] as const) {
      const response = await (await running.as(role)).get('/calendar/holidays?year=2026');
      expect({ role, status: response.status }).toEqual({ role, status: 200 });
      const { year, regions } = HolidaysSchema.parse(response.body);
      expect(year).toBe(2026);
      // Boxing Day falls on a Saturday in 2026: taken on Monday the 28th.
      expect(regions.ON).toEqual(expect.arrayContaining([{ date: '2026-12-25', name: 'Christmas Day', nameFr: 'Jour de Noël' }, expect.objectContaining({ date: '2026-12-28', actualDate: '2026-12-26' })]));
      expect(regions.NL.map((h) => h.date)).toContain('2026-08-05');
      expect(regions.NS.map((h) => h.date)).not.toContain('2026-08-05');
      expect(regions.QC.map((h) => h.date)).toContain('2026-06-24');
    }
  });

  it('answers for the first year a date may fall in: a clock counted then counts on its holidays', async () => {
    const response = await (await running.as('supervisor')).get('/calendar/holidays?year=1900');
    expect(response.status).toBe(200);
    expect(HolidaysSchema.parse(response.body).regions.ON.map((h) => h.date)).toContain('1900-01-01');
  });

  it.each([
    ['', 'en', 'query.year: is required'],
    ['?year=26.5', 'fr', 'query.year\u00a0: doit être un nombre entier'],
    ['?year=2026&region=ON', 'en', 'query.region: unknown field'],
    // The years a date may fall in, and so a clock count in.
    ['?year=1899', 'en', 'query.year: must be a whole number from 1900 to 2200'],
  ])('refuses %s with a 400 naming the parameter (%s)', async (query, language, said) => {
    const response = await (await running.as('practitioner')).get(`/calendar/holidays${query}`, { 'accept-language': language });
    expect(response.status).toBe(400);
    expect(response.body.message).toContain(said);
  });
});
