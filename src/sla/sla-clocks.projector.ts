import { EventsHandler } from '@nestjs/cqrs';
import { clockKeyOf, projectSlaClock, slaClocksProjection } from '../../projections/sla-clocks';
import { ProjectedEvent, Projector } from '../projections/projector';
import { slaClockRows } from './sla-queries';

@EventsHandler(ProjectedEvent)
export class SlaClocksProjector extends Projector {
  readonly projection = slaClocksProjection;

  handle({ event, tables }: ProjectedEvent): void {
    const key = clockKeyOf(event);
    if (key === undefined) return;
    const change = projectSlaClock(slaClockRows.get(tables, event.caseId, key), event);
    if (!change) return;
    slaClockRows.put(tables, change.row);
    slaClockRows.addCounts(tables, change.row, change.delta);
    if (change.alert) slaClockRows.putAlert(tables, change.alert);
    for (const week of change.weeks) slaClockRows.addWeek(tables, week);
  }
}
