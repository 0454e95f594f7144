import { Controller, Get } from '@nestjs/common';
import { RequirePermission } from '../security/require-permission.decorator';
import { ProjectionsService } from './projections.service';
import type { ProjectionStatusSchema } from './projections.schemas';
import type { z } from 'zod';

@Controller('projections')
export class ProjectionsController {
  constructor(private readonly projections: ProjectionsService) {}

  /** Each projection's status, checkpoint and lag. */
  @Get()
  @RequirePermission('projections.read')
  async status(): Promise<z.infer<typeof ProjectionStatusSchema>[]> {
    return Promise.all(
      this.projections.reports().map(async (report) => ({ ...report, lag: await this.projections.lag(report.name) })),
    );
  }
}
