import { join } from 'node:path';
import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { MEND_CONFIG, type MendConfig } from '../config/config';
import { StaffModule } from '../staff/staff.module';
import { CaseQueries } from './cases/case-queries';
import { CaseRecordFolds } from './cases/case-record-folds';
import { CaseQueriesController } from './cases/case-queries.controller';
import { CasesProjector } from './cases/cases.projector';
import { WorkController } from './cases/work.controller';
import { WorkQueries } from './cases/work-queries';
import { ComplaintBoardController } from './complaint-board/complaint-board.controller';
import { ComplaintBoardProjector } from './complaint-board/complaint-board.projector';
import { ComplaintBoardQueries } from './complaint-board/complaint-board.queries';
import { ProjectionEventDecoder } from './projection-event.decoder';
import { ProjectionsController } from './projections.controller';
import { ProjectionsService } from './projections.service';
import { READ_MODELS } from './projections.tokens';
import { READ_MODELS_FILE, ReadModelDatabase } from './read-model.database';

/** Read models: the runners that keep them, the projectors, and the queries over them. */
@Global()
@Module({
  imports: [DiscoveryModule, StaffModule],
  controllers: [CaseQueriesController, ComplaintBoardController, ProjectionsController, WorkController],
  providers: [
    {
      provide: READ_MODELS,
      inject: [MEND_CONFIG],
      useFactory: (config: MendConfig) => new ReadModelDatabase(join(config.dataDir, READ_MODELS_FILE)),
    },
    ProjectionEventDecoder,
    ProjectionsService,
    CaseQueries,
    CaseRecordFolds,
    CasesProjector,
    WorkQueries,
    ComplaintBoardQueries,
    ComplaintBoardProjector,
  ],
  exports: [READ_MODELS, ProjectionsService, CaseQueries],
})
export class ProjectionsModule {}
