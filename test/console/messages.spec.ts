import { en, fr, type Messages } from '../../console/src/i18n/messages';
import { frenchTypographyFaults } from '../support/french-typography';

/** Texts that are the same word in both languages, on purpose. */
const SAME_IN_BOTH: ReadonlySet<keyof Messages> = new Set<keyof Messages>(['appName']);

/** Texts whose words depend on the value they are given: shown with a value that has words (an id that is not a staff member's is shown as itself). */
const SAMPLES: Partial<Record<keyof Messages, readonly unknown[]>> = { notInDirectory: ['sla-scheduler'], readKind: ['history'] };

/** A text as shown: a function is called with sample arguments (a number for each parameter, unless it has its own). */
function shown(value: Messages[keyof Messages], key?: keyof Messages): string {
  if (typeof value === 'string') return value;
  const call = value as unknown as (...args: unknown[]) => string;
  return call(...((key && SAMPLES[key]) ?? Array.from({ length: call.length }, (_, i) => 2 + i)));
}

const keys = Object.keys(en) as (keyof Messages)[];
const french = keys.map((key) => [key, shown(fr[key], key)] as const);

describe('the console’s message catalogue', () => {
  it('has the same keys in English and in French', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(keys.filter((key) => !SAME_IN_BOTH.has(key)))('%s is translated, not copied', (key) => {
    expect(shown(fr[key], key)).not.toBe(shown(en[key], key));
  });

  it.each(keys)('%s is not empty in either language', (key) => {
    expect(shown(en[key], key).length).toBeGreaterThan(0);
    expect(shown(fr[key], key).length).toBeGreaterThan(0);
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
