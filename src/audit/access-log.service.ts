import { Inject, Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { SCHEMA_VERSION } from '../../domain/envelope';
import type { Actor } from '../../domain/roles';
import { CLOCK, type Clock } from '../clock/clock';
import { ChainedStreamWriter, type ChainTail } from '../event-store/chained-stream-writer';
import { EVENT_STORE, type EventStore, type EventToAppend, type RecordedEvent } from '../event-store/event-store';
import type { AccessRecord } from './audit.schemas';
import { allPages, streamPages } from './stream-pages';

export const ACCESS_LOG_CATEGORY = 'accessLog';
export const CASE_CONTENT_READ = 'CaseContentRead';
export const accessLogStreamId = (caseId: string) => `${ACCESS_LOG_CATEGORY}-${caseId}`;

export type ReadKind = AccessRecord['read'];

/** One read of a case's content. */
export interface AccessEntry {
  readonly caseId: string;
  readonly read: ReadKind;
  /** What exactly was read: `{asOf}`, `{revision}`, `{format}`… */
  readonly details: Readonly<Record<string, string | number>>;
  readonly actor: Actor;
  readonly correlationId: string;
  readonly causationId: string;
}

export interface AccessQuery {
  readonly caseId?: string;
  readonly actorId?: string;
  readonly from?: string;
  readonly to?: string;
  /** The `next` of the previous page. */
  readonly cursor?: number;
  readonly limit: number;
}

export interface AccessPage {
  readonly items: AccessRecord[];
  readonly next: number | null;
}

interface Pending {
  readonly event: EventToAppend;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

const TAIL_CACHE_LIMIT = 10_000;
/** Events one query may scan before it answers with what it found and a cursor to go on. */
const SCAN_BUDGET = 10_000;

/**
 * Who read which case's content, and when (the Privacy Act applies): one hash-chained stream per
 * case, `accessLog-<caseId>`, of `CaseContentRead` events.
 *
 * A read is served only once its record is stored: if the store cannot take the record, the read
 * fails, so no read goes unrecorded. To keep that wait short, records of one case queue behind
 * the append in flight and go together in the next one, and the last revision and hash of each
 * log are cached, so a record costs one append (which the SQLite store group-commits with the
 * other appends of the moment) and no read.
 */
@Injectable()
export class AccessLog {
  private readonly queues = new Map<string, Pending[]>();
  private readonly tails = new Map<string, ChainTail>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly writer: ChainedStreamWriter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Resolves once the record is stored; rejects with the store's error otherwise. */
  record(entry: AccessEntry): Promise<void> {
    // A case id is a UUID, kept in lower case however the request spelled it: one case, one log.
    const caseId = entry.caseId.toLowerCase();
    const streamId = accessLogStreamId(caseId);
    const event: EventToAppend = {
      id: uuidv7(),
      type: CASE_CONTENT_READ,
      data: { caseId, read: entry.read, details: entry.details },
      metadata: {
        actor: entry.actor,
        correlationId: entry.correlationId,
        causationId: entry.causationId,
        occurredAt: this.clock.now().toISOString(),
        schemaVersion: SCHEMA_VERSION,
      },
    };
    return new Promise<void>((resolve, reject) => {
      const queued = this.queues.get(streamId);
      if (queued) {
        queued.push({ event, resolve, reject });
        return;
      }
      this.queues.set(streamId, [{ event, resolve, reject }]);
      void this.drain(streamId);
    });
  }

  /**
   * The records matching a query, oldest first, among the cases `knowable` lets the reader know
   * of: records of other cases are skipped before the page is filled, so neither a page's size nor
   * its cursor tells that they exist.
   */
  async query(query: AccessQuery, knowable: (caseId: string) => Promise<boolean> = async () => true): Promise<AccessPage> {
    const known = new Map<string, boolean>();
    const mayKnow = async (caseId: string) => {
      let answer = known.get(caseId);
      if (answer === undefined) {
        answer = await knowable(caseId);
        known.set(caseId, answer);
      }
      return answer;
    };
    const from = query.from === undefined ? -Infinity : Date.parse(query.from);
    const to = query.to === undefined ? Infinity : Date.parse(query.to);
    const byCase = query.caseId !== undefined;
    const cursorOf = (event: RecordedEvent) => (byCase ? event.revision : event.position);
    const pages =
      query.caseId !== undefined
        ? streamPages(this.store, accessLogStreamId(query.caseId), (query.cursor ?? -1) + 1)
        : allPages(this.store, query.cursor ?? -1);
    const items: AccessRecord[] = [];
    let lastItem = 0;
    let scanned = 0;
    for await (const page of pages) {
      for (const event of page) {
        if (event.type === CASE_CONTENT_READ && event.streamId.startsWith(`${ACCESS_LOG_CATEGORY}-`)) {
          const record = toAccessRecord(event);
          const at = Date.parse(record.occurredAt);
          if ((query.actorId === undefined || record.actor.id === query.actorId) && at >= from && at < to && (await mayKnow(record.caseId))) {
            if (items.length === query.limit) return { items, next: lastItem };
            items.push(record);
            lastItem = cursorOf(event);
          }
        }
        scanned += 1;
        if (scanned >= SCAN_BUDGET) return { items, next: cursorOf(event) };
      }
    }
    return { items, next: null };
  }

  private async drain(streamId: string): Promise<void> {
    for (;;) {
      const batch = this.queues.get(streamId)!;
      if (batch.length === 0) {
        this.queues.delete(streamId);
        return;
      }
      this.queues.set(streamId, []);
      try {
        await this.appendChained(streamId, batch.map((p) => p.event));
        for (const pending of batch) pending.resolve();
      } catch (error) {
        for (const pending of batch) pending.reject(error);
      }
    }
  }

  /** Appends after the log's last event (cached), the writer reading the tail again when another process appended in between. */
  private async appendChained(streamId: string, events: readonly EventToAppend[]): Promise<void> {
    try {
      const { tail } = await this.writer.appendAtEnd(streamId, events, this.tails.get(streamId));
      this.remember(streamId, tail);
    } catch (error) {
      this.tails.delete(streamId);
      throw error;
    }
  }

  private remember(streamId: string, tail: ChainTail): void {
    this.tails.delete(streamId);
    this.tails.set(streamId, tail);
    if (this.tails.size > TAIL_CACHE_LIMIT) this.tails.delete(this.tails.keys().next().value!);
  }
}

function toAccessRecord(event: RecordedEvent): AccessRecord {
  const data = event.data as { caseId: string; read: ReadKind; details: Record<string, string | number> };
  const metadata = event.metadata as { actor: Actor; occurredAt: string; correlationId: string };
  return {
    caseId: data.caseId,
    read: data.read,
    details: data.details,
    actor: metadata.actor,
    occurredAt: metadata.occurredAt,
    correlationId: metadata.correlationId,
    eventId: event.id,
    revision: event.revision,
    position: event.position,
  };
}
