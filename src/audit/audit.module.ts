import { Module } from '@nestjs/common';
import { StaffModule } from '../staff/staff.module';
import { AccessLog } from './access-log.service';
import { CaseAsOf } from './as-of.service';
import { AuditReader } from './audit-reader.service';
import { AuditController } from './audit.controller';
import { CaseAuditController } from './case-audit.controller';
import { ChainVerification } from './verification.service';

/** History, state as of any moment, hash-chain verification, exports and the access log (DESIGN.md §6). */
@Module({
  imports: [StaffModule],
  controllers: [CaseAuditController, AuditController],
  providers: [AuditReader, CaseAsOf, ChainVerification, AccessLog],
  exports: [AuditReader, CaseAsOf, ChainVerification, AccessLog],
})
export class AuditModule {}
