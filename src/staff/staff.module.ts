import { Module } from '@nestjs/common';
import { AssigneeCheck } from './assignee-check';
import { StaffDirectory } from './staff-directory.service';
import { StaffController } from './staff.controller';
import { StaffProjector } from './staff.projector';
import { StaffQueries } from './staff.queries';

/** The staff directory: its streams, its read model and its API. */
@Module({
  controllers: [StaffController],
  providers: [StaffDirectory, StaffQueries, StaffProjector, AssigneeCheck],
  exports: [StaffDirectory, StaffQueries, AssigneeCheck],
})
export class StaffModule {}
