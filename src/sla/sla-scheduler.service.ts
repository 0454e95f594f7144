import { performance } from 'node:perf_hooks';
import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { v7 as uuidv7 } from 'uuid';
import { slaClocksProjection } from '../../projections/sla-clocks';
import { CLOCK, type Clock } from '../clock/clock';
import { MEND_CONFIG, type MendConfig } from '../config/config';
import { RUN_MODE, type RunMode } from '../core/core.module';
import { EVENT_STORE, type EventStore } from '../event-store/event-store';
import { ProjectionBehind, ProjectionsService } from '../projections/projections.service';
import type { DueClocksOutcome } from './record-due-clocks.handler';
import { RecordDueClocks } from './record-due-clocks.command';
import { SlaQueries, type DueRow } from './sla-queries';

/** Due rows one sweep reads at most. */
const SWEEP_BATCH = 500;
/** Cases recorded at once: concurrent appends share one SQLite commit (group commit). */
const CONCURRENCY = 16;
/** How long a sweep waits for the read model to show what it recorded, so the next sweep does not redo it. */
const CATCH_UP_MS = 5000;

export interface SweepReport {
  /** The service's time the sweep acted at. */
  readonly at: string;
  /** Rows due at that time, across all batches. */
  readonly dueRows: number;
  /** Cases this sweep acted on (one bounded batch). */
  readonly cases: number;
  readonly warnings: number;
  readonly breaches: number;
  /** Due events another scheduler had recorded first. */
  readonly alreadyRecorded: number;
  /** Cases left to the next sweep: concurrent writers or a failure. */
  readonly deferred: number;
  readonly durationMs: number;
}

/** What `/ready` and metrics read of the scheduler. */
export interface SchedulerLiveness {
  /** Whether this process sweeps on its own (server mode and MEND_SCHEDULER=on). */
  readonly enabled: boolean;
  readonly intervalMs: number;
  readonly sweeping: boolean;
  readonly lastSweep: SweepReport | null;
  readonly totals: {
    readonly sweeps: number;
    readonly warnings: number;
    readonly breaches: number;
    readonly alreadyRecorded: number;
    readonly failures: number;
  };
  readonly lastError: { readonly at: string; readonly message: string } | null;
  /**
   * How far this node's clock was ahead of the shared store's (PostgreSQL) at the last sweep, in ms
   * (negative: behind); null where there is no shared clock (SQLite) or none was read yet.
   */
  readonly clockSkewMs: number | null;
}

/**
 * This node's clock is too far from the shared store's: its scheduler records nothing (a clock
 * ahead would record breaches early, one behind late) and the other nodes sweep.
 */
