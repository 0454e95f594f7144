import { Module } from '@nestjs/common';
import { CasesController } from './cases.controller';
import { ExecuteCommandHandler } from './execute-command.handler';

@Module({
  controllers: [CasesController],
  providers: [ExecuteCommandHandler],
})
export class CasesModule {}
