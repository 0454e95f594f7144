/**
 * The shapes the console reads from the public API. They are not written here: each is inferred
 * from the zod schema the server documents its responses with (and its end-to-end tests parse real
 * responses with), so the console cannot drift from the API. Type-only imports: nothing of the
 * server reaches the bundle.
 */
import type { z } from 'zod';
import type { AccessPageSchema, CaseAsOfSchema, HistoryItemSchema, HistoryPageSchema, VerificationSchema } from '../../../src/audit/audit.schemas';
import type { InboxItemSchema, InboxSchema, WorkloadSchema } from '../../../src/projections/work.schemas';
import type { CaseViewSchema, ClockViewSchema, CommandResultSchema } from '../../../src/http/response-schemas';
import type { CasePageSchema, CaseSummarySchema } from '../../../src/projections/projections.schemas';
import type { SlaAlertSchema, SlaClockSchema, SlaCountsSchema, SlaSummarySchema, SlaWeeksSchema } from '../../../src/sla/sla.schemas';
import type { PersonalDataGroupSchema, WorkflowCommandSchema, WorkflowSchema } from '../../../src/workflows/workflow.schemas';
import type { SearchResultSchema } from '../../../src/search/search.schemas';
import type { StaffEntrySchema, StaffListSchema, StaffMemberSchema } from '../../../src/staff/staff.schemas';
import type { ErasureResultSchema } from '../../../src/privacy/privacy.schemas';
import type { HolidaysSchema } from '../../../src/calendar/calendar.schemas';

export type ClockView = z.infer<typeof ClockViewSchema>;
export type CaseView = z.infer<typeof CaseViewSchema>;
export type CommandResult = z.infer<typeof CommandResultSchema>;
export type CaseSummary = z.infer<typeof CaseSummarySchema>;
export type CasePage = z.infer<typeof CasePageSchema>;
export type HistoryItem = z.infer<typeof HistoryItemSchema>;
export type HistoryPage = z.infer<typeof HistoryPageSchema>;
export type SlaCounts = z.infer<typeof SlaCountsSchema>;
export type SlaSummary = z.infer<typeof SlaSummarySchema>;
export type SlaClockItem = z.infer<typeof SlaClockSchema>;
export type SlaAlert = z.infer<typeof SlaAlertSchema>;
export type Verification = z.infer<typeof VerificationSchema>;
export type AccessPage = z.infer<typeof AccessPageSchema>;
export type AccessRecord = AccessPage['items'][number];
export type SearchResult = z.infer<typeof SearchResultSchema>;
export type StaffMember = z.infer<typeof StaffMemberSchema>;
export type StaffEntry = z.infer<typeof StaffEntrySchema>;
export type StaffList = z.infer<typeof StaffListSchema>;
export type InboxItem = z.infer<typeof InboxItemSchema>;
export type Inbox = z.infer<typeof InboxSchema>;
export type Workload = z.infer<typeof WorkloadSchema>;
export type SlaWeeks = z.infer<typeof SlaWeeksSchema>;
export type CaseAsOf = z.infer<typeof CaseAsOfSchema>;
export type ErasureResult = z.infer<typeof ErasureResultSchema>;
export type Holidays = z.infer<typeof HolidaysSchema>;

/** A command as GET /workflows describes it; its data's JSON Schema, read by the form builder, typed as such. */
export type WorkflowCommand = Omit<z.infer<typeof WorkflowCommandSchema>, 'schema'> & { readonly schema: JsonSchema };
export type WorkflowInfo = Omit<z.infer<typeof WorkflowSchema>, 'commands' | 'events' | 'details'> & {
  readonly commands: readonly WorkflowCommand[];
  readonly events: readonly WorkflowEvent[];
  /** The JSON Schema of its cases' `details`, read to show each fact as what it is. */
  readonly details: JsonSchema;
};
/** An event as GET /workflows describes it: its data's JSON Schema, and where its data holds personal information. */
export type WorkflowEvent = Omit<z.infer<typeof WorkflowSchema>['events'][number], 'schema'> & { readonly schema: JsonSchema };
export type PersonalDataGroup = z.infer<typeof PersonalDataGroupSchema>;

/** The part of JSON Schema (2020-12) the console's forms read: a client-side view of `schema` in GET /workflows. */
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
  readonly title?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minItems?: number;
  readonly maxLength?: number;
  /** Mend's own keywords (domain/json-schema-keywords.ts): a staff id, a clock key, a state, a local time, a share, a duration. */
  readonly 'x-mend-staff'?: boolean | readonly string[];
  readonly 'x-mend-subject'?: boolean | string;
  readonly 'x-mend-attention'?: boolean;
  readonly 'x-mend-record'?: string;
  readonly 'x-mend-unless'?: string;
  readonly 'x-mend-case'?: string | boolean;
  readonly 'x-mend-case-workflow-field'?: string;
  readonly 'x-mend-clock'?: boolean;
  readonly 'x-mend-state'?: boolean;
  readonly 'x-mend-local-time'?: boolean;
  readonly 'x-mend-share'?: boolean;
  readonly 'x-mend-duration-ms'?: boolean;
  readonly 'x-mend-workflow'?: boolean;
}
