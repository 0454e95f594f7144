import { Controller, Get, Inject, Query } from '@nestjs/common';
import { z } from 'zod';
import { RegionCode } from '../../../domain/regions';
import { parseInput } from '../../../domain/validation';
import { complaintBoardProjection, type BoardRow } from '../../../projections/complaint-board';
import { RequirePermission } from '../../security/require-permission.decorator';
import { ProjectionsService } from '../projections.service';
import { READ_MODELS } from '../projections.tokens';
import type { ReadModelDatabase } from '../read-model.database';

const BoardQuery = z.strictObject({
  region: RegionCode.optional(),
  level: z.coerce.number().int().min(1).optional(),
  minPosition: z.coerce.number().int().min(0).optional(),
});

/** One open complaint on the board. */
export interface BoardItem {
  readonly caseId: string;
  readonly state: string;
  readonly region: string;
  readonly handlerId: string | null;
  readonly responseDueAt: string | null;
  readonly responseClock: string | null;
  readonly acknowledgement: string | null;
  readonly openedAt: string;
  readonly updatedAt: string;
}

export interface BoardLevel {
  readonly level: number;
  readonly title: string;
  readonly byState: Record<string, number>;
  /** Open complaints at this level, the earliest response due first. */
  readonly items: readonly BoardItem[];
}

@Controller('complaints')
export class ComplaintBoardController {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModelDatabase,
    private readonly projections: ProjectionsService,
  ) {}

  /** The escalation board: open complaints per level of authority. */
  @Get('board')
  @RequirePermission('complaints.board')
  async board(@Query() raw: unknown): Promise<{ levels: BoardLevel[] }> {
    const query = parseInput(BoardQuery, raw ?? {}, 'query');
    await this.projections.awaitPosition(complaintBoardProjection.name, query.minPosition);
    const rows = this.readModels.db
      .prepare<{ region: string | null; level: number | null }, BoardRow>(
        `SELECT * FROM complaint_board WHERE status = 'open'
           AND (@region IS NULL OR region = @region) AND (@level IS NULL OR level = @level)
         ORDER BY level, response_due_at IS NULL, response_due_at, case_id`,
      )
      .all({ region: query.region ?? null, level: query.level ?? null });
    const levels = new Map<number, { title: string; byState: Record<string, number>; items: BoardItem[] }>();
    for (const row of rows) {
      const level = levels.get(row.level) ?? { title: row.level_title, byState: {}, items: [] };
      level.byState[row.state] = (level.byState[row.state] ?? 0) + 1;
      level.items.push({
        caseId: row.case_id,
        state: row.state,
        region: row.region,
        handlerId: row.handler_id,
        responseDueAt: row.response_due_at,
        responseClock: row.response_clock_status,
        acknowledgement: row.acknowledgement_status,
        openedAt: row.opened_at,
        updatedAt: row.updated_at,
      });
      levels.set(row.level, level);
    }
    return { levels: [...levels.entries()].map(([level, rest]) => ({ level, ...rest })) };
  }
}
