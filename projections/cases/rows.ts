import type { RegionCode } from '../../domain/regions';
import type { CaseRecord } from './case-record';

/** A row of the `cases` table. */
export interface CaseRow {
  case_id: string;
  reference: string | null;
  stream_id: string;
  workflow: string;
  workflow_version: number;
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

export function toCaseRow(record: CaseRecord): CaseRow {
  return {
    case_id: record.caseId,
    reference: record.reference,
    stream_id: record.streamId,
    workflow: record.workflow,
    workflow_version: record.workflowVersion,
    state: record.state,
    status: record.status,
    region: record.region,
    assignees: JSON.stringify(record.assignees),
    details: JSON.stringify(record.details),
    clocks: JSON.stringify(record.clocks),
    open_clocks: record.clocks.filter((c) => c.status === 'running' || c.status === 'paused').length,
    next_due_at: record.nextDueAt,
    revision: record.revision,
    position: record.position,
    opened_at: record.openedAt,
    updated_at: record.updatedAt,
    persisted: JSON.stringify(record.persisted),
  };
}

export function fromCaseRow(row: CaseRow): CaseRecord {
  return {
    caseId: row.case_id,
    reference: row.reference,
    streamId: row.stream_id,
    workflow: row.workflow,
    workflowVersion: row.workflow_version,
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
