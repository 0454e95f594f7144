import { CaseId, StaffId } from '../../../domain/schemas';
import { Inject, Injectable } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { caseIdKey, instantKey, keysetCursor } from '../../http/keyset-cursor';
import { fromCaseRow, type CaseRecord, type CaseRow } from '../../../projections/cases';
import { RegionCode } from '../../../domain/regions';
import { READ_MODELS } from '../projections.tokens';
import type { ProjectionTables } from '../projector';
import type { ReadModelDatabase } from '../read-model.database';
import { hiddenCaseParams, hideCases } from '../hidden-cases';
import { MinPosition, QueryInstant, queryInteger } from '../../http/query-schemas';

/** The cases read model's SQL: what its projector writes, and what lists and case views read. */

const SELECT_CASE = 'SELECT * FROM {cases} WHERE case_id = ?';
const PUT_CASE = `INSERT INTO {cases} (case_id, reference, stream_id, workflow, workflow_version, read_as, state, status, region, assignees, details,
    clocks, open_clocks, next_due_at, revision, position, opened_at, updated_at, persisted)
  VALUES (@case_id, @reference, @stream_id, @workflow, @workflow_version, @read_as, @state, @status, @region, @assignees, @details,
    @clocks, @open_clocks, @next_due_at, @revision, @position, @opened_at, @updated_at, @persisted)
  ON CONFLICT (case_id) DO UPDATE SET read_as = excluded.read_as, state = excluded.state, status = excluded.status, region = excluded.region,
    assignees = excluded.assignees, details = excluded.details, clocks = excluded.clocks,
    open_clocks = excluded.open_clocks, next_due_at = excluded.next_due_at, revision = excluded.revision,
    position = excluded.position, updated_at = excluded.updated_at, persisted = excluded.persisted`;
const ASSIGN = 'INSERT INTO {case_assignees} (assignee_id, case_id) VALUES (?, ?)';
const UNASSIGN = 'DELETE FROM {case_assignees} WHERE assignee_id = ? AND case_id = ?';

/** The projector's reads and writes, in the generation being written. */
export const caseRows = {
  get: (tables: ProjectionTables, caseId: string): CaseRow | undefined => tables.statement<[string], CaseRow>(SELECT_CASE).get(caseId),
  put: (tables: ProjectionTables, row: CaseRow): void => void tables.statement(PUT_CASE).run(row),
  assign: (tables: ProjectionTables, assignee: string, caseId: string): void => void tables.statement(ASSIGN).run(assignee, caseId),
  unassign: (tables: ProjectionTables, assignee: string, caseId: string): void => void tables.statement(UNASSIGN).run(assignee, caseId),
};

export const CaseListQuery = z.strictObject({
  workflow: z.string().min(1).max(100).optional(),
  state: z.string().min(1).max(200).optional(),
  status: z.enum(['open', 'closed']).optional(),
  region: RegionCode.optional(),
  /** A login, as commands assign them: any other matches no case, so it is refused rather than answered with none. */
  assignee: StaffId.optional(),
  updatedSince: QueryInstant.optional(),
  /** `true`: only the cases a fact of their details marks as calling for a supervisor's attention (`x-mend-attention`). */
  attention: z.literal('true').optional(),
  /** Only these cases, by id (`ids=a,b`): how a client names the cases an event links to, without reading each (a read is access-logged). */
  ids: z
    .string()
    .max(100 * 40)
    .transform((ids) => ids.split(',').filter(Boolean))
    .pipe(z.array(CaseId).min(1).max(100))
    .optional(),
  limit: queryInteger(1, 200).default(50),
  cursor: z.string().max(500).optional(),
  minPosition: MinPosition,
});
export type CaseListQuery = z.infer<typeof CaseListQuery>;

/** A fact of a workflow's case details that calls for a supervisor's attention when true. */
export interface AttentionFlag {
  readonly workflow: string;
  readonly field: string;
}

/** What lists show of a case. */
export interface CaseSummary {
  readonly caseId: string;
  readonly reference: string | null;
  readonly workflow: string;
  readonly workflowVersion: number;
  readonly state: string;
  readonly status: 'open' | 'closed';
  readonly region: string;
  readonly assignees: readonly string[];
  readonly details: CaseRecord['details'];
  readonly openClocks: number;
  readonly nextDueAt: string | null;
  readonly nextDuePaused: boolean;
  readonly revision: number;
  readonly position: number;
  readonly openedAt: string;
  readonly updatedAt: string;
}

export interface CasePage {
  readonly items: readonly CaseSummary[];
  /** How many cases match the filters, across all pages. */
  readonly total: number;
  /** Pass as ?cursor= for the next page; absent on the last page. */
  readonly nextCursor?: string;
}

/** A case list's pages: the latest update first, then case id. */
const casesCursor = keysetCursor([instantKey, caseIdKey]);

