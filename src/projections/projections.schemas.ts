import { z } from 'zod';
import { CaseReference } from '../../domain/case-reference';
import { RegionCode } from '../../domain/regions';
import { ClockViewSchema } from '../http/response-schemas';

/**
 * Schemas of the case lists: the source of the OpenAPI document's shapes and of the console's
 * types. Nothing here may import NestJS.
 */
export const CaseSummarySchema = z
  .object({
    caseId: z.uuid(),
    reference: CaseReference.nullable().meta({ description: 'The case’s human reference (CMP-2026-00042); null for cases opened before references' }),
    workflow: z.string(),
    workflowVersion: z.number().int(),
    state: z.string(),
    status: z.enum(['open', 'closed']),
    region: RegionCode,
    assignees: z.array(z.string()),
    details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
    openClocks: z.number().int(),
    nextDueAt: z.string().nullable().meta({ description: 'The earliest due time among its open clocks, paused ones included' }),
    nextDuePaused: z.boolean().meta({ description: 'The clock due at nextDueAt is paused: no time runs out until it resumes, and its due time then moves' }),
    revision: z.number().int(),
    position: z.number().int(),
    openedAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'CaseSummary' });

/** The display names of staff an answer names, by staff id, from the staff directory: a reader names them without reading it. */
export const StaffNamesSchema = z.record(z.string(), z.string()).meta({
  description: 'The display names, by staff id, of the staff its cases are assigned to that the staff directory holds: a reader names them without reading the directory',
});

export const CasePageSchema = z
  .object({
    items: z.array(CaseSummarySchema),
    total: z.number().int().meta({ description: 'Cases matching the filters, across all pages' }),
    nextCursor: z.string().optional().meta({ description: 'Pass as ?cursor= for the next page' }),
    staff: StaffNamesSchema,
  })
  .meta({ id: 'CasePage' });

/** A person's caseload: a page of their cases, saying whose. */
export const CaseloadSchema = CasePageSchema.extend({
  practitionerId: z.string().meta({ description: 'Whose caseload: the staff id of the path' }),
}).meta({ id: 'Caseload' });

const ClockStatusSchema = ClockViewSchema.shape.status;

/** One open complaint on the escalation board. */
export const BoardItemSchema = z
  .object({
    caseId: z.uuid(),
    reference: CaseReference.nullable().meta({ description: 'The complaint’s human reference (CMP-2026-00042); null for complaints opened before references' }),
    state: z.string(),
    region: RegionCode,
    handlerId: z.string().nullable().meta({ description: 'The staff id of the complaint’s handler at its level; `staff` gives their name' }),
    responseDueAt: z.string().nullable().meta({ description: 'When the response at this level is due; null before the response clock starts' }),
    responseClock: ClockStatusSchema.nullable().meta({ description: 'The status of the response clock at this level' }),
    acknowledgement: ClockStatusSchema.nullable().meta({ description: 'The status of the acknowledgement clock' }),
    openedAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ComplaintBoardItem' });

/** A level of authority on the board, with its open complaints. */
export const BoardLevelSchema = z
  .object({
    level: z.number().int(),
    title: z.string(),
    titleFr: z.string().optional().meta({ description: 'The level’s title in French, where configuration gave one' }),
    byState: z.record(z.string(), z.number().int()).meta({ description: 'Open complaints at this level, counted by state' }),
    items: z.array(BoardItemSchema).meta({ description: 'Open complaints at this level, the earliest response due first' }),
  })
  .meta({ id: 'ComplaintBoardLevel' });

export const ComplaintBoardSchema = z
  .object({
    levels: z.array(BoardLevelSchema),
    staff: StaffNamesSchema.meta({ description: 'The display names, by staff id, of the handlers on the board that the staff directory holds' }),
  })
  .meta({ id: 'ComplaintBoard' });

/** A read model's lag behind the log. */
export const ProjectionLagSchema = z.object({
  events: z.number().int().meta({ description: 'Events stored but not yet projected' }),
  seconds: z.number().meta({ description: 'Age of the oldest event not yet projected, in seconds (0 when caught up)' }),
});

/** A read model's status, as GET /projections answers it. */
export const ProjectionStatusSchema = z
  .object({
    name: z.string(),
    status: z.enum(['starting', 'running', 'failed', 'stopped']),
    checkpoint: z.number().int().meta({ description: 'The position of the last event it has projected' }),
    generation: z.number().int().meta({ description: 'Its tables’ generation: a rebuild fills the next and switches to it' }),
    error: z.string().optional().meta({ description: 'Why it stopped, when failed' }),
    errorPosition: z.number().int().optional().meta({ description: 'The position of the event it stopped at, when failed' }),
    retrying: z.string().optional().meta({ description: 'Why its last batch could not be stored (a full disk): it is tried again until it is' }),
    lag: ProjectionLagSchema,
  })
  .meta({ id: 'ProjectionStatus' });
