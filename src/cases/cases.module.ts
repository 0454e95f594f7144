import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { StaffModule } from '../staff/staff.module';
import { CaseLinkCheck } from './case-links';
import { CasesController } from './cases.controller';
import { CommandPipeline } from './command-pipeline';
import { ExecuteCommandHandler } from './execute-command.handler';

@Module({
  // The access log that @RecordsRead routes write to; the directory whom cases are assigned to.
  imports: [AuditModule, StaffModule],
  controllers: [CasesController],
  providers: [CommandPipeline, ExecuteCommandHandler, CaseLinkCheck],
  exports: [CommandPipeline],
})
export class CasesModule {}
