import { EventsHandler } from '@nestjs/cqrs';
import { evolveStaff, StaffEvent } from '../../domain/staff';
import type { StoredEvent } from '../../projections/projection';
import { fromStaffRow, staffProjection, toStaffRow } from '../../projections/staff';
import { ProjectedEvent, Projector, type ProjectionTables } from '../projections/projector';
import { InactiveStaff } from './inactive-staff';
import { staffRows } from './staff.queries';

@EventsHandler(ProjectedEvent)
export class StaffProjector extends Projector {
  readonly projection = staffProjection;

  constructor(private readonly inactive: InactiveStaff) {
    super();
  }

  /** The staff projection reads no case events. */
  override handle(): void {}

  override handleRecord(stored: StoredEvent, tables: ProjectionTables): void {
    // A staff event that does not match its schema stops the projection there (a poison event), never skipped.
    const event = StaffEvent.parse({ type: stored.type, data: stored.data });
    const staffId = stored.streamId.slice(stored.streamId.indexOf('-') + 1);
    const row = staffRows.get(tables, staffId);
    const member = evolveStaff(row && fromStaffRow(row), event);
    const occurredAt = String(stored.metadata['occurredAt'] ?? stored.recordedAt);
    staffRows.put(tables, toStaffRow({ ...member, revision: stored.revision, position: stored.position, updatedAt: occurredAt }));
    // Every node projects the whole log: a person marked inactive through another node is refused here too.
    this.inactive.note(staffId, member.active, stored.position);
  }
}
