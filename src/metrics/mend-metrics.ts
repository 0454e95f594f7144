import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Counter, Histogram, Registry } from 'prom-client';
import { WrongExpectedRevisionError } from '../event-store/event-store';
import { collectStoppableDefaultMetrics } from './default-metrics';

/**
 * This application's Prometheus registry and the instruments the write path and HTTP observe.
 * One registry per application instance (tests run several apps in one process), never the global one.
 */
@Injectable()
export class MendMetrics implements OnApplicationShutdown {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'mend_http_request_duration_seconds',
    help: 'HTTP request duration, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly appendDuration = new Histogram({
    name: 'mend_event_append_duration_seconds',
    help: 'Time to append a decision to a case stream, by outcome (ok, conflict, error)',
    labelNames: ['outcome'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });

  readonly revisionConflicts = new Counter({
    name: 'mend_event_append_revision_conflicts_total',
    help: 'Appends refused because the stream had moved past the expected revision',
    registers: [this.registry],
  });

  readonly staleIfMatch = new Counter({
    name: 'mend_command_stale_revision_total',
    help: 'Commands refused (409) because the case had moved past the revision their If-Match named',
    registers: [this.registry],
  });

  private readonly stopDefaultMetrics = collectStoppableDefaultMetrics(this.registry, 'mend_');

  onApplicationShutdown(): void {
    this.stopDefaultMetrics();
  }

  /** Times an append and counts it as a revision conflict when the store refuses its expected revision. */
  async observeAppend<T>(append: Promise<T>): Promise<T> {
    const stop = this.appendDuration.startTimer();
    try {
      const result = await append;
      stop({ outcome: 'ok' });
      return result;
    } catch (error) {
      const conflict = error instanceof WrongExpectedRevisionError;
      if (conflict) this.revisionConflicts.inc();
      stop({ outcome: conflict ? 'conflict' : 'error' });
      throw error;
    }
  }
}
