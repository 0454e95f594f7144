import { EventsHandler } from '@nestjs/cqrs';
import type { ProjectionEvent } from '../../projections/projection';
import {
  clockKeyOf,
  COUNTER_COLUMNS,
  projectSlaClock,
  slaClocksProjection,
  type SlaClockRow,
} from '../../projections/sla-clocks';
import { ProjectedEvent, Projector, type ProjectionUnit } from '../projections/projected-event';

const columns = (names: readonly string[]) => names.join(', ');
const params = (names: readonly string[]) => names.map((n) => `@${n}`).join(', ');

const CLOCK_COLUMNS = [
  'case_id', 'clock', 'stream_id', 'workflow', 'region', 'level', 'name', 'basis', 'days', 'status', 'warned',
  'warned_thresholds', 'pending_warnings', 'started_at', 'due_at', 'next_deadline_at', 'paused_at',
  'breached_at', 'met_at', 'on_time', 'cancelled_at', 'revision', 'position', 'updated_at',
] as const;
const ALERT_COLUMNS = ['position', 'type', 'case_id', 'clock', 'workflow', 'region', 'level', 'name', 'threshold', 'at', 'due_at', 'occurred_at'] as const;

const SELECT_CLOCK = 'SELECT * FROM {sla_clocks} WHERE case_id = ? AND clock = ?';
const UPSERT_CLOCK = `INSERT OR REPLACE INTO {sla_clocks} (${columns(CLOCK_COLUMNS)}) VALUES (${params(CLOCK_COLUMNS)})`;
const ADD_COUNTS = `INSERT INTO {sla_summary} (workflow, region, level, ${columns(COUNTER_COLUMNS)})
  VALUES (@workflow, @region, @level, ${params(COUNTER_COLUMNS)})
  ON CONFLICT (workflow, region, level) DO UPDATE SET ${COUNTER_COLUMNS.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')}`;
const INSERT_ALERT = `INSERT OR REPLACE INTO {sla_alerts} (${columns(ALERT_COLUMNS)}) VALUES (${params(ALERT_COLUMNS)})`;

@EventsHandler(ProjectedEvent)
export class SlaClocksProjector extends Projector {
  readonly projection = slaClocksProjection.name;

  protected project(event: ProjectionEvent, unit: ProjectionUnit): void {
    const key = clockKeyOf(event);
    if (key === undefined) return;
    const previous = unit.statement<[string, string], SlaClockRow>(SELECT_CLOCK).get(event.caseId, key);
    const change = projectSlaClock(previous, event);
    if (!change) return;
    unit.statement(UPSERT_CLOCK).run(change.row);
    unit.statement(ADD_COUNTS).run({ workflow: change.row.workflow, region: change.row.region, level: change.row.level, ...change.delta });
    if (change.alert) unit.statement(INSERT_ALERT).run(change.alert);
  }
}
