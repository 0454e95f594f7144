import { Controller, Get, Query } from '@nestjs/common';
import { z } from 'zod';
import { RegionCode } from '../../../domain/regions';
import { parseInput } from '../../../domain/validation';
import { complaintBoardProjection } from '../../../projections/complaint-board';
import { staffProjection } from '../../../projections/staff';
import type { Actor } from '../../../domain/roles';
import { CurrentActor } from '../../auth/actor.decorator';
import { PolicyService } from '../../security/policy.service';
import { RequirePermission } from '../../security/require-permission.decorator';
import { ProjectionsService } from '../projections.service';
import { ComplaintBoardQueries } from './complaint-board.queries';
import type { ComplaintBoardSchema } from '../projections.schemas';
import { StaffQueries } from '../../staff/staff.queries';
import { MinPosition, queryInteger } from '../../http/query-schemas';

type ComplaintBoard = z.infer<typeof ComplaintBoardSchema>;

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
    private readonly staff: StaffQueries,
  ) {}

  /** The escalation board: open complaints per level of authority. */
  @Get('board')
  @RequirePermission('complaints.board')
  async board(@Query() raw: unknown, @CurrentActor() actor: Actor): Promise<ComplaintBoard> {
    const query = parseInput(BoardQuery, raw ?? {}, 'query');
    await this.projections.awaitPosition([complaintBoardProjection.name, staffProjection.name], query.minPosition);
    const levels = this.queries.levels(query, this.policy.hiddenWorkflows(actor));
    const handlers = levels.flatMap((level) => level.items.flatMap((item) => (item.handlerId === null ? [] : [item.handlerId])));
    return { levels, staff: this.staff.names([...new Set(handlers)]) };
  }
}
