import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CasesController } from './cases.controller';
import { CommandPipeline } from './command-pipeline';
import { ExecuteCommandHandler } from './execute-command.handler';

@Module({
  // The access log that @RecordsRead routes write to.
  imports: [AuditModule],
  controllers: [CasesController],
  providers: [CommandPipeline, ExecuteCommandHandler],
  exports: [CommandPipeline],
})
export class CasesModule {}
