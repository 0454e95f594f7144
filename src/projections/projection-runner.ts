import { EventEmitter } from 'node:events';
import type { Transaction } from 'better-sqlite3';
import { Logger } from '@nestjs/common';
import type { z } from 'zod';
import type { ProjectionDefinition } from '../../projections/projection';
import type { Clock } from '../clock/clock';
import type { AllSubscription, EventStore, RecordedEvent } from '../event-store/event-store';
import { nextTurn } from '../event-store/next-turn';
import type { ProjectionEventDecoder } from './projection-event.decoder';
import { PoisonEventError, projectEvent, ProjectionTarget } from './projection-target';
import { ProjectionTables, type Projector } from './projector';
import type { ProjectionState, ReadModelDatabase } from './read-model.database';
import type { ProjectionLagSchema, ProjectionStatusSchema } from './projections.schemas';

/** A projection's status, as its runner knows it (GET /projections adds its lag). */
export type ProjectionStatusReport = Omit<z.infer<typeof ProjectionStatusSchema>, 'lag'>;

export type ProjectionLag = z.infer<typeof ProjectionLagSchema>;

type BatchOutcome = 'applied' | 'resubscribe' | 'failed';
/** What a batch's transaction did, and the checkpoint it stored (taken by the runner once committed). */
interface BatchApplied {
  readonly outcome: BatchOutcome;
  readonly checkpoint?: number;
}

const RETRY_MS = 1000;

/**
 * Runs one projection: a catch-up-then-live subscription from its checkpoint; for each batch, one
 * read-model transaction in which every event the projection reads is validated and handed to its
 * projectors, and the checkpoint is moved, so each event takes effect exactly once. Events at or
 * below the checkpoint are skipped. A poison event stops the projection at that event, logged and
 * visible to /ready; nothing is skipped silently.
 */
export class ProjectionRunner {
  private readonly logger: Logger;
  private readonly progress = new EventEmitter();
  private state: ProjectionState;
  private target: ProjectionTarget;
  private status: ProjectionStatusReport['status'] = 'starting';
  /** Set while a batch read from the log cannot be stored; cleared once one is. */
  private retrying: string | undefined;
  private failure?: { message: string; position: number };
  private stopping = false;
  private subscription?: { close(): Promise<void> };
  private loop?: Promise<void>;
  private wakeRetry?: () => void;
  private readonly batchTransaction: Transaction<(batch: readonly RecordedEvent[]) => BatchApplied>;

  constructor(
    readonly definition: ProjectionDefinition,
    private readonly db: ReadModelDatabase,
    private readonly store: EventStore,
    private readonly projectors: readonly Projector[],
    private readonly decoder: ProjectionEventDecoder,
    private readonly clock: Clock,
  ) {
    this.logger = new Logger(`Projection:${definition.name}`);
    this.progress.setMaxListeners(0);
    this.state = db.ensure(definition);
    this.target = this.targetFor(this.state.generation);
    this.batchTransaction = db.db.transaction((batch: readonly RecordedEvent[]) => this.applyInTransaction(batch));
  }

  start(): void {
    this.loop ??= this.run();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wakeRetry?.();
    await this.subscription?.close();
    await this.loop;
    if (this.status !== 'failed') this.status = 'stopped';
    this.progress.emit('checkpoint');
  }

  /** Status as stored (a CLI process sees what the server recorded), with this runner's own status. */
  report(): ProjectionStatusReport {
    const stored = this.db.state(this.definition.name) ?? this.state;
    const failure = this.failure ?? (stored.status === 'failed' && stored.error ? { message: stored.error, position: stored.errorPosition ?? 0 } : undefined);
    return {
      name: this.definition.name,
      status: failure ? 'failed' : this.status,
      checkpoint: stored.checkpoint,
      generation: stored.generation,
      ...(failure ? { error: failure.message, errorPosition: failure.position } : {}),
      ...(this.retrying && !failure ? { retrying: this.retrying } : {}),
    };
  }

  get checkpoint(): number {
    return this.state.checkpoint;
  }

  /** Resolves true once the projection has reached `position`, false after `timeoutMs` or if it stops. */
  /** Whether the read model has taken every event up to `position`. */
  reached(position: number): boolean {
    return this.state.checkpoint >= position;
  }

  waitFor(position: number, timeoutMs: number): Promise<boolean> {
    if (this.reached(position)) return Promise.resolve(true);
    this.store.hurrySubscriptions?.();
    return new Promise((resolve) => {
      const check = () => {
        if (this.state.checkpoint >= position) done(true);
        else if (this.status === 'failed' || this.status === 'stopped') done(false);
      };
      const timer = setTimeout(() => done(false), timeoutMs);
      const done = (reached: boolean) => {
        clearTimeout(timer);
        this.progress.off('checkpoint', check);
        resolve(reached);
      };
      this.progress.on('checkpoint', check);
    });
  }

  async lag(): Promise<ProjectionLag> {
    const head = await this.store.headPosition();
    if (head <= this.state.checkpoint) return { events: 0, seconds: 0 };
    const [oldest] = (await this.store.readAll({ fromPosition: this.state.checkpoint, maxCount: 2 })).filter(
      (e) => e.position > this.state.checkpoint,
    );
    const seconds = oldest ? Math.max(0, (this.clock.now().getTime() - Date.parse(oldest.recordedAt)) / 1000) : 0;
    const events = this.store.engine !== 'eventstoredb' ? head - this.state.checkpoint : await this.countAfter(this.state.checkpoint);
    return { events, seconds };
  }

