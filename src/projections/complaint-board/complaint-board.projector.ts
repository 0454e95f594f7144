import { EventsHandler } from '@nestjs/cqrs';
import { boardRecordOf, boardRowOf, complaintBoardProjection } from '../../../projections/complaint-board';
import type { CaseRecord } from '../../../projections/cases';
import { CaseRecordFolds } from '../cases/case-record-folds';
import { ProjectedEvent, Projector, type ProjectionTables, type RowStore } from '../projector';
import { boardRows } from './complaint-board.queries';

/** A complaint's board row, read and written through the tables' row cache. */
const boardRowStore = (tables: ProjectionTables): RowStore<CaseRecord> => ({
  load(caseId) {
    const row = boardRows.get(tables, caseId);
    return row ? boardRecordOf(row) : undefined;
  },
  save(_caseId, record) {
    boardRows.put(tables, boardRowOf(record));
  },
});

@EventsHandler(ProjectedEvent)
export class ComplaintBoardProjector extends Projector {
  constructor(private readonly folds: CaseRecordFolds) {
    super();
  }

  readonly projection = complaintBoardProjection;

  /** The runner hands it only complaint events (the projection's `workflows`). */
  handle({ event, tables }: ProjectedEvent): void {
    const board = tables.rows(complaintBoardProjection.name, boardRowStore(tables));
    board.set(event.caseId, this.folds.fold(board.get(event.caseId), event, !tables.exclusive));
  }
}
