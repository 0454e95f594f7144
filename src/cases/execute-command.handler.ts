import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { processCommand } from '../../domain/process';
import { PolicyService } from '../security/policy.service';
import { WorkflowRegistry } from '../workflows/workflow-registry';
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
  ) {}

  execute({ input }: ExecuteCommand): Promise<CommandOutcome> {
    const command = { type: input.command, data: input.data };
    const step: CaseStep = {
      authorize: (loaded, actor) => {
        if (!input.openWorkflow) this.policy.authorizeCommand(actor, accessFacts(loaded), command.type);
        // A command that does not open cases is refused by the decision (400 COMMAND.NOT_OPENING).
        else if (command.type === loaded.definition.openingCommand) this.policy.authorizeOpening(actor, loaded.definition.name, command.type);
      },
      decide: (loaded, ctx) => processCommand(loaded.definition, loaded.state, command, ctx),
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
