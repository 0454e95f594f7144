import { EventsHandler } from '@nestjs/cqrs';
import { complaintBoardProjection, isComplaintEvent, projectBoardRow, type BoardRow } from '../../../projections/complaint-board';
import type { ProjectionEvent } from '../../../projections/projection';
import { ProjectedEvent, Projector, type ProjectionUnit } from '../projected-event';

@EventsHandler(ProjectedEvent)
export class ComplaintBoardProjector extends Projector {
  readonly projection = complaintBoardProjection.name;

  protected project(event: ProjectionEvent, unit: ProjectionUnit): void {
    if (!isComplaintEvent(event)) return;
    const previous = unit.statement<[string], BoardRow>('SELECT * FROM {complaint_board} WHERE case_id = ?').get(event.caseId);
    unit
      .statement(
        `INSERT OR REPLACE INTO {complaint_board} (case_id, level, level_title, state, status, region, handler_id,
           response_due_at, response_clock_status, acknowledgement_status, opened_at, updated_at, record)
         VALUES (@case_id, @level, @level_title, @state, @status, @region, @handler_id, @response_due_at,
           @response_clock_status, @acknowledgement_status, @opened_at, @updated_at, @record)`,
      )
      .run(projectBoardRow(previous, event));
  }
}
