import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { CaseReference } from '../../domain/case-reference';
import type { CaseView } from '../../domain/case-view';
import { CaseReferenceNotFound } from '../../domain/errors';
import type { Actor } from '../../domain/roles';
import { parseInput, withFrench } from '../../domain/validation';
import { RecordsRead } from '../audit/records-read.decorator';
import { CurrentActor } from '../auth/actor.decorator';
import { casesProjection } from '../../projections/cases';
import { InvalidIfMatch } from '../http/http-errors';
import { CaseQueries } from '../projections/cases/case-queries';
import { ProjectionsService } from '../projections/projections.service';
import { PolicyService } from '../security/policy.service';
import { RequirePermission } from '../security/require-permission.decorator';
import { accessFacts, CaseRepository } from './case-repository';
import { CaseViews } from './case-views';
import type { CommandOutcome } from './command-pipeline';
import type { CreatedId } from './created-ids';

/** What a command answers: the case after it, and the ids it minted (CommandResultSchema). */
export type CommandResult = CaseView & { readonly created: CreatedId[] };
import { ExecuteCommand } from './execute-command.command';

/**
 * A case id: a UUID, in its canonical lower-case spelling (an upper-case spelling names the same
 * case, never a second one).
 */
export const CaseId = z.uuid({ message: withFrench('must be a UUID', 'doit être un UUID') }).transform((id) => id.toLowerCase());
/** A reference as people type it: any case, surrounding spaces ignored. */
const CaseReferenceParam = z
  .string()
  .max(40)
  .transform((value) => value.trim().toUpperCase())
  .pipe(CaseReference);
const MinPosition = z.coerce.number().int().min(0).optional();
const CommandName = z.string().regex(/^[A-Z][A-Za-z0-9]{1,79}$/, withFrench('must be a command name in PascalCase', 'doit être un nom de commande en PascalCase'));

export const OpenCaseBody = z.strictObject({
  workflow: z.string().min(1).max(100),
  command: CommandName,
  data: z.record(z.string(), z.unknown()).default({}),
  caseId: CaseId.optional().meta({ description: 'Choose the id of the new case (for safe retries); default: a new UUID' }),
});

/** `If-Match: "3"` (or 3, or W/"3") → 3; `*` → no expectation. */
export function parseIfMatch(header: string | undefined): number | undefined {
  // `*` matches any current version: no expectation.
  if (header === undefined || header.trim() === '*') return undefined;
  const match = /^(?:W\/)?"?(-?\d{1,15})"?$/.exec(header.trim());
  if (!match) throw InvalidIfMatch({ value: header });
  return Number(match[1]);
}

@Controller('cases')
export class CasesController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly cases: CaseRepository,
    private readonly views: CaseViews,
    private readonly queries: CaseQueries,
    private readonly projections: ProjectionsService,
    private readonly policy: PolicyService,
  ) {}

  @Post()
  @HttpCode(201)
  async open(
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResult> {
    const input = parseInput(OpenCaseBody, body ?? {});
    const caseId = input.caseId ?? randomUUID();
    const outcome = await this.commandBus.execute<ExecuteCommand, CommandOutcome>(
      new ExecuteCommand({
        caseId,
        openWorkflow: input.workflow,
        command: input.command,
        data: input.data,
        actor,
        correlationId: request.correlationId,
        causationId: request.id,
      }),
    );
    void reply.header('Location', `/cases/${caseId}`).header('ETag', `"${outcome.loaded.state.revision}"`);
    return { ...this.views.present(outcome.loaded, actor), created: [...outcome.created] };
  }

  @Post(':id/commands/:command')
  @HttpCode(200)
  async run(
    @Param('id') id: string,
    @Param('command') command: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResult> {
    const caseId = parseInput(CaseId, id, 'caseId');
    const name = parseInput(CommandName, command, 'command');
    const expectedRevision = parseIfMatch(ifMatch);
    const outcome = await this.commandBus.execute<ExecuteCommand, CommandOutcome>(
      new ExecuteCommand({
        caseId,
        command: name,
        data: body ?? {},
        actor,
        ...(expectedRevision !== undefined ? { expectedRevision } : {}),
        correlationId: request.correlationId,
        causationId: request.id,
      }),
    );
    void reply.header('ETag', `"${outcome.loaded.state.revision}"`);
    return { ...this.views.present(outcome.loaded, actor), created: [...outcome.created] };
  }

  /**
   * The case with a human reference (`CMP-2026-00042`), from the read model: with ?minPosition= it
   * waits until the read model has reached that position. A case the caller may not read is not
   * found, exactly as an unknown reference.
   */
  @Get('by-reference/:reference')
  @RequirePermission('cases.read')
  @RecordsRead('case', ['minPosition'])
  async viewByReference(
    @Param('reference') raw: string,
    @Query('minPosition') minPosition: string | undefined,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CaseView> {
    const reference = parseInput(CaseReferenceParam, raw, 'reference');
    await this.projections.awaitPosition(casesProjection.name, parseInput(MinPosition, minPosition, 'minPosition'));
    const record = this.queries.byReference(reference);
    if (!record || !this.policy.mayRead(actor, record)) throw CaseReferenceNotFound({ reference });
    const view = this.views.presentRecord(record, actor);
    void reply.header('ETag', `"${view.revision}"`);
    return view;
  }

  /**
   * The case, from the read model (no replay). With ?minPosition= it waits until the read model has
   * reached that position; a case the read model has not seen yet is loaded from its stream.
   */
  @Get(':id')
  @RequirePermission('cases.read')
  @RecordsRead('case', ['minPosition'])
  async view(
    @Param('id') id: string,
    @Query('minPosition') minPosition: string | undefined,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CaseView> {
    const caseId = parseInput(CaseId, id, 'caseId');
    await this.projections.awaitPosition(casesProjection.name, parseInput(MinPosition, minPosition, 'minPosition'));
    const record = this.queries.get(caseId);
    if (record) {
      this.policy.authorizeRead(actor, record);
      const view = this.views.presentRecord(record, actor);
      void reply.header('ETag', `"${view.revision}"`);
      return view;
    }
    const loaded = await this.cases.load(caseId);
    this.policy.authorizeRead(actor, accessFacts(loaded));
    const view = this.views.present(loaded, actor);
    void reply.header('ETag', `"${view.revision}"`);
    return view;
  }
}
