import type { EventMetadata } from '../domain/envelope';
import type { AnyWorkflowDefinition } from '../domain/workflow';

/**
 * A read model: its name, the version of its tables and logic (a new version is rebuilt from the
 * log), and the tables it owns. Tables are created under a physical name per generation, so a
 * rebuild fills fresh tables and swaps them in at once; readers use the logical name (a view).
 */
export interface ProjectionDefinition {
  readonly name: string;
  readonly version: number;
  readonly description: string;
  readonly tables: readonly TableDefinition[];
  /**
   * The workflows whose events it reads; all of them when absent. Events of other workflows pass
   * it by undecoded, so a poison event in a stream it does not read never stops it.
   */
  readonly workflows?: readonly string[];
  /**
   * Streams besides cases' that it reads, by category (`staff`, `erasure`): their events reach its
   * projectors as stored (`Projector.handleRecord`), in log order with the case events.
   */
  readonly categories?: readonly string[];
  /**
   * Its projectors receive case events with personal fields opened (or `[erased]`), not
   * `[redacted]`: only for a read model that keeps no plaintext (the search index keeps keyed hashes).
   */
  readonly revealsPersonalData?: true;
  /**
   * With `revealsPersonalData`: the personal fields of an event type that its projectors read
   * opened (dotted paths); its other personal fields reach them `[redacted]`, never decrypted. All
   * of them when absent.
   */
  readonly revealedFields?: (workflow: AnyWorkflowDefinition, type: string) => readonly string[];
}

/** An event of a stream that is not a case's (see `ProjectionDefinition.categories`), as stored. */
export interface StoredEvent {
  readonly id: string;
  readonly streamId: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: Readonly<Record<string, unknown>>;
  readonly revision: number;
  readonly position: number;
  readonly recordedAt: string;
}

export interface TableDefinition {
  /** Logical name, which readers query. */
  readonly name: string;
  /** The SQL that creates the table and its indexes under a physical name. */
  create(physical: string): readonly string[];
}

/** A case event as projections receive it: validated, with the workflow definition it was recorded under. */
export interface ProjectionEvent {
  readonly caseId: string;
  readonly streamId: string;
  readonly position: number;
  readonly revision: number;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: EventMetadata;
  readonly recordedAt: string;
  readonly definition: AnyWorkflowDefinition;
}
