import { Controller, Get, Query } from '@nestjs/common';
import { parseInput } from '../../domain/validation';
import { RequirePermission } from '../security/require-permission.decorator';
import { AccessLog, type AccessPage } from './access-log.service';
import type { Verification } from './audit.schemas';
import { AccessQuery, VerifyQuery } from './audit.queries';
import { ChainVerification } from './verification.service';

@Controller('audit')
export class AuditController {
  constructor(
    private readonly verification: ChainVerification,
    private readonly accessLog: AccessLog,
  ) {}

  /** The hash chains of one case (its stream and its access log) or of the whole store. */
  @Get('verify')
  @RequirePermission('audit.verify')
  async verify(@Query() query: unknown): Promise<Verification> {
    const { caseId } = parseInput(VerifyQuery, query);
    return caseId ? this.verification.verifyCase(caseId) : this.verification.verifyAll();
  }

  /** Who read which case's content, and when. */
  @Get('access')
  @RequirePermission('audit.access')
  async access(@Query() query: unknown): Promise<AccessPage> {
    return this.accessLog.query(parseInput(AccessQuery, query));
  }
}
