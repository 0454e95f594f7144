import { Inject, Injectable } from '@nestjs/common';
import { buildCaseView, type CaseView } from '../../domain/case-view';
import type { EventMetadata } from '../../domain/envelope';
import type { Actor } from '../../domain/roles';
import { CaseRepository, type LoadedCase } from '../cases/case-repository';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '../event-store/event-store';
import { CaseNotYetOpened, RevisionNotFound } from './audit-errors';
import { AuditReader } from './audit-reader.service';
import { streamPages } from './stream-pages';

/** A moment in a case's life: a business time, or the revision of one of its events. */
export type PointInTime = { readonly asOf: string } | { readonly revision: number };

export type CaseViewAsOf = CaseView & { readonly asOf: string };

/** One step of a case's history: the event, the case just before it and right after it. */
export interface TimelineStep {
  readonly event: RecordedEvent;
  readonly before: LoadedCase;
  readonly after: LoadedCase;
}

const occurredAt = (event: RecordedEvent) => (event.metadata as unknown as EventMetadata).occurredAt;

/**
 * The case as it stood at a point in time, replayed from a prefix of its stream with the workflow
 * version it runs on (CaseRepository folds with the definition its opening event names).
 */
@Injectable()
export class CaseAsOf {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly cases: CaseRepository,
    private readonly reader: AuditReader,
  ) {}

  /**
   * As of a time T: after every event whose `occurredAt` ≤ T. Events are recorded in business
   * time order, so that is a prefix of the stream; reading stops at the first later event.
   */
  async view(caseId: string, point: PointInTime, actor: Actor): Promise<CaseViewAsOf> {
    const { streamId, definition } = await this.reader.locate(caseId);
    const start = this.cases.fresh(definition, caseId);
    let asOf: string;
    let loaded: LoadedCase;
    if ('asOf' in point) {
      const limit = Date.parse(point.asOf);
      const folded = await this.foldUntil(streamId, start, (event) => Date.parse(occurredAt(event)) > limit);
      if (!folded.last) throw CaseNotYetOpened({ caseId, asOf: point.asOf, openedAt: occurredAt(folded.first!) });
      ({ loaded } = folded);
      asOf = point.asOf;
    } else {
      const folded = await this.foldUntil(streamId, start, (event) => event.revision > point.revision);
      ({ loaded } = folded);
      if (loaded.state.revision < point.revision) {
        throw RevisionNotFound({ caseId, revision: point.revision, lastRevision: loaded.state.revision });
      }
      asOf = occurredAt(folded.last!);
    }
    const view = buildCaseView(
      definition,
      loaded.state,
      { caseId, reference: loaded.reference, position: loaded.position, openedAt: loaded.openedAt, updatedAt: loaded.updatedAt },
      { occurredAt: new Date(Date.parse(asOf)).toISOString(), actor },
    );
    return { ...view, asOf };
  }

  private async foldUntil(streamId: string, start: LoadedCase, beyond: (event: RecordedEvent) => boolean) {
    let loaded = start;
    let first: RecordedEvent | undefined;
    let last: RecordedEvent | undefined;
    for await (const page of streamPages(this.store, streamId)) {
      first ??= page[0];
      const end = page.findIndex(beyond);
      const prefix = end < 0 ? page : page.slice(0, end);
      loaded = this.cases.fold(loaded, prefix);
      last = prefix[prefix.length - 1] ?? last;
      if (end >= 0) break;
    }
    return { loaded, first, last };
  }

  /** Every event of the case with the case before and after it, oldest first. */
  async *timeline(caseId: string): AsyncGenerator<TimelineStep> {
    const { streamId, definition } = await this.reader.locate(caseId);
    let before = this.cases.fresh(definition, caseId);
    for await (const page of streamPages(this.store, streamId)) {
      for (const event of page) {
        const after = this.cases.fold(before, [event]);
        yield { event, before, after };
        before = after;
      }
    }
  }
}
