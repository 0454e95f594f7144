import { ConfigError, loadConfig } from '../../src/config/config';

/** MEND_BUSINESS_HOURS: the working day SLA clocks count (README, docs/operations.md). */
describe('MEND_BUSINESS_HOURS', () => {
  const problems = (value: string) => {
    try {
      loadConfig({ MEND_BUSINESS_HOURS: value });
    } catch (error) {
      if (error instanceof ConfigError) return error.problems;
      throw error;
    }
    return [];
  };

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
