import { z } from 'zod';

/** One level of authority in the complaint escalation chain (configuration, DESIGN.md §4). */
export interface EscalationLevel {
  readonly level: number;
  /** The title in English, as configured. */
  readonly title: string;
  /**
   * The title in French, as configured (`English | Français` in MEND_ESCALATION_CHAIN). Absent where
   * the configuration gives none: French readers are then shown the English title.
   */
  readonly titleFr?: string;
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
    { level: 1, title: 'Regional program coordinator', titleFr: 'Coordination régionale du programme' },
    { level: 2, title: 'Program manager', titleFr: 'Gestionnaire du programme' },
    { level: 3, title: 'Executive Director, SMSRC', titleFr: 'Direction exécutive, CSRIS' },
  ],
  workflows: {},
};

/**
 * A level title as configuration writes it: the English, then optionally `|` and the French
 * (`Regional program coordinator | Coordination régionale du programme`), each 1 to 200 characters.
 */
export const WrittenLevelTitle = z.string().transform((written, ctx): Omit<EscalationLevel, 'level'> => {
  const parts = written.split('|').map((part) => part.trim());
  const [title = '', titleFr] = parts;
  const bad = (text: string | undefined) => text !== undefined && (text.length === 0 || text.length > 200);
  if (parts.length > 2 || bad(title) || bad(titleFr)) {
    ctx.addIssue({ code: 'custom', message: `"${written}" must be an English title, then optionally "|" and the French title, each 1 to 200 characters` });
    return z.NEVER;
  }
  return titleFr === undefined ? { title } : { title, titleFr };
});

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
