import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import type { BoardRow } from '../../../projections/complaint-board';
import { READ_MODELS } from '../projections.tokens';
import type { ProjectionTables } from '../projector';
import type { ReadModelDatabase } from '../read-model.database';
import type { BoardItemSchema, BoardLevelSchema } from '../projections.schemas';

/** The complaint-board read model's SQL: what its projector writes, and what the board reads. */

const SELECT_ROW = 'SELECT * FROM {complaint_board} WHERE case_id = ?';
const PUT_ROW = `INSERT OR REPLACE INTO {complaint_board} (case_id, reference, read_as, level, level_title, level_title_fr, state, status, region, handler_id,
    response_due_at, response_clock_status, acknowledgement_status, opened_at, updated_at, record)
  VALUES (@case_id, @reference, @read_as, @level, @level_title, @level_title_fr, @state, @status, @region, @handler_id, @response_due_at,
    @response_clock_status, @acknowledgement_status, @opened_at, @updated_at, @record)`;
/** Open complaints, leaving out those read as (`read_as`) workflows the reader may not know of. */
const openByLevel = (hidden: number) => `SELECT * FROM complaint_board WHERE status = 'open'
    AND (@region IS NULL OR region = @region) AND (@level IS NULL OR level = @level)
    ${Array.from({ length: hidden }, (_, i) => `AND read_as <> @hidden${i}`).join(' ')}
  ORDER BY level, response_due_at IS NULL, response_due_at, case_id`;

/** The projector's reads and writes, in the generation being written. */
export const boardRows = {
  get: (tables: ProjectionTables, caseId: string): BoardRow | undefined => tables.statement<[string], BoardRow>(SELECT_ROW).get(caseId),
  put: (tables: ProjectionTables, row: BoardRow): void => void tables.statement(PUT_ROW).run(row),
};

export type BoardItem = z.infer<typeof BoardItemSchema>;
export type BoardLevel = z.infer<typeof BoardLevelSchema>;

@Injectable()
export class ComplaintBoardQueries {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModelDatabase) {}

  /** Open complaints per level of authority, with counts per state, optionally of one region or level. */
  levels(filter: { region?: string | undefined; level?: number | undefined }, hiddenWorkflows: readonly string[]): BoardLevel[] {
    const rows = this.readModels.db
      .prepare<Record<string, unknown>, BoardRow>(openByLevel(hiddenWorkflows.length))
      .all({ region: filter.region ?? null, level: filter.level ?? null, ...Object.fromEntries(hiddenWorkflows.map((w, i) => [`hidden${i}`, w])) });
    // Programs may have chains of their own: a level is its number and its title.
    const levels = new Map<string, { level: number; title: string; titleFr?: string; byState: Record<string, number>; items: BoardItem[] }>();
    for (const row of rows) {
      const key = `${row.level}\u0000${row.level_title}`;
      const level = levels.get(key) ?? {
        level: row.level,
        title: row.level_title,
        ...(row.level_title_fr !== null ? { titleFr: row.level_title_fr } : {}),
        byState: {},
        items: [],
      };
      level.byState[row.state] = (level.byState[row.state] ?? 0) + 1;
      level.items.push({
        caseId: row.case_id,
        reference: row.reference,
        state: row.state,
        region: row.region,
        handlerId: row.handler_id,
        responseDueAt: row.response_due_at,
        responseClock: row.response_clock_status,
        acknowledgement: row.acknowledgement_status,
        openedAt: row.opened_at,
        updatedAt: row.updated_at,
      });
      levels.set(key, level);
    }
    return [...levels.values()];
  }
}
