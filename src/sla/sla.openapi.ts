import { z } from 'zod';
import { RegionCode } from '../../domain/regions';
import { errors, json, queryParam as query, ref, workflowQueryParam, type OpenApiSection } from '../http/openapi';

const instant = z.string().meta({ format: 'date-time' });
const nullableInstant = instant.nullable();

const SlaClockSchema = z
  .object({
    caseId: z.uuid(),
    clock: z.string().meta({ description: 'The clock’s key in its case: acknowledgement, response-2, optInWindow…' }),
    workflow: z.string(),
    region: RegionCode,
    level: z.number().int().nullable().meta({ description: 'Level of authority, for complaint clocks' }),
    name: z.string(),
    basis: z.enum(['business', 'calendar']),
    days: z.number().int(),
    status: z.enum(['running', 'paused', 'met', 'breached', 'cancelled']),
    warnedThresholds: z.array(z.number()).meta({ description: 'Warnings recorded, as fractions of the clock’s time' }),
    startedAt: instant,
    dueAt: instant,
    nextDeadlineAt: nullableInstant.meta({ description: 'The next warning or the due time; null unless running' }),
    overdue: z.boolean().meta({ description: 'Running past its due time: the scheduler records the breach at its next sweep' }),
    pausedAt: nullableInstant,
    pauseReason: z.string().nullable(),
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

const SlaCountsSchema = z.object(counts).meta({ id: 'SlaCounts' });

const SchedulerLivenessSchema = z
  .object({
    enabled: z.boolean().meta({ description: 'This instance sweeps on its own (server mode, MEND_SCHEDULER=on)' }),
    intervalMs: z.number().int(),
    sweeping: z.boolean(),
    lastSweep: z
      .object({
        at: instant,
        dueRows: z.number().int(),
        cases: z.number().int(),
        warnings: z.number().int(),
        breaches: z.number().int(),
        alreadyRecorded: z.number().int(),
        deferred: z.number().int(),
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
  })
  .meta({ id: 'SlaSchedulerLiveness' });

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
    clock: z.string(),
    name: z.string(),
    workflow: z.string(),
    region: RegionCode,
    level: z.number().int().nullable(),
    threshold: z.number().nullable().meta({ description: 'For a warning: the fraction of the clock’s time passed' }),
    at: instant.meta({ description: 'When the threshold passed or the clock ran out' }),
    dueAt: instant,
    recordedAt: instant,
  })
  .meta({ id: 'SlaAlert' });

const workflow = workflowQueryParam();
const region = query('region', 'Province or territory code');
const minPosition = query('minPosition', 'Wait (up to 5 s) until the SLA read model has reached this position; 503 if it has not', {
  type: 'integer',
  minimum: 0,
});
const readers = 'For supervisors, auditors and administrators.';

export const slaOpenApi: OpenApiSection = {
  tags: [{ name: 'sla', description: 'SLA clocks: the at-risk list, counts and on-time rates, warnings and breaches as they happen' }],
  schemas: {
    SlaClock: SlaClockSchema,
    SlaClockPage: SlaClockPageSchema,
    SlaCounts: SlaCountsSchema,
    SlaSummary: SlaSummarySchema,
    SlaSchedulerLiveness: SchedulerLivenessSchema,
    SlaAlert: SlaAlertSchema,
  },
  paths: {
    '/sla/clocks': {
      get: {
        operationId: 'listSlaClocks',
        tags: ['sla'],
        summary: 'Clocks by due time, earliest first: with status=running, the at-risk list',
        description: readers,
        parameters: [
          query('status', 'running | warned (running, with a warning recorded) | paused | breached | met | cancelled', {
            type: 'string',
            enum: ['running', 'warned', 'paused', 'breached', 'met', 'cancelled'],
          }),
          workflow,
          region,
          query('level', 'Level of authority', { type: 'integer', minimum: 1 }),
          query('caseId', 'One case’s clocks', { type: 'string', format: 'uuid' }),
          query('dueBefore', 'Only clocks due before this instant (ISO 8601 with offset)', { type: 'string', format: 'date-time' }),
          query('limit', '1–500, default 50', { type: 'integer', minimum: 1, maximum: 500 }),
          query('cursor', 'From the previous page'),
          minPosition,
        ],
        responses: { '200': { description: 'A page of clocks', content: json(ref('SlaClockPage')) }, ...errors(400, 401, 403, 503) },
      },
    },
    '/sla/summary': {
      get: {
        operationId: 'getSlaSummary',
        tags: ['sla'],
        summary: 'Counts of running, warned, overdue, paused, breached, met and cancelled clocks, and the on-time rate, per workflow, region and level',
        description: `${readers} Also reports this instance’s scheduler: its last sweep and totals.`,
        parameters: [workflow, region, minPosition],
        responses: { '200': { description: 'The counts', content: json(ref('SlaSummary')) }, ...errors(400, 401, 403, 503) },
      },
    },
    '/sla/stream': {
      get: {
        operationId: 'streamSlaAlerts',
        tags: ['sla'],
        summary: 'Server-Sent Events: each warning (event ClockWarned) and breach (event ClockBreached) as it is recorded',
        description:
          `${readers} Send the bearer token in the Authorization header (a fetch-based SSE client; the browser's ` +
          'EventSource cannot send headers). Each event’s id is its global position: reconnect with Last-Event-ID to ' +
          'resume after it. Without Last-Event-ID or minPosition the stream starts with what is recorded from now on. ' +
          'A comment line is sent every 15 s when nothing happens.',
        parameters: [
          workflow,
          region,
          query('minPosition', 'Also send the warnings and breaches recorded at or after this position', { type: 'integer', minimum: 0 }),
          { name: 'Last-Event-ID', in: 'header', required: false, schema: { type: 'integer', minimum: 0 }, description: 'Resume after this event id' },
        ],
        responses: {
          '200': {
            description: 'An event stream; the data of each event is an SlaAlert (components/schemas/SlaAlert)',
            // OpenAPI 3.1 cannot type the items of a stream (3.2's itemSchema does); the extension names the schema of each event's data.
            content: { 'text/event-stream': { schema: { type: 'string' }, 'x-event-data': ref('SlaAlert') } },
          },
          ...errors(400, 401, 403),
        },
      },
    },
  },
};
