import { z } from 'zod';
import { CaseViewSchema, ClockViewSchema } from '../http/response-schemas';
import { StaffNamesSchema } from '../projections/projections.schemas';

/**
 * Schemas of what the audit API answers: they document the responses in OpenAPI and the tests
 * parse real responses with them. None carries a zod `id`, so each converts to a self-contained
 * JSON Schema under the name its OpenAPI section gives it.
 */
const ActorSchema = z.object({ id: z.string(), role: z.string() });

export const HistoryItemSchema = z.object({
  position: z.number().int().meta({ description: 'Global position in the event store' }),
  streamId: z.string(),
  caseId: z.string(),
  revision: z.number().int().meta({ description: 'Place in the case’s stream, from 0' }),
  eventId: z.string(),
  type: z.string(),
  occurredAt: z.string().meta({ description: 'Business time: when the command was given' }),
  recordedAt: z.string().meta({ description: 'When the store recorded the event' }),
  actor: ActorSchema,
  correlationId: z.string(),
  causationId: z.string(),
  workflowVersion: z.number().int(),
  data: z.unknown(),
  hash: z.string().meta({ description: 'sha256 chaining this event to the one before it (see /audit/verify)' }),
});
export type HistoryItem = z.infer<typeof HistoryItemSchema>;

export const HistoryPageSchema = z.object({
  caseId: z.string(),
  reference: z.string().nullable().meta({ description: 'The case’s human reference (CMP-2026-00042); null for cases opened before references' }),
  workflow: z.string(),
  items: z.array(HistoryItemSchema),
  next: z.number().int().nullable().meta({ description: 'The fromRevision of the next page, or null at the end' }),
  staff: StaffNamesSchema.meta({
    description:
      'The display names, by staff id, of the staff this page names (who recorded each event, and the staff ids its data marks `x-mend-staff`) that the staff directory holds: a reader names them without reading the directory',
  }),
});

export const ChainProblemSchema = z.object({
  streamId: z.string(),
  revision: z.number().int(),
  position: z.number().int(),
  eventId: z.string(),
  problem: z.enum(['hash mismatch', 'broken link', 'revision gap', 'revision out of order']),
  detail: z.string().meta({ description: 'What is wrong, in a sentence in the caller’s language (Accept-Language)' }),
});
export type ChainProblem = z.infer<typeof ChainProblemSchema>;

export const CheckpointProblemSchema = z.object({
  streamId: z.string().optional().meta({ description: 'The stream concerned; absent for a problem of the whole store' }),
  problem: z.enum([
    'stream deleted',
    'events deleted',
    'events inserted',
    'events rewritten',
    'stream inserted',
    'event count',
    'positions missing',
    'forged checkpoint',
    'unverifiable checkpoint',
    'unknown checkpoint',
  ]),
  detail: z.string().meta({ description: 'What is wrong, in a sentence in the caller’s language (Accept-Language)' }),
});
export type CheckpointProblem = z.infer<typeof CheckpointProblemSchema>;

export const CheckpointSummarySchema = z.object({
  sequence: z.number().int(),
  position: z.number().int().meta({ description: 'The store position the checkpoint signed' }),
  digest: z.string().meta({ description: 'sha256 of the signed statement: the value operators publish' }),
  createdAt: z.string(),
  keyId: z.string(),
});
export type CheckpointSummary = z.infer<typeof CheckpointSummarySchema>;

