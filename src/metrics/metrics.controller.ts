import { Controller, Get, Header } from '@nestjs/common';
import { RequirePermission } from '../security/require-permission.decorator';
import { MendMetrics } from './mend-metrics';

@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: MendMetrics) {}

  /** Prometheus text exposition; Prometheus sends a bearer token (`authorization` in its scrape config). */
  @Get()
  @RequirePermission('metrics.read')
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
