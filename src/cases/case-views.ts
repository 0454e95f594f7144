import { Inject, Injectable } from '@nestjs/common';
import { buildCaseView, type CaseView } from '../../domain/case-view';
import type { Actor } from '../../domain/roles';
import { restoreCase, type CaseRecord } from '../../projections/cases';
import { CLOCK, type Clock } from '../clock/clock';
import { WorkflowRegistry } from '../workflows/workflow-registry';
import type { LoadedCase } from './case-repository';

/** Presents a loaded case to an actor. */
@Injectable()
export class CaseViews {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly registry: WorkflowRegistry,
  ) {}

  present(loaded: LoadedCase, actor: Actor): CaseView {
    return buildCaseView(
      loaded.definition,
      loaded.state,
      { caseId: loaded.caseId, position: loaded.position, openedAt: loaded.openedAt, updatedAt: loaded.updatedAt },
      { occurredAt: this.clock.now().toISOString(), actor },
    );
  }

  /** The view of a case from the read model, without replaying its stream. */
  presentRecord(record: CaseRecord, actor: Actor): CaseView {
    const definition = this.registry.version(record.workflow, record.workflowVersion);
    return buildCaseView(
      definition,
      restoreCase(definition, record.persisted, record.revision),
      { caseId: record.caseId, position: record.position, openedAt: record.openedAt, updatedAt: record.updatedAt },
      { occurredAt: this.clock.now().toISOString(), actor },
    );
  }
}
