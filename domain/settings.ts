import type { z } from 'zod';

/** One level of authority in the complaint escalation chain (configuration, DESIGN.md §4). */
export interface EscalationLevel {
  readonly level: number;
  readonly title: string;
}

/** Settings a decision may depend on. They are configuration; what a decision takes from them is written into its events. */
export interface MendSettings {
  readonly sla: {
    /** Fractions of a clock's business time at which a warning is recorded, e.g. [0.5, 0.8]. */
    readonly warningThresholds: readonly number[];
  };
  /**
   * The department's chain of authority for complaints, lowest level first (MEND_ESCALATION_CHAIN):
   * the default a complaint workflow follows where its own settings name no other.
   */
  readonly escalationChain: readonly EscalationLevel[];
  /**
   * Each workflow's own settings, by workflow name, as its folder's `settings` schema parsed them
   * (MEND_WORKFLOW_SETTINGS overrides the defaults). A workflow absent here has its defaults.
   */
  readonly workflows: Readonly<Record<string, unknown>>;
}

export const DEFAULT_SETTINGS: MendSettings = {
  sla: { warningThresholds: [0.5, 0.8] },
  escalationChain: [
    { level: 1, title: 'Regional program coordinator' },
    { level: 2, title: 'Restorative Engagement program manager' },
    { level: 3, title: 'Executive Director, SMSRC' },
  ],
  workflows: {},
};

const parsedDefaults = new WeakMap<z.ZodType, unknown>();

/**
 * A workflow's settings in a decision: what MEND_WORKFLOW_SETTINGS gave for it (validated at
 * start-up against the same schema), else the schema's defaults. The folder passes its own name
 * and schema, so that no other code names either.
 */
export function workflowSettings<T>(settings: MendSettings, name: string, schema: z.ZodType<T>): T {
  const given = settings.workflows[name];
  if (given !== undefined) return given as T;
  if (!parsedDefaults.has(schema)) parsedDefaults.set(schema, schema.parse({}));
  return parsedDefaults.get(schema) as T;
}
