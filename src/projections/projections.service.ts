import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import { projectionDefinitions } from '../../projections/registry';
import { defineError } from '../../domain/errors';
import { CLOCK, type Clock } from '../clock/clock';
import { RUN_MODE, type RunMode } from '../core/core.module';
import { EVENT_STORE, type EventStore } from '../event-store/event-store';
import { ProjectionEventDecoder } from './projection-event.decoder';
import { ProjectionRebuilder, type RebuildProgress, type RebuildResult } from './projection-rebuilder';
import { ProjectionRunner, type ProjectionLag, type ProjectionStatusReport } from './projection-runner';
import { READ_MODELS } from './projections.tokens';
import type { ReadModelDatabase } from './read-model.database';

export const ProjectionBehind = defineError<{ position: number; projection: string }>('PROJECTION.BEHIND', 'unavailable', {
  en: (p) => `The ${p.projection} read model has not reached position ${p.position} yet. Retry shortly.`,
  fr: (p) => `Le modèle de lecture ${p.projection} n'a pas encore atteint la position ${p.position}. Réessayez sous peu.`,
});

export const UnknownProjection = defineError<{ name: string; known: string }>('PROJECTION.UNKNOWN', 'not_found', {
  en: (p) => `There is no projection named "${p.name}". Known projections: ${p.known}.`,
  fr: (p) => `Aucune projection ne s'appelle « ${p.name} ». Projections connues : ${p.known}.`,
});

/** How long a query with ?minPosition= waits for the read model before answering 503. */
export const MIN_POSITION_WAIT_MS = 5000;

/** Runs every projection (in server mode), and answers for their progress and rebuilds. */
@Injectable()
export class ProjectionsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly runners = new Map<string, ProjectionRunner>();

  constructor(
    @Inject(READ_MODELS) private readonly db: ReadModelDatabase,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly eventBus: EventBus,
    private readonly decoder: ProjectionEventDecoder,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(RUN_MODE) private readonly mode: RunMode,
  ) {
    for (const definition of projectionDefinitions) {
      this.runners.set(definition.name, new ProjectionRunner(definition, db, store, eventBus, decoder, clock));
    }
  }

  onApplicationBootstrap(): void {
    if (this.mode === 'server') for (const runner of this.runners.values()) runner.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.runners.values()].map((runner) => runner.stop()));
    this.db.close();
  }

  names(): string[] {
    return [...this.runners.keys()];
  }

  reports(): ProjectionStatusReport[] {
    return [...this.runners.values()].map((runner) => runner.report());
  }

  lag(name: string): Promise<ProjectionLag> {
    return this.runner(name).lag();
  }

  /** Read-your-writes: waits (bounded) until the projection has reached `position`, else PROJECTION.BEHIND (503). */
  async awaitPosition(name: string, position: number | undefined, timeoutMs = MIN_POSITION_WAIT_MS): Promise<void> {
    if (position === undefined) return;
    if (!(await this.runner(name).waitFor(position, timeoutMs))) throw ProjectionBehind({ position, projection: name });
  }

  async rebuild(name: string, onProgress?: (progress: RebuildProgress) => void): Promise<RebuildResult> {
    const runner = this.runner(name);
    return new ProjectionRebuilder(this.db, this.store, this.eventBus, this.decoder).rebuild(runner.definition, onProgress);
  }

  private runner(name: string): ProjectionRunner {
    const runner = this.runners.get(name);
    if (!runner) throw UnknownProjection({ name, known: this.names().join(', ') });
    return runner;
  }
}
