import { z } from 'zod';
import { CaseReference } from '../../domain/case-reference';
import { RegionCode } from '../../domain/regions';

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
    nextDueAt: z.string().nullable(),
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

