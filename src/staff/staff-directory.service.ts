import { Inject, Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { SCHEMA_VERSION } from '../../domain/envelope';
import type { Actor } from '../../domain/roles';
import {
  AddStaffMember,
  evolveStaff,
  STAFF_CATEGORY,
  staffChanges,
  StaffEvent,
  StaffId,
  StaffMemberExists,
  StaffMemberNotFound,
  StaffRevisionConflict,
  UpdateStaffMember,
  type StaffMember,
} from '../../domain/staff';
import { parseInput } from '../../domain/validation';
import { CLOCK, type Clock } from '../clock/clock';
import { ChainedStreamWriter, EMPTY_CHAIN, type ChainTail } from '../event-store/chained-stream-writer';
import { EVENT_STORE, StreamNotFoundError, WrongExpectedRevisionError, type EventStore } from '../event-store/event-store';
import { InactiveStaff } from './inactive-staff';

/** A staff member as their stream stands, with the global position of its last event (for ?minPosition=). */
export interface StaffMemberView extends StaffMember {
  readonly revision: number;
  readonly position: number;
  readonly updatedAt: string;
}

export interface StaffWrite {
  readonly actor: Actor;
  readonly correlationId: string;
  readonly causationId: string;
  /** From If-Match: the revision the client saw. */
  readonly expectedRevision?: number;
}

const UPDATE_ATTEMPTS = 3;
export const staffStreamOf = (staffId: string) => `${STAFF_CATEGORY}-${staffId}`;

/**
 * Writes the staff directory: each member is a hash-chained stream (`staff-<id>`) of
 * StaffMemberAdded then StaffMemberUpdated events; the staff read model lists them.
 */
@Injectable()
export class StaffDirectory {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly writer: ChainedStreamWriter,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly inactive: InactiveStaff,
  ) {}

  /** Adds a person; 409 STAFF.ALREADY_EXISTS when their id is in the directory. */
  async add(raw: unknown, write: StaffWrite): Promise<StaffMemberView> {
    const data = parseInput(AddStaffMember, raw ?? {});
    try {
      return await this.append(data.staffId, EMPTY_CHAIN, undefined, { type: 'StaffMemberAdded', data }, write);
    } catch (error) {
      if (error instanceof WrongExpectedRevisionError) throw StaffMemberExists({ staffId: data.staffId });
      throw error;
    }
  }

  /** Changes some of a person's fields; nothing is recorded when nothing changes. */
  async update(rawId: string, raw: unknown, write: StaffWrite): Promise<StaffMemberView> {
    const staffId = parseInput(StaffId, rawId, 'staffId');
    const update = parseInput(UpdateStaffMember, raw ?? {});
    const attempts = write.expectedRevision === undefined ? UPDATE_ATTEMPTS : 1;
    for (let attempt = 1; ; attempt++) {
      const current = await this.load(staffId);
      if (!current) throw StaffMemberNotFound({ staffId });
      if (write.expectedRevision !== undefined && write.expectedRevision !== current.view.revision) {
        throw StaffRevisionConflict(
          { staffId, expected: String(write.expectedRevision), actual: String(current.view.revision) },
          { expectedRevision: write.expectedRevision, actualRevision: current.view.revision },
        );
      }
      const changes = staffChanges(current.view, update);
      if (Object.keys(changes).length === 0) return current.view;
      try {
        return await this.append(staffId, current.tail, current.view, { type: 'StaffMemberUpdated', data: changes }, write);
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError) || attempt >= attempts) {
          if (error instanceof WrongExpectedRevisionError) {
            throw StaffRevisionConflict(
              { staffId, expected: String(current.view.revision), actual: String(error.actual) },
              { expectedRevision: current.view.revision, actualRevision: error.actual },
            );
          }
          throw error;
        }
      }
    }
  }

  /** A person as their stream says (not the read model: what was just added is found), if they are in the directory. */
  async find(staffId: string): Promise<StaffMemberView | undefined> {
    return (await this.load(staffId))?.view;
  }

  /** A person as their stream says, or STAFF.NOT_FOUND. */
  async get(rawId: string): Promise<StaffMemberView> {
    const staffId = parseInput(StaffId, rawId, 'staffId');
    const current = await this.load(staffId);
    if (!current) throw StaffMemberNotFound({ staffId });
    return current.view;
  }

  private async load(staffId: string): Promise<{ view: StaffMemberView; tail: ChainTail } | undefined> {
    let events;
    try {
      events = await this.store.readStream(staffStreamOf(staffId));
    } catch (error) {
      if (error instanceof StreamNotFoundError) return undefined;
      throw error;
    }
    let member: StaffMember | undefined;
    for (const stored of events) member = evolveStaff(member, StaffEvent.parse({ type: stored.type, data: stored.data }));
    const last = events[events.length - 1];
    if (!member || !last) return undefined;
    return {
      view: { ...member, revision: last.revision, position: last.position, updatedAt: String(last.metadata['occurredAt']) },
      tail: { revision: last.revision, hash: String(last.metadata['hash']) },
    };
  }

  private async append(staffId: string, tail: ChainTail, before: StaffMember | undefined, event: StaffEvent, write: StaffWrite): Promise<StaffMemberView> {
    const occurredAt = this.clock.now().toISOString();
    const metadata = {
      actor: write.actor,
      correlationId: write.correlationId,
      causationId: write.causationId,
      occurredAt,
      schemaVersion: SCHEMA_VERSION,
    };
    const result = await this.writer.append(staffStreamOf(staffId), tail, [{ id: uuidv7(), type: event.type, data: event.data, metadata }]);
    const member = evolveStaff(before, event);
    // At once on this node, not once the projection has caught up: the next request of someone just marked inactive is refused.
    this.inactive.note(staffId, member.active, result.position);
    return { ...member, revision: result.tail.revision, position: result.position, updatedAt: occurredAt };
  }
}
