import { Controller, Get, Param, Query } from '@nestjs/common';
import { invalidInput, parseInput } from '../../../domain/validation';
import { casesProjection } from '../../../projections/cases';
import { staffProjection } from '../../../projections/staff';
import type { Actor } from '../../../domain/roles';
import { StaffMemberNotFound } from '../../../domain/staff';
import { CurrentActor } from '../../auth/actor.decorator';
import { PolicyService } from '../../security/policy.service';
import { RequirePermission } from '../../security/require-permission.decorator';
import { stateNames } from '../../workflows/diagram';
import { WorkflowRegistry } from '../../workflows/workflow-registry';
import { StaffQueries } from '../../staff/staff.queries';
import { ProjectionsService } from '../projections.service';
import { attentionFields } from '../../../domain/attention';
import { CaseListQuery, CaseQueries, type AttentionFlag, type CasePage } from './case-queries';

@Controller()
export class CaseQueriesController {
  constructor(
    private readonly queries: CaseQueries,
    private readonly projections: ProjectionsService,
    private readonly policy: PolicyService,
    private readonly registry: WorkflowRegistry,
    private readonly staff: StaffQueries,
  ) {
    // Every version's: a case keeps the definition it started on.
    const flags = registry.all().flatMap((definition) => attentionFields(definition).map((field) => ({ workflow: definition.name, field })));
    this.flags = flags.filter((flag, i) => flags.findIndex((f) => f.workflow === flag.workflow && f.field === flag.field) === i);
  }

  private readonly flags: readonly AttentionFlag[];

  /**
   * A filter that no case could match is a mistake, said so (400): an unknown workflow names the
   * known ones, a state no workflow has is refused, rather than an empty page.
   */
  private requireKnown(query: Pick<CaseListQuery, 'workflow' | 'state'>): void {
    const definitions = query.workflow === undefined ? this.registry.all() : this.registry.all().filter((d) => d.name === this.registry.get(query.workflow!).name);
    if (query.state === undefined || definitions.some((definition) => stateNames(definition).includes(query.state!))) return;
    const of = query.workflow === undefined ? undefined : definitions.flatMap(stateNames).filter((state, i, all) => all.indexOf(state) === i);
    throw invalidInput([
      {
        path: 'query.state',
        message: of
          ? { en: `is not a state of ${query.workflow}, whose states are: ${of.join(', ')}`, fr: `n’est pas un état de ${query.workflow}, dont les états sont\u00a0: ${of.join(', ')}` }
          : { en: 'is not a state of any workflow (GET /workflows lists them)', fr: 'n’est l’état d’aucun processus (GET /workflows les énumère)' },
      },
    ]);
  }

  /** Case summaries, filtered, newest update first, with a cursor and the total. */
  @Get('cases')
  @RequirePermission('cases.read')
  async list(@Query() raw: unknown, @CurrentActor() actor: Actor): Promise<CasePage & { staff: Record<string, string> }> {
    const query = parseInput(CaseListQuery, raw ?? {}, 'query');
    this.requireKnown(query);
    await this.projections.awaitPosition([casesProjection.name, staffProjection.name], query.minPosition);
    const scope = this.policy.listScope(actor);
    if (scope.assignee && query.assignee && query.assignee !== scope.assignee) return { items: [], total: 0, staff: {} };
    const page = this.queries.list({ ...query, ...(scope.assignee ? { assignee: scope.assignee } : {}) }, scope.hiddenWorkflows, this.flags);
    return { ...page, staff: this.staff.assigneeNames(page.items) };
  }

  /** A practitioner's caseload: the open cases assigned to them (all with ?status=closed|open). */
  @Get('caseload/:practitionerId')
  @RequirePermission('caseload.read')
  async caseload(
    @Param('practitionerId') practitionerId: string,
    @Query() raw: unknown,
    @CurrentActor() actor: Actor,
  ): Promise<CasePage & { practitionerId: string; staff: Record<string, string> }> {
    const query = parseInput(CaseListQuery.omit({ assignee: true }), raw ?? {}, 'query');
    const assignee = parseInput(CaseListQuery.shape.assignee.unwrap(), practitionerId, 'practitionerId');
    this.policy.authorizeCaseload(actor, assignee);
    this.requireKnown(query);
    await this.projections.awaitPosition([casesProjection.name, staffProjection.name], query.minPosition);
    const hidden = this.policy.listScope(actor).hiddenWorkflows;
    if (assignee !== actor.id && this.staff.namesNoOne(assignee, hidden)) throw StaffMemberNotFound({ staffId: assignee });
    const page = this.queries.list({ ...query, assignee, status: query.status ?? 'open' }, hidden, this.flags);
    return { practitionerId: assignee, ...page, staff: this.staff.assigneeNames(page.items) };
  }
}
