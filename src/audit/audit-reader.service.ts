import { Inject, Injectable } from '@nestjs/common';
import type { EventMetadata } from '../../domain/envelope';
import { CaseNotFound } from '../../domain/errors';
import type { Actor } from '../../domain/roles';
import type { AnyWorkflowDefinition } from '../../domain/workflow';
import { CaseRepository, streamIdOf } from '../cases/case-repository';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '../event-store/event-store';
import { PersonalDataCodec } from '../privacy/personal-data.codec';
import { PolicyService } from '../security/policy.service';
import { WorkflowRegistry } from '../workflows/workflow-registry';
import type { HistoryItem } from './audit.schemas';
import { allPages, caseIdOf, categoryOf, PAGE_SIZE, streamPages } from './stream-pages';

/** Which events to read: one case's, or every case's, narrowed by workflow and business time. */
export type EventSelection =
  | { readonly caseId: string; readonly fromRevision?: number }
  | { readonly workflow?: string; readonly from?: string; readonly to?: string };

export interface LocatedCase {
  readonly caseId: string;
  readonly streamId: string;
  readonly definition: AnyWorkflowDefinition;
}

/** Reads case events for people: histories, exports, replays. */
@Injectable()
export class AuditReader {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly cases: CaseRepository,
    private readonly registry: WorkflowRegistry,
    private readonly codec: PersonalDataCodec,
    private readonly policy: PolicyService,
  ) {}

  /** The case's stream and the workflow version it runs on, or CASE.NOT_FOUND. */
  async locate(caseId: string): Promise<LocatedCase> {
    const definition = await this.cases.locate(caseId);
    if (!definition) throw CaseNotFound({ caseId });
    return { caseId, streamId: streamIdOf(definition, caseId), definition };
  }

  /**
   * The events of a selection as `reader` may see them, oldest first, read page by page. Every
   * event shown to a person passes through here, so this is the one place personal information
   * is opened: revealed to the roles that may see it, `[redacted]` for the others, `[erased]`
   * once its key is destroyed (DESIGN.md §7).
   */
  async *read(selection: EventSelection, reader: Actor, pageSize = PAGE_SIZE): AsyncGenerator<HistoryItem> {
    const reveal = this.policy.seesPersonalData(reader);
    for await (const page of this.pages(selection, pageSize)) {
      for (const event of reveal ? await this.codec.revealAll(page) : await this.codec.redactAll(page)) yield present(event);
    }
  }

  private async *pages(selection: EventSelection, pageSize: number): AsyncGenerator<RecordedEvent[]> {
    if ('caseId' in selection) {
      const { streamId } = await this.locate(selection.caseId);
      yield* streamPages(this.store, streamId, selection.fromRevision ?? 0, pageSize);
      return;
    }
    const categories = new Set(
      this.registry
        .categories()
        .filter((c) => selection.workflow === undefined || c.name === selection.workflow)
        .map((c) => c.category),
    );
    const from = selection.from === undefined ? -Infinity : Date.parse(selection.from);
    const to = selection.to === undefined ? Infinity : Date.parse(selection.to);
    for await (const page of allPages(this.store, -1, pageSize)) {
      const selected = page.filter((event) => {
        if (!categories.has(categoryOf(event.streamId))) return false;
        const at = Date.parse((event.metadata as unknown as EventMetadata).occurredAt);
        return at >= from && at < to;
      });
      if (selected.length > 0) yield selected;
    }
  }
}

function present(event: RecordedEvent): HistoryItem {
  const metadata = event.metadata as unknown as EventMetadata;
  return {
    position: event.position,
    streamId: event.streamId,
    caseId: caseIdOf(event.streamId),
    revision: event.revision,
    eventId: event.id,
    type: event.type,
    occurredAt: metadata.occurredAt,
    recordedAt: event.recordedAt,
    actor: metadata.actor,
    correlationId: metadata.correlationId,
    causationId: metadata.causationId,
    workflowVersion: metadata.workflowVersion,
    data: event.data,
    hash: metadata.hash ?? '',
  };
}
