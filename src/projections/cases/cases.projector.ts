import { EventsHandler } from '@nestjs/cqrs';
import { casesProjection, fromCaseRow, toCaseRow, type CaseRecord } from '../../../projections/cases';
import { CaseRecordFolds } from './case-record-folds';
import { ProjectedEvent, Projector, type ProjectionTables, type RowStore } from '../projector';
import { caseRows } from './case-queries';

/** A case's row, read and written through the tables' row cache; its assignees kept in step. */
const caseRowStore = (tables: ProjectionTables): RowStore<CaseRecord> => ({
  load(caseId) {
    const row = caseRows.get(tables, caseId);
    return row ? fromCaseRow(row) : undefined;
  },
  save(caseId, record, stored) {
    caseRows.put(tables, toCaseRow(record));
    const before = new Set(stored?.assignees ?? []);
    const after = new Set(record.assignees);
    for (const gone of before) if (!after.has(gone)) caseRows.unassign(tables, gone, caseId);
    for (const added of after) if (!before.has(added)) caseRows.assign(tables, added, caseId);
  },
});

@EventsHandler(ProjectedEvent)
export class CasesProjector extends Projector {
  constructor(private readonly folds: CaseRecordFolds) {
    super();
  }

  readonly projection = casesProjection;

  handle({ event, tables }: ProjectedEvent): void {
    const cases = tables.rows(casesProjection.name, caseRowStore(tables));
    cases.set(event.caseId, this.folds.fold(cases.get(event.caseId), event, !tables.exclusive));
  }
}