  /**
   * Counts unprojected events where positions are not contiguous (KurrentDB), up to a bound just
   * past any sensible lag limit: /ready and every scrape call this.
   */
  private async countAfter(position: number, bound = 20_000): Promise<number> {
    let count = 0;
    let from = position;
    while (count < bound) {
      const page = (await this.store.readAll({ fromPosition: from, maxCount: 1000 })).filter((e) => e.position > from);
      if (page.length === 0) break;
      count += page.length;
      from = page[page.length - 1]!.position;
    }
    return count;
  }

  private async run(): Promise<void> {
    this.status = 'running';
    while (!this.stopping) {
      let subscription: AllSubscription;
      try {
        subscription = this.store.subscribeAll({ fromPosition: this.state.checkpoint, maxBatchSize: 500 });
      } catch (error) {
        // The store is closed or unreachable: retry unless the application is stopping.
        if (this.stopping) break;
        this.logger.warn(`Cannot subscribe, retrying in ${RETRY_MS} ms: ${(error as Error).message}`);
        await this.pause();
        continue;
      }
      this.subscription = subscription;
      try {
        for await (const batch of subscription) {
          if (this.stopping) break;
          const outcome = this.applyOrNote(await this.decoder.prepare(this.definition, batch));
          if (outcome === 'failed') {
            await subscription.close();
            return;
          }
          if (outcome === 'resubscribe') break;
          // The embedded store reads and writes synchronously: without a turn of the event loop between
          // batches, catching up a long log at start (a projection of a new version, a lost read-model
          // file) held every request, /health included, until the last batch.
          await nextTurn();
        }
      } catch (error) {
        if (this.stopping) break;
        this.logger.warn(`Subscription failed, retrying in ${RETRY_MS} ms: ${(error as Error).message}`);
        await this.pause();
      } finally {
        await subscription.close();
      }
    }
  }

  private pause(): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, RETRY_MS);
      this.wakeRetry = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  /** Applies a batch, noting why it could not be stored (the subscription is then opened again on it). */
  private applyOrNote(batch: readonly RecordedEvent[]): BatchOutcome {
    try {
      const outcome = this.apply(batch);
      this.retrying = undefined;
      return outcome;
    } catch (error) {
      this.retrying = (error as Error).message;
      throw error;
    }
  }

  /** Applies a batch in one transaction; on a poison event, commits the events before it and stops. */
  private apply(batch: readonly RecordedEvent[]): BatchOutcome {
    try {
      return this.transaction(batch);
    } catch (error) {
      if (!(error instanceof PoisonEventError)) throw error;
      const poisonIndex = batch.indexOf(error.event);
      if (poisonIndex > 0) this.transaction(batch.slice(0, poisonIndex));
      this.fail(error);
      return 'failed';
    }
  }

  private transaction(batch: readonly RecordedEvent[]): BatchOutcome {
    try {
      return this.projectBatch(batch);
    } catch (error) {
      // Rolled back: rows the projectors cached were never written.
      this.target.tables.discard();
      throw error;
    }
  }

  private projectBatch(batch: readonly RecordedEvent[]): BatchOutcome {
    const { outcome, checkpoint } = this.batchTransaction.immediate(batch);
    // Only once committed: a commit that fails (a full disk) leaves the checkpoint where the read
    // model is, and the batch is applied again on the retry, not skipped.
    if (checkpoint !== undefined) this.state = { ...this.state, checkpoint };
    this.progress.emit('checkpoint');
    return outcome;
  }

  /**
   * In the batch's read-model transaction: its events take effect, and the stored checkpoint moves,
   * together. Returns the checkpoint for this runner to take once the transaction has committed.
   */
  private applyInTransaction(batch: readonly RecordedEvent[]): BatchApplied {
    // Another process (a rebuild) may have swapped in a new generation: continue from its checkpoint.
    const stored = this.db.state(this.definition.name);
    if (stored && stored.generation !== this.state.generation) {
      this.state = stored;
      this.target = this.targetFor(stored.generation);
      return { outcome: 'resubscribe' };
    }
    // The stored checkpoint, not this runner's memory of it: another Mend process on this data directory may
    // have projected these events already, and an event must not take effect twice.
    const from = Math.max(this.state.checkpoint, stored?.checkpoint ?? 0);
    let checkpoint = from;
    for (const recorded of batch) {
      if (recorded.position <= checkpoint) continue;
      projectEvent(recorded, [this.target], this.decoder);
      checkpoint = recorded.position;
    }
    this.target.tables.flush();
    if (checkpoint !== from) this.db.setCheckpoint(this.definition.name, checkpoint);
    return { outcome: 'applied', checkpoint };
  }

  private targetFor(generation: number): ProjectionTarget {
    return new ProjectionTarget(this.definition, new ProjectionTables(this.db.db, generation), this.projectors);
  }

  private fail(error: PoisonEventError): void {
    this.status = 'failed';
    this.failure = { message: error.message, position: error.event.position };
    this.db.markFailed(this.definition.name, error.message, error.event.position);
    this.logger.error({ err: error.cause, position: error.event.position, eventId: error.event.id }, error.message);
    this.progress.emit('checkpoint');
  }
}
