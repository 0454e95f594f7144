import { Inject, Injectable } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { caseIdKey, instantKey, keysetCursor } from '../http/keyset-cursor';
import { RegionCode } from '../../domain/regions';
import { COUNTER_COLUMNS, WEEK_COLUMNS, weekOf, type SlaAlertRow, type SlaClockRow, type SlaCounts, type WeekDelta } from '../../projections/sla-clocks';
import { READ_MODELS } from '../projections/projections.tokens';
import type { ProjectionTables } from '../projections/projector';
import type { ReadModelDatabase } from '../projections/read-model.database';
import { hiddenCaseParams, hideCases } from '../projections/hidden-cases';
import { MinPosition, QueryInstant, queryInteger } from '../http/query-schemas';

/** The sla-clocks read model's SQL: what its projector writes, what the scheduler sweeps, what supervisors and metrics read. */

const columns = (names: readonly string[]) => names.join(', ');
const params = (names: readonly string[]) => names.map((n) => `@${n}`).join(', ');

const CLOCK_COLUMNS = [
  'case_id', 'clock', 'stream_id', 'workflow', 'read_as', 'standard', 'region', 'level', 'name', 'name_fr', 'basis', 'days', 'status', 'warned',
  'warned_thresholds', 'pending_warnings', 'started_at', 'due_at', 'next_deadline_at', 'paused_at',
  'breached_at', 'met_at', 'on_time', 'cancelled_at', 'revision', 'position', 'updated_at',
] as const;
const ALERT_COLUMNS = ['position', 'type', 'case_id', 'clock', 'workflow', 'read_as', 'region', 'level', 'name', 'name_fr', 'threshold', 'at', 'due_at', 'occurred_at'] as const;

const SELECT_CLOCK = 'SELECT * FROM {sla_clocks} WHERE case_id = ? AND clock = ?';
// Bound by position: better-sqlite3 looks each named parameter up in the row from C++, a quarter of the write's time for 26 columns.
const PUT_CLOCK = `INSERT OR REPLACE INTO {sla_clocks} (${columns(CLOCK_COLUMNS)}) VALUES (${CLOCK_COLUMNS.map(() => '?').join(', ')})`;
const ADD_COUNTS = `INSERT INTO {sla_summary} (workflow, read_as, region, level, ${columns(COUNTER_COLUMNS)})
  VALUES (@workflow, @read_as, @region, @level, ${params(COUNTER_COLUMNS)})
  ON CONFLICT (workflow, read_as, region, level) DO UPDATE SET ${COUNTER_COLUMNS.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')}`;
const PUT_ALERT = `INSERT OR REPLACE INTO {sla_alerts} (${columns(ALERT_COLUMNS)}) VALUES (${params(ALERT_COLUMNS)})`;
const ADD_WEEK = `INSERT INTO {sla_weeks} (week, workflow, read_as, region, level, ${columns(WEEK_COLUMNS)})
  VALUES (@week, @workflow, @read_as, @region, @level, ${params(WEEK_COLUMNS)})
  ON CONFLICT (week, workflow, read_as, region, level) DO UPDATE SET ${WEEK_COLUMNS.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')}`;

type SummaryDelta = Pick<SlaClockRow, 'workflow' | 'read_as' | 'region' | 'level'> & SlaCounts;

/** The projector's reads and writes, in the generation being written. */
export const slaClockRows = {
  get: (tables: ProjectionTables, caseId: string, clock: string): SlaClockRow | undefined =>
    tables.statement<[string, string], SlaClockRow>(SELECT_CLOCK).get(caseId, clock),
  put: (tables: ProjectionTables, row: SlaClockRow): void => void tables.statement(PUT_CLOCK).run(...CLOCK_COLUMNS.map((column) => row[column])),
  /** Summed per group while the transaction is open, written when it ends. */
  addCounts: (tables: ProjectionTables, group: Pick<SlaClockRow, 'workflow' | 'read_as' | 'region' | 'level'>, delta: SlaCounts): void =>
    tables
      .added<SummaryDelta>('sla_summary', COUNTER_COLUMNS, (sum) => void tables.statement(ADD_COUNTS).run(sum))
      .add(`${group.workflow}\u0000${group.read_as}\u0000${group.region}\u0000${group.level}`, {
        workflow: group.workflow,
        read_as: group.read_as,
        region: group.region,
        level: group.level,
        ...delta,
      }),
  putAlert: (tables: ProjectionTables, alert: SlaAlertRow): void => void tables.statement(PUT_ALERT).run(alert),
  /** Summed per group while the transaction is open, written when it ends. */
  addWeek: (tables: ProjectionTables, delta: WeekDelta): void =>
    tables
      .added<WeekDelta>('sla_weeks', WEEK_COLUMNS, (sum) => void tables.statement(ADD_WEEK).run(sum))
      .add(`${delta.week}\u0000${delta.workflow}\u0000${delta.read_as}\u0000${delta.region}\u0000${delta.level}`, delta),
};

