import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../domain/roles';
import { StaffId, StaffMemberNotFound } from '../../domain/staff';
import { parseInput } from '../../domain/validation';
import { staffProjection } from '../../projections/staff';
import { casesProjection } from '../../projections/cases';
import { CurrentActor } from '../auth/actor.decorator';
import { parseIfMatch } from '../cases/cases.controller';
import { ProjectionsService } from '../projections/projections.service';
import { PolicyService } from '../security/policy.service';
import { RequirePermission } from '../security/require-permission.decorator';
import { StaffDirectory, type StaffMemberView } from './staff-directory.service';
import { StaffListQuery, StaffQueries, type StaffWithCaseload } from './staff.queries';

/**
 * The staff directory: admins add and update people; supervisors and the RJU list them to assign
 * cases (GET /staff?role=practitioner&region=ON), each with their current caseload.
 */
@Controller('staff')
export class StaffController {
  constructor(
    private readonly directory: StaffDirectory,
    private readonly queries: StaffQueries,
    private readonly projections: ProjectionsService,
    private readonly policy: PolicyService,
  ) {}

  /**
   * The directory, each person with their open cases: counted within the workflows the reader may
   * know of, so an administrator, who reads no case content, still sees who holds open cases
   * before marking them inactive; the RJU's cases stay out of anyone else's counts.
   */
  @Get()
  @RequirePermission('staff.read')
  async list(@Query() raw: unknown, @CurrentActor() actor: Actor): Promise<{ items: StaffWithCaseload[] }> {
    const query = parseInput(StaffListQuery, raw ?? {}, 'query');
    // Caseloads are counted from the cases read model.
    await this.projections.awaitPosition([staffProjection.name, casesProjection.name], query.minPosition);
    return { items: this.queries.list(query, this.policy.unknowableWorkflows(actor)) };
  }

  /**
   * The caller's own entry: how a token's subject maps to a person. Any role; 404 when the
   * directory does not name them. Their caseload counts every open case their lists show them
   * (a practitioner's own cases too, which views over all of a workflow would leave out).
   */
  @Get('me')
  me(@CurrentActor() actor: Actor): StaffWithCaseload {
    const found = this.queries.get(actor.id, this.policy.listScope(actor).hiddenWorkflows);
    if (!found) throw StaffMemberNotFound({ staffId: actor.id });
    return found;
  }

  @Get(':id')
  @RequirePermission('staff.read')
  async get(@Param('id') id: string, @CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply): Promise<StaffWithCaseload> {
    const view = await this.directory.get(parseInput(StaffId, id, 'staffId'));
    void reply.header('ETag', `"${view.revision}"`);
    return { ...view, caseload: this.queries.caseload(view.staffId, this.policy.unknowableWorkflows(actor)) };
  }

  @Post()
  @HttpCode(201)
  @RequirePermission('staff.manage')
  async add(
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StaffMemberView> {
    const view = await this.directory.add(body, { actor, correlationId: request.correlationId, causationId: request.id });
    void reply.header('Location', `/staff/${encodeURIComponent(view.staffId)}`).header('ETag', `"${view.revision}"`);
    return view;
  }

  /** Changes the fields given; the others are kept. If-Match: "<revision>" refuses (409) a change made in between. */
  @Post(':id')
  @HttpCode(200)
  @RequirePermission('staff.manage')
  async update(
    @Param('id') id: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StaffMemberView> {
    const expectedRevision = parseIfMatch(ifMatch);
    const view = await this.directory.update(id, body, {
      actor,
      correlationId: request.correlationId,
      causationId: request.id,
      ...(expectedRevision !== undefined ? { expectedRevision } : {}),
    });
    void reply.header('ETag', `"${view.revision}"`);
    return view;
  }
}
