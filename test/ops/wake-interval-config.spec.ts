import { ConfigError, loadConfig } from '../../src/config/config';

/** MEND_SQLITE_WAKE_MS: how far apart commits may wake the live projections (README, docs/operations.md). */
describe('MEND_SQLITE_WAKE_MS', () => {
  const problems = (value: string) => {
    try {
      loadConfig({ MEND_SQLITE_WAKE_MS: value });
    } catch (error) {
      if (error instanceof ConfigError) return error.problems.map((p) => p.variable);
      throw error;
    }
    return [];
  };

  it('defaults to 25 ms', () => {
    expect(loadConfig({}).store).toMatchObject({ engine: 'sqlite', wakeIntervalMs: 25 });
  });

  it('takes whole milliseconds from 0 to 1000', () => {
    expect(loadConfig({ MEND_SQLITE_WAKE_MS: '0' }).store).toMatchObject({ wakeIntervalMs: 0 });
    expect(loadConfig({ MEND_SQLITE_WAKE_MS: '1000' }).store).toMatchObject({ wakeIntervalMs: 1000 });
  });

  it.each(['abc', '-1', '1001', '2.5'])('refuses %s, naming the variable', (value) => {
    expect(problems(value)).toEqual(['MEND_SQLITE_WAKE_MS']);
  });
});
