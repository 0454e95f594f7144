import type { IEventHandler } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import type { EventBus } from '@nestjs/cqrs';
import type { ProjectionDefinition, ProjectionEvent } from '../../projections/projection';
import type { RecordedEvent } from '../event-store/event-store';
import type { ProjectionEventDecoder } from './projection-event.decoder';
import { physicalName } from './read-model.database';

/**
 * One projection's unit of work for one event: the open transaction's connection and the physical
 * tables of the generation being written. The runner owns the transaction; projectors only use it.
 */
export class ProjectionUnit {
  private readonly statements = new Map<string, Database.Statement>();
  private readonly workflows?: ReadonlySet<string>;
  readonly projection: string;
  handlers = 0;
  failure: unknown = undefined;

  constructor(
    definition: ProjectionDefinition,
    readonly db: Database.Database,
    readonly generation: number,
  ) {
    this.projection = definition.name;
    if (definition.workflows) this.workflows = new Set(definition.workflows);
  }

  /** Does this projection read events of this workflow (undefined: not a case event)? */
  reads(workflow: string | undefined): boolean {
    return workflow !== undefined && (this.workflows?.has(workflow) ?? true);
  }

  /** The physical name of one of this projection's tables in the generation being written. */
  table(name: string): string {
    return physicalName(name, this.generation);
  }

  /** A prepared statement, cached for the unit's lifetime; `{table}` placeholders name this projection's tables. */
  statement<P extends unknown[] = unknown[], R = unknown>(sql: string): Database.Statement<P, R> {
    let prepared = this.statements.get(sql);
    if (!prepared) {
      prepared = this.db.prepare(sql.replace(/\{(\w+)\}/g, (_, name: string) => this.table(name)));
      this.statements.set(sql, prepared);
    }
    return prepared as Database.Statement<P, R>;
  }
}

/** What the runner publishes on the EventBus for each event and projection. */
export class ProjectedEvent {
  constructor(
    readonly event: ProjectionEvent,
    readonly unit: ProjectionUnit,
  ) {}
}

/**
 * Base of every `@EventsHandler(ProjectedEvent)` projector. It runs synchronously inside the
 * runner's transaction and reports a failure to the runner instead of letting the EventBus swallow
 * it, so a poison event stops the projection rather than being skipped.
 */
export abstract class Projector implements IEventHandler<ProjectedEvent> {
  abstract readonly projection: string;

  handle(published: ProjectedEvent): void {
    if (published.unit.projection !== this.projection) return;
    published.unit.handlers += 1;
    try {
      this.project(published.event, published.unit);
    } catch (error) {
      published.unit.failure ??= error;
    }
  }

  protected abstract project(event: ProjectionEvent, unit: ProjectionUnit): void;
}

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

/**
 * Validates one stored event and publishes it to the projectors of `unit`'s projection, inside
 * the caller's transaction. Throws PoisonEventError when the event cannot be decoded or a
 * projector fails on it.
 */
export function publishToProjectors(
  recorded: RecordedEvent,
  unit: ProjectionUnit,
  decoder: ProjectionEventDecoder,
  eventBus: EventBus,
): void {
  if (!unit.reads(decoder.workflowOf(recorded))) return;
  let decoded;
  try {
    decoded = decoder.decode(recorded);
  } catch (error) {
    throw new PoisonEventError(recorded, error);
  }
  if (!decoded) return;
  unit.failure = undefined;
  unit.handlers = 0;
  eventBus.publish(new ProjectedEvent(decoded, unit));
  if (unit.failure !== undefined) throw new PoisonEventError(recorded, unit.failure);
  if (unit.handlers === 0) throw new PoisonEventError(recorded, new Error(`no projector handles the ${unit.projection} projection`));
}