const COUNT_DUE = 'SELECT read_as AS workflow, count(*) AS n FROM sla_clocks WHERE next_deadline_at IS NOT NULL AND next_deadline_at <= ? GROUP BY read_as';
const DUE_BATCH = `SELECT case_id, next_deadline_at, read_as AS workflow FROM sla_clocks
  WHERE next_deadline_at IS NOT NULL AND next_deadline_at <= @at
    AND (next_deadline_at, case_id) > (@afterAt, @afterCase)
  ORDER BY next_deadline_at, case_id LIMIT @limit`;
/**
 * `warned` counts running clocks with a warning recorded; `running` the others, so the statuses add
 * up. A clock counts under the workflow its case is read as (a complaint about an RO case, as RO).
 */
const CLOCKS_BY_STATUS = `SELECT read_as AS workflow, CASE WHEN status = 'running' AND warned = 1 THEN 'warned' ELSE status END AS status, count(*) AS n
  FROM sla_clocks WHERE standard = 1 GROUP BY 1, 2`;

/** A row the scheduler finds due: a case with a clock whose next deadline has passed. */
export interface DueRow {
  readonly case_id: string;
  readonly next_deadline_at: string;
  /** The workflow its case is read as (a complaint about an RO case, as RO). */
  readonly workflow: string;
}

/** `warned` is a running clock with at least one warning recorded. */
const SlaStatus = z.enum(['running', 'warned', 'paused', 'breached', 'met', 'cancelled']);

export const SlaClocksQuery = z.strictObject({
  status: SlaStatus.optional(),
  workflow: z.string().min(1).max(100).optional(),
  region: RegionCode.optional(),
  level: queryInteger(1).optional(),
  caseId: z.uuid().optional(),
  dueBefore: QueryInstant.optional(),
  /** `earliest` due first (the at-risk list), or `latest` (the breaches a supervisor reads, newest first). */
  order: z.enum(['earliest', 'latest']).default('earliest'),
  limit: queryInteger(1, 500).default(50),
  cursor: z.string().max(500).optional(),
  minPosition: MinPosition,
});
export type SlaClocksQuery = z.infer<typeof SlaClocksQuery>;

export const SlaSummaryQuery = z.strictObject({
  workflow: z.string().min(1).max(100).optional(),
  region: RegionCode.optional(),
  minPosition: MinPosition,
});
export type SlaSummaryQuery = z.infer<typeof SlaSummaryQuery>;

export const SlaWeeksQuery = z.strictObject({
  workflow: z.string().min(1).max(100).optional(),
  region: RegionCode.optional(),
  weeks: queryInteger(1, 104).default(12),
  minPosition: MinPosition,
});
export type SlaWeeksQuery = z.infer<typeof SlaWeeksQuery>;

/** One week of clock outcomes. */
export interface SlaWeek {
  /** The week's Monday, a local date. */
  readonly week: string;
  readonly metOnTime: number;
  readonly metLate: number;
  readonly breached: number;
  /** metOnTime / (metOnTime + metLate + breached); null in a week without outcomes. */
  readonly onTimeRate: number | null;
}

export interface SlaWeeks {
  readonly asOf: string;
  readonly weeks: readonly SlaWeek[];
}

