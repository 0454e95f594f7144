import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { projectionDefinitions } from '../../projections/registry';
import { defineError } from '../../domain/errors';
import { CLOCK, type Clock } from '../clock/clock';
import { RUN_MODE, type RunMode } from '../core/core.module';
import { EVENT_STORE, type EventStore } from '../event-store/event-store';
import { ProjectionEventDecoder } from './projection-event.decoder';
import { ProjectionRebuilder, type RebuildProgress, type RebuildResult } from './projection-rebuilder';
import { ProjectionRunner, type ProjectionLag, type ProjectionStatusReport } from './projection-runner';
import { READ_MODELS } from './projections.tokens';
import { Projector } from './projector';
import type { ReadModelDatabase } from './read-model.database';

export const ProjectionBehind = defineError<{ position: number; projection: string }>('PROJECTION.BEHIND', 'unavailable', {
  en: (p) => `The ${p.projection} read model has not reached position ${p.position} yet. Retry shortly.`,
  fr: (p) => `Le modèle de lecture ${p.projection} n’a pas encore atteint la position ${p.position}. Réessayez sous peu.`,
});

/**
 * Past the end of the log. Where the log ends is not said: every role may send ?minPosition=, and
 * the log's end moves with the writes and the access-log records of cases the caller may not know of.
 */
export const PositionNotWritten = defineError<{ position: number }>('PROJECTION.POSITION_NOT_WRITTEN', 'invalid', {
  en: (p) => `minPosition ${p.position} is past the end of the log: pass the position a write returned.`,
  fr: (p) => `minPosition ${p.position} est au-delà de la fin du journal\u00a0: indiquez la position qu’une écriture a renvoyée.`,
});

export const UnknownProjection = defineError<{ name: string; known: string }>('PROJECTION.UNKNOWN', 'not_found', {
  en: (p) => `There is no projection named "${p.name}". Known projections: ${p.known}.`,
  fr: (p) => `Aucune projection ne s’appelle «\u00a0${p.name}\u00a0». Projections connues\u00a0: ${p.known}.`,
});

/** How long a query with ?minPosition= waits for the read model before answering 503. */
export const MIN_POSITION_WAIT_MS = 5000;

/**
 * Runs every projection (in server mode), and answers for their progress and rebuilds. Each
 * projection's projectors are the `Projector` providers (@EventsHandler classes) of any module that
 * name it; a registered projection without one, or a projector of an unregistered projection,
 * stops the application at start-up.
 */
@Injectable()
export class ProjectionsService implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly runners = new Map<string, ProjectionRunner>();
  private readonly projectors = new Map<string, Projector[]>();

  constructor(
    @Inject(READ_MODELS) private readonly db: ReadModelDatabase,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly discovery: DiscoveryService,
    private readonly decoder: ProjectionEventDecoder,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(RUN_MODE) private readonly mode: RunMode,
  ) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const instance: unknown = wrapper.instance;
      if (!(instance instanceof Projector)) continue;
      const name = instance.projection.name;
      if (!projectionDefinitions.some((definition) => definition.name === name)) {
        throw new Error(`${instance.constructor.name} keeps the projection "${name}", which projections/registry.ts does not list`);
      }
      this.projectors.set(name, [...(this.projectors.get(name) ?? []), instance]);
    }
    for (const definition of projectionDefinitions) {
      const projectors = this.projectors.get(definition.name);
      if (!projectors) throw new Error(`No projector keeps the ${definition.name} projection: provide a Projector for it in a module`);
      this.runners.set(definition.name, new ProjectionRunner(definition, this.db, this.store, projectors, this.decoder, this.clock));
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
    return projectionDefinitions.map((definition) => definition.name);
  }

  reports(): ProjectionStatusReport[] {
    return [...this.runners.values()].map((runner) => runner.report());
  }

  lag(name: string): Promise<ProjectionLag> {
    return this.runner(name).lag();
  }

  /**
   * Brings one projection up to the log's head and keeps it running (a CLI verb that reads a read
   * model while no server runs); false when it did not get there in time.
   */
  async catchUp(name: string, timeoutMs = 60_000): Promise<boolean> {
    const runner = this.runner(name);
    runner.start();
    return runner.waitFor(await this.store.headPosition(), timeoutMs);
  }

  /** The log's last position now: what a projection must reach to have seen every write made so far. */
  headPosition(): Promise<number> {
    return this.store.headPosition();
  }

  /**
   * Read-your-writes: waits (bounded) until the projection has reached `position`, else
   * PROJECTION.BEHIND (503); given several, until each has (an answer read from more than one read
   * model: a staff list's caseloads come from the cases one). A position no write has reached yet
   * is refused at once (400): a retry would wait for an event no one has written.
   */
  async awaitPosition(names: string | readonly string[], position: number | undefined, timeoutMs = MIN_POSITION_WAIT_MS): Promise<void> {
    if (position === undefined) return;
    const behind = (typeof names === 'string' ? [names] : names).filter((name) => !this.runner(name).reached(position));
    if (behind.length === 0) return;
    await this.requireWritten(position);
    const reached = await Promise.all(behind.map((name) => this.runner(name).waitFor(position, timeoutMs)));
    const late = behind.find((_name, i) => !reached[i]);
    if (late !== undefined) throw ProjectionBehind({ position, projection: late });
  }

  /**
   * Refuses (400) a position no write has reached yet, or with `orNext` one past the next: what
   * starts from it would skip every event until then. A stream may start at the next write.
   */
  async requireWritten(position: number | undefined, { orNext = false } = {}): Promise<void> {
    if (position === undefined) return;
    const head = await this.store.headPosition();
    if (position > head + (orNext ? 1 : 0)) throw PositionNotWritten({ position });
  }

  /** Waits (bounded) until the projection has taken an event after `position`, whoever writes it: true if it did. */
  nextEvent(name: string, position: number, timeoutMs: number): Promise<boolean> {
    return this.runner(name).waitFor(position + 1, timeoutMs);
  }

  async rebuild(name: string, onProgress?: (progress: RebuildProgress) => void): Promise<RebuildResult> {
    const [result] = await this.rebuildAll([name], onProgress);
    return result!;
  }

  /** Rebuilds several projections (all by default) in one pass over the log: each event is read and decoded once. */
  async rebuildAll(names: readonly string[] = this.names(), onProgress?: (progress: RebuildProgress) => void): Promise<RebuildResult[]> {
    const targets = names.map((name) => ({ definition: this.runner(name).definition, projectors: this.projectors.get(name)! }));
    return new ProjectionRebuilder(this.db, this.store, this.decoder).rebuildAll(targets, onProgress);
  }

  private runner(name: string): ProjectionRunner {
    const runner = this.runners.get(name);
    if (!runner) throw UnknownProjection({ name, known: this.names().join(', ') });
    return runner;
  }
}
