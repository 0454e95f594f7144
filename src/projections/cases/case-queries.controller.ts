import { Controller, Get, Param, Query } from '@nestjs/common';
import { parseInput } from '../../../domain/validation';
import { casesProjection } from '../../../projections/cases';
import { ProjectionsService } from '../projections.service';
import { CaseListQuery, CaseQueries, type CasePage } from './case-queries';

@Controller()
export class CaseQueriesController {
  constructor(
    private readonly queries: CaseQueries,
    private readonly projections: ProjectionsService,
  ) {}

  /** Case summaries, filtered, newest update first, with a cursor and the total. */
  @Get('cases')
  async list(@Query() raw: unknown): Promise<CasePage> {
    const query = parseInput(CaseListQuery, raw ?? {}, 'query');
    await this.projections.awaitPosition(casesProjection.name, query.minPosition);
    return this.queries.list(query);
  }

  /** A practitioner's caseload: the open cases assigned to them (all with ?status=closed|open). */
  @Get('caseload/:practitionerId')
  async caseload(@Param('practitionerId') practitionerId: string, @Query() raw: unknown): Promise<CasePage & { practitionerId: string }> {
    const query = parseInput(CaseListQuery.omit({ assignee: true }), raw ?? {}, 'query');
    await this.projections.awaitPosition(casesProjection.name, query.minPosition);
    const assignee = parseInput(CaseListQuery.shape.assignee.unwrap(), practitionerId, 'practitionerId');
    return { practitionerId: assignee, ...this.queries.list({ ...query, assignee, status: query.status ?? 'open' }) };
  }
}
