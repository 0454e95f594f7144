import { z } from 'zod';
import type { DecideContext } from '../../domain/decide-context';
import { workflowSettings } from '../../domain/settings';
import { withFrench } from '../../domain/validation';

const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;
const TimeOfDay = z.string().regex(TIME_OF_DAY, withFrench('must be a time of day written HH:MM, e.g. 07:00', 'doit être une heure écrite HH:MM, par exemple 07:00'));

/** Minutes after local midnight of an `HH:MM` time. */
export const minutesOf = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/**
 * The program's configurable numbers (MEND_WORKFLOW_SETTINGS `{"support-coordination": {…}}`),
 * with the program's own defaults.
 */
export const SupportCoordinationSettings = z.strictObject({
  /** Business days from the opt-in within which the coordinator makes first contact. Not in the seeds: the program office's standard, 2. */
  firstContactBusinessDays: z
    .number()
    .int()
    .min(1)
    .max(30)
    .default(2)
    .meta({ description: 'Business days after the opt-in (the counting rule: the day of the opt-in excluded, to 17:00 of the last day) within which the coordinator makes first contact.' }),
  /**
   * "Your assigned Response and Support coordinator will make first contact with you on weekdays
   * during business hours: 7 am to 5 pm", in the coordinator's time zone; the end is excluded.
   */
  firstContactHours: z
    .strictObject({ start: TimeOfDay.default('07:00'), end: TimeOfDay.default('17:00') })
    .refine((hours) => !TIME_OF_DAY.test(hours.start) || !TIME_OF_DAY.test(hours.end) || minutesOf(hours.start) < minutesOf(hours.end), {
      message: withFrench('must start before it ends', 'doit commencer avant de finir'),
    })
    .prefault({})
    .meta({ description: "The hours, in the coordinator's time zone, within which first contact is made on a business day; `end` is excluded." }),
});
export type SupportCoordinationSettings = z.infer<typeof SupportCoordinationSettings>;

/** The settings in force for a decision: MEND_WORKFLOW_SETTINGS's, else the defaults. */
export function settingsOf(ctx: DecideContext): SupportCoordinationSettings {
  return workflowSettings(ctx.settings, 'support-coordination', SupportCoordinationSettings);
}
