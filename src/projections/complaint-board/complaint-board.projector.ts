import { EventsHandler } from '@nestjs/cqrs';
import { complaintBoardProjection, projectBoardRow } from '../../../projections/complaint-board';
import { ProjectedEvent, Projector } from '../projector';
import { boardRows } from './complaint-board.queries';

@EventsHandler(ProjectedEvent)
export class ComplaintBoardProjector extends Projector {
  readonly projection = complaintBoardProjection;

  /** The runner hands it only complaint events (the projection's `workflows`). */
  handle({ event, tables }: ProjectedEvent): void {
    boardRows.put(tables, projectBoardRow(boardRows.get(tables, event.caseId), event));
  }
}
