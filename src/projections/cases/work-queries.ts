import { Inject, Injectable } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { caseIdKey, instantKey, keysetCursor } from '../../http/keyset-cursor';
import { isOpen } from '../../../domain/clocks/state';
import { StaffId } from '../../../domain/schemas';
import type { CaseRecord, CaseRow } from '../../../projections/cases';
import { READ_MODELS } from '../projections.tokens';
import type { ReadModelDatabase } from '../read-model.database';
import { hiddenCaseParams, hideCases } from '../hidden-cases';
import { MinPosition, queryInteger } from '../../http/query-schemas';

/**
 * The cases read model's SQL for "my work": a person's inbox (their open cases, the next due
 * first) and the workload of each person (open cases and clocks per assignee).
 */

export const InboxQuery = z.strictObject({
  /** A login, as commands assign them: any other matches no case, so it is refused rather than answered with none. */
  assignee: StaffId.optional(),
  limit: queryInteger(1, 200).default(50),
  cursor: z.string().max(500).optional(),
  minPosition: MinPosition,
});
export type InboxQuery = z.infer<typeof InboxQuery>;

export const WorkloadQuery = z.strictObject({
  minPosition: MinPosition,
});

/** Cases with no open clock come last: their sort key is after every instant. */
const NO_DUE = '9999-12-31T23:59:59.999Z';
const DUE_KEY = `coalesce(next_due_at, '${NO_DUE}')`;

/** An inbox's pages: by the next due time (none last), then case id. */
const inboxCursor = keysetCursor([instantKey, caseIdKey]);

/** Open cases and clocks of one person, or of the open cases nobody is assigned to (`assignee: null`). */
export interface WorkloadRow {
  readonly assignee: string | null;
  readonly openCases: number;
  /** Clocks running or paused. */
  readonly openClocks: number;
  /** Running clocks with at least one warning recorded. */
  readonly warned: number;
  /** Running clocks past their due time, breach not recorded yet. */
  readonly overdue: number;
  /** Clocks breached and not met since. */
  readonly breached: number;
  readonly nextDueAt: string | null;
  /** Of their open cases, those they can no longer work (they left, or their role no longer takes the case's steps): to be given to someone else. */
  readonly cannotWork: number;
}

/** Whether a person can no longer work a case given to them (decided by the caller: the directory and the permission rules). */
export type CannotWork = (assignee: string, facts: { readonly caseId: string; readonly workflow: string; readonly workflowVersion: number; readonly readAs: string }) => boolean;

@Injectable()
export class WorkQueries {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModelDatabase) {}

  private get db(): Database.Database {
    return this.readModels.db;
  }

  /** One person's open cases, the one whose clock falls due first first; cases without an open clock last. */
  inbox(assignee: string, hiddenWorkflows: readonly string[], limit: number, cursor?: string): { rows: CaseRow[]; nextCursor?: string } {
    const where = ["c.status = 'open'", 'c.case_id IN (SELECT case_id FROM case_assignees WHERE assignee_id = @assignee)', ...hideCases(hiddenWorkflows, 'c.')];
    const params: Record<string, unknown> = { assignee, limit: limit + 1, ...hiddenCaseParams(hiddenWorkflows) };
    if (cursor) {
      const [due, caseId] = inboxCursor.decode('inbox', cursor);
      where.push(`(${DUE_KEY}, c.case_id) > (@cursorDue, @cursorCase)`);
      Object.assign(params, { cursorDue: due, cursorCase: caseId });
    }
    const rows = this.db
      .prepare<Record<string, unknown>, CaseRow>(`SELECT c.* FROM cases c WHERE ${where.join(' AND ')} ORDER BY ${DUE_KEY}, c.case_id LIMIT @limit`)
      .all(params);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { rows: page, ...(rows.length > limit && last ? { nextCursor: inboxCursor.encode('inbox', [last.next_due_at ?? NO_DUE, last.case_id]) } : {}) };
  }

  /**
   * Open cases and their clocks per assignee (a case with two assignees counts for each), and the
   * open cases nobody is assigned to; busiest first. With `only`, that person alone.
   */
  workload(hiddenWorkflows: readonly string[], now: Date, cannotWork: CannotWork, only?: string): WorkloadRow[] {
    const where = ["c.status = 'open'", ...hideCases(hiddenWorkflows, 'c.')];
    const params: Record<string, unknown> = hiddenCaseParams(hiddenWorkflows);
    if (only !== undefined) {
      where.push('a.assignee_id = @only');
      params['only'] = only;
    }
    const rows = this.db
      .prepare<
        Record<string, unknown>,
        { assignee: string | null; case_id: string; workflow: string; workflow_version: number; read_as: string; clocks: string; open_clocks: number; next_due_at: string | null }
      >(
        `SELECT a.assignee_id AS assignee, c.case_id, c.workflow, c.workflow_version, c.read_as, c.clocks, c.open_clocks, c.next_due_at
         FROM cases c ${only !== undefined ? 'JOIN' : 'LEFT JOIN'} case_assignees a ON a.case_id = c.case_id
         WHERE ${where.join(' AND ')}`,
      )
      .all(params);
    const totals = new Map<string | null, { -readonly [K in keyof WorkloadRow]: WorkloadRow[K] }>();
    for (const row of rows) {
      const total = totals.get(row.assignee) ?? { assignee: row.assignee, openCases: 0, openClocks: 0, warned: 0, overdue: 0, breached: 0, nextDueAt: null, cannotWork: 0 };
      total.openCases += 1;
      if (row.assignee !== null && cannotWork(row.assignee, { caseId: row.case_id, workflow: row.workflow, workflowVersion: row.workflow_version, readAs: row.read_as })) {
        total.cannotWork += 1;
      }
      total.openClocks += row.open_clocks;
      for (const clock of JSON.parse(row.clocks) as CaseRecord['clocks']) {
        if (clock.status === 'running' && clock.warnedThresholds.length > 0) total.warned += 1;
        if (clock.status === 'running' && Date.parse(clock.dueAt) <= now.getTime()) total.overdue += 1;
        if (clock.status === 'breached' && isOpen(clock)) total.breached += 1;
      }
      if (row.next_due_at !== null && (total.nextDueAt === null || row.next_due_at < total.nextDueAt)) total.nextDueAt = row.next_due_at;
      totals.set(row.assignee, total);
    }
    return [...totals.values()].sort((a, b) => b.openCases - a.openCases || String(a.assignee).localeCompare(String(b.assignee)));
  }
}
