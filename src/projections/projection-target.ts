import type { ProjectionDefinition, ProjectionEvent } from '../../projections/projection';
import type { RecordedEvent } from '../event-store/event-store';
import type { ProjectionEventDecoder } from './projection-event.decoder';
import { ProjectedEvent, type ProjectionTables, type Projector } from './projector';

/** The event a projection stopped on. */
export class PoisonEventError extends Error {
  override readonly name = 'PoisonEventError';
  constructor(
    readonly event: RecordedEvent,
    override readonly cause: unknown,
  ) {
    super(
      `Projection stopped at position ${event.position} (${event.type} in ${event.streamId}, revision ${event.revision}): ${
        cause instanceof Error ? cause.message : String(cause)
      }`,
    );
  }
}

/** One projection being written: the generation of its tables and the projectors that keep it. */
export class ProjectionTarget {
  private readonly workflows?: ReadonlySet<string>;
  private readonly categories: ReadonlySet<string>;

  constructor(
    readonly definition: ProjectionDefinition,
    readonly tables: ProjectionTables,
    private readonly projectors: readonly Projector[],
  ) {
    if (definition.workflows) this.workflows = new Set(definition.workflows);
    this.categories = new Set(definition.categories ?? []);
  }

  /** Does this projection read the events of this (non-case) stream category as stored? */
  readsCategory(category: string): boolean {
    return this.categories.has(category);
  }

  /** Hands one stored event of a category it reads to the projectors that take such events. */
  projectRecord(recorded: RecordedEvent): PoisonEventError | undefined {
    for (const projector of this.projectors) {
      try {
        projector.handleRecord?.(recorded, this.tables);
      } catch (error) {
        return new PoisonEventError(recorded, error);
      }
    }
    return undefined;
  }

  /** Does this projection read events of this workflow (undefined: not a case event)? */
  reads(workflow: string | undefined): boolean {
    return workflow !== undefined && (this.workflows?.has(workflow) ?? true);
  }

  /** Hands one decoded event to the projectors, in order; what one throws is returned as the event's poison. */
  project(recorded: RecordedEvent, event: ProjectionEvent): PoisonEventError | undefined {
    const published = new ProjectedEvent(event, this.tables);
    for (const projector of this.projectors) {
      try {
        projector.handle(published);
      } catch (error) {
        return new PoisonEventError(recorded, error);
      }
    }
    return undefined;
  }
}

/**
 * Projects one stored event into every target that reads its workflow, inside the caller's
 * transaction: the event is decoded (validated, unless `validate: false`) once, then handed to each
 * target's projectors.
 * Throws PoisonEventError when it cannot be decoded or a projector fails on it. Several targets
 * share one pass over the log (a rebuild of several projections reads each event once).
 */
export function projectEvent(
  recorded: RecordedEvent,
  targets: readonly ProjectionTarget[],
  decoder: ProjectionEventDecoder,
  options: { readonly validate?: boolean } = {},
): void {
  const category = recorded.streamId.slice(0, Math.max(0, recorded.streamId.indexOf('-')));
  for (const target of targets) {
    if (!target.readsCategory(category)) continue;
    const poison = target.projectRecord(recorded);
    if (poison) throw poison;
  }
  const workflow = decoder.workflowOf(recorded);
  const readers = targets.filter((target) => target.reads(workflow));
  if (readers.length === 0) return;
  let decoded;
  try {
    decoded = decoder.decode(recorded, options);
  } catch (error) {
    throw new PoisonEventError(recorded, error);
  }
  if (!decoded) return;
  for (const target of readers) {
    const poison = target.project(recorded, decoded);
    if (poison) throw poison;
  }
}
