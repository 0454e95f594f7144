import { Controller, Get, Headers, Inject, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { RegionCode } from '../../domain/regions';
import type { Actor } from '../../domain/roles';
import { parseInput } from '../../domain/validation';
import { slaClocksProjection } from '../../projections/sla-clocks';
import { casesProjection } from '../../projections/cases';
import { CurrentActor } from '../auth/actor.decorator';
import { CLOCK, type Clock } from '../clock/clock';
import { ProjectionsService } from '../projections/projections.service';
import { PolicyService } from '../security/policy.service';
import { RequirePermission } from '../security/require-permission.decorator';
import { WorkflowRegistry } from '../workflows/workflow-registry';
import { SlaClocksQuery, SlaQueries, SlaSummaryQuery, SlaWeeksQuery, type SlaClockPage, type SlaSummary, type SlaWeeks } from './sla-queries';
import { SlaScheduler, type SchedulerLiveness } from './sla-scheduler.service';
import { SlaStream } from './sla-stream.service';
import { LastEventNotWritten } from './sla-errors';
import { MinPosition, queryInteger } from '../http/query-schemas';

const StreamQuery = z.strictObject({
  workflow: z.string().min(1).max(100).optional(),
  region: RegionCode.optional(),
  minPosition: MinPosition,
});
const LastEventId = queryInteger(0).optional();

/** Supervisor monitoring (DESIGN.md §5, §9): the at-risk list, the counts, the live stream of warnings and breaches. */
@Controller('sla')
@RequirePermission('sla.read')
export class SlaController {
  constructor(
    private readonly queries: SlaQueries,
    private readonly projections: ProjectionsService,
    private readonly registry: WorkflowRegistry,
    private readonly policy: PolicyService,
    private readonly scheduler: SlaScheduler,
    private readonly stream: SlaStream,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Clocks by due time, earliest first: with ?status=running, the at-risk list. */
  @Get('clocks')
  async clocks(@Query() raw: unknown, @CurrentActor() actor: Actor): Promise<SlaClockPage> {
    const query = parseInput(SlaClocksQuery, raw ?? {}, 'query');
    this.requireKnownWorkflow(query.workflow);
    // Each clock's case reference comes from the cases read model.
    await this.projections.awaitPosition([slaClocksProjection.name, casesProjection.name], query.minPosition);
    return this.queries.clocks(query, this.clock.now(), this.policy.hiddenWorkflows(actor));
  }

  /** Counts and on-time rates per workflow, region and level, with this instance's scheduler liveness. */
  @Get('summary')
  async summary(@Query() raw: unknown, @CurrentActor() actor: Actor): Promise<SlaSummary & { scheduler: SchedulerLiveness }> {
    const query = parseInput(SlaSummaryQuery, raw ?? {}, 'query');
    this.requireKnownWorkflow(query.workflow);
    await this.projections.awaitPosition(slaClocksProjection.name, query.minPosition);
    const hidden = this.policy.hiddenWorkflows(actor);
    return {
      ...this.queries.summary(query, this.clock.now(), hidden),
      scheduler: this.scheduler.liveness(hidden),
    };
  }

  /** On-time rates over time: clocks met on time, met late and breached, week by week. */
  @Get('weeks')
  async weeks(@Query() raw: unknown, @CurrentActor() actor: Actor): Promise<SlaWeeks> {
    const query = parseInput(SlaWeeksQuery, raw ?? {}, 'query');
    this.requireKnownWorkflow(query.workflow);
    await this.projections.awaitPosition(slaClocksProjection.name, query.minPosition);
    return this.queries.weeks(query, this.clock.now(), this.policy.hiddenWorkflows(actor));
  }

  /** Server-Sent Events: every warning and breach as it is recorded. */
  @Get('stream')
  async events(
    @Query() raw: unknown,
    @Headers('last-event-id') lastEventId: string | undefined,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const query = parseInput(StreamQuery, raw ?? {}, 'query');
    this.requireKnownWorkflow(query.workflow);
    await this.projections.requireWritten(query.minPosition, { orNext: true });
    const resumeAfter = parseInput(LastEventId, lastEventId, 'Last-Event-ID');
    if (resumeAfter !== undefined) {
      const head = await this.projections.headPosition();
      if (resumeAfter > head) throw LastEventNotWritten({ lastEventId: resumeAfter });
    }
    const after = this.stream.startAfter(resumeAfter, query.minPosition);
    await this.stream.serve(
      reply,
      after,
      { ...query, hiddenWorkflows: this.policy.hiddenWorkflows(actor) },
      { subject: actor.id, expiresAt: request.tokenExpiresAt ?? Date.now() },
    );
  }

  /** An unknown workflow is a 400 naming the known ones, not an empty answer. */
  private requireKnownWorkflow(workflow: string | undefined): void {
    if (workflow !== undefined) this.registry.get(workflow);
  }
}

