import { Module } from '@nestjs/common';
import { INACTIVE_SUBJECTS } from '../auth/inactive-subjects';
import { AssigneeCheck } from './assignee-check';
import { InactiveStaff } from './inactive-staff';
import { StaffDirectory } from './staff-directory.service';
import { StaffController } from './staff.controller';
import { StaffProjector } from './staff.projector';
import { StaffQueries } from './staff.queries';

/** The staff directory: its streams, its read model and its API. */
@Module({
  controllers: [StaffController],
  providers: [StaffDirectory, StaffQueries, StaffProjector, AssigneeCheck, InactiveStaff, { provide: INACTIVE_SUBJECTS, useExisting: InactiveStaff }],
  exports: [StaffDirectory, StaffQueries, AssigneeCheck, INACTIVE_SUBJECTS],
})
export class StaffModule {}
