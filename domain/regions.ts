import { z } from 'zod';
import { REGION_TIME_ZONES as TIME_ZONES } from './region-time-zones';
import type { Bilingual } from './workflow';

/**
 * Canadian provinces and territories. A case's region fixes its regional holiday and its time zone
 * (DESIGN.md §5); `ON` (the National Capital Region) is the default.
 */
export const RegionCode = z.enum(['AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT']);
export type RegionCode = z.infer<typeof RegionCode>;

export const DEFAULT_REGION: RegionCode = 'ON';

/** The IANA time zone in which each region's business hours are counted. */
export const REGION_TIME_ZONES: Readonly<Record<RegionCode, string>> = TIME_ZONES;

/**
 * The regions' names in both official languages, written once: every workflow whose commands ask
 * for a region spreads them into its `labels.values`.
 */
export const REGION_LABELS: Readonly<Record<RegionCode, Bilingual>> = {
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
};
