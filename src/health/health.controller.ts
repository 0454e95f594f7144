import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheck, HealthCheckService, type HealthCheckResult } from '@nestjs/terminus';
import { Public } from '../auth/public.decorator';
import { ReadinessIndicators } from './readiness.indicators';
import { NotReady } from './readiness.errors';

@Controller()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly readiness: ReadinessIndicators,
  ) {}

  /** Liveness: the process serves HTTP. Needs no token. */
  @Public()
  @Get('health')
  live() {
    return { status: 'ok' };
  }

  /**
   * Readiness: the event store and the key store answer, every projection runs within the lag limit, and the SLA scheduler
   * (when this process runs it) has swept recently. Public, as probes rarely carry tokens: it names
   * projections and positions, never case data.
   */
  @Public()
  @Get('ready')
  @HealthCheck({ swaggerDocumentation: false })
  ready(): Promise<HealthCheckResult> {
    return this.health
      .check([() => this.readiness.eventStore(), () => this.readiness.keyStore(), () => this.readiness.projectionsCaughtUp(), () => this.readiness.slaScheduler()])
      .catch((error: unknown) => {
        if (!(error instanceof ServiceUnavailableException)) throw error;
        const result = error.getResponse() as HealthCheckResult;
        const failing = Object.entries(result.error ?? {}).map(([key, value]) => `${key} (${String(value?.['message'] ?? 'down')})`);
        throw NotReady({ failing: failing.join(', ') }, result);
      });
  }
}
