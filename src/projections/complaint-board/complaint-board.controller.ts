import { Controller, Get, Query } from '@nestjs/common';
import { z } from 'zod';
import { RegionCode } from '../../../domain/regions';
import { parseInput } from '../../../domain/validation';
import { complaintBoardProjection } from '../../../projections/complaint-board';
import type { Actor } from '../../../domain/roles';
import { CurrentActor } from '../../auth/actor.decorator';
import { PolicyService } from '../../security/policy.service';
import { RequirePermission } from '../../security/require-permission.decorator';
import { ProjectionsService } from '../projections.service';
import { ComplaintBoardQueries, type BoardLevel } from './complaint-board.queries';
import { MinPosition, queryInteger } from '../../http/query-schemas';

const BoardQuery = z.strictObject({
  region: RegionCode.optional(),
  level: queryInteger(1).optional(),
  minPosition: MinPosition,
});

@Controller('complaints')
export class ComplaintBoardController {
  constructor(
    private readonly queries: ComplaintBoardQueries,
    private readonly projections: ProjectionsService,
    private readonly policy: PolicyService,
  ) {}

  /** The escalation board: open complaints per level of authority. */
  @Get('board')
  @RequirePermission('complaints.board')
  async board(@Query() raw: unknown, @CurrentActor() actor: Actor): Promise<{ levels: BoardLevel[] }> {
    const query = parseInput(BoardQuery, raw ?? {}, 'query');
    await this.projections.awaitPosition(complaintBoardProjection.name, query.minPosition);
    return { levels: this.queries.levels(query, this.policy.hiddenWorkflows(actor)) };
  }
}