export function toSummary(row: CaseRow): CaseSummary {
  const record = fromCaseRow(row);
  return {
    caseId: record.caseId,
    reference: record.reference,
    workflow: record.workflow,
    workflowVersion: record.workflowVersion,
    state: record.state,
    status: record.status,
    region: record.region,
    assignees: record.assignees,
    details: record.details,
    openClocks: row.open_clocks,
    nextDueAt: record.nextDueAt,
    nextDuePaused: record.nextDueAt !== null && record.clocks.some((clock) => clock.status === 'paused' && clock.dueAt === record.nextDueAt),
    revision: record.revision,
    position: record.position,
    openedAt: record.openedAt,
    updatedAt: record.updatedAt,
  };
}

/**
 * Queries over the cases read model. Pages are ordered by last update, newest first, with keyset
 * cursors: a page never repeats or skips a case that did not change while the client paged.
 */
@Injectable()
export class CaseQueries {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModelDatabase) {}

  private get db(): Database.Database {
    return this.readModels.db;
  }

  get(caseId: string): CaseRecord | undefined {
    const row = this.readModels.prepare<[string], CaseRow>('SELECT * FROM cases WHERE case_id = ?').get(caseId);
    return row && fromCaseRow(row);
  }

  /** The case with this human reference, if the read model has seen it. */
  byReference(reference: string): CaseRecord | undefined {
    const row = this.readModels.prepare<[string], CaseRow>('SELECT * FROM cases WHERE reference = ?').get(reference);
    return row && fromCaseRow(row);
  }

  /** The reference and workflow of each of these cases the read model holds, by case id. */
  namesOf(caseIds: readonly string[]): Record<string, { reference: string | null; workflow: string }> {
    const rows = this.readModels
      .prepare<[string], { case_id: string; reference: string | null; workflow: string }>('SELECT case_id, reference, workflow FROM cases WHERE case_id IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify([...new Set(caseIds)]));
    return Object.fromEntries(rows.map((row) => [row.case_id, { reference: row.reference, workflow: row.workflow }]));
  }

  /**
   * `flags`: each workflow's facts that call for attention when true, for `?attention=true` (none:
   * no case can match).
   */
  list(query: CaseListQuery, hiddenWorkflows: readonly string[] = [], flags: readonly AttentionFlag[] = []): CasePage {
    const where: string[] = [];
    const params: Record<string, unknown> = {};
    if (query.attention) {
      where.push(`(${flags.map((_, i) => `(workflow = @flagWorkflow${i} AND json_extract(details, @flagPath${i}) = 1)`).join(' OR ') || '0'})`);
      flags.forEach((flag, i) => {
        params[`flagWorkflow${i}`] = flag.workflow;
        params[`flagPath${i}`] = `$.${flag.field}`;
      });
    }
    if (query.workflow) {
      where.push('workflow = @workflow');
      params['workflow'] = query.workflow;
    }
    if (query.state) {
      where.push('(state = @state OR state LIKE @statePrefix)');
      params['state'] = query.state;
      params['statePrefix'] = `${query.state}.%`;
    }
    if (query.status) {
      where.push('status = @status');
      params['status'] = query.status;
    }
    if (query.region) {
      where.push('region = @region');
      params['region'] = query.region;
    }
    if (query.assignee) {
      where.push('case_id IN (SELECT case_id FROM case_assignees WHERE assignee_id = @assignee)');
      params['assignee'] = query.assignee;
    }
    query.ids?.forEach((id, i) => {
      params[`id${i}`] = id;
    });
    if (query.ids) where.push(`case_id IN (${query.ids.map((_, i) => `@id${i}`).join(', ')})`);
    if (query.updatedSince) {
      where.push('updated_at >= @updatedSince');
      params['updatedSince'] = new Date(query.updatedSince).toISOString();
    }
    where.push(...hideCases(hiddenWorkflows));
    Object.assign(params, hiddenCaseParams(hiddenWorkflows));
    const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const total = this.db.prepare<Record<string, unknown>, { n: number }>(`SELECT count(*) AS n FROM cases ${filter}`).get(params)!.n;
    const page: string[] = [...where];
    if (query.cursor) {
      const [updatedAt, caseId] = casesCursor.decode('cases', query.cursor);
      page.push('(updated_at, case_id) < (@cursorUpdatedAt, @cursorCaseId)');
      params['cursorUpdatedAt'] = updatedAt;
      params['cursorCaseId'] = caseId;
    }
    const rows = this.db
      .prepare<Record<string, unknown>, CaseRow>(
        `SELECT * FROM cases ${page.length > 0 ? `WHERE ${page.join(' AND ')}` : ''}
         ORDER BY updated_at DESC, case_id DESC LIMIT @limit`,
      )
      .all({ ...params, limit: query.limit + 1 });
    const items = rows.slice(0, query.limit);
    const last = items[items.length - 1];
    return {
      items: items.map(toSummary),
      total,
      ...(rows.length > query.limit && last ? { nextCursor: casesCursor.encode('cases', [last.updated_at, last.case_id]) } : {}),
    };
  }
}
