import { z } from 'zod';
import { CaseReference } from './case-reference';
import { Actor } from './roles';

/** Current version of the envelope and metadata layout written with every event. */
export const SCHEMA_VERSION = 1;

/**
 * Metadata recorded with every event (DESIGN.md §2). `occurredAt` is business time, from the
 * command; the store adds `recordedAt`. The opening event also carries the case's `reference`.
 * `prevHash` and `hash` chain the events of a stream (§6).
 */
export const EventMetadata = z.strictObject({
  actor: Actor,
  correlationId: z.string().min(1).max(100),
  causationId: z.string().min(1).max(100),
  occurredAt: z.iso.datetime({ offset: true }),
  workflow: z.string().min(1),
  workflowVersion: z.number().int().positive(),
  schemaVersion: z.number().int().positive(),
  /** The case's human reference, on its opening event only. */
  reference: CaseReference.optional(),
  prevHash: z.string().optional(),
  hash: z.string().optional(),
});
export type EventMetadata = z.infer<typeof EventMetadata>;

/** A fact a decision produces: its type (past tense) and data. Metadata is added by the application. */
export interface NewEvent<TType extends string = string, TData = unknown> {
  readonly type: TType;
  readonly data: TData;
}

/** An event as the store holds it. */
export interface CaseEvent<TType extends string = string, TData = unknown> extends NewEvent<TType, TData> {
  readonly id: string;
  readonly streamId: string;
  readonly revision: number;
  readonly position: number;
  readonly recordedAt: string;
  readonly metadata: EventMetadata;
}

/** What the state machine receives: the event with the business metadata that decisions may record. */
export interface MachineEvent<TType extends string = string, TData = unknown> extends NewEvent<TType, TData> {
  readonly meta: { readonly occurredAt: string; readonly actor: Actor };
}
