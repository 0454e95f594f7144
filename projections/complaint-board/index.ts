import { complaintWorkflow } from '../../workflows/complaint';
import { ACKNOWLEDGEMENT_CLOCK, responseClock } from '../../workflows/complaint/clocks';
import { foldCaseRecord, storedCaseRecordJson, type CaseRecord } from '../cases/case-record';
import type { ProjectionDefinition, ProjectionEvent } from '../projection';
import type { ClockStatus } from '../../domain/clocks/state';
import type { RegionCode } from '../../domain/regions';

/**
 * The complaint escalation board: each open complaint at its level of authority, with its handler
 * and the response due at that level, so a supervisor sees where every complaint stands.
 */
export const complaintBoardProjection: ProjectionDefinition = {
  name: 'complaint-board',
  version: 5, // 4: a clock met on time, entered after its breach was recorded, reads met; 5: the reference
  description: 'Complaints by level of authority, with handler and response due time',
  workflows: [complaintWorkflow.name],
  tables: [
    {
      name: 'complaint_board',
      create: (t) => [
        `CREATE TABLE ${t} (
          case_id TEXT PRIMARY KEY,
          reference TEXT,
          read_as TEXT NOT NULL,
          level INTEGER NOT NULL,
          level_title TEXT NOT NULL,
          level_title_fr TEXT,
          state TEXT NOT NULL,
          status TEXT NOT NULL,
          region TEXT NOT NULL,
          handler_id TEXT,
          response_due_at TEXT,
          response_clock_status TEXT,
          acknowledgement_status TEXT,
          opened_at TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          record TEXT NOT NULL
        )`,
        `CREATE INDEX ${t}_by_level ON ${t} (status, level, response_due_at)`,
      ],
    },
  ],
};

/** A row of the board. */
export interface BoardRow {
  case_id: string;
  /** The complaint's human reference; null for complaints opened before references. */
  reference: string | null;
  /** The workflow whose read scope applies: the complaint's own, or the program's it concerns. */
  read_as: string;
  level: number;
  level_title: string;
  /** The level's title in French, where configuration gave one. */
  level_title_fr: string | null;
  state: string;
  status: 'open' | 'closed';
  region: RegionCode;
  handler_id: string | null;
  response_due_at: string | null;
  response_clock_status: ClockStatus | null;
  acknowledgement_status: ClockStatus | null;
  opened_at: string;
  updated_at: string;
  record: string;
}

/** Folds a complaint event into its board row. Pure. */
export function projectBoardRow(previous: BoardRow | undefined, event: ProjectionEvent): BoardRow {
  return boardRowOf(foldCaseRecord(previous ? boardRecordOf(previous) : undefined, event));
}

/** The case record a board row was written from. */
export function boardRecordOf(row: BoardRow): CaseRecord {
  return JSON.parse(row.record) as CaseRecord;
}

/** The board row of a complaint, from its case record. Pure. */
export function boardRowOf(record: CaseRecord): BoardRow {
  const level = Number(record.details['level'] ?? 1);
  const response = record.clocks.find((c) => c.clock === responseClock(level));
  const acknowledgement = record.clocks.find((c) => c.clock === ACKNOWLEDGEMENT_CLOCK);
  return {
    case_id: record.caseId,
    reference: record.reference,
    read_as: record.readAs ?? record.workflow,
    level,
    level_title: String(record.details['levelTitle'] ?? ''),
    level_title_fr: typeof record.details['levelTitleFr'] === 'string' ? record.details['levelTitleFr'] : null,
    state: record.state,
    status: record.status,
    region: record.region,
    handler_id: record.assignees[0] ?? null,
    response_due_at: response?.dueAt ?? null,
    response_clock_status: response?.status ?? null,
    acknowledgement_status: acknowledgement?.status ?? null,
    opened_at: record.openedAt,
    updated_at: record.updatedAt,
    record: storedCaseRecordJson(record),
  };
}
