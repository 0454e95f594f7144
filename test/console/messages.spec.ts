import { en, fr, type Messages } from '../../console/src/i18n/messages';
import { frenchTypographyFaults } from '../support/french-typography';

/** Texts that are the same word in both languages, on purpose. */
const SAME_IN_BOTH: ReadonlySet<keyof Messages> = new Set<keyof Messages>(['appName']);

/** Texts whose words depend on the value they are given: shown with a value that has words (an id that is not a staff member's is shown as itself). */
const SAMPLES: Partial<Record<keyof Messages, readonly unknown[]>> = {
  notInDirectory: ['sla-scheduler'],
  readKind: ['history'],
  // A person's name, which French elides « de » before.
  casesAssignedTo: ['Alex Martin'],
  staffEditTitle: ['Alex Martin'],
  staffUpdated: ['Alex Martin'],
};

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

  it('sets the space before ; ? ! as its header says: narrow (U+202F), never the colon’s (U+00A0)', () => {
    const wide = french.filter(([, text]) => /\u00a0[;?!]/u.test(text)).map(([key]) => key);
    expect(wide).toEqual([]);
    expect(french.filter(([, text]) => /\u202f[;?!]/u.test(text)).length).toBeGreaterThan(5);
  });

  it.each([
    ['Alex Martin', 'Dossiers d’Alex Martin', 'Modifier la fiche d’Alex Martin', 'La fiche d’Alex Martin est modifiée.'],
    ['Émilie Roy', 'Dossiers d’Émilie Roy', 'Modifier la fiche d’Émilie Roy', 'La fiche d’Émilie Roy est modifiée.'],
    ['Yves Caron', 'Dossiers d’Yves Caron', 'Modifier la fiche d’Yves Caron', 'La fiche d’Yves Caron est modifiée.'],
    ['ursule', 'Dossiers d’ursule', 'Modifier la fiche d’ursule', 'La fiche d’ursule est modifiée.'],
    // An H may be aspirate (de Hébert): a name does not say, so « de » stays.
    ['Hélène Hébert', 'Dossiers de Hélène Hébert', 'Modifier la fiche de Hélène Hébert', 'La fiche de Hélène Hébert est modifiée.'],
    ['Sam Roy', 'Dossiers de Sam Roy', 'Modifier la fiche de Sam Roy', 'La fiche de Sam Roy est modifiée.'],
  ])('elides « de » before %s’s name only where French does', (name, cases, editTitle, updated) => {
    expect(fr.casesAssignedTo(name)).toBe(cases);
    expect(fr.staffEditTitle(name)).toBe(editTitle);
    expect(fr.staffUpdated(name)).toBe(updated);
  });

  it('says a time limit is met (respecté) or breached (dépassé), never « rempli », and met on time without « à temps » twice', () => {
    expect([fr.clockMet, fr.clockBreached]).toEqual(['respecté', 'dépassé']);
    expect([fr.colMetOnTime, fr.colMetLate, fr.metLate, fr.late]).toEqual(['Respectés', 'Atteints après l’échéance', 'atteint après l’échéance', ' (atteint après l’échéance)']);
    expect(fr.weeksSummary(8)).toBe('Délais respectés, atteints après l’échéance et dépassés, semaine par semaine (8\u00a0dernières semaines)\u202f; un dépassement compte dans la semaine où le délai a expiré.');
    expect(french.filter(([, text]) => /rempli/u.test(text) && /délai|échéance/u.test(text)).map(([key]) => key)).toEqual([]);
  });

  it('names the RJU by its official name', () => {
    expect(fr.erasureIntro).toContain('l’Unité de la justice réparatrice');
    expect(fr.erasureIntro).not.toContain('Unité de justice');
  });
});
