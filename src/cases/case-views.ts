import { Inject, Injectable } from '@nestjs/common';
import { buildCaseView, withAllowedCommands, type CaseView } from '../../domain/case-view';
import { PersonRole, type Actor } from '../../domain/roles';
import { restoreCase, type CaseRecord } from '../../projections/cases';
import { CLOCK, type Clock } from '../clock/clock';
import { PolicyService, type CaseAccessFacts } from '../security/policy.service';
import { WorkflowRegistry } from '../workflows/workflow-registry';
import type { LoadedCase } from './case-repository';

/** A case as the API presents it to a reader: the view, and whom it could be given to. */
export type PresentedCase = CaseView & {
  /** The roles whose people could be assigned the case and work it: read it, and take one of its steps (PolicyService.mayWork). */
  readonly assignableRoles: readonly PersonRole[];
};

/** Presents a loaded case to an actor. */
@Injectable()
export class CaseViews {
  private readonly assignable = new Map<string, readonly PersonRole[]>();

  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly registry: WorkflowRegistry,
    private readonly policy: PolicyService,
  ) {}

  present(loaded: LoadedCase, actor: Actor): PresentedCase {
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

  /** Offers the actor only the commands the permission table lets them run, and says whom the case could be given to. */
  private forActor(view: CaseView, actor: Actor, readAs: string | undefined): PresentedCase {
    const facts = { caseId: view.caseId, workflow: view.workflow, workflowVersion: view.workflowVersion, assignees: view.assignees, ...(readAs !== undefined ? { readAs } : {}) };
    return {
      ...withAllowedCommands(view, this.policy.commandsFor(actor, facts, view.allowedCommands)),
      nextSteps: this.policy.stepsKnownTo(actor, facts, view.nextSteps),
      assignableRoles: this.assignableRoles(facts),
    };
  }

  /**
   * Whose people could work the case once given it. Whoever is assigned already does not change the
   * answer (a candidate counts as assigned), so it is worked out once per workflow version and read
   * scope, not on every view.
   */
  private assignableRoles(facts: CaseAccessFacts & { workflowVersion: number }): readonly PersonRole[] {
    const key = `${facts.workflow}@${facts.workflowVersion} ${facts.readAs ?? ''}`;
    let roles = this.assignable.get(key);
    if (!roles) {
      roles = PersonRole.options.filter((role) => this.policy.mayWork({ id: `${role}-candidate`, role }, facts));
      this.assignable.set(key, roles);
    }
    return roles;
  }

  /** The view of a case from the read model, without replaying its stream. */
  presentRecord(record: CaseRecord, actor: Actor): PresentedCase {
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
