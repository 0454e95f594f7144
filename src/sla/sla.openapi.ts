import { SchedulerLivenessSchema, SlaAlertSchema, SlaClockPageSchema, SlaClockSchema, SlaCountsSchema, SlaSummarySchema, SlaWeeksSchema } from './sla.schemas';
import { errors, json, minPositionParam, queryParam as query, ref, workflowQueryParam, type OpenApiSection } from '../http/openapi';
import { STREAMS_PER_PERSON } from './sla-stream.service';

const workflow = workflowQueryParam();
const region = query('region', 'Province or territory code');
const minPosition = minPositionParam();
const readers = 'For supervisors, auditors and RO auditors (roAuditor). Clocks of workflows the caller may not read whole are left out.';

export const slaOpenApi: OpenApiSection = {
  tags: [{ name: 'sla', description: 'SLA clocks: the at-risk list, counts and on-time rates, warnings and breaches as they happen' }],
  schemas: {
    SlaClock: SlaClockSchema,
    SlaClockPage: SlaClockPageSchema,
    SlaCounts: SlaCountsSchema,
    SlaSummary: SlaSummarySchema,
    SlaSchedulerLiveness: SchedulerLivenessSchema,
    SlaAlert: SlaAlertSchema,
    SlaWeeks: SlaWeeksSchema,
  },
  paths: {
    '/sla/clocks': {
      get: {
        operationId: 'listSlaClocks',
        tags: ['sla'],
        summary: 'Clocks by due time, earliest first (or latest, `order=latest`): with status=running, the at-risk list',
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
          query('order', 'earliest due first (the default: the at-risk list), or latest first (the breaches, newest first)', {
            type: 'string',
            enum: ['earliest', 'latest'],
            default: 'earliest',
          }),
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
    '/sla/weeks': {
      get: {
        operationId: 'getSlaWeeks',
        tags: ['sla'],
        summary: 'On-time rates over time: clocks met on time, met late and breached, week by week, from the clock events',
        description:
          `${readers} A clock counts once, in the week its outcome happened: met in the week it was met, breached in the week it ran out ` +
          '(its due time, however late the scheduler recorded the breach). Weeks run Monday to Sunday in each clock’s region; the current week is last.',
        parameters: [workflow, region, query('weeks', 'How many weeks, 1–104, default 12', { type: 'integer', minimum: 1, maximum: 104 }), minPosition],
        responses: { '200': { description: 'The weeks, oldest first', content: json(ref('SlaWeeks')) }, ...errors(400, 401, 403, 503) },
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
          'A comment line is sent every 15 s when nothing happens. The stream ends when the token expires (reconnect with a new one); ' +
          `one person may hold at most ${STREAMS_PER_PERSON} streams at once, and another is refused with 429 (SLA.TOO_MANY_STREAMS).`,
        parameters: [
          workflow,
          region,
          query('minPosition', 'Also send the warnings and breaches recorded at or after this position: at most the position after the log’s last (400 PROJECTION.POSITION_NOT_WRITTEN past it)', { type: 'integer', minimum: 0 }),
          { name: 'Last-Event-ID', in: 'header', required: false, schema: { type: 'integer', minimum: 0 }, description: 'Resume after this event id: one the stream sent (400 SLA.LAST_EVENT_NOT_WRITTEN past the end of the log)' },
        ],
        responses: {
          '200': {
            description: 'An event stream; the data of each event is an SlaAlert (components/schemas/SlaAlert)',
            // OpenAPI 3.1 cannot type the items of a stream (3.2's itemSchema does); the extension names the schema of each event's data.
            content: { 'text/event-stream': { schema: { type: 'string' }, 'x-event-data': ref('SlaAlert') } },
          },
          ...errors(400, 401, 403, 429),
        },
      },
    },
  },
};
