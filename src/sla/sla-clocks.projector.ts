import { EventsHandler } from '@nestjs/cqrs';
import { clockKeyOf, projectSlaClock, slaClocksProjection, type SlaClockRow } from '../../projections/sla-clocks';
import { ProjectedEvent, Projector, type ProjectionTables, type RowStore } from '../projections/projector';
import { slaClockRows } from './sla-queries';

/** A clock's row, keyed by case and clock, read and written through the tables' row cache. */
const clockRowStore = (tables: ProjectionTables): RowStore<SlaClockRow> => ({
  load(key) {
    const space = key.indexOf(' ');
    return slaClockRows.get(tables, key.slice(0, space), key.slice(space + 1));
  },
  save(_key, row) {
    slaClockRows.put(tables, row);
  },
});

@EventsHandler(ProjectedEvent)
export class SlaClocksProjector extends Projector {
  readonly projection = slaClocksProjection;

  handle({ event, tables }: ProjectedEvent): void {
    const key = clockKeyOf(event);
    if (key === undefined) return;
    const clocks = tables.rows(slaClocksProjection.name, clockRowStore(tables));
    // Case ids hold no space: the cache key is the row's primary key, written out.
    const rowKey = `${event.caseId} ${key}`;
    const change = projectSlaClock(clocks.get(rowKey), event);
    if (!change) return;
    clocks.set(rowKey, change.row);
    slaClockRows.addCounts(tables, change.row, change.delta);
    if (change.alert) slaClockRows.putAlert(tables, change.alert);
    for (const week of change.weeks) slaClockRows.addWeek(tables, week);
  }
}
