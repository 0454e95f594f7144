import { EventsHandler } from '@nestjs/cqrs';
import { casesProjection, foldCaseRecord, fromCaseRow, toCaseRow } from '../../../projections/cases';
import { ProjectedEvent, Projector } from '../projector';
import { caseRows } from './case-queries';

@EventsHandler(ProjectedEvent)
export class CasesProjector extends Projector {
  readonly projection = casesProjection;

  handle({ event, tables }: ProjectedEvent): void {
    const row = caseRows.get(tables, event.caseId);
    const previous = row ? fromCaseRow(row) : undefined;
    const record = foldCaseRecord(previous, event);
    caseRows.put(tables, toCaseRow(record));
    const before = new Set(previous?.assignees ?? []);
    const after = new Set(record.assignees);
    for (const gone of before) if (!after.has(gone)) caseRows.unassign(tables, gone, event.caseId);
    for (const added of after) if (!before.has(added)) caseRows.assign(tables, added, event.caseId);
  }
}
