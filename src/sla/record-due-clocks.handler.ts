import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { v7 as uuidv7 } from 'uuid';
import type { CalendarProvider } from '../../domain/calendar/types';
import type { DecideContext } from '../../domain/decide-context';
import { RevisionConflict } from '../../domain/errors';
import type { MendSettings } from '../../domain/settings';
import { CaseRepository, type LoadedCase } from '../cases/case-repository';
import { CLOCK, type Clock } from '../clock/clock';
import { DuplicateEventIdError, EVENT_STORE, type EventStore } from '../event-store/event-store';
import { CALENDARS, SETTINGS } from '../workflows/tokens';
import { decideDueClocks, dueClockEventId, SLA_SCHEDULER_ACTOR, type DueClockEvent } from './due-clocks';
import { RecordDueClocks } from './record-due-clocks.command';

export interface DueClocksOutcome {
  /** Warnings and breaches this call appended. */
  readonly warnings: number;
  readonly breaches: number;
  /** Due events already stored: another scheduler recorded them first. */
  readonly alreadyRecorded: number;
  /** Every attempt met a concurrent change; the next sweep tries again. */
  readonly contended: boolean;
  /** Global position of the case's last event as the call left it: the read model shows the result once it gets there. */
  readonly position: number;
}

/**
 * A case repository of the scheduler's own, used only to append. When another scheduler stored
 * the same ids first, the append is a no-op that a repository takes for its own write, hashes
 * included: the shared repository's cache must never hold that, so it never sees these appends and
 * reads them from the store at its next load.
 */
export const SLA_CASE_WRITER = Symbol('SlaCaseWriter');

const MAX_ATTEMPTS = 5;
const nothing = (position: number): DueClocksOutcome => ({ warnings: 0, breaches: 0, alreadyRecorded: 0, contended: false, position });

/**
 * Records a case's due warnings and breaches through the same write path as every command: fold,
 * decide (purely, from the case's clocks), check against the machine, append with the expected
 * revision and the hash chain. Event ids are deterministic, so a second scheduler appending the
 * same events is a no-op; a conflict means another writer moved the case: reload and decide again,
 * and what is already recorded is no longer due.
 */
@CommandHandler(RecordDueClocks)
export class RecordDueClocksHandler implements ICommandHandler<RecordDueClocks, DueClocksOutcome> {
  constructor(
    private readonly cases: CaseRepository,
    @Inject(SLA_CASE_WRITER) private readonly writer: CaseRepository,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CALENDARS) private readonly calendars: CalendarProvider,
    @Inject(SETTINGS) private readonly settings: MendSettings,
  ) {}

  async execute({ input }: RecordDueClocks): Promise<DueClocksOutcome> {
    let position = 0;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const loaded = await this.cases.load(input.caseId);
      const ctx: DecideContext = {
        now: this.clock.now(),
        actor: SLA_SCHEDULER_ACTOR,
        newId: uuidv7,
        calendars: this.calendars,
        settings: this.settings,
      };
      const decision = decideDueClocks(loaded.definition, loaded.state, ctx.now);
      if (decision.events.length === 0) return nothing(loaded.position);
      position = loaded.position;
      const causationId = uuidv7();
      try {
        await this.writer.append(loaded, decision.events, decision.state, ctx, {
          correlationId: input.correlationId,
          causationId,
          eventIds: decision.events.map((event) => dueClockEventId(loaded.streamId, event)),
        });
      } catch (error) {
        // A conflict, or ids stored in part by a scheduler that saw fewer events due.
        if (RevisionConflict.is(error) || error instanceof DuplicateEventIdError) continue;
        throw error;
      }
      return this.outcome(loaded, decision.events, causationId);
    }
    return { ...nothing(position), contended: true };
  }

  /** Reads back what the append stored, to count what this call recorded and what was there already. */
  private async outcome(loaded: LoadedCase, events: readonly DueClockEvent[], causationId: string): Promise<DueClocksOutcome> {
    const stored = await this.store.readStream(loaded.streamId, {
      fromRevision: loaded.state.revision + 1,
      maxCount: events.length,
    });
    const mine = stored.filter((event) => event.metadata['causationId'] === causationId);
    return {
      warnings: mine.filter((event) => event.type === 'ClockWarned').length,
      breaches: mine.filter((event) => event.type === 'ClockBreached').length,
      alreadyRecorded: events.length - mine.length,
      contended: false,
      position: Math.max(0, ...stored.map((event) => event.position)),
    };
  }
}
