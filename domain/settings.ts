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
  readonly complaint: {
    /** Lowest level first. A response at the last level ends the right of review. */
    readonly escalationChain: readonly EscalationLevel[];
  };
}

export const DEFAULT_SETTINGS: MendSettings = {
  sla: { warningThresholds: [0.5, 0.8] },
  complaint: {
    escalationChain: [
      { level: 1, title: 'Regional program coordinator' },
      { level: 2, title: 'Restorative Engagement program manager' },
      { level: 3, title: 'Executive Director, SMSRC' },
    ],
  },
};
