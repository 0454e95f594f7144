/**
 * Each Canadian province's and territory's name in both official languages. Apart from regions.ts,
 * without zod, so that the console names regions as the workflows do.
 */
export const REGION_NAMES = {
  AB: { en: 'Alberta', fr: 'Alberta' },
  BC: { en: 'British Columbia', fr: 'Colombie-Britannique' },
  MB: { en: 'Manitoba', fr: 'Manitoba' },
  NB: { en: 'New Brunswick', fr: 'Nouveau-Brunswick' },
  NL: { en: 'Newfoundland and Labrador', fr: 'Terre-Neuve-et-Labrador' },
  NS: { en: 'Nova Scotia', fr: 'Nouvelle-Écosse' },
  NT: { en: 'Northwest Territories', fr: 'Territoires du Nord-Ouest' },
  NU: { en: 'Nunavut', fr: 'Nunavut' },
  ON: { en: 'Ontario', fr: 'Ontario' },
  PE: { en: 'Prince Edward Island', fr: 'Île-du-Prince-Édouard' },
  QC: { en: 'Quebec', fr: 'Québec' },
  SK: { en: 'Saskatchewan', fr: 'Saskatchewan' },
  YT: { en: 'Yukon', fr: 'Yukon' },
} as const satisfies Readonly<Record<string, { readonly en: string; readonly fr: string }>>;

const COLLATORS = { en: new Intl.Collator('en-CA'), fr: new Intl.Collator('fr-CA') } as const;

/** A region's name in a language; a code without one, as it is. */
const nameOf = (code: string, language: 'en' | 'fr'): string => (REGION_NAMES as Readonly<Record<string, { readonly en: string; readonly fr: string } | undefined>>)[code]?.[language] ?? code;

/**
 * Regions as a list shows them, in the order of their names in the reader's language, not of their
 * codes: « Île-du-Prince-Édouard » comes after « Colombie-Britannique » in French, “Northwest
 * Territories” before “Nova Scotia” in English. Either codes, or items and the code each is about.
 */
export function byRegionName(codes: readonly string[], language: 'en' | 'fr'): string[];
export function byRegionName<T>(items: readonly T[], language: 'en' | 'fr', codeOf: (item: T) => string): T[];
export function byRegionName<T>(items: readonly T[], language: 'en' | 'fr', codeOf: (item: T) => string = String): T[] {
  const collator = COLLATORS[language];
  return [...items].sort((a, b) => collator.compare(nameOf(codeOf(a), language), nameOf(codeOf(b), language)));
}
