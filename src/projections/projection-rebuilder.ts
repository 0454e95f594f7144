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
/** WAL pages between checkpoints while a rebuild writes (SQLite's default is 1,000): some 20 MiB. */
const REBUILD_CHECKPOINT_PAGES = 5000;

/** A projection to rebuild, with the projectors that keep it. */
export interface RebuildTarget {
  readonly definition: ProjectionDefinition;
  readonly projectors: readonly Projector[];
}

/**
 * Rebuilds projections from the whole log into a fresh generation of their tables, then swaps
 * them in atomically: readers see the old tables until the new ones are complete, never a
 * half-built table. Several projections rebuild in one pass: each event is read and decoded once,
 * then handed to each. A live runner (in this process or a server beside it) notices the new
 * generation and continues from the rebuilt checkpoint.
 *
 * What makes it fast: stored events are trusted (validated when written; only their envelope is
 * checked), projectors keep their rows in a cache that spans pages (the new tables are this
 * rebuild's alone), each page is one transaction, and secondary indexes are built once the tables
 * are full.
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
    const [result] = await this.rebuildAll([{ definition, projectors }], onProgress);
    return result!;
  }

  /**
   * Rebuilds several projections in one pass over the log: each page is read once, and its events
   * decoded once for the projections that read them as stored. A projection that reads personal
   * data opened (`revealsPersonalData`) is handed the page's events opened, never the others: an
   * opened event never reaches a projection that must not hold it.
   */
  rebuildAll(rebuilds: readonly RebuildTarget[], onProgress: (progress: RebuildProgress) => void = () => undefined): Promise<RebuildResult[]> {
    return this.db.checkpointingEvery(REBUILD_CHECKPOINT_PAGES, () => this.fill(rebuilds, onProgress));
  }

  private async fill(rebuilds: readonly RebuildTarget[], onProgress: (progress: RebuildProgress) => void): Promise<RebuildResult[]> {
    const started = performance.now();
    const name = rebuilds.map((r) => r.definition.name).join(', ');
    const generations = rebuilds.map(({ definition }) => this.db.ensure(definition).generation + 1);
    this.db.db
      .transaction(() => rebuilds.forEach(({ definition }, i) => this.db.createTables(definition, generations[i]!, { indexes: false })))
      .immediate();
    // The new generations are this rebuild's alone until they are swapped in: row caches may span pages.
    const targets = rebuilds.map(
      ({ definition, projectors }, i) => new ProjectionTarget(definition, new ProjectionTables(this.db.db, generations[i]!, true), projectors),
    );
    // The projections that read events as stored, then those that read them opened: each group reads the page as prepared for it.
    const readings = [false, true]
      .map((reveals) => targets.filter((target) => (target.definition.revealsPersonalData === true) === reveals))
      .filter((group) => group.length > 0);
    const head = await this.store.headPosition();
    let position = 0;
    let events = 0;
    /** Projects what the log holds after `position`; resolves with how many events that was. */
    const readOn = async (): Promise<number> => {
      let read = 0;
      for (;;) {
        const fresh = (await this.store.readAll({ fromPosition: position, maxCount: PAGE })).filter((e) => e.position > position);
        if (fresh.length === 0) return read;
        const prepared = await Promise.all(readings.map((group) => this.decoder.prepare(group[0]!.definition, fresh)));
        // IMMEDIATE: a deferred transaction that reads first cannot take the write lock once a live runner has committed
        // meanwhile (SQLITE_BUSY_SNAPSHOT, which no busy timeout waits out).
        this.db.db
          .transaction(() => {
            for (let i = 0; i < fresh.length; i++) {
              readings.forEach((group, g) => projectEvent(prepared[g]![i]!, group, this.decoder, { validate: false }));
            }
            for (const target of targets) target.tables.flush();
          })
          .immediate();
        position = fresh[fresh.length - 1]!.position;
        events += fresh.length;
        read += fresh.length;
        onProgress({ projection: name, events, position, head });
      }
    };
    try {
      await readOn();
      this.db.db
        .transaction(() => rebuilds.forEach(({ definition }, i) => this.db.createIndexes(definition, generations[i]!)))
        .immediate();
      for (;;) {
        const read = await readOn();
        const swapped = this.db.db
          .transaction(() => {
            const current = rebuilds.map(({ definition }) => this.db.state(definition.name));
            // A live runner may have projected past the end this rebuild read: swapping in now would take the read
            // model back in the log, under readers who already waited for a later position. Read on first (unless
            // nothing was left to read: a checkpoint past the end of this log).
            if (read > 0 && current.some((state) => state && state.checkpoint > position)) return false;
            rebuilds.forEach(({ definition }, i) => this.db.swapIn(definition, generations[i]!, position, current[i]?.generation));
            return true;
          })
          .immediate();
        if (swapped) break;
      }
    } catch (error) {
      this.db.db
        .transaction(() => rebuilds.forEach(({ definition }, i) => this.db.dropTables(definition, generations[i]!)))
        .immediate();
      throw error;
    }
    const seconds = (performance.now() - started) / 1000;
    return rebuilds.map(({ definition }, i) => ({ projection: definition.name, events, generation: generations[i]!, checkpoint: position, seconds }));
  }
}
