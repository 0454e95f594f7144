import { Inject, Injectable } from '@nestjs/common';
import { buildCaseView, type CaseView } from '../../domain/case-view';
import type { Actor } from '../../domain/roles';
import { CLOCK, type Clock } from '../clock/clock';
import type { LoadedCase } from './case-repository';

/** Presents a loaded case to an actor. */
@Injectable()
export class CaseViews {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  present(loaded: LoadedCase, actor: Actor): CaseView {
    return buildCaseView(
      loaded.definition,
      loaded.state,
      { caseId: loaded.caseId, position: loaded.position, openedAt: loaded.openedAt, updatedAt: loaded.updatedAt },
      { occurredAt: this.clock.now().toISOString(), actor },
    );
  }
}
