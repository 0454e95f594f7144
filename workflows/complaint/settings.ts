import { z } from 'zod';
import { fieldKind } from '../../domain/schemas';
import { WORKFLOW_KEYWORD } from '../../domain/json-schema-keywords';
import type { EscalationLevel, MendSettings } from '../../domain/settings';
import { workflowSettings, WrittenLevelTitle } from '../../domain/settings';

/** The name of a registered workflow: the program a complaint is about (checked against the registry when it is received). */
export const ProgramName = fieldKind(
  z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,63}$/, 'must be the name of a program (GET /workflows lists them)')
    .meta({ [WORKFLOW_KEYWORD]: true }),
  'code',
);

/** Level titles, lowest first, each `English | Français` (the French may be left out). */
const LevelTitles = z.array(WrittenLevelTitle).min(1).max(20);

/**
 * The complaint workflow's settings (MEND_WORKFLOW_SETTINGS `{"complaint": {...}}`). The default
 * escalation chain is MEND_ESCALATION_CHAIN; a program with its own levels of authority (the
 * program office of restorative opportunities, say) is given its chain here, by program name.
 */
export const ComplaintSettings = z.strictObject({
  // The seeds give no number for the review window; 30 days mirrors the 30-day response standard.
  reviewWindowDays: z
    .number()
    .int()
    .min(1)
    .max(365)
    .default(30)
    .meta({ description: 'Calendar days the complainant has, after a response below the last level, to request a review.' }),
  chainsByProgram: z
    .record(ProgramName, LevelTitles)
    .default({})
    .meta({
      description: 'Level titles, lowest first, each `English | Français`, by the program a complaint is about; other complaints follow `MEND_ESCALATION_CHAIN`.',
    }),
});
export type ComplaintSettings = z.infer<typeof ComplaintSettings>;

export const complaintSettings = (settings: MendSettings): ComplaintSettings => workflowSettings(settings, 'complaint', ComplaintSettings);

/** The escalation chain for a complaint about `program` (none: the default chain), lowest level first. */
export function chainFor(settings: MendSettings, program: string | undefined): EscalationLevel[] {
  const titles = program === undefined ? undefined : complaintSettings(settings).chainsByProgram[program];
  if (titles) return titles.map((title, i) => ({ level: i + 1, ...title }));
  return [...settings.escalationChain]
    .sort((a, b) => a.level - b.level)
    .map(({ level, title, titleFr }) => (titleFr === undefined ? { level, title } : { level, title, titleFr }));
}
