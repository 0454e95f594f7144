import { SubjectId } from '../../domain/schemas';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { SCHEMA_VERSION } from '../../domain/envelope';
import type { Actor } from '../../domain/roles';
import { parseInput } from '../../domain/validation';
import { CLOCK, type Clock } from '../clock/clock';
import { MEND_CONFIG, type MendConfig } from '../config/config';
import { ChainedStreamWriter } from '../event-store/chained-stream-writer';
import { EVENT_STORE, StreamNotFoundError, type EventStore } from '../event-store/event-store';
import { ERASURE_LEDGER, type ErasureLedger, type LedgerEntry } from './erasure-ledger';
import type { KeyStore } from './key-store';
import { KEY_STORE } from './personal-data.codec';
import type { ErasureResult } from './privacy.schemas';
import { ConsentInFuture, EraseRequest, lastUse, retainedUntil, RetentionPeriodRunning, type ErasureConsent, type ErasureGround } from './retention';

export const ERASURE_CATEGORY = 'erasure';


/**
 * Erases a data subject's personal information by destroying their key ("crypto-shredding"),
 * and records that it happened — who, when — in the subject's erasure stream, so the act itself
 * is auditable while the information is gone.
 */
@Injectable()
export class ErasureService {
  constructor(
    @Inject(KEY_STORE) private readonly keys: KeyStore,
    private readonly writer: ChainedStreamWriter,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(MEND_CONFIG) private readonly config: Pick<MendConfig, 'retentionYears'>,
    @Optional() @Inject(ERASURE_LEDGER) private readonly ledger: ErasureLedger | null = null,
  ) {}

  /**
   * Writes the erasure to the ledger (synced, when one is configured), then destroys the key, then
   * records the erasure in the log. A crash between the steps leaves the ledger ahead of the log,
   * never behind it: a restore, or `mend erasure reapply`, finishes the erasure.
   */
  async erase(rawSubjectId: string, actor: Actor, correlationId: string, rawRequest: unknown = {}): Promise<ErasureResult> {
    const subjectId = parseInput(SubjectId, rawSubjectId, 'subjectId');
    const request = parseInput(EraseRequest, rawRequest ?? {});
    const now = this.clock.now();
    if (request.consent && Date.parse(request.consent.givenAt) > now.getTime()) throw ConsentInFuture({ givenAt: request.consent.givenAt });
    const earlier = await this.erasedBefore(subjectId);
    if (earlier) return earlier;
    const { ground, lastUsedAt } = await this.groundFor(subjectId, request.consent, now);
    const eventId = uuidv7();
    const occurredAt = now.toISOString();
    this.ledger?.append({ subjectId, eventId, erasedAt: occurredAt, actor: { id: actor.id, role: actor.role }, correlationId });
    const { hadKey, erasedAt } = await this.keys.erase(subjectId);
    const data = {
      subjectId,
      erasedAt: erasedAt.toISOString(),
      keyDestroyed: hadKey,
      ground,
      ...(lastUsedAt !== undefined ? { lastUsedAt } : {}),
      ...(request.consent ? { consent: request.consent } : {}),
    };
    const position = await this.record(eventId, data, { actor, correlationId, occurredAt });
    return { subjectId, erasedAt: data.erasedAt, keyDestroyed: hadKey, position, ground };
  }

  /**
   * The erasure already recorded for a subject who has no key: what a repeated request answers
   * (nothing destroyed, the first erasure's time, ground and position), so that a retry, or a second
   * click, appends nothing. A subject with a key again (a restore from before the erasure) is erased anew.
   */
  private async erasedBefore(subjectId: string): Promise<ErasureResult | undefined> {
    const stream = await this.erasuresOf(subjectId);
    // An erasure re-applied from the ledger after a restore does not say its ground: only a request's own erasure answers for it.
    const first = stream.find((event) => event.type === 'PersonalDataErased' && (event.data as { ground?: ErasureGround }).ground !== undefined);
    if (!first || (await this.keys.key(subjectId)) !== undefined) return undefined;
    const data = first.data as { erasedAt: string; ground: ErasureGround };
    return { subjectId, erasedAt: data.erasedAt, keyDestroyed: false, position: first.position, ground: data.ground };
  }

  /**
   * The Privacy Act's retention floor: refused (422, saying until when) while the subject's
   * information was used in a case event less than the retention period ago, unless the request
   * records the person's consent.
   */
  private async groundFor(subjectId: string, consent: ErasureConsent | undefined, now: Date): Promise<{ ground: ErasureGround; lastUsedAt?: string }> {
    const lastUsedAt = await lastUse(this.store, subjectId);
    if (consent) return { ground: 'consent', ...(lastUsedAt !== undefined ? { lastUsedAt } : {}) };
    if (lastUsedAt === undefined) return { ground: 'neverUsed' };
    const until = retainedUntil(lastUsedAt, this.config.retentionYears);
    if (until.getTime() > now.getTime()) {
      throw RetentionPeriodRunning(
        { subjectId, lastUsedAt, retainedUntil: until.toISOString(), years: this.config.retentionYears },
        { lastUsedAt, retainedUntil: until.toISOString() },
      );
    }
    return { ground: 'retentionElapsed', lastUsedAt };
  }

  /**
   * Does a ledger entry's erasure again on this store (after a restore): destroys the key if it is
   * still there and records the erasure with the entry's own event id, unless the log already
   * holds that event. Idempotent. Never writes to the ledger.
   */
  async reapply(entry: LedgerEntry, options: { hadKey?: boolean } = {}): Promise<{ recorded: boolean; keyDestroyed: boolean }> {
    const erased = await this.keys.erase(entry.subjectId);
    const keyDestroyed = options.hadKey ?? erased.hadKey;
    const stream = await this.erasuresOf(entry.subjectId);
    if (stream.some((event) => event.id === entry.eventId)) return { recorded: false, keyDestroyed };
    const data = { subjectId: entry.subjectId, erasedAt: entry.erasedAt, keyDestroyed };
    await this.record(entry.eventId, data, { actor: entry.actor, correlationId: entry.correlationId, occurredAt: entry.erasedAt, reapplied: true });
    return { recorded: true, keyDestroyed };
  }

  /** The subject's erasure stream: what was recorded of their erasures, none when never erased. */
  private erasuresOf(subjectId: string) {
    return this.store.readStream(`${ERASURE_CATEGORY}-${subjectId}`).catch((error: unknown) => {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    });
  }

  private async record(
    eventId: string,
    data: { subjectId: string; erasedAt: string; keyDestroyed: boolean; ground?: ErasureGround },
    context: { actor: Actor; correlationId: string; occurredAt: string; reapplied?: boolean },
  ): Promise<number> {
    const metadata = {
      actor: context.actor,
      correlationId: context.correlationId,
      causationId: context.correlationId,
      occurredAt: context.occurredAt,
      schemaVersion: SCHEMA_VERSION,
      // A restore re-applied it from the erasure ledger: the original event was not in the backup.
      ...(context.reapplied ? { reappliedFrom: 'erasure-ledger' } : {}),
    };
    const result = await this.writer.appendAtEnd(`${ERASURE_CATEGORY}-${data.subjectId}`, [{ id: eventId, type: 'PersonalDataErased', data, metadata }]);
    return result.position;
  }
}
