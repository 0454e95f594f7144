import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { RecordDueClocksHandler } from './record-due-clocks.handler';
import { SlaClocksProjector } from './sla-clocks.projector';
import { CalendarController } from '../calendar/calendar.controller';
import { SlaController } from './sla.controller';
import { SlaQueries } from './sla-queries';
import { SlaScheduler } from './sla-scheduler.service';
import { SlaStream } from './sla-stream.service';

/** The SLA engine (DESIGN.md §5): the sla-clocks read model, the durable scheduler, supervisor monitoring. */
@Module({
  imports: [CasesModule],
  controllers: [SlaController, CalendarController],
  providers: [
    SlaClocksProjector,
    SlaQueries,
    RecordDueClocksHandler,
    SlaScheduler,
    SlaStream,
  ],
  exports: [SlaScheduler, SlaQueries],
})
export class SlaModule {}
