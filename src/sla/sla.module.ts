import { Module } from '@nestjs/common';
import { CaseRepository } from '../cases/case-repository';
import { RecordDueClocksHandler, SLA_CASE_WRITER } from './record-due-clocks.handler';
import { SlaClocksProjector } from './sla-clocks.projector';
import { SlaController } from './sla.controller';
import { SlaQueries } from './sla-queries';
import { SlaScheduler } from './sla-scheduler.service';
import { SlaStream } from './sla-stream.service';

/** The SLA engine (DESIGN.md §5): the sla-clocks read model, the durable scheduler, supervisor monitoring. */
@Module({
  controllers: [SlaController],
  providers: [
    SlaClocksProjector,
    SlaQueries,
    { provide: SLA_CASE_WRITER, useClass: CaseRepository },
    RecordDueClocksHandler,
    SlaScheduler,
    SlaStream,
  ],
  exports: [SlaScheduler],
})
export class SlaModule {}
