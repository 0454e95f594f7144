import { EventsHandler } from '@nestjs/cqrs';
import { casesProjection, foldCaseRecord, fromCaseRow, toCaseRow, type CaseRow } from '../../../projections/cases';
import type { ProjectionEvent } from '../../../projections/projection';
import { ProjectedEvent, Projector, type ProjectionUnit } from '../projected-event';

@EventsHandler(ProjectedEvent)
export class CasesProjector extends Projector {
  readonly projection = casesProjection.name;

  protected project(event: ProjectionEvent, unit: ProjectionUnit): void {
    const row = unit.statement<[string], CaseRow>('SELECT * FROM {cases} WHERE case_id = ?').get(event.caseId);
    const previous = row ? fromCaseRow(row) : undefined;
    const record = foldCaseRecord(previous, event);
    const next = toCaseRow(record);
    unit
      .statement(
        `INSERT INTO {cases} (case_id, stream_id, workflow, workflow_version, state, status, region, assignees, details,
           clocks, open_clocks, next_due_at, revision, position, opened_at, updated_at, persisted)
         VALUES (@case_id, @stream_id, @workflow, @workflow_version, @state, @status, @region, @assignees, @details,
           @clocks, @open_clocks, @next_due_at, @revision, @position, @opened_at, @updated_at, @persisted)
         ON CONFLICT (case_id) DO UPDATE SET state = excluded.state, status = excluded.status, region = excluded.region,
           assignees = excluded.assignees, details = excluded.details, clocks = excluded.clocks,
           open_clocks = excluded.open_clocks, next_due_at = excluded.next_due_at, revision = excluded.revision,
           position = excluded.position, updated_at = excluded.updated_at, persisted = excluded.persisted`,
      )
      .run(next);
    const before = new Set(previous?.assignees ?? []);
    const after = new Set(record.assignees);
    for (const gone of before) {
      if (!after.has(gone)) unit.statement('DELETE FROM {case_assignees} WHERE assignee_id = ? AND case_id = ?').run(gone, event.caseId);
    }
    for (const added of after) {
      if (!before.has(added)) unit.statement('INSERT INTO {case_assignees} (assignee_id, case_id) VALUES (?, ?)').run(added, event.caseId);
    }
  }
}
