import { Controller, Get, Headers, Query } from '@nestjs/common';
import { CaseNotFound } from '../../domain/errors';
import type { Actor } from '../../domain/roles';
import { parseInput } from '../../domain/validation';
import { CurrentActor } from '../auth/actor.decorator';
import { preferredLanguage } from '../http/language';
import { accessFacts, CaseRepository } from '../cases/case-repository';
import { PolicyService } from '../security/policy.service';
import { RequirePermission } from '../security/require-permission.decorator';
import { WorkflowRegistry } from '../workflows/workflow-registry';
import { CaseQueries } from '../projections/cases/case-queries';
import { StaffQueries } from '../staff/staff.queries';
import { AccessLog } from './access-log.service';
import type { AccessPageView, Verification } from './audit.schemas';
import { AccessQuery, VerifyQuery } from './audit.queries';
import { ChainVerification } from './verification.service';

@Controller('audit')
export class AuditController {
  constructor(
    private readonly verification: ChainVerification,
    private readonly accessLog: AccessLog,
    private readonly cases: CaseRepository,
    private readonly policy: PolicyService,
    private readonly registry: WorkflowRegistry,
    private readonly caseQueries: CaseQueries,
    private readonly staff: StaffQueries,
  ) {}

  /**
   * Whether this case is read as none of the `hidden` workflows: under the scope of the workflow it
   * is read as (a complaint about an RO case as an RO case, whatever the complaint workflow's own
   * scope), as PolicyService.authorizeRead decides; RO cases exist only for the Restorative Justice
   * Unit and its auditors.
   */
  private async shown(hidden: readonly string[], spelled: string): Promise<boolean> {
    // Records written before ids were kept in lower case may spell one in upper case.
    const caseId = spelled.toLowerCase();
    const definition = await this.cases.locate(caseId);
    // A case that cannot be found cannot be shown to be one the reader may know of.
    if (!definition) return false;
    const readAs = definition.readsAsOthers ? (accessFacts(await this.cases.load(caseId)).readAs ?? definition.name) : definition.name;
    // A workflow that is not registered is readable by no one: fail closed, as the policy does.
    return this.registry.find(readAs) !== undefined && !hidden.includes(readAs);
  }

  /** The hash chains of one case (its stream and its access log) or of the whole store. */
  @Get('verify')
  @RequirePermission('audit.verify')
  async verify(@Query() query: unknown, @CurrentActor() actor: Actor, @Headers('accept-language') acceptLanguage?: string): Promise<Verification> {
    const { caseId, checkpoint } = parseInput(VerifyQuery, query, 'query');
    const expected = { ...(checkpoint === undefined ? {} : { expectedDigest: checkpoint }), language: preferredLanguage(acceptLanguage) };
    // One case's chains, as the whole store's, for every case the actor may know exists (a role may verify what it may not read).
    const unknowable = this.policy.unknowableWorkflows(actor);
    if (caseId && !(await this.shown(unknowable, caseId))) throw CaseNotFound({ caseId });
    if (caseId) return this.verification.verifyCase(caseId, expected);
    return this.verification.verifyAll({ ...expected, hiddenWorkflows: unknowable });
  }

  /** Who read which case's content, and when. */
  @Get('access')
  @RequirePermission('audit.access')
  async access(@Query() query: unknown, @CurrentActor() actor: Actor): Promise<AccessPageView> {
    const parsed = parseInput(AccessQuery, query, 'query');
    // Reads of the cases of workflows the actor may read every case of (PolicyService.hiddenWorkflows).
    const hidden = this.policy.hiddenWorkflows(actor);
    if (parsed.caseId && !(await this.shown(hidden, parsed.caseId))) return { items: [], next: null, cases: {}, staff: {} };
    // Filtered before the page is cut: a page emptied afterwards, with a cursor, would tell that hidden reads exist.
    const page = await this.accessLog.query(parsed, (caseId) => this.shown(hidden, caseId));
    // Each case named as staff name it, and each reader by name: an auditor reads neither read model.
    return { ...page, cases: this.caseQueries.namesOf(page.items.map((r) => r.caseId)), staff: this.staff.names([...new Set(page.items.map((r) => r.actor.id))]) };
  }
}
