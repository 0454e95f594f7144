import type { RegionCode } from '../../domain/regions';
import { caseRecordJson, type CaseRecord } from './case-record';

/** A row of the `cases` table. */
export interface CaseRow {
  case_id: string;
  reference: string | null;
  stream_id: string;
  workflow: string;
  workflow_version: number;
  /** The workflow whose read scope applies: its own, or the one the case is read as. */
  read_as: string;
  state: string;
  status: 'open' | 'closed';
  region: string;
  assignees: string;
  details: string;
  clocks: string;
  open_clocks: number;
  next_due_at: string | null;
  revision: number;
  position: number;
  opened_at: string;
  updated_at: string;
  persisted: string;
}

/** The row of a case. Its JSON columns are canonical (see caseRecordJson). */
export function toCaseRow(record: CaseRecord): CaseRow {
  const json = caseRecordJson(record);
  return {
    case_id: record.caseId,
    reference: record.reference,
    stream_id: record.streamId,
    workflow: record.workflow,
    workflow_version: record.workflowVersion,
    read_as: record.readAs ?? record.workflow,
    state: record.state,
    status: record.status,
    region: record.region,
    assignees: JSON.stringify(record.assignees),
    details: json.details,
    clocks: json.clocks,
    open_clocks: record.clocks.filter((c) => (c.status === 'running' || c.status === 'paused') && c.standard !== false).length,
    next_due_at: record.nextDueAt,
    revision: record.revision,
    position: record.position,
    opened_at: record.openedAt,
    updated_at: record.updatedAt,
    persisted: json.persisted,
  };
}

export function fromCaseRow(row: CaseRow): CaseRecord {
  return {
    caseId: row.case_id,
    reference: row.reference,
    streamId: row.stream_id,
    workflow: row.workflow,
    workflowVersion: row.workflow_version,
    ...(row.read_as !== row.workflow ? { readAs: row.read_as } : {}),
    state: row.state,
    status: row.status,
    region: row.region as RegionCode,
    assignees: JSON.parse(row.assignees) as string[],
    details: JSON.parse(row.details) as CaseRecord['details'],
    clocks: JSON.parse(row.clocks) as CaseRecord['clocks'],
    nextDueAt: row.next_due_at,
    revision: row.revision,
    position: row.position,
    openedAt: row.opened_at,
    updatedAt: row.updated_at,
    persisted: JSON.parse(row.persisted) as CaseRecord['persisted'],
  };
}
