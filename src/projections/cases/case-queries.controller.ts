import { Controller, Get, Param, Query } from '@nestjs/common';
import { parseInput } from '../../../domain/validation';
import { casesProjection } from '../../../projections/cases';
import type { Actor } from '../../../domain/roles';
import { CurrentActor } from '../../auth/actor.decorator';
import { PolicyService } from '../../security/policy.service';
import { RequirePermission } from '../../security/require-permission.decorator';
import { ProjectionsService } from '../projections.service';
import { CaseListQuery, CaseQueries, type CasePage } from './case-queries';

@Controller()
export class CaseQueriesController {
  constructor(
    private readonly queries: CaseQueries,
    private readonly projections: ProjectionsService,
    private readonly policy: PolicyService,
  ) {}

  /** Case summaries, filtered, newest update first, with a cursor and the total. */
  @Get('cases')
  @RequirePermission('cases.read')
  async list(@Query() raw: unknown, @CurrentActor() actor: Actor): Promise<CasePage> {
    const query = parseInput(CaseListQuery, raw ?? {}, 'query');
    await this.projections.awaitPosition(casesProjection.name, query.minPosition);
    const scope = this.policy.listScope(actor);
    if (scope.assignee && query.assignee && query.assignee !== scope.assignee) return { items: [], total: 0 };
    return this.queries.list({ ...query, ...(scope.assignee ? { assignee: scope.assignee } : {}) }, scope.hiddenWorkflows);
  }

  /** A practitioner's caseload: the open cases assigned to them (all with ?status=closed|open). */
  @Get('caseload/:practitionerId')
  @RequirePermission('caseload.read')
  async caseload(
    @Param('practitionerId') practitionerId: string,
    @Query() raw: unknown,
    @CurrentActor() actor: Actor,
  ): Promise<CasePage & { practitionerId: string }> {
    const query = parseInput(CaseListQuery.omit({ assignee: true }), raw ?? {}, 'query');
    const assignee = parseInput(CaseListQuery.shape.assignee.unwrap(), practitionerId, 'practitionerId');
    this.policy.authorizeCaseload(actor, assignee);
    await this.projections.awaitPosition(casesProjection.name, query.minPosition);
    const page = this.queries.list({ ...query, assignee, status: query.status ?? 'open' }, this.policy.listScope(actor).hiddenWorkflows);
    return { practitionerId: assignee, ...page };
  }
}
