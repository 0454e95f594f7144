import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { CaseReference } from '../../domain/case-reference';
import { CaseNotFound, CaseReferenceNotFound } from '../../domain/errors';
import { CaseId } from '../../domain/schemas';
import type { Actor } from '../../domain/roles';
import { parseInput, withFrench } from '../../domain/validation';
import { RecordsRead } from '../audit/records-read.decorator';
import { CurrentActor } from '../auth/actor.decorator';
import { casesProjection, type CaseRecord } from '../../projections/cases';
import { InvalidIfMatch } from '../http/http-errors';
import { CaseQueries } from '../projections/cases/case-queries';
import { ProjectionsService } from '../projections/projections.service';
import { PolicyService, type CaseAccessFacts } from '../security/policy.service';
import { RequirePermission } from '../security/require-permission.decorator';
import { CaseReferences } from './case-references';
import { accessFacts, CaseRepository } from './case-repository';
import { CaseViews, type PresentedCase } from './case-views';
import type { CommandOutcome } from './command-pipeline';
import type { CreatedId } from './created-ids';
import { ExecuteCommand } from './execute-command.command';
import { MinPosition } from '../http/query-schemas';

/** A case as it stands: what the permission rules read of it, and its view for an actor. */
interface CurrentCase {
  readonly facts: CaseAccessFacts;
  present(actor: Actor): PresentedCase;
}

/** What a command answers: the case after it, and the ids it minted (CommandResultSchema). */
export type CommandResult = PresentedCase & { readonly created: CreatedId[] };

/** A reference as people type it: any case, surrounding spaces ignored. */
const CaseReferenceParam = z
  .string()
  .max(40)
  .transform((value) => value.trim().toUpperCase())
  .pipe(CaseReference);
const CommandName = z.string().regex(/^[A-Z][A-Za-z0-9]{1,79}$/, withFrench('must be a command name in PascalCase', 'doit être un nom de commande en PascalCase'));

/** What a case read takes in its query string: a parameter it does not know is refused (400), as on every route. */
const CaseReadQuery = z.strictObject({ minPosition: MinPosition });

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
  // A revision, bare or quoted as an ETag is (`"3"`, `W/"3"`): never negative, quotes in pairs.
  const match = /^(?:W\/)?(?:"(\d{1,15})"|(\d{1,15}))$/.exec(header.trim());
  if (!match) throw InvalidIfMatch({ value: header });
  return Number(match[1] ?? match[2]);
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
    private readonly references: CaseReferences,
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
  @RecordsRead('case', Object.keys(CaseReadQuery.shape))
  async viewByReference(
    @Param('reference') raw: string,
    @Query() query: unknown,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PresentedCase> {
    const reference = parseInput(CaseReferenceParam, raw, 'reference');
    const { minPosition } = parseInput(CaseReadQuery, query ?? {}, 'query');
    await this.projections.awaitPosition(casesProjection.name, minPosition);
    const record = this.queries.byReference(reference);
    // A reference minted by a command just answered may not be in the read model yet: its reservation is.
    const caseId = record?.caseId ?? (await this.references.caseIdOf(reference));
    const current = caseId === undefined ? undefined : await this.current(caseId, record);
    if (!current || !this.policy.mayRead(actor, current.facts)) throw CaseReferenceNotFound({ reference });
    const view = current.present(actor);
    // A number reserved by an opening that did not write the case (it raced another opening of the same id, or failed) names no case.
    if (view.reference !== reference) throw CaseReferenceNotFound({ reference });
    void reply.header('ETag', `"${view.revision}"`);
    return view;
  }

  /**
   * The case, from the read model (no replay). With ?minPosition= it waits until the read model has
   * reached that position. A case the read model has not seen yet, or has not yet seen as this
   * process last wrote it, is loaded from its stream: a case read never misses a write answered here.
   */
  @Get(':id')
  @RequirePermission('cases.read')
  @RecordsRead('case', Object.keys(CaseReadQuery.shape))
  async view(
    @Param('id') id: string,
    @Query() query: unknown,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PresentedCase> {
    const caseId = parseInput(CaseId, id, 'caseId');
    const { minPosition } = parseInput(CaseReadQuery, query ?? {}, 'query');
    await this.projections.awaitPosition(casesProjection.name, minPosition);
    const current = await this.current(caseId, this.queries.get(caseId));
    if (!current) throw CaseNotFound({ caseId });
    this.policy.authorizeRead(actor, current.facts);
    const view = current.present(actor);
    void reply.header('ETag', `"${view.revision}"`);
    return view;
  }

  /**
   * The case from its read-model row, unless the row is missing or older than the case as this
   * process last loaded or wrote it (the live projections may not have caught up with a write just
   * answered): then from its stream, reading only the events after the cached revision. Undefined
   * when there is no such case.
   */
  private async current(caseId: string, record: CaseRecord | undefined): Promise<CurrentCase | undefined> {
    if (record && record.revision >= (this.cases.knownRevision(caseId) ?? -1)) {
      return { facts: record, present: (actor) => this.views.presentRecord(record, actor) };
    }
    // A reference reserved for an opening that then failed names no case.
    if (!record && !(await this.cases.locate(caseId))) return undefined;
    const loaded = await this.cases.load(caseId);
    return { facts: accessFacts(loaded), present: (actor) => this.views.present(loaded, actor) };
  }
}
