import { Controller, Get, Header } from '@nestjs/common';
import type { Actor } from '../../domain/roles';
import { CurrentActor } from '../auth/actor.decorator';
import { PolicyService } from '../security/policy.service';
import { RequirePermission } from '../security/require-permission.decorator';
import { MendMetrics } from './mend-metrics';

const WORKFLOW_LABEL = /[{,]workflow="([^"]*)"/;

@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: MendMetrics,
    private readonly policy: PolicyService,
  ) {}

  /**
   * Prometheus text exposition; Prometheus sends a bearer token (`authorization` in its scrape
   * config). The series of a workflow the reader may not know exists (RO, to all but the RJU) are
   * left out: a count of its clocks tells of its cases as a list would.
   */
  @Get()
  @RequirePermission('metrics.read')
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  async scrape(@CurrentActor() actor: Actor): Promise<string> {
    const text = await this.metrics.registry.metrics();
    const unknowable = new Set(this.policy.unknowableWorkflows(actor));
    if (unknowable.size === 0) return text;
    return text
      .split('\n')
      .filter((line) => {
        const workflow = line.startsWith('#') ? undefined : WORKFLOW_LABEL.exec(line)?.[1];
        return workflow === undefined || !unknowable.has(workflow);
      })
      .join('\n');
  }
}
