import { z } from 'zod';
import { zoneClock } from './calendar/time-zone';
import { REGION_TIME_ZONES } from './region-time-zones';
import type { RegionCode } from './regions';
import { withFrench } from './validation';

/**
 * A case's human reference, `CMP-2026-00042`: its workflow's `referencePrefix`, the year of its
 * opening (business time, in the case's region), and a number unique within that prefix and year,
 * written with at least five digits. A case read as another workflow's has that workflow's prefix
 * after its own (`CMP-RO-2026-00001`): a series of its own. Given once, at opening, in the opening
 * event's metadata.
 */
export const CaseReference = z
  .string()
  .regex(/^[A-Z]{2,8}(?:-[A-Z]{2,8})?-\d{4}-\d{5,9}$/, withFrench('must be a case reference such as CMP-2026-00042', 'doit être une référence de dossier comme CMP-2026-00042'))
  .meta({ description: 'The case’s human reference: workflow prefix (and the prefix of the workflow it is read as, CMP-RO), year of opening, number (CMP-2026-00042)', example: 'CMP-2026-00042' });
export type CaseReference = z.infer<typeof CaseReference>;

/** A reference prefix: two to eight upper-case letters, unique among workflows. */
export const REFERENCE_PREFIX = /^[A-Z]{2,8}$/;

export function formatCaseReference(prefix: string, year: number, number: number): string {
  return `${prefix}-${year}-${String(number).padStart(5, '0')}`;
}

/** The year of an instant on the calendar of the case's region (31 December 23:30 in Toronto is still that year). */
export function referenceYear(instant: Date, region: RegionCode): number {
  return new Date(zoneClock(REGION_TIME_ZONES[region]).toWall(instant.getTime())).getUTCFullYear();
}
