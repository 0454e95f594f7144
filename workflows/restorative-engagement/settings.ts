import { z } from 'zod';

/**
 * The Restorative Engagement program's configurable numbers. Override with
 * MEND_WORKFLOW_SETTINGS='{"restorative-engagement":{…}}'; a case records what it took from them.
 */
export const RestorativeEngagementSettings = z.strictObject({
  followUpToleranceDays: z
    .number()
    .int()
    .min(0)
    .max(90)
    .default(7)
    .describe('How many days before its due date a follow-up may be recorded (a call a few days early is a follow-up; one a month early is not).'),
});
export type RestorativeEngagementSettings = z.infer<typeof RestorativeEngagementSettings>;

export const RESTORATIVE_ENGAGEMENT = 'restorative-engagement';
