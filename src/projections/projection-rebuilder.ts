import type { ProjectionDefinition } from '../../projections/projection';
import type { EventStore } from '../event-store/event-store';
import type { ProjectionEventDecoder } from './projection-event.decoder';
import { projectEvent, ProjectionTarget } from './projection-target';
import { ProjectionTables, type Projector } from './projector';
import type { ReadModelDatabase } from './read-model.database';

export interface RebuildProgress {
  readonly projection: string;
  /** Events read so far. */
  readonly events: number;
  /** Position reached, and the head position when the rebuild began (a rough total). */
  readonly position: number;
  readonly head: number;
}

export interface RebuildResult {
  readonly projection: string;
  readonly events: number;
  readonly generation: number;
  readonly checkpoint: number;
  readonly seconds: number;
}

const PAGE = 2000;

/**
 * Rebuilds a projection from the whole log into a fresh generation of its tables, then swaps it
 * in atomically: readers see the old tables until the new ones are complete, never a half-built
 * table. A live runner (in this process or a server beside it) notices the new generation and
 * continues from the rebuilt checkpoint.
 */
export class ProjectionRebuilder {
  constructor(
    private readonly db: ReadModelDatabase,
    private readonly store: EventStore,
    private readonly decoder: ProjectionEventDecoder,
  ) {}

  async rebuild(
    definition: ProjectionDefinition,
    projectors: readonly Projector[],
    onProgress: (progress: RebuildProgress) => void = () => undefined,
  ): Promise<RebuildResult> {
    const started = performance.now();
    const previous = this.db.ensure(definition);
    const generation = previous.generation + 1;
    this.db.db.transaction(() => this.db.createTables(definition, generation)).immediate();
    const targets = [new ProjectionTarget(definition, new ProjectionTables(this.db.db, generation), projectors)];
    const head = await this.store.headPosition();
    let position = 0;
    let events = 0;
    /** Projects what the log holds after `position`; resolves with how many events that was. */
    const readOn = async (): Promise<number> => {
      let read = 0;
      for (;;) {
        const page = await this.store.readAll({ fromPosition: position, maxCount: PAGE });
        const fresh = await this.decoder.prepare(
          definition,
          page.filter((e) => e.position > position),
        );
        if (fresh.length === 0) return read;
        // IMMEDIATE: a deferred transaction that reads first cannot take the write lock once a live runner has committed
        // meanwhile (SQLITE_BUSY_SNAPSHOT, which no busy timeout waits out).
        this.db.db
          .transaction(() => {
            for (const recorded of fresh) projectEvent(recorded, targets, this.decoder);
          })
          .immediate();
        position = fresh[fresh.length - 1]!.position;
        events += fresh.length;
        read += fresh.length;
        onProgress({ projection: definition.name, events, position, head });
      }
    };
    try {
      for (;;) {
        const read = await readOn();
        const swapped = this.db.db
          .transaction(() => {
            const current = this.db.state(definition.name);
            // A live runner may have projected past the end this rebuild read: swapping in now would take the read
            // model back in the log, under readers who already waited for a later position. Read on first (unless
            // nothing was left to read: a checkpoint past the end of this log).
            if (current && current.checkpoint > position && read > 0) return false;
            this.db.swapIn(definition, generation, position, current?.generation);
            return true;
          })
          .immediate();
        if (swapped) break;
      }
    } catch (error) {
      this.db.db.transaction(() => this.db.dropTables(definition, generation)).immediate();
      throw error;
    }
    return { projection: definition.name, events, generation, checkpoint: position, seconds: (performance.now() - started) / 1000 };
  }
}
