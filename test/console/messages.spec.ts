import { en, fr, type Messages } from '../../console/src/i18n/messages';
import { frenchTypographyFaults } from '../support/french-typography';

/** Texts that are the same word in both languages, on purpose. */
const SAME_IN_BOTH: ReadonlySet<keyof Messages> = new Set<keyof Messages>(['appName']);

/** A text as shown: a function is called with sample arguments (a number for each parameter). */
function shown(value: Messages[keyof Messages]): string {
  if (typeof value === 'string') return value;
  const call = value as unknown as (...args: unknown[]) => string;
  return call(...Array.from({ length: call.length }, (_, i) => 2 + i));
}

const keys = Object.keys(en) as (keyof Messages)[];
const french = keys.map((key) => [key, shown(fr[key])] as const);

describe('the console’s message catalogue', () => {
  it('has the same keys in English and in French', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(keys.filter((key) => !SAME_IN_BOTH.has(key)))('%s is translated, not copied', (key) => {
    expect(shown(fr[key])).not.toBe(shown(en[key]));
  });

  it.each(keys)('%s is not empty in either language', (key) => {
    expect(shown(en[key]).length).toBeGreaterThan(0);
    expect(shown(fr[key]).length).toBeGreaterThan(0);
  });

  it('writes French with its typography: a non-breaking space before : ; ? ! and inside « », apostrophes curly', () => {
    const faults = french.flatMap(([key, text]) => [
      ...frenchTypographyFaults(text),
      // The console's own texts never quote English, so no straight apostrophe at all (aujourd’hui too).
      ...(text.includes("'") ? [`a straight apostrophe in ${JSON.stringify(text)}`] : []),
    ].map((fault) => `${key}: ${fault}`));
    expect(faults).toEqual([]);
  });
});