/** One clock as supervisors see it. */
export interface SlaClockItem {
  readonly caseId: string;
  /** The case's human reference; null until the cases read model has the case. */
  readonly reference: string | null;
  readonly clock: string;
  readonly workflow: string;
  readonly region: string;
  readonly level: number | null;
  readonly name: string;
  readonly nameFr?: string;
  readonly basis: 'business' | 'calendar';
  readonly days: number;
  readonly status: SlaClockRow['status'];
  readonly warnedThresholds: readonly number[];
  readonly startedAt: string;
  readonly dueAt: string;
  /** The next warning or the due time: when the scheduler acts next. Null unless running. */
  readonly nextDeadlineAt: string | null;
  /** Running past its due time: the breach is about to be recorded. */
  readonly overdue: boolean;
  readonly pausedAt: string | null;
  readonly breachedAt: string | null;
  readonly metAt: string | null;
  readonly onTime: boolean | null;
  readonly cancelledAt: string | null;
  readonly updatedAt: string;
}

export interface SlaClockPage {
  readonly items: readonly SlaClockItem[];
  /** Pass as ?cursor= for the next page; absent on the last page. */
  readonly nextCursor?: string;
}

export interface SlaCountsView {
  readonly running: number;
  readonly warned: number;
  /** Running clocks past their due time whose breach is not recorded yet. */
  readonly overdue: number;
  readonly paused: number;
  readonly breached: number;
  readonly met: number;
  readonly metOnTime: number;
  readonly metLate: number;
  readonly cancelled: number;
  /** Met on time / (met + breached); null while no clock has been met or breached. */
  readonly onTimeRate: number | null;
}

export interface SlaGroupKey {
  readonly workflow: string;
  readonly region: string;
  readonly level: number | null;
}

export interface SlaSummary {
  readonly asOf: string;
  readonly overall: SlaCountsView;
  readonly byWorkflow: readonly (SlaCountsView & { workflow: string })[];
  readonly byRegion: readonly (SlaCountsView & { region: string })[];
  readonly byLevel: readonly (SlaCountsView & { level: number | null })[];
  readonly groups: readonly (SlaCountsView & SlaGroupKey)[];
}

type Counts = SlaCounts & { overdue: number };
type GroupRow = Counts & { workflow: string; region: string; level: number };
const COUNTED = [...COUNTER_COLUMNS, 'overdue'] as const;
const ZERO: Counts = { running: 0, warned: 0, paused: 0, breached: 0, met: 0, met_on_time: 0, cancelled: 0, overdue: 0 };

/** The clock list's pages, in either order: by due time, then case id and clock key. */
const clocksCursor = keysetCursor([instantKey, caseIdKey, z.string().min(1).max(200)]);

/** The case's reference, from the cases read model (a case's reference never changes once minted). */
const referenceOf = (table: string) => `(SELECT reference FROM cases WHERE cases.case_id = ${table}.case_id) AS reference`;
export interface WithReference {
  readonly reference: string | null;
}

function toClockItem(row: SlaClockRow & WithReference, now: Date): SlaClockItem {
  return {
    caseId: row.case_id,
    reference: row.reference,
    clock: row.clock,
    workflow: row.workflow,
    region: row.region,
    level: row.level > 0 ? row.level : null,
    name: row.name,
    ...(row.name_fr !== null ? { nameFr: row.name_fr } : {}),
    basis: row.basis,
    days: row.days,
    status: row.status,
    warnedThresholds: JSON.parse(row.warned_thresholds) as number[],
    startedAt: row.started_at,
    dueAt: row.due_at,
    nextDeadlineAt: row.next_deadline_at,
    overdue: row.status === 'running' && Date.parse(row.due_at) <= now.getTime(),
    pausedAt: row.paused_at,
    breachedAt: row.breached_at,
    metAt: row.met_at,
    onTime: row.on_time === null ? null : row.on_time === 1,
    cancelledAt: row.cancelled_at,
    updatedAt: row.updated_at,
  };
}

function countsView(counts: Counts): SlaCountsView {
  const closed = counts.met + counts.breached;
  return {
    running: counts.running,
    warned: counts.warned,
    overdue: counts.overdue,
    paused: counts.paused,
    breached: counts.breached,
    met: counts.met,
    metOnTime: counts.met_on_time,
    metLate: counts.met - counts.met_on_time,
    cancelled: counts.cancelled,
    onTimeRate: closed === 0 ? null : Math.round((counts.met_on_time / closed) * 10_000) / 10_000,
  };
}

