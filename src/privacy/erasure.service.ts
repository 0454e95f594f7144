import { Inject, Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { SCHEMA_VERSION } from '../../domain/envelope';
import type { Actor } from '../../domain/roles';
import { parseInput, withFrench } from '../../domain/validation';
import { eventHash, GENESIS_HASH } from '../audit/hash-chain';
import { CLOCK, type Clock } from '../clock/clock';
import { EVENT_STORE, StreamNotFoundError, type EventStore } from '../event-store/event-store';
import type { KeyStore } from './key-store';
import { KEY_STORE } from './personal-data.codec';

export const SubjectId = z.string().regex(/^[A-Za-z0-9._:-]{1,200}$/, withFrench('must be a subject id (letters, digits, . _ : -)', 'doit être un identifiant de personne (lettres, chiffres, . _ : -)'));

export const ERASURE_CATEGORY = 'erasure';

export interface ErasureResult {
  readonly subjectId: string;
  readonly erasedAt: string;
  /** False when the subject had no key (never recorded, or already erased). */
  readonly keyDestroyed: boolean;
  readonly position: number;
}

/**
 * Erases a data subject's personal information by destroying their key ("crypto-shredding"),
 * and records that it happened — who, when — in the subject's erasure stream, so the act itself
 * is auditable while the information is gone.
 */
@Injectable()
export class ErasureService {
  constructor(
    @Inject(KEY_STORE) private readonly keys: KeyStore,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async erase(rawSubjectId: string, actor: Actor, correlationId: string): Promise<ErasureResult> {
    const subjectId = parseInput(SubjectId, rawSubjectId, 'subjectId');
    const { hadKey, erasedAt } = this.keys.erase(subjectId);
    const streamId = `${ERASURE_CATEGORY}-${subjectId}`;
    const last = await this.store.readStream(streamId, { direction: 'backwards', maxCount: 1 }).catch((error: unknown) => {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    });
    const revision = (last[0]?.revision ?? -1) + 1;
    const prevHash = (last[0]?.metadata['hash'] as string | undefined) ?? GENESIS_HASH;
    const data = { subjectId, erasedAt: erasedAt.toISOString(), keyDestroyed: hadKey };
    const business = {
      actor,
      correlationId,
      causationId: correlationId,
      occurredAt: this.clock.now().toISOString(),
      schemaVersion: SCHEMA_VERSION,
    };
    const hash = eventHash(prevHash, { streamId, revision, type: 'PersonalDataErased', data, metadata: business });
    const result = await this.store.append(
      streamId,
      [{ id: uuidv7(), type: 'PersonalDataErased', data, metadata: { ...business, prevHash, hash } }],
      { expectedRevision: revision === 0 ? 'no_stream' : revision - 1 },
    );
    return { subjectId, erasedAt: data.erasedAt, keyDestroyed: hadKey, position: result.position };
  }
}