export class ClockSkewError extends Error {
  override readonly name = 'ClockSkewError';
  constructor(skewMs: number, limitMs: number) {
    super(
      `this node's clock is ${seconds(Math.abs(skewMs))} ${skewMs > 0 ? 'ahead of' : 'behind'} the event store's (the limit is ${seconds(limitMs)}, MEND_MAX_CLOCK_SKEW_MS): it records no SLA warning nor breach until they agree. Synchronise its clock (NTP).`,
    );
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * The durable SLA scheduler (DESIGN.md §5). Every interval it reads the clocks whose next deadline
 * has passed from the sla-clocks read model (a partial index holds only running clocks), oldest
 * first and a bounded batch at a time, and records each case's due warnings and breaches through
 * the command bus. It keeps nothing that must survive: what is due is in the read model, what was
 * recorded is in the store, and deterministic event ids make every scheduler and every restart
 * record each warning and breach once.
 */
@Injectable()
export class SlaScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(SlaScheduler.name);
  private readonly enabled: boolean;
  private timer: NodeJS.Timeout | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private sweeping = false;
  private stopped = false;
  /** Where the next batch starts when the last one was full, so rows that stay due cannot starve the rest. */
  private resumeAfter: DueRow | undefined;
  private lastSweep: SweepReport | null = null;
  private lastError: SchedulerLiveness['lastError'] = null;
  private clockSkewMs: number | null = null;
  private readonly totals = { sweeps: 0, warnings: 0, breaches: 0, alreadyRecorded: 0, failures: 0 };

  constructor(
    private readonly queries: SlaQueries,
    private readonly commandBus: CommandBus,
    private readonly projections: ProjectionsService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(MEND_CONFIG) private readonly config: MendConfig,
    @Inject(RUN_MODE) mode: RunMode,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {
    this.enabled = mode === 'server' && config.scheduler.enabled;
  }

  onApplicationBootstrap(): void {
    if (this.enabled) this.schedule();
  }

  /** Before the store and the read models close: the sweep in progress finishes, no other starts. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.queue;
  }

  /** Sweeps once now (sweeps of one scheduler never overlap): what tests and operators call. */
  sweep(options: { limit?: number } = {}): Promise<SweepReport> {
    const run = this.queue.then(() => this.run(options.limit ?? SWEEP_BATCH)).catch((error: unknown) => {
      this.fail(error);
      throw error;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  liveness(): SchedulerLiveness {
    return {
      enabled: this.enabled,
      intervalMs: this.config.scheduler.intervalMs,
      sweeping: this.sweeping,
      lastSweep: this.lastSweep,
      totals: { ...this.totals },
      lastError: this.lastError,
      clockSkewMs: this.clockSkewMs,
    };
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      // A failed sweep is counted and logged by sweep(); the next one comes all the same.
      this.sweep().then(
        () => this.schedule(),
        () => this.schedule(),
      );
    }, this.config.scheduler.intervalMs);
    this.timer.unref();
  }

  private async run(limit: number): Promise<SweepReport> {
    this.sweeping = true;
    const started = performance.now();
    try {
      await this.checkClock();
      // The due clocks come from the sla-clocks read model: let it take in every clock started
      // before this sweep (a commit reaches it up to MEND_SQLITE_WAKE_MS after it is acknowledged).
      await this.catchUp(await this.projections.headPosition());
      const now = this.clock.now();
      const at = now.toISOString();
      const dueRows = this.queries.countDue(at);
      const rows = this.queries.dueBatch(at, limit, this.resumeAfter);
      this.resumeAfter = rows.length === limit ? rows[rows.length - 1] : undefined;
      const cases = [...new Set(rows.map((row) => row.case_id))];
      const correlationId = uuidv7();
      const outcomes = await mapConcurrently(cases, CONCURRENCY, (caseId) => this.record(caseId, correlationId));
      const recorded = outcomes.filter((o): o is DueClocksOutcome => o !== undefined);
      const report: SweepReport = {
        at,
        dueRows,
        cases: cases.length,
        warnings: sum(recorded, (o) => o.warnings),
        breaches: sum(recorded, (o) => o.breaches),
        alreadyRecorded: sum(recorded, (o) => o.alreadyRecorded),
        deferred: outcomes.length - recorded.length + recorded.filter((o) => o.contended).length,
        durationMs: Math.round(performance.now() - started),
      };
      await this.catchUp(Math.max(0, ...recorded.map((o) => o.position)));
      this.totals.sweeps += 1;
      this.totals.warnings += report.warnings;
      this.totals.breaches += report.breaches;
      this.totals.alreadyRecorded += report.alreadyRecorded;
      this.lastSweep = report;
      return report;
    } finally {
      this.sweeping = false;
    }
  }

  /**
   * Holds this node's clock against the shared store's, where there is one: several nodes' schedulers
   * must agree on what is due. Throws ClockSkewError past MEND_MAX_CLOCK_SKEW_MS. A reading whose
   * round trip alone exceeds the limit says nothing either way, and is not held against the node.
   */
  private async checkClock(): Promise<void> {
    if (!this.store.serverTime) return;
    const sent = Date.now();
    const server = (await this.store.serverTime()).getTime();
    const received = Date.now();
    const limit = this.config.scheduler.maxClockSkewMs;
    if (received - sent > limit) return;
    this.clockSkewMs = Math.round((sent + received) / 2 - server);
    if (Math.abs(this.clockSkewMs) > limit) throw new ClockSkewError(this.clockSkewMs, limit);
  }

  /** One case; a failure is logged and counted, and the case stays due for the next sweep. */
  private async record(caseId: string, correlationId: string): Promise<DueClocksOutcome | undefined> {
    try {
      return await this.commandBus.execute<RecordDueClocks, DueClocksOutcome>(new RecordDueClocks({ caseId, correlationId }));
    } catch (error) {
      this.fail(error, caseId);
      return undefined;
    }
  }

  private fail(error: unknown, caseId?: string): void {
    const message = error instanceof Error ? error.message : String(error);
    this.totals.failures += 1;
    this.lastError = { at: this.clock.now().toISOString(), message: caseId ? `case ${caseId}: ${message}` : message };
    this.logger.error({ err: error, caseId }, `SLA sweep failed${caseId ? ` on case ${caseId}` : ''}: ${message}`);
  }

  private async catchUp(position: number): Promise<void> {
    try {
      await this.projections.awaitPosition(slaClocksProjection.name, position || undefined, CATCH_UP_MS);
    } catch (error) {
      // Behind or stopped: this sweep goes on with what the read model holds, and the next one
      // reads again (rows it recorded are found with nothing left to record).
      if (!ProjectionBehind.is(error)) throw error;
    }
  }
}

async function mapConcurrently<T, R>(items: readonly T[], concurrency: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

const sum = <T>(items: readonly T[], value: (item: T) => number) => items.reduce((total, item) => total + value(item), 0);
