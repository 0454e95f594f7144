import { performance } from 'node:perf_hooks';
import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import { slaClocksProjection } from '../../projections/sla-clocks';
import { CLOCK, type Clock } from '../clock/clock';
import { MEND_CONFIG, type MendConfig } from '../config/config';
import { RUN_MODE, type RunMode } from '../core/core.module';
import { EVENT_STORE, type EventStore } from '../event-store/event-store';
import { ProjectionBehind, ProjectionsService } from '../projections/projections.service';
import type { DueClocksOutcome } from './record-due-clocks.handler';
import { RecordDueClocks } from './record-due-clocks.command';
import { SlaQueries, type DueRow } from './sla-queries';
import type { SchedulerLivenessSchema } from './sla.schemas';

/** Due rows one sweep reads at most. */
const SWEEP_BATCH = 500;
/** Cases recorded at once: concurrent appends share one SQLite commit (group commit). */
const CONCURRENCY = 16;
/** How long a sweep waits for the read model to show what it recorded, so the next sweep does not redo it. */
const CATCH_UP_MS = 5000;

/** What one sweep did (the shape is SchedulerLivenessSchema's `lastSweep`). */
export type SweepReport = NonNullable<SchedulerLiveness['lastSweep']>;

/** What a sweep did to the cases of one workflow (as they are read: a complaint about an RO case counts as RO). */
type SweepCounts = Pick<SweepReport, 'dueRows' | 'cases' | 'warnings' | 'breaches' | 'alreadyRecorded' | 'deferred'>;
/** What this process recorded on the cases of one workflow since it started. */
export type WorkflowTotals = Pick<SchedulerLiveness['totals'], 'warnings' | 'breaches' | 'alreadyRecorded' | 'failures'>;

const SWEEP_COUNTS = ['dueRows', 'cases', 'warnings', 'breaches', 'alreadyRecorded', 'deferred'] as const;
const TOTAL_COUNTS = ['warnings', 'breaches', 'alreadyRecorded', 'failures'] as const;

/** `all` less what `by` counted for each workflow in `hidden`. */
function without<K extends string>(all: Readonly<Record<K, number>>, keys: readonly K[], by: ReadonlyMap<string, Readonly<Record<K, number>>>, hidden: readonly string[]): Record<K, number> {
  const left = { ...all } as Record<K, number>;
  for (const workflow of hidden) for (const key of keys) left[key] -= by.get(workflow)?.[key] ?? 0;
  return left;
}

