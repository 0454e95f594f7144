import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandNotAllowed, DomainError } from '../../domain/errors';
import { findCommand } from '../../domain/fold';
import { processCommand } from '../../domain/process';
import { namingStaff } from '../../domain/rules';
import { PolicyService, runCommand } from '../security/policy.service';
import { AssigneeCheck } from '../staff/assignee-check';
import { StaffQueries } from '../staff/staff.queries';
import { WorkflowRegistry } from '../workflows/workflow-registry';
import { CaseLinkCheck } from './case-links';
import { accessFacts } from './case-repository';
import { CommandPipeline, type CaseStep, type CommandOutcome } from './command-pipeline';
import { ExecuteCommand } from './execute-command.command';

/**
 * The one generic handler of workflow commands (DESIGN.md §2): a workflow command, authorized by
 * its grants and decided by the workflow, through the command pipeline.
 */
@CommandHandler(ExecuteCommand)
export class ExecuteCommandHandler implements ICommandHandler<ExecuteCommand, CommandOutcome> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly registry: WorkflowRegistry,
    private readonly policy: PolicyService,
    private readonly assignees: AssigneeCheck,
    private readonly links: CaseLinkCheck,
    private readonly staff: StaffQueries,
  ) {}

  async execute({ input }: ExecuteCommand): Promise<CommandOutcome> {
    this.policy.authorizeAnyCommand(input.actor);
    const command = { type: input.command, data: input.data };
    const step: CaseStep = {
      authorize: (loaded, actor) => {
        if (!input.openWorkflow) {
          const facts = accessFacts(loaded);
          // The opening command on an existing case is refused by the decision with the case's state and
          // allowed commands: only to those who may read the case. Others get the answer any case they
          // may not act on gives (e.g. 403 ACCESS.NOT_ASSIGNED to a practitioner), revealing nothing.
          if (command.type === loaded.definition.openingCommand) this.policy.authorizeRead(actor, facts, runCommand(command.type, loaded.definition.labels));
          this.policy.authorizeCommand(actor, facts, command.type);
        }
        // A command that does not open cases is refused by the decision (400 COMMAND.NOT_OPENING).
        else if (command.type === loaded.definition.openingCommand) this.policy.authorizeOpening(actor, loaded.definition.name, command.type);
      },
      decide: (loaded, ctx) => {
        try {
          return processCommand(loaded.definition, loaded.state, command, ctx);
        } catch (error) {
          // Staff a refusal names (the complaint's handler) are said by name, as the case's history names them.
          if (!(error instanceof DomainError)) throw error;
          // The steps a refusal says the case offers are those this person may take, as the case view lists them.
          if (!CommandNotAllowed.is(error) || input.openWorkflow) throw namingStaff(error, (ids) => this.staff.names(ids));
          const details = error.details as { state: string; allowedCommands: readonly string[] };
          throw CommandNotAllowed(error.params, { ...details, allowedCommands: this.policy.commandsFor(input.actor, accessFacts(loaded), details.allowedCommands) });
        }
      },
      readsErasures: (loaded) => findCommand(loaded.definition, command.type)?.readsErasures === true,
      // Whom the step gives the case to: someone of the staff directory who can work it; the other cases it names: cases of their workflows.
      check: async (loaded, decision) => {
        if (decision.events.length === 0) return;
        if (input.openWorkflow) this.policy.authorizeReadAs(input.actor, accessFacts({ ...loaded, state: decision.state }));
        const facts = () => {
          const { serviceLanguage } = loaded.definition.summarize(decision.state);
          return { before: accessFacts(loaded), after: { ...accessFacts({ ...loaded, state: decision.state }), ...(serviceLanguage ? { serviceLanguage } : {}) } };
        };
        await this.assignees.check(facts, loaded.definition.labels.title, command.data);
        const definition = findCommand(loaded.definition, command.type);
        if (definition) await this.links.check(definition, command.data, input.actor);
      },
    };
    return this.pipeline.run(
      {
        caseId: input.caseId,
        ...(input.openWorkflow ? { open: this.registry.get(input.openWorkflow) } : {}),
        actor: input.actor,
        ...(input.expectedRevision !== undefined ? { expectedRevision: input.expectedRevision } : {}),
        correlationId: input.correlationId,
        causationId: input.causationId,
      },
      step,
    );
  }
}