export const VerificationSchema = z.object({
  ok: z.boolean().meta({ description: 'True when the verdict is verified' }),
  verdict: z.enum(['verified', 'tampered', 'unverifiable']).meta({
    description:
      'verified: every chain holds and the store matches its latest genuine checkpoint; tampered: a chain is broken, or the store differs from what a checkpoint signed; unverifiable: the chains hold, but signed checkpoints are stored and no audit public key is configured to check them',
  }),
  /** Streams and events the caller may see: RO streams are counted and named only for those who may know them. */
  streams: z.number().int(),
  events: z.number().int(),
  /** The first problem of each tampered stream, in store order (at most 100). */
  problems: z.array(ChainProblemSchema),
  tamperedStreams: z.number().int(),
  checkpoint: CheckpointSummarySchema.nullable().meta({ description: 'The latest genuine signed checkpoint the store was compared with, or null' }),
  /** What differs from the latest genuine checkpoint, forged checkpoints, and (on SQLite) missing positions (at most 100). */
  checkpointProblems: z.array(CheckpointProblemSchema),
  message: z.string().meta({ description: 'The verdict in a sentence, in the caller’s language (Accept-Language), naming the first problem' }),
});
export type Verification = z.infer<typeof VerificationSchema>;

export const AccessRecordSchema = z.object({
  caseId: z.string(),
  read: z.enum(['case', 'history', 'state', 'export', 'search']).meta({ description: '`search`: the case was among those a search by the people in it found (the words searched are not kept)' }),
  details: z.record(z.string(), z.union([z.string(), z.number()])),
  actor: ActorSchema,
  occurredAt: z.string(),
  correlationId: z.string(),
  eventId: z.string(),
  revision: z.number().int(),
  position: z.number().int(),
});
export type AccessRecord = z.infer<typeof AccessRecordSchema>;

export const AccessPageSchema = z.object({
  items: z.array(AccessRecordSchema),
  next: z
    .number()
    .int()
    .nullable()
    .meta({ description: 'Pass as cursor for the next page (a revision of the case’s access log with caseId, a store position without); null at the end' }),
  cases: z
    .record(z.string(), z.object({ reference: z.string().nullable(), workflow: z.string() }))
    .meta({ description: 'The reference and workflow of the cases the page names, by case id, as the cases read model holds them (a case it has not seen yet is missing)' }),
  staff: z.record(z.string(), z.string()).meta({ description: 'The display names, by staff id, of the readers the page names that the staff directory holds' }),
});
export type AccessPageView = z.infer<typeof AccessPageSchema>;

/** When a warning or breach shown as of a moment was recorded later: its event's occurredAt and recordedAt (null: not recorded yet). */
const recordedLater = { occurredAt: z.string().nullable(), recordedAt: z.string().nullable() };

/** GET /cases/:id/state: the case view as it stood at a moment, on the axis of time asked for. */
// Whom the case could be given is said of the case now, not as it stood then.
export const CaseAsOfSchema = CaseViewSchema.omit({ assignableRoles: true }).extend({
  asOf: z.string().meta({ description: 'The moment the view describes' }),
  axis: z.enum(['business', 'recorded']).meta({
    description: 'business: after every event that occurred (occurredAt) by asOf; recorded: after every event the log had recorded (recordedAt) by asOf',
  }),
  clocks: z.array(
    ClockViewSchema.extend({
      breachDerived: z
        .object(recordedLater)
        .optional()
        .meta({
          description:
            'Set when the clock had run out by asOf but its breach is not among the events of this view: it is shown breached from its due time; ' +
            'occurredAt and recordedAt say when the breach was recorded later (null: not recorded yet)',
        }),
      warningsDerived: z
        .array(
          z.object({ threshold: z.number(), at: z.string(), ...recordedLater }),
        )
        .optional()
        .meta({
          description:
            'The warnings whose instant (at) had passed by asOf but that are not among the events of this view: their thresholds are in warnedThresholds; ' +
            'occurredAt and recordedAt say when each was recorded later (null: not recorded yet)',
        }),
    }),
  ),
  enteredLater: z.array(z.number().int()).meta({
    description: 'Revisions of the events in this view that were recorded more than a second after asOf (recording in the normal course takes milliseconds): the case stood so then, but the log did not show it yet',
  }),
  lastRevision: z.number().int().meta({ description: 'The case’s last revision now' }),
});
