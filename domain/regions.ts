import { z } from 'zod';
import { REGION_NAMES as NAMES } from './region-names';
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
 * The regions' names in both official languages, written once (in region-names.ts, without zod, for
 * the console too): every workflow whose commands ask for a region spreads them into its `labels.values`.
 */
export const REGION_LABELS: Readonly<Record<RegionCode, Bilingual>> = NAMES;
