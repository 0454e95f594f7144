import { Injectable } from '@nestjs/common';
import { Counter, Gauge } from 'prom-client';
import type { ProjectionLag } from '../projections/projection-runner';
import { ProjectionsService } from '../projections/projections.service';
import { SlaQueries } from '../sla/sla-queries';
import { SlaScheduler, type WorkflowTotals } from '../sla/sla-scheduler.service';
import { MendMetrics } from './mend-metrics';

/**
 * Gauges read on each scrape from what the application already knows: projection progress, the
 * SLA scheduler's totals, and clocks by status from the sla-clocks read model. Nothing is kept twice.
 */
@Injectable()
export class ScrapeMetrics {
  constructor(
    metrics: MendMetrics,
    projections: ProjectionsService,
    scheduler: SlaScheduler,
    slaQueries: SlaQueries,
  ) {
    const registers = [metrics.registry];
    const lag = (name: string, help: string, read: (lag: ProjectionLag) => number) =>
      new Gauge({
        name,
        help,
        labelNames: ['projection'] as const,
        registers,
        async collect() {
          this.reset();
          for (const projection of projections.names()) this.set({ projection }, read(await projections.lag(projection)));
        },
      });
    lag('mend_projection_lag_events', 'Events stored but not yet projected, per projection', (l) => l.events);
    lag('mend_projection_lag_seconds', 'Age of the oldest event not yet projected, per projection (0 when caught up)', (l) => l.seconds);
    new Gauge({
      name: 'mend_projection_up',
      help: '1 while the projection runs, 0 when it is starting, stopped or failed',
      labelNames: ['projection', 'status'] as const,
      registers,
      collect() {
        this.reset();
        for (const report of projections.reports()) this.set({ projection: report.name, status: report.status }, report.status === 'running' ? 1 : 0);
      },
    });
    new Counter({
      name: 'mend_sla_scheduler_sweeps_total',
      help: 'SLA scheduler sweeps completed by this process',
      registers,
      collect() {
        this.reset();
        this.inc(scheduler.liveness().totals.sweeps);
      },
    });
    // Labelled by the workflow the cases are read as, so that a reader who may not know one (RO) is
    // not told its counts (MetricsController leaves its series out). Unlabelled: failed sweeps.
    const byWorkflow = (name: string, help: string, read: (t: WorkflowTotals) => number, unlabelled?: () => number) =>
      new Counter({
        name,
        help,
        labelNames: ['workflow'] as const,
        registers,
        collect() {
          this.reset();
          if (unlabelled) this.inc(unlabelled());
          for (const [workflow, totals] of scheduler.totalsByWorkflow()) this.inc({ workflow }, read(totals));
        },
      });
    byWorkflow('mend_sla_scheduler_failures_total', 'SLA scheduler failures: cases a sweep could not record, by workflow; failed sweeps unlabelled', (t) => t.failures, () => {
      const all = scheduler.liveness().totals.failures;
      return all - [...scheduler.totalsByWorkflow().values()].reduce((n, t) => n + t.failures, 0);
    });
    byWorkflow('mend_sla_warnings_recorded_total', 'SLA warnings this process recorded, by workflow', (t) => t.warnings);
    byWorkflow('mend_sla_breaches_recorded_total', 'SLA breaches this process recorded, by workflow', (t) => t.breaches);
    new Gauge({
      name: 'mend_sla_scheduler_last_sweep_duration_seconds',
      help: 'Duration of the last SLA sweep',
      registers,
      collect() {
        this.set((scheduler.liveness().lastSweep?.durationMs ?? 0) / 1000);
      },
    });
    new Gauge({
      name: 'mend_sla_scheduler_enabled',
      help: '1 when this process runs the SLA scheduler (server mode, MEND_SCHEDULER=on)',
      registers,
      collect() {
        this.set(scheduler.liveness().enabled ? 1 : 0);
      },
    });
    new Gauge({
      name: 'mend_sla_clocks',
      help: 'SLA clocks by workflow and status (running, warned, paused, breached, met, cancelled)',
      labelNames: ['workflow', 'status'] as const,
      registers,
      collect() {
        this.reset();
        for (const row of slaQueries.clocksByStatus()) this.set({ workflow: row.workflow, status: row.status }, row.n);
      },
    });
  }
}
