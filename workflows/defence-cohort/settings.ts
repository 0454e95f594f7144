import { z } from 'zod';

/**
 * The cohort's configurable numbers, with the program's own defaults (seed 000): "groups of six to
 * eight", "full-time cohorts will meet daily for 12 weeks, and part-time cohorts … for 25 weeks".
 * Override with MEND_WORKFLOW_SETTINGS='{"defence-cohort":{…}}'. Two practitioners per cohort is the
 * program's design, not a setting.
 */
export const DefenceCohortSettings = z
  .strictObject({
    minimumRepresentatives: z.number().int().min(1).max(30).default(6).describe('Fewest representatives a cohort forms or starts with; fewer is flagged to the supervisor.'),
    maximumRepresentatives: z.number().int().min(1).max(30).default(8).describe('Most representatives a cohort may have.'),
    fullTimeWeeks: z.number().int().min(1).max(104).default(12).describe('Length of a full-time cohort (meets daily), in weeks.'),
    partTimeWeeks: z.number().int().min(1).max(104).default(25).describe('Length of a part-time cohort (week-on/week-off), in weeks.'),
  })
  .refine((s) => s.minimumRepresentatives <= s.maximumRepresentatives, {
    message: 'minimumRepresentatives must not exceed maximumRepresentatives',
    path: ['minimumRepresentatives'],
  });
export type DefenceCohortSettings = z.infer<typeof DefenceCohortSettings>;

export const DEFENCE_COHORT = 'defence-cohort';
/** "Two restorative practitioners are assigned to guide each cohort." */
export const PRACTITIONERS_PER_COHORT = 2;
