import { Module } from '@nestjs/common';
import { CasesController } from './cases.controller';
import { CommandPipeline } from './command-pipeline';
import { ExecuteCommandHandler } from './execute-command.handler';

@Module({
  controllers: [CasesController],
  providers: [CommandPipeline, ExecuteCommandHandler],
  exports: [CommandPipeline],
})
export class CasesModule {}
