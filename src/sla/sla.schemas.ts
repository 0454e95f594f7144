import { z } from 'zod';
import { CaseReference } from '../../domain/case-reference';
import { RegionCode } from '../../domain/regions';

/**
 * Schemas of what the SLA API answers: the source of the OpenAPI document's shapes and of the
 * console's types (console/src/shared/types.ts infers them). Nothing here may import NestJS.
 */
const instant = z.string().meta({ format: 'date-time' });
const nullableInstant = instant.nullable();
const clockKey = z.string().meta({ description: 'The clock’s key in its case: one of those its workflow declares (GET /workflows, `clocks`)' });
const caseReference = CaseReference.nullable().meta({
  description: 'The case’s human reference (CMP-2026-00042), what staff know it by; null until the cases read model has the case',
});
const clockName = z.string().meta({ description: 'Its English name, recorded when it started' });
const clockNameFr = z.string().optional().meta({
  description: 'Its French name, recorded when it started (none for clocks started before French names were recorded; GET /workflows names each declared clock in both languages)',
});

export const SlaClockSchema = z
  .object({
    caseId: z.uuid(),
    reference: caseReference,
    clock: clockKey,
    workflow: z.string(),
    region: RegionCode,
    level: z.number().int().nullable().meta({ description: 'The level of authority the clock counts for, for clocks counted per level' }),
    name: clockName,
    nameFr: clockNameFr,
    basis: z.enum(['business', 'calendar']),
    days: z.number().int(),
    status: z.enum(['running', 'paused', 'met', 'breached', 'cancelled']),
    warnedThresholds: z.array(z.number()).meta({ description: 'Warnings recorded, as fractions of the clock’s time' }),
    startedAt: instant,
    dueAt: instant,
    nextDeadlineAt: nullableInstant.meta({ description: 'The next warning or the due time; null unless running' }),
    overdue: z.boolean().meta({ description: 'Running past its due time: the scheduler records the breach at its next sweep' }),
    pausedAt: nullableInstant,
    breachedAt: nullableInstant.meta({ description: 'The due time the clock ran out at, however late it was recorded' }),
    metAt: nullableInstant,
    onTime: z.boolean().nullable(),
    cancelledAt: nullableInstant,
    updatedAt: instant,
  })
  .meta({ id: 'SlaClock' });

export const SlaClockPageSchema = z
  .object({
    items: z.array(SlaClockSchema),
    nextCursor: z.string().optional().meta({ description: 'Pass as ?cursor= for the next page' }),
  })
  .meta({ id: 'SlaClockPage' });

const counts = {
  running: z.number().int().meta({ description: 'Running clocks, warned ones included' }),
  warned: z.number().int().meta({ description: 'Running clocks with at least one warning recorded' }),
  overdue: z.number().int().meta({ description: 'Running clocks past their due time, breach not yet recorded' }),
  paused: z.number().int(),
  breached: z.number().int().meta({ description: 'Clocks that ran out, whether or not met later' }),
  met: z.number().int().meta({ description: 'Clocks met without a recorded breach' }),
  metOnTime: z.number().int(),
  metLate: z.number().int(),
  cancelled: z.number().int(),
  onTimeRate: z.number().nullable().meta({ description: 'metOnTime / (met + breached); null when both are 0' }),
};

export const SlaCountsSchema = z.object(counts).meta({ id: 'SlaCounts' });

export const SchedulerLivenessSchema = z
  .object({
    enabled: z.boolean().meta({ description: 'This instance sweeps on its own (server mode, MEND_SCHEDULER=on)' }),
    intervalMs: z.number().int(),
    sweeping: z.boolean(),
    lastSweep: z
      .object({
        at: instant.meta({ description: 'The service’s time the sweep acted at' }),
        dueRows: z.number().int().meta({ description: 'Rows due at that time, across all batches' }),
        cases: z.number().int().meta({ description: 'Cases this sweep acted on (one bounded batch)' }),
        warnings: z.number().int(),
        breaches: z.number().int(),
        alreadyRecorded: z.number().int().meta({ description: 'Due events another scheduler had recorded first' }),
        deferred: z.number().int().meta({ description: 'Cases left to the next sweep: concurrent writers or a failure' }),
        durationMs: z.number(),
      })
      .nullable(),
    totals: z.object({
      sweeps: z.number().int(),
      warnings: z.number().int(),
      breaches: z.number().int(),
      alreadyRecorded: z.number().int(),
      failures: z.number().int(),
    }),
    lastError: z.object({ at: instant, message: z.string() }).nullable(),
    clockSkewMs: z.number().nullable().meta({
      description:
        'How far this node’s clock was ahead of the shared store’s (PostgreSQL) at its last sweep, in ms (negative: behind); null where there is no shared clock (SQLite) or none was read yet. Past MEND_MAX_CLOCK_SKEW_MS this node records nothing and /ready says so',
    }),
  })
  .meta({
    id: 'SlaSchedulerLiveness',
    description: 'This instance’s SLA scheduler; its counts are over the cases the reader may know of (a workflow it may not know exists, RO, is left out, and an error about one of its cases is not shown)',
  });

export const SlaSummarySchema = z
  .object({
    asOf: instant,
    overall: SlaCountsSchema,
    byWorkflow: z.array(z.object({ workflow: z.string(), ...counts })),
    byRegion: z.array(z.object({ region: RegionCode, ...counts })),
    byLevel: z.array(z.object({ level: z.number().int().nullable(), ...counts })),
    groups: z.array(z.object({ workflow: z.string(), region: RegionCode, level: z.number().int().nullable(), ...counts })),
    scheduler: SchedulerLivenessSchema,
  })
  .meta({ id: 'SlaSummary' });

export const SlaAlertSchema = z
  .object({
    position: z.number().int().meta({ description: 'Global position of the event; also the SSE id' }),
    type: z.enum(['ClockWarned', 'ClockBreached']),
    caseId: z.uuid(),
    reference: caseReference,
    clock: clockKey,
    name: clockName,
    nameFr: clockNameFr,
    workflow: z.string(),
    region: RegionCode,
    level: z.number().int().nullable(),
    threshold: z.number().nullable().meta({ description: 'For a warning: the fraction of the clock’s time passed' }),
    at: instant.meta({ description: 'When the threshold passed or the clock ran out' }),
    dueAt: instant,
    recordedAt: instant,
  })
  .meta({ id: 'SlaAlert' });


export const SlaWeeksSchema = z
  .object({
    asOf: instant,
    weeks: z.array(
      z.object({
        week: z.string().meta({ description: 'The week’s Monday, a local date (weeks run Monday to Sunday in each clock’s region)', format: 'date' }),
        metOnTime: z.number().int().meta({ description: 'Clocks met on time that week' }),
        metLate: z.number().int().meta({ description: 'Clocks met late that week, before a breach was recorded' }),
        breached: z.number().int().meta({ description: 'Clocks that ran out that week (by their due time, however late the breach was recorded)' }),
        onTimeRate: z.number().nullable().meta({ description: 'metOnTime / (metOnTime + metLate + breached); null in a week without outcomes' }),
      }),
    ),
  })
  .meta({ id: 'SlaWeeks' });
