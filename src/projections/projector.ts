import type { IEventHandler } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import type { ProjectionDefinition, ProjectionEvent, StoredEvent } from '../../projections/projection';
import { physicalName } from './read-model.database';

/**
 * The tables of one generation of a projection, written inside the runner's open transaction.
 * Statements are prepared once per generation.
 */
export class ProjectionTables {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(
    private readonly db: Database.Database,
    readonly generation: number,
  ) {}

  /** A prepared statement; `{table}` placeholders name this generation's tables. */
  statement<P extends unknown[] = unknown[], R = unknown>(sql: string): Database.Statement<P, R> {
    let prepared = this.statements.get(sql);
    if (!prepared) {
      prepared = this.db.prepare(sql.replace(/\{(\w+)\}/g, (_, name: string) => physicalName(name, this.generation)));
      this.statements.set(sql, prepared);
    }
    return prepared as Database.Statement<P, R>;
  }
}

/** What a projector receives: one event its projection reads, and the tables to write it into. */
export class ProjectedEvent {
  constructor(
    readonly event: ProjectionEvent,
    readonly tables: ProjectionTables,
  ) {}
}

/**
 * Base of every projector: an `@EventsHandler(ProjectedEvent)` class of @nestjs/cqrs that keeps one
 * projection. The runner does not publish on the EventBus, which would hand every event to every
 * projector through rxjs and log and swallow their errors: it calls `handle` of its own
 * projection's projectors, synchronously inside its transaction, with only the events that
 * projection reads. A projector's outcome is its return or its throw: a throw stops the projection
 * at that event (a poison event), nothing is skipped.
 */
export abstract class Projector implements IEventHandler<ProjectedEvent> {
  abstract readonly projection: ProjectionDefinition;
  abstract handle(published: ProjectedEvent): void;
  /** An event of a stream category the projection names in `categories` (not a case event), as stored. */
  handleRecord?(event: StoredEvent, tables: ProjectionTables): void;
}
