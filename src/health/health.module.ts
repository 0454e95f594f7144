import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { SlaModule } from '../sla/sla.module';
import { HealthController } from './health.controller';
import { ReadinessIndicators } from './readiness.indicators';

@Module({
  imports: [TerminusModule.forRoot({ errorLogStyle: 'json' }), SlaModule],
  controllers: [HealthController],
  providers: [ReadinessIndicators],
})
export class HealthModule {}
