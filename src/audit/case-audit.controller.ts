import { Readable } from 'node:stream';
import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import type { Actor } from '../../domain/roles';
import { parseInput } from '../../domain/validation';
import { CurrentActor } from '../auth/actor.decorator';
import { accessFacts, CaseRepository } from '../cases/case-repository';
import { CaseId } from '../../domain/schemas';
import { CLOCK_EVENT_DEFINITIONS } from '../../domain/clocks/events';
import { PolicyService } from '../security/policy.service';
import { StaffQueries } from '../staff/staff.queries';
import { WorkflowRegistry } from '../workflows/workflow-registry';
import { RequirePermission } from '../security/require-permission.decorator';
import { AsOfChoice } from './audit-errors';
import { AuditReader } from './audit-reader.service';
import type { HistoryItem } from './audit.schemas';
import { ExportQuery, HistoryQuery, StateQuery } from './audit.queries';
import { CaseAsOf, type CaseViewAsOf } from './as-of.service';
import { CONTENT_TYPES, encodeExport } from './export-format';
import { RecordsRead } from './records-read.decorator';
import { staffNamedIn } from './staff-named';

/** A case's past: its history, its state at any moment, its export. Each read is recorded in its access log. */
@Controller('cases/:id')
export class CaseAuditController {
  constructor(
    private readonly reader: AuditReader,
    private readonly asOf: CaseAsOf,
    private readonly cases: CaseRepository,
    private readonly policy: PolicyService,
    private readonly registry: WorkflowRegistry,
    private readonly staff: StaffQueries,
  ) {}

  @Get('history')
  @RequirePermission('cases.history')
  @RecordsRead('history', Object.keys(HistoryQuery.shape))
  async history(@Param('id') id: string, @Query() query: unknown, @CurrentActor() actor: Actor) {
    const caseId = parseInput(CaseId, id, 'caseId');
    const { fromRevision, limit } = parseInput(HistoryQuery, query, 'query');
    await this.authorizeRead(caseId, actor);
    const { definition } = await this.reader.locate(caseId);
    const { reference } = await this.cases.load(caseId);
    const items: HistoryItem[] = [];
    let next: number | null = null;
    for await (const item of this.reader.read({ caseId, fromRevision }, actor, limit + 1)) {
      if (items.length === limit) {
        next = item.revision;
        break;
      }
      items.push(item);
    }
    return { caseId, reference, workflow: definition.name, items, next, staff: this.staffNamed(definition.name, items) };
  }

  /** The display names of the staff a page of history names, each event read by the schema of the workflow version it was recorded under. */
  private staffNamed(workflow: string, items: readonly HistoryItem[]): Record<string, string> {
    return this.staff.names(
      staffNamedIn(items, (item) => {
        const events = [...(this.registry.find(workflow, item.workflowVersion)?.events ?? []), ...CLOCK_EVENT_DEFINITIONS];
        return events.find((event) => event.type === item.type)?.schema;
      }),
    );
  }

  @Get('state')
  @RequirePermission('cases.history')
  @RecordsRead('state', Object.keys(StateQuery.shape))
  async state(@Param('id') id: string, @Query() query: unknown, @CurrentActor() actor: Actor): Promise<CaseViewAsOf> {
    const caseId = parseInput(CaseId, id, 'caseId');
    const { asOf, revision, axis } = parseInput(StateQuery, query, 'query');
    if ((asOf === undefined) === (revision === undefined)) throw AsOfChoice({});
    await this.authorizeRead(caseId, actor);
    return this.asOf.view(caseId, asOf !== undefined ? { asOf } : { revision: revision! }, actor, axis ?? 'business');
  }

  /** Streamed page by page: memory stays flat however long the case. */
  @Get('export')
  @RequirePermission('cases.export')
  @RecordsRead('export', Object.keys(ExportQuery.shape))
  async export(@Param('id') id: string, @Query() query: unknown, @CurrentActor() actor: Actor): Promise<StreamableFile> {
    const caseId = parseInput(CaseId, id, 'caseId');
    const { format } = parseInput(ExportQuery, query, 'query');
    await this.authorizeRead(caseId, actor);
    const { streamId } = await this.reader.locate(caseId);
    const body = Readable.from(encodeExport(this.reader.read({ caseId }, actor), format));
    return new StreamableFile(body, { type: CONTENT_TYPES[format], disposition: `attachment; filename="${streamId}.${format}"` });
  }

  /** The same rule as GET /cases/:id: a practitioner reads the cases assigned to them, RO cases exist only for the RJU. */
  private async authorizeRead(caseId: string, actor: Actor): Promise<void> {
    this.policy.authorizeRead(actor, accessFacts(await this.cases.load(caseId)));
  }
}
