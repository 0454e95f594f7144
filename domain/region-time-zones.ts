/**
 * The IANA time zone in which each region's business hours are counted (DESIGN.md §5). Apart from
 * regions.ts, without zod, so that the console can show a case's times in its region's zone.
 */
export const REGION_TIME_ZONES = {
  AB: 'America/Edmonton',
  BC: 'America/Vancouver',
  MB: 'America/Winnipeg',
  NB: 'America/Moncton',
  NL: 'America/St_Johns',
  NS: 'America/Halifax',
  NT: 'America/Yellowknife',
  NU: 'America/Iqaluit',
  ON: 'America/Toronto',
  PE: 'America/Halifax',
  QC: 'America/Toronto',
  SK: 'America/Regina',
  YT: 'America/Whitehorse',
} as const;