/** What `/ready`, metrics and `/sla/summary` read of the scheduler: SchedulerLivenessSchema documents it. */
export type SchedulerLiveness = z.infer<typeof SchedulerLivenessSchema>;

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
  /** The last sweep's counts by workflow: what a reader who may not know some workflows is not told. */
  private lastSweepBy: ReadonlyMap<string, SweepCounts> = new Map();
  /** The last error, with the workflow of the case it is about (none: the sweep itself failed). */
  private lastError: (NonNullable<SchedulerLiveness['lastError']> & { readonly workflow?: string }) | null = null;
  private clockSkewMs: number | null = null;
  private readonly totals = { sweeps: 0, warnings: 0, breaches: 0, alreadyRecorded: 0, failures: 0 };
  private readonly totalsBy = new Map<string, WorkflowTotals>();

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

  /**
   * How the scheduler is doing. For a reader who may not know the `hidden` workflows exist (RO, to
   * all but the RJU), the counts leave out their cases and an error about one of them is not shown:
   * a count of what the scheduler recorded tells of cases as a list would.
   */
  liveness(hidden: readonly string[] = []): SchedulerLiveness {
    const { workflow, ...lastError } = this.lastError ?? {};
    return {
      enabled: this.enabled,
      intervalMs: this.config.scheduler.intervalMs,
      sweeping: this.sweeping,
      lastSweep: this.lastSweep && { ...this.lastSweep, ...without(this.lastSweep, SWEEP_COUNTS, this.lastSweepBy, hidden) },
      totals: { ...this.totals, ...without(this.totals, TOTAL_COUNTS, this.totalsBy, hidden) },
      lastError: this.lastError && !(workflow !== undefined && hidden.includes(workflow)) ? (lastError as NonNullable<SchedulerLiveness['lastError']>) : null,
      clockSkewMs: this.clockSkewMs,
    };
  }

  /** What this process recorded, by the workflow the cases are read as (for metrics, labelled so). */
  totalsByWorkflow(): ReadonlyMap<string, WorkflowTotals> {
    return this.totalsBy;
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
      const dueBy = this.queries.countDue(at);
      const rows = this.queries.dueBatch(at, limit, this.resumeAfter);
      this.resumeAfter = rows.length === limit ? rows[rows.length - 1] : undefined;
      const workflowOf = new Map(rows.map((row) => [row.case_id, row.workflow]));
      const cases = [...workflowOf.keys()];
      const correlationId = uuidv7();
      const outcomes = await mapConcurrently(cases, CONCURRENCY, (caseId) => this.record(caseId, workflowOf.get(caseId)!, correlationId));
      const by = new Map<string, Record<(typeof SWEEP_COUNTS)[number], number>>();
      const countsOf = (workflow: string) => by.get(workflow) ?? by.set(workflow, { dueRows: 0, cases: 0, warnings: 0, breaches: 0, alreadyRecorded: 0, deferred: 0 }).get(workflow)!;
      for (const [workflow, due] of dueBy) countsOf(workflow).dueRows = due;
      cases.forEach((caseId, i) => {
        const counts = countsOf(workflowOf.get(caseId)!);
        const outcome = outcomes[i];
        counts.cases += 1;
        // Left to the next sweep: a failure, or every attempt met a concurrent change.
        if (!outcome || outcome.contended) counts.deferred += 1;
        if (!outcome) return;
        counts.warnings += outcome.warnings;
        counts.breaches += outcome.breaches;
        counts.alreadyRecorded += outcome.alreadyRecorded;
      });
      const all = [...by.values()];
      const report: SweepReport = {
        at,
        ...(Object.fromEntries(SWEEP_COUNTS.map((key) => [key, sum(all, (counts) => counts[key])])) as SweepCounts),
        durationMs: Math.round(performance.now() - started),
      };
      const recorded = outcomes.filter((o): o is DueClocksOutcome => o !== undefined);
      await this.catchUp(Math.max(0, ...recorded.map((o) => o.position)));
      this.totals.sweeps += 1;
      for (const [workflow, counts] of by) {
        for (const key of ['warnings', 'breaches', 'alreadyRecorded'] as const) {
          this.totals[key] += counts[key];
          this.totalsOf(workflow)[key] += counts[key];
        }
      }
      this.lastSweep = report;
      this.lastSweepBy = by;
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
  private async record(caseId: string, workflow: string, correlationId: string): Promise<DueClocksOutcome | undefined> {
    try {
      return await this.commandBus.execute<RecordDueClocks, DueClocksOutcome>(new RecordDueClocks({ caseId, correlationId }));
    } catch (error) {
      this.fail(error, { caseId, workflow });
      return undefined;
    }
  }

  private totalsOf(workflow: string): Record<(typeof TOTAL_COUNTS)[number], number> {
    let totals = this.totalsBy.get(workflow) as Record<(typeof TOTAL_COUNTS)[number], number> | undefined;
    if (!totals) {
      totals = { warnings: 0, breaches: 0, alreadyRecorded: 0, failures: 0 };
      this.totalsBy.set(workflow, totals);
    }
    return totals;
  }

  /** Counts and logs a failure: of the sweep itself, or of one case (of `workflow`, as it is read), which stays due. */
  private fail(error: unknown, about?: { readonly caseId: string; readonly workflow: string }): void {
    const message = error instanceof Error ? error.message : String(error);
    const caseId = about?.caseId;
    this.totals.failures += 1;
    if (about) this.totalsOf(about.workflow).failures += 1;
    this.lastError = { at: this.clock.now().toISOString(), message: caseId ? `case ${caseId}: ${message}` : message, ...(about ? { workflow: about.workflow } : {}) };
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
