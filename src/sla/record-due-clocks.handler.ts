import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { v7 as uuidv7 } from 'uuid';
import { RevisionConflict } from '../../domain/errors';
import { CommandPipeline, type CaseStep } from '../cases/command-pipeline';
import { DuplicateEventIdError } from '../event-store/event-store';
import { decideDueClocks, dueClockEventIds, SLA_SCHEDULER_ACTOR } from './due-clocks';
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
 * The scheduler's step: the warnings and breaches due on the case at the command's time, decided
 * from its clocks and checked against the machine, with what the workflow records when a clock runs out. It acts for the system, on no person's behalf,
 * so no permission applies; it is not reachable over HTTP.
 */
const recordDueClocks: CaseStep = {
  authorize: () => undefined,
  decide: (loaded, ctx) => decideDueClocks(loaded.definition, loaded.state, ctx),
  eventIds: (loaded, events) => dueClockEventIds(loaded.streamId, events),
};

/**
 * Records a case's due warnings and breaches through the command pipeline every HTTP command takes:
 * one case repository, one retry policy (a conflict reloads the case and decides again, and what
 * another writer recorded meanwhile is no longer due). The ids are deterministic, so a second
 * scheduler appending the same events stores nothing.
 */
@CommandHandler(RecordDueClocks)
export class RecordDueClocksHandler implements ICommandHandler<RecordDueClocks, DueClocksOutcome> {
  constructor(private readonly pipeline: CommandPipeline) {}

  async execute({ input }: RecordDueClocks): Promise<DueClocksOutcome> {
    try {
      const request = { caseId: input.caseId, actor: SLA_SCHEDULER_ACTOR, correlationId: input.correlationId, causationId: uuidv7() };
      const { loaded, decided, appended } = await this.pipeline.run(request, recordDueClocks);
      // A store keeps a batch of ids whole or not at all: this call stored all it decided, or another scheduler did.
      const mine = appended === decided.length ? decided : [];
      return {
        warnings: mine.filter((event) => event.type === 'ClockWarned').length,
        breaches: mine.filter((event) => event.type === 'ClockBreached').length,
        alreadyRecorded: decided.length - mine.length,
        contended: false,
        position: loaded.position,
      };
    } catch (error) {
      if (!RevisionConflict.is(error) && !(error instanceof DuplicateEventIdError)) throw error;
      return { warnings: 0, breaches: 0, alreadyRecorded: 0, contended: true, position: 0 };
    }
  }
}
