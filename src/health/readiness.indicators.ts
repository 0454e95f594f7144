import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { CLOCK, type Clock } from '../clock/clock';
import { MEND_CONFIG, type MendConfig } from '../config/config';
import { EVENT_STORE, type EventStore } from '../event-store/event-store';
import { KEY_STORE } from '../privacy/personal-data.codec';
import type { KeyStore } from '../privacy/key-store';
import { ProjectionsService } from '../projections/projections.service';
import { SlaScheduler } from '../sla/sla-scheduler.service';

/** Sweeps the scheduler may miss before it counts as stalled. */
const MISSED_SWEEPS = 3;
/** Room for a slow sweep on a loaded machine on top of the missed intervals. */
const SWEEP_GRACE_MS = 30_000;

/** The four things `/ready` checks. Each answers up or down with what an operator needs to act, and no case data nor event counts. */
@Injectable()
export class ReadinessIndicators {
  private readonly startedAt: number;

  constructor(
    private readonly indicators: HealthIndicatorService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(KEY_STORE) private readonly keys: KeyStore,
    private readonly projections: ProjectionsService,
    private readonly scheduler: SlaScheduler,
    @Inject(MEND_CONFIG) private readonly config: MendConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.startedAt = clock.now().getTime();
  }

  async eventStore(): Promise<HealthIndicatorResult> {
    const check = this.indicators.check('eventStore');
    try {
      // The store must answer; how many events it holds is not for a public probe to say.
      await this.store.headPosition();
      return check.up({ engine: this.store.engine });
    } catch (error) {
      return check.down({ engine: this.store.engine, message: (error as Error).message });
    }
  }

  /** The personal-data keys must be readable: without them no step that records a person can be taken, nor a case's content read. */
  async keyStore(): Promise<HealthIndicatorResult> {
    const check = this.indicators.check('keyStore');
    const engine = this.config.keyStore.engine;
    try {
      await this.keys.keys([]);
      return check.up({ engine });
    } catch (error) {
      return check.down({ engine, message: (error as Error).message });
    }
  }

  async projectionsCaughtUp(): Promise<HealthIndicatorResult> {
    const limit = this.config.projectionLagLimit;
    const projections = await Promise.all(
      this.projections.reports().map(async (report) => {
        // Its lag is read from the store: with the store out of reach, the check says so (beside the store's own) and /ready still answers which checks failed.
        const lag = await this.projections.lag(report.name).catch((error: unknown) => error as Error);
        // Public: it says whether each projection keeps up, not how many events it is behind (GET /projections does, with a token).
        const problem =
          report.status !== 'running'
            ? `is ${report.status}`
            : report.retrying
              ? `cannot store what it reads (${report.retrying}) and is trying again`
              : lag instanceof Error
                ? `cannot tell how far behind it is (${lag.message})`
                : lag.events > limit
                  ? `is more than ${limit} events behind`
                  : undefined;
        return { name: report.name, status: report.status, ...(problem ? { problem } : {}) };
      }),
    );
    const check = this.indicators.check('projections');
    const failing = projections.filter((p) => p.problem);
    return failing.length === 0
      ? check.up({ lagLimit: limit, projections })
      : check.down({ message: failing.map((p) => `${p.name} ${p.problem}`).join('; '), lagLimit: limit, projections });
  }

  slaScheduler(): HealthIndicatorResult {
    const check = this.indicators.check('slaScheduler');
    const liveness = this.scheduler.liveness();
    if (!liveness.enabled) return check.up({ enabled: false });
    const now = this.clock.now().getTime();
    const since = liveness.lastSweep ? Date.parse(liveness.lastSweep.at) : this.startedAt;
    const allowedMs = MISSED_SWEEPS * liveness.intervalMs + SWEEP_GRACE_MS;
    const details = {
      enabled: true,
      lastSweepAt: liveness.lastSweep?.at ?? null,
      sweeping: liveness.sweeping,
      failures: liveness.totals.failures,
      ...(liveness.clockSkewMs !== null ? { clockSkewMs: liveness.clockSkewMs } : {}),
    };
    if (liveness.sweeping || now - since <= allowedMs) return check.up(details);
    return check.down({
      ...details,
      message: `no sweep completed in ${Math.round((now - since) / 1000)} s${liveness.lastError ? `; last error: ${liveness.lastError.message}` : ''}`,
    });
  }
}
