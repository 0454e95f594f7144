import { z } from 'zod';
import { REGION_TIME_ZONES as TIME_ZONES } from './region-time-zones';

/**
 * Canadian provinces and territories. A case's region fixes its regional holiday and its time zone
 * (DESIGN.md §5); `ON` (the National Capital Region) is the default.
 */
export const RegionCode = z.enum(['AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT']);
export type RegionCode = z.infer<typeof RegionCode>;

export const DEFAULT_REGION: RegionCode = 'ON';

/** The IANA time zone in which each region's business hours are counted. */
export const REGION_TIME_ZONES: Readonly<Record<RegionCode, string>> = TIME_ZONES;
