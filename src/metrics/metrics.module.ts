import { Global, Module } from '@nestjs/common';
import { SlaModule } from '../sla/sla.module';
import { HttpMetricsHook } from './http-metrics.hook';
import { MendMetrics } from './mend-metrics';
import { MetricsController } from './metrics.controller';
import { ScrapeMetrics } from './scrape-metrics';

/** Prometheus metrics at GET /metrics. Global, so the write path can observe appends. */
@Global()
@Module({
  imports: [SlaModule],
  controllers: [MetricsController],
  providers: [MendMetrics, ScrapeMetrics, HttpMetricsHook],
  exports: [MendMetrics],
})
export class MetricsModule {}
