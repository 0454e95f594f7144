/** The shapes the console reads from the public API (see /openapi.json). */

export interface ClockView {
  readonly clock: string;
  readonly name: string;
  readonly level?: number | null;
  readonly basis: 'business' | 'calendar';
  readonly days: number;
  readonly status: string;
  readonly startedAt: string;
  readonly dueAt: string;
  readonly warnedThresholds: readonly number[];
  readonly nextWarningAt?: string;
  readonly metAt?: string;
  readonly breachedAt?: string;
  readonly pausedAt?: string;
  readonly onTime?: boolean;
}

export interface CaseView {
  readonly caseId: string;
  readonly workflow: string;
  readonly workflowVersion: number;
  readonly state: string;
  readonly status: 'open' | 'closed';
  readonly revision: number;
  readonly position: number;
  readonly allowedCommands: readonly string[];
  readonly region?: string;
  readonly assignees?: readonly string[];
  readonly details?: Record<string, unknown>;
  readonly clocks?: readonly ClockView[];
  readonly openedAt?: string;
  readonly updatedAt?: string;
  readonly asOf?: string;
}

export interface CaseSummary {
  readonly caseId: string;
  readonly workflow: string;
  readonly state: string;
  readonly status: 'open' | 'closed';
  readonly region: string;
  readonly assignees: readonly string[];
  readonly openClocks: number;
  readonly nextDueAt: string | null;
  readonly revision: number;
  readonly updatedAt: string;
}

export interface CasePage {
  readonly items: readonly CaseSummary[];
  readonly total?: number;
  readonly nextCursor?: string;
}

export interface JsonSchema {
  readonly type?: string | readonly string[];
  readonly properties?: Record<string, JsonSchema>;
  readonly required?: readonly string[];
  readonly items?: JsonSchema;
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly oneOf?: readonly JsonSchema[];
  readonly anyOf?: readonly JsonSchema[];
  readonly default?: unknown;
  readonly format?: string;
  readonly description?: string;
  readonly title?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minItems?: number;
  readonly maxLength?: number;
}

export interface WorkflowCommand {
  readonly name: string;
  /** How people name the command, in the workflow's `language`. */
  readonly label?: string;
  readonly description?: string;
  readonly records?: string;
  readonly schema: JsonSchema;
  /** The command assigns people to the case (or replaces them). */
  readonly assigns?: boolean;
  readonly example?: unknown;
}

export interface WorkflowInfo {
  readonly name: string;
  readonly version: number;
  /** The language the labels below are in: the one asked for with Accept-Language. */
  readonly language?: 'en' | 'fr';
  readonly title: string;
  readonly description?: string;
  readonly openingCommand: string;
  readonly states: readonly string[];
  readonly stateLabels?: Readonly<Record<string, string>>;
  readonly commands: readonly WorkflowCommand[];
  readonly diagram: string;
}

export interface HistoryItem {
  readonly position: number;
  readonly revision: number;
  readonly eventId: string;
  readonly type: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly actor: { readonly id: string; readonly role: string };
  readonly data: Record<string, unknown>;
  readonly hash?: string;
}

export interface HistoryPage {
  readonly caseId: string;
  readonly workflow: string;
  readonly items: readonly HistoryItem[];
  readonly next: number | null;
}

export interface SlaCounts {
  readonly running: number;
  readonly warned: number;
  readonly overdue: number;
  readonly paused: number;
  readonly breached: number;
  readonly met: number;
  readonly metOnTime: number;
  readonly metLate: number;
  readonly cancelled: number;
  readonly onTimeRate: number | null;
}

export interface SlaSummary {
  readonly asOf: string;
  readonly overall: SlaCounts;
  readonly byWorkflow: readonly (SlaCounts & { workflow: string })[];
  readonly byRegion: readonly (SlaCounts & { region: string })[];
  readonly byLevel: readonly (SlaCounts & { level: number | null })[];
}

export interface SlaClockItem {
  readonly caseId: string;
  readonly clock: string;
  readonly workflow: string;
  readonly region: string;
  readonly level: number | null;
  readonly name: string;
  readonly basis: 'business' | 'calendar';
  readonly status: string;
  readonly warnedThresholds: readonly number[];
  readonly dueAt: string;
  readonly overdue: boolean;
  readonly breachedAt: string | null;
}

export interface SlaAlert {
  readonly position: number;
  readonly type: string;
  readonly caseId: string;
  readonly clock: string;
  readonly name: string;
  readonly workflow: string;
  readonly region: string;
  readonly level: number | null;
  readonly threshold: number | null;
  readonly at: string;
  readonly dueAt: string;
}

export interface Verification {
  readonly ok: boolean;
  readonly streams: number;
  readonly events: number;
  readonly problems: readonly unknown[];
  readonly message: string;
}
