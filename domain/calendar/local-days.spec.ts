import { dayFromLocalDate, localDateOfDay, yearOfDay } from './local-days';

describe('local day numbers', () => {
  it('agree with the Gregorian calendar of Date from 1900 to 2100', () => {
    const wrong: string[] = [];
    for (let day = -25_567; day <= 47_482; day++) {
      const date = new Date(day * 86_400_000);
      const iso = date.toISOString().slice(0, 10);
      if (localDateOfDay(day) !== iso || dayFromLocalDate(iso) !== day || yearOfDay(day) !== date.getUTCFullYear()) wrong.push(iso);
    }
    expect(wrong).toEqual([]);
  });

  it.each(['2026-02-29', '2026-13-01', '2026-00-10', '2026-01-00', '2026-1-01', '2026-01-32', 'today'])(
    'rejects %s',
    (value) => expect(() => dayFromLocalDate(value)).toThrow(RangeError),
  );
});
