import { Controller, Get } from '@nestjs/common';
import { ProjectionsService } from './projections.service';

@Controller('projections')
export class ProjectionsController {
  constructor(private readonly projections: ProjectionsService) {}

  /** Each projection's status, checkpoint and lag. */
  @Get()
  async status() {
    return Promise.all(
      this.projections.reports().map(async (report) => ({ ...report, lag: await this.projections.lag(report.name) })),
    );
  }
}
