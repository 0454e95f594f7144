import { Controller, Get, Inject, Query } from '@nestjs/common';
import { isOpen } from '../../../domain/clocks/state';
import type { Actor } from '../../../domain/roles';
import { parseInput } from '../../../domain/validation';
import { casesProjection, fromCaseRow } from '../../../projections/cases';
import { CurrentActor } from '../../auth/actor.decorator';
import { CaseViews } from '../../cases/case-views';
import { CLOCK, type Clock } from '../../clock/clock';
import { OtherCaseload, PolicyService } from '../../security/policy.service';
import { RequirePermission } from '../../security/require-permission.decorator';
import { ProjectionsService } from '../projections.service';
import type { ClockView } from '../../../domain/case-view';
import { toSummary, type CaseSummary } from './case-queries';
import { StaffQueries } from '../../staff/staff.queries';
import { StaffMemberNotFound } from '../../../domain/staff';
import { staffProjection, type StaffRecord } from '../../../projections/staff';
import { InboxQuery, WorkloadQuery, WorkQueries, type CannotWork, type WorkloadRow } from './work-queries';

/** What GET /inbox answers (InboxSchema in work.schemas.ts documents it). */
export interface InboxItem extends CaseSummary {
  readonly waitingFor: ClockView | null;
  readonly overdue: boolean;
  readonly commands: readonly string[];
  readonly nextSteps: readonly string[];
}
export interface Inbox {
  readonly assignee: string;
  readonly items: readonly InboxItem[];
  readonly nextCursor?: string;
}
export interface Workload {
  readonly asOf: string;
  readonly people: readonly WorkloadRow[];
}

/** My work: a person's inbox, and for supervisors the workload of each person. */
@Controller()
export class WorkController {
  constructor(
    private readonly queries: WorkQueries,
    private readonly views: CaseViews,
    private readonly projections: ProjectionsService,
    private readonly policy: PolicyService,
    private readonly staff: StaffQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Your open cases (or, for a supervisor, someone's with ?assignee=), the clock that falls due first
   * first, each with what it waits for and the commands you may run on it.
   */
  @Get('inbox')
  @RequirePermission('caseload.read')
  async inbox(@Query() raw: unknown, @CurrentActor() actor: Actor): Promise<Inbox> {
    const query = parseInput(InboxQuery, raw ?? {}, 'query');
    const assignee = query.assignee ?? actor.id;
    this.policy.authorizeCaseload(actor, assignee);
    const scope = this.policy.listScope(actor);
    if (scope.assignee !== undefined && scope.assignee !== assignee) throw OtherCaseload({ role: actor.role });
    // Whether the directory holds the assignee is read from its read model: both reach the position.
    await this.projections.awaitPosition([casesProjection.name, staffProjection.name], query.minPosition);
    if (assignee !== actor.id && this.staff.namesNoOne(assignee, scope.hiddenWorkflows)) throw StaffMemberNotFound({ staffId: assignee });
    const now = this.clock.now().getTime();
    const { rows, nextCursor } = this.queries.inbox(assignee, scope.hiddenWorkflows, query.limit, query.cursor);
    const items = rows.map((row): InboxItem => {
      const record = fromCaseRow(row);
      const waitingFor = [...record.clocks].filter(isOpen).sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt))[0] ?? null;
      const view = this.views.presentRecord(record, actor);
      return {
        ...toSummary(row),
        waitingFor,
        overdue: waitingFor !== null && waitingFor.status !== 'paused' && Date.parse(waitingFor.dueAt) <= now,
        commands: view.allowedCommands,
        nextSteps: view.nextSteps,
      };
    });
    return { assignee, items, ...(nextCursor ? { nextCursor } : {}) };
  }

  /**
   * Open cases and clocks per person, and the open cases nobody is assigned to; with each person,
   * how many of their cases they can no longer work (they left, or their role changed).
   */
  @Get('workload')
  @RequirePermission('workload.read')
  async workload(@Query() raw: unknown, @CurrentActor() actor: Actor): Promise<Workload> {
    const query = parseInput(WorkloadQuery, raw ?? {}, 'query');
    // Who can no longer work their cases is read from the staff directory's read model: both reach the position.
    await this.projections.awaitPosition([casesProjection.name, staffProjection.name], query.minPosition);
    const scope = this.policy.listScope(actor);
    const now = this.clock.now();
    return { asOf: now.toISOString(), people: this.queries.workload(scope.hiddenWorkflows, now, this.cannotWork(), scope.assignee) };
  }

  /**
   * Whether an assignee can no longer work a case, by the staff directory: marked inactive, or in a
   * role that could not be given the case now (PolicyService.mayWork). Someone the directory does
   * not hold (a deployment that keeps none) is not judged. Each person is read once per answer.
   */
  private cannotWork(): CannotWork {
    const members = new Map<string, StaffRecord | undefined>();
    return (assignee, facts) => {
      if (!members.has(assignee)) members.set(assignee, this.staff.find(assignee));
      const member = members.get(assignee);
      if (!member) return false;
      return !member.active || !this.policy.mayWork({ id: assignee, role: member.role }, { ...facts, assignees: [] });
    };
  }
}
