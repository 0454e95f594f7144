import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '../event-store/event-store';
import { accessLogStreamId } from './access-log.service';
import type { Verification } from './audit.schemas';
import { AuditReader } from './audit-reader.service';
import { ChainVerifier } from './chain-verifier';
import { allPages, streamPages } from './stream-pages';

/** Verifies the hash chains of the store (DESIGN.md §6). */
@Injectable()
export class ChainVerification {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly reader: AuditReader,
  ) {}

  /** Every stream of the store, read once in position order. */
  async verifyAll(onProgress?: (position: number) => void): Promise<Verification> {
    const verifier = new ChainVerifier();
    for await (const page of allPages(this.store)) {
      for (const event of page) verifier.add(event);
      onProgress?.(page[page.length - 1]!.position);
    }
    return verifier.result();
  }

  /**
   * A case's stream and its access log. Streams are read by revision, so their events are sorted
   * back into store order first: a case is small enough to hold, and the verdict is then the same
   * as the whole store's.
   */
  async verifyCase(caseId: string): Promise<Verification> {
    const { streamId } = await this.reader.locate(caseId);
    const events: RecordedEvent[] = [];
    for (const id of [streamId, accessLogStreamId(caseId)]) {
      for await (const page of streamPages(this.store, id)) events.push(...page);
    }
    const verifier = new ChainVerifier();
    for (const event of events.sort((a, b) => a.position - b.position)) verifier.add(event);
    return verifier.result();
  }
}