/** The groups' counts added up by `key`, in key order. */
function rollUp<K extends string | number>(rows: readonly GroupRow[], key: (row: GroupRow) => K): [K, Counts][] {
  const totals = new Map<K, Counts>();
  for (const row of rows) {
    const total = totals.get(key(row)) ?? { ...ZERO };
    for (const column of COUNTED) total[column] += row[column];
    totals.set(key(row), total);
  }
  return [...totals].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Queries over the SLA read model: the at-risk list, the counts, and the warnings and breaches recorded. */
@Injectable()
export class SlaQueries {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModelDatabase) {}

  private get db(): Database.Database {
    return this.readModels.db;
  }

  /** Clocks by due time, earliest first, filtered, with a keyset cursor. */
  clocks(query: SlaClocksQuery, now: Date, hiddenWorkflows: readonly string[]): SlaClockPage {
    // A clock that is no service standard (a complainant's review window) is shown with its case, not here.
    const where = ['standard = 1', ...hideCases(hiddenWorkflows)];
    const params: Record<string, unknown> = { limit: query.limit + 1, ...hiddenCaseParams(hiddenWorkflows) };
    const latest = query.order === 'latest';
    if (query.status === 'warned') where.push("status = 'running' AND warned = 1");
    else if (query.status) {
      where.push('status = @status');
      params['status'] = query.status;
    }
    for (const field of ['workflow', 'region', 'level'] as const) {
      if (query[field] === undefined) continue;
      where.push(`${field} = @${field}`);
      params[field] = query[field];
    }
    if (query.caseId) {
      where.push('case_id = @caseId');
      params['caseId'] = query.caseId;
    }
    if (query.dueBefore) {
      where.push('due_at < @dueBefore');
      params['dueBefore'] = new Date(query.dueBefore).toISOString();
    }
    if (query.cursor) {
      const [dueAt, caseId, clock] = clocksCursor.decode(`sla-clocks:${query.order}`, query.cursor);
      where.push(`(due_at, case_id, clock) ${latest ? '<' : '>'} (@cursorDueAt, @cursorCaseId, @cursorClock)`);
      Object.assign(params, { cursorDueAt: dueAt, cursorCaseId: caseId, cursorClock: clock });
    }
    const rows = this.db
      .prepare<Record<string, unknown>, SlaClockRow & WithReference>(
        `SELECT *, ${referenceOf('sla_clocks')} FROM sla_clocks WHERE ${where.join(' AND ')}
         ORDER BY ${latest ? 'due_at DESC, case_id DESC, clock DESC' : 'due_at, case_id, clock'} LIMIT @limit`,
      )
      .all(params);
    const items = rows.slice(0, query.limit);
    const last = items[items.length - 1];
    return {
      items: items.map((row) => toClockItem(row, now)),
      ...(rows.length > query.limit && last ? { nextCursor: clocksCursor.encode(`sla-clocks:${query.order}`, [last.due_at, last.case_id, last.clock]) } : {}),
    };
  }

  /** Counts per (workflow, region, level), rolled up per workflow, region, level and overall. */
  summary(query: SlaSummaryQuery, now: Date, hiddenWorkflows: readonly string[]): SlaSummary {
    const where = hideCases(hiddenWorkflows, 's.');
    const params: Record<string, unknown> = { now: now.toISOString(), ...hiddenCaseParams(hiddenWorkflows) };
    for (const field of ['workflow', 'region'] as const) {
      if (query[field] === undefined) continue;
      where.push(`s.${field} = @${field}`);
      params[field] = query[field];
    }
    // Overdue clocks are few (the scheduler records their breach at its next sweep): counted from the status index.
    const rows = this.db
      .prepare<Record<string, unknown>, GroupRow>(
        `SELECT s.*, coalesce(o.overdue, 0) AS overdue FROM sla_summary s
         LEFT JOIN (SELECT workflow, read_as, region, level, count(*) AS overdue FROM sla_clocks
                    WHERE status = 'running' AND standard = 1 AND due_at <= @now GROUP BY workflow, read_as, region, level) o
           USING (workflow, read_as, region, level)
         ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY s.workflow, s.region, s.level`,
      )
      .all(params);
    const level = (value: number) => (value > 0 ? value : null);
    return {
      asOf: now.toISOString(),
      overall: countsView(rollUp(rows, () => 0)[0]?.[1] ?? ZERO),
      byWorkflow: rollUp(rows, (r) => r.workflow).map(([workflow, c]) => ({ workflow, ...countsView(c) })),
      byRegion: rollUp(rows, (r) => r.region).map(([region, c]) => ({ region, ...countsView(c) })),
      byLevel: rollUp(rows, (r) => r.level).map(([value, c]) => ({ level: level(value), ...countsView(c) })),
      // One group per (workflow, region, level), whatever read scopes its cases are read under.
      groups: rollUp(rows, (r) => `${r.workflow}\u0000${r.region}\u0000${String(r.level).padStart(6, '0')}`).map(([key, c]) => {
        const [workflow = '', region = '', value = '0'] = key.split('\u0000');
        return { workflow, region, level: level(Number(value)), ...countsView(c) };
      }),
    };
  }

  /**
   * Outcomes of the last `weeks` weeks, oldest first, the current week (in the National Capital
   * Region's calendar) last; weeks without an outcome are there with zeros.
   */
  weeks(query: SlaWeeksQuery, now: Date, hiddenWorkflows: readonly string[]): SlaWeeks {
    const mondays: string[] = [];
    for (let i = query.weeks - 1; i >= 0; i--) mondays.push(weekOf(new Date(now.getTime() - i * 7 * 86_400_000).toISOString(), 'ON'));
    const where = [...hideCases(hiddenWorkflows), 'week >= @from'];
    const params: Record<string, unknown> = { from: mondays[0], ...hiddenCaseParams(hiddenWorkflows) };
    for (const field of ['workflow', 'region'] as const) {
      if (query[field] === undefined) continue;
      where.push(`${field} = @${field}`);
      params[field] = query[field];
    }
    const rows = this.db
      .prepare<Record<string, unknown>, { week: string; met_on_time: number; met_late: number; breached: number }>(
        `SELECT week, sum(met_on_time) AS met_on_time, sum(met_late) AS met_late, sum(breached) AS breached
         FROM sla_weeks WHERE ${where.join(' AND ')} GROUP BY week`,
      )
      .all(params);
    const byWeek = new Map(rows.map((row) => [row.week, row]));
    return {
      asOf: now.toISOString(),
      weeks: mondays.map((week) => {
        const row = byWeek.get(week) ?? { met_on_time: 0, met_late: 0, breached: 0 };
        const settled = row.met_on_time + row.met_late + row.breached;
        return {
          week,
          metOnTime: row.met_on_time,
          metLate: row.met_late,
          breached: row.breached,
          onTimeRate: settled === 0 ? null : Math.round((row.met_on_time / settled) * 10_000) / 10_000,
        };
      }),
    };
  }

  /** Warnings and breaches recorded after a position, oldest first. */
  alertsAfter(position: number, limit: number): (SlaAlertRow & WithReference)[] {
    return this.db
      .prepare<[number, number], SlaAlertRow & WithReference>(`SELECT *, ${referenceOf('sla_alerts')} FROM sla_alerts WHERE position > ? ORDER BY position LIMIT ?`)
      .all(position, limit);
  }

  /** Rows whose next deadline is at or before `at` (what is due), by the workflow each case is read as. */
  countDue(at: string): ReadonlyMap<string, number> {
    return new Map(this.db.prepare<[string], { workflow: string; n: number }>(COUNT_DUE).all(at).map((row) => [row.workflow, row.n]));
  }

  /**
   * Due rows, earliest deadline first, after `after` (where the last full batch ended), at most
   * `limit`. A partial index holds only running clocks, so this reads the due rows and nothing else.
   */
  dueBatch(at: string, limit: number, after: DueRow | undefined): DueRow[] {
    return this.db
      .prepare<{ at: string; limit: number; afterAt: string; afterCase: string }, DueRow>(DUE_BATCH)
      .all({ at, limit, afterAt: after?.next_deadline_at ?? '', afterCase: after?.case_id ?? '' });
  }

  /** Clocks counted per workflow and status (`warned` apart from `running`), for metrics. */
  clocksByStatus(): { workflow: string; status: string; n: number }[] {
    return this.db.prepare<[], { workflow: string; status: string; n: number }>(CLOCKS_BY_STATUS).all();
  }

  /** Position of the last warning or breach recorded, 0 if none. */
  lastAlertPosition(): number {
    return this.db.prepare<[], { position: number | null }>('SELECT max(position) AS position FROM sla_alerts').get()?.position ?? 0;
  }
}
