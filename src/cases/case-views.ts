import { Inject, Injectable } from '@nestjs/common';
import { buildCaseView, type CaseView } from '../../domain/case-view';
import type { Actor } from '../../domain/roles';
import { restoreCase, type CaseRecord } from '../../projections/cases';
import { CLOCK, type Clock } from '../clock/clock';
import { PolicyService } from '../security/policy.service';
import { WorkflowRegistry } from '../workflows/workflow-registry';
import type { LoadedCase } from './case-repository';

/** Presents a loaded case to an actor. */
@Injectable()
export class CaseViews {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly registry: WorkflowRegistry,
    private readonly policy: PolicyService,
  ) {}

  present(loaded: LoadedCase, actor: Actor): CaseView {
    return this.forActor(
      buildCaseView(
        loaded.definition,
        loaded.state,
        { caseId: loaded.caseId, reference: loaded.reference, position: loaded.position, openedAt: loaded.openedAt, updatedAt: loaded.updatedAt },
        { occurredAt: this.clock.now().toISOString(), actor },
      ),
      actor,
      loaded.definition.summarize(loaded.state).readAs,
    );
  }

  /** Offers the actor only the commands the permission table lets them run. */
  private forActor(view: CaseView, actor: Actor, readAs: string | undefined): CaseView {
    const facts = { caseId: view.caseId, workflow: view.workflow, assignees: view.assignees, ...(readAs !== undefined ? { readAs } : {}) };
    return { ...view, allowedCommands: this.policy.commandsFor(actor, facts, view.allowedCommands), nextSteps: this.policy.stepsKnownTo(actor, facts, view.nextSteps) };
  }

  /** The view of a case from the read model, without replaying its stream. */
  presentRecord(record: CaseRecord, actor: Actor): CaseView {
    const definition = this.registry.version(record.workflow, record.workflowVersion);
    return this.forActor(
      buildCaseView(
        definition,
        restoreCase(definition, record.persisted, record.revision),
        { caseId: record.caseId, reference: record.reference, position: record.position, openedAt: record.openedAt, updatedAt: record.updatedAt },
        { occurredAt: this.clock.now().toISOString(), actor },
      ),
      actor,
      record.readAs,
    );
  }
}
