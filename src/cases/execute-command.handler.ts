import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { v7 as uuidv7 } from 'uuid';
import type { CalendarProvider } from '../../domain/calendar/types';
import type { DecideContext } from '../../domain/decide-context';
import { RevisionConflict } from '../../domain/errors';
import { processCommand } from '../../domain/process';
import type { MendSettings } from '../../domain/settings';
import { CLOCK, type Clock } from '../clock/clock';
import { CALENDARS, SETTINGS } from '../workflows/tokens';
import { WorkflowRegistry } from '../workflows/workflow-registry';
import { PolicyService } from '../security/policy.service';
import { accessFacts, CaseRepository, type LoadedCase } from './case-repository';
import { ExecuteCommand } from './execute-command.command';

export interface CommandOutcome {
  readonly loaded: LoadedCase;
  /** How many events the command appended (0 when the decision recorded nothing). */
  readonly appended: number;
}

/**
 * The one generic command handler (DESIGN.md §2): load and fold the case, decide purely, check
 * every new event against the machine, append with the expected revision. On a conflict without
 * If-Match the decision is re-run once on the fresh state before the conflict is reported.
 */
@CommandHandler(ExecuteCommand)
export class ExecuteCommandHandler implements ICommandHandler<ExecuteCommand, CommandOutcome> {
  constructor(
    private readonly cases: CaseRepository,
    private readonly registry: WorkflowRegistry,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CALENDARS) private readonly calendars: CalendarProvider,
    @Inject(SETTINGS) private readonly settings: MendSettings,
    private readonly policy: PolicyService,
  ) {}

  async execute({ input }: ExecuteCommand): Promise<CommandOutcome> {
    const attempts = input.expectedRevision === undefined && !input.openWorkflow ? 2 : 1;
    for (let attempt = 1; ; attempt++) {
      const loaded = input.openWorkflow
        ? this.cases.fresh(this.registry.get(input.openWorkflow), input.caseId)
        : await this.cases.load(input.caseId);
      if (input.openWorkflow) {
        // A command that does not open cases is refused by the decision (400 COMMAND.NOT_OPENING).
        if (input.command === loaded.definition.openingCommand) this.policy.authorizeOpening(input.actor, loaded.definition.name, input.command);
      } else this.policy.authorizeCommand(input.actor, accessFacts(loaded), input.command);
      if (input.expectedRevision !== undefined && input.expectedRevision !== loaded.state.revision) {
        throw RevisionConflict(
          { expected: String(input.expectedRevision), actual: String(loaded.state.revision) },
          { expectedRevision: input.expectedRevision, actualRevision: loaded.state.revision },
        );
      }
      const ctx: DecideContext = {
        now: this.clock.now(),
        actor: input.actor,
        newId: uuidv7,
        calendars: this.calendars,
        settings: this.settings,
      };
      const decision = processCommand(loaded.definition, loaded.state, { type: input.command, data: input.data }, ctx);
      try {
        const appended = await this.cases.append(loaded, decision.events, decision.state, ctx, input);
        return { loaded: appended.loaded, appended: appended.written };
      } catch (error) {
        if (attempt < attempts && RevisionConflict.is(error)) continue;
        throw error;
      }
    }
  }
}

