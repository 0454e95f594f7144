import { Inject, Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { formatCaseReference } from '../../domain/case-reference';
import { SCHEMA_VERSION } from '../../domain/envelope';
import type { Actor } from '../../domain/roles';
import { ChainedStreamWriter, EMPTY_CHAIN } from '../event-store/chained-stream-writer';
import { EVENT_STORE, StreamNotFoundError, WrongExpectedRevisionError, type EventStore, type RecordedEvent } from '../event-store/event-store';

/**
 * The category of the streams that reserve case references, one stream per reference
 * (`caseref-CMP-2026-00042`), like case ids (`caseid-<id>`): a reference is taken by appending one
 * event with the expected revision "no stream", which every store lets exactly one of two
 * concurrent writers do — on one node or several. No workflow may use this category.
 */
export const CASE_REFERENCE_CATEGORY = 'caseref';
export const CASE_REFERENCE_RESERVED = 'CaseReferenceReserved';
export const referenceStreamOf = (reference: string) => `${CASE_REFERENCE_CATEGORY}-${reference}`;

export interface ReferenceRequest {
  readonly prefix: string;
  readonly year: number;
  readonly caseId: string;
  readonly workflow: string;
  readonly actor: Actor;
  readonly occurredAt: string;
  readonly correlationId: string;
  readonly causationId: string;
}

/**
 * Hands out case references. Each (prefix, year) keeps a next number in memory; a process that has
 * none yet finds the first free one by probing reservation streams (doubling, then bisecting:
 * reservations are never deleted and are taken in order, so they form a prefix of the numbers).
 * A number another writer took first is skipped: the next one is tried.
 */
@Injectable()
export class CaseReferences {
  private readonly next = new Map<string, Promise<number>>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly writer: ChainedStreamWriter,
  ) {}

  /** Reserves the next free reference of the prefix and year for the case. */
  async reserve(request: ReferenceRequest): Promise<string> {
    for (;;) {
      const reference = formatCaseReference(request.prefix, request.year, await this.claim(request.prefix, request.year));
      if (await this.tryTake(reference, request)) return reference;
    }
  }

  /** The next number to try: concurrent openings in this process each get their own without asking the store. */
  private claim(prefix: string, year: number): Promise<number> {
    const key = `${prefix}-${year}`;
    const mine = this.next.get(key) ?? this.firstFree(prefix, year);
    const after = mine.then((n) => n + 1);
    this.next.set(key, after);
    after.catch(() => {
      if (this.next.get(key) === after) this.next.delete(key);
    });
    return mine;
  }

  private async tryTake(reference: string, request: ReferenceRequest): Promise<boolean> {
    const metadata = {
      actor: request.actor,
      correlationId: request.correlationId,
      causationId: request.causationId,
      occurredAt: request.occurredAt,
      schemaVersion: SCHEMA_VERSION,
    };
    const data = { reference, caseId: request.caseId, workflow: request.workflow };
    try {
      await this.writer.append(referenceStreamOf(reference), EMPTY_CHAIN, [{ id: uuidv7(), type: CASE_REFERENCE_RESERVED, data, metadata }]);
      return true;
    } catch (error) {
      if (error instanceof WrongExpectedRevisionError) return false;
      throw error;
    }
  }

  /** The case a reference was reserved for, from its reservation stream; undefined if it is not reserved. */
  async caseIdOf(reference: string): Promise<string | undefined> {
    const reservation = await this.reservation(reference);
    return reservation ? String((reservation.data as { caseId?: unknown }).caseId) : undefined;
  }

  private async reservation(reference: string): Promise<RecordedEvent | undefined> {
    try {
      const [first] = await this.store.readStream(referenceStreamOf(reference), { maxCount: 1 });
      return first;
    } catch (error) {
      if (error instanceof StreamNotFoundError) return undefined;
      throw error;
    }
  }

  private async taken(prefix: string, year: number, number: number): Promise<boolean> {
    return (await this.reservation(formatCaseReference(prefix, year, number))) !== undefined;
  }

  /** The first number not yet reserved, in O(log n) reads. */
  private async firstFree(prefix: string, year: number): Promise<number> {
    if (!(await this.taken(prefix, year, 1))) return 1;
    let low = 1;
    let high = 2;
    while (await this.taken(prefix, year, high)) {
      low = high;
      high *= 2;
    }
    // low is taken, high is free.
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if (await this.taken(prefix, year, middle)) low = middle;
      else high = middle;
    }
    return high;
  }
}
