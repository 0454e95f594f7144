import { SubjectId } from '../../domain/schemas';
import { Inject, Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { SCHEMA_VERSION } from '../../domain/envelope';
import type { Actor } from '../../domain/roles';
import { parseInput } from '../../domain/validation';
import { CLOCK, type Clock } from '../clock/clock';
import { ChainedStreamWriter } from '../event-store/chained-stream-writer';
import type { KeyStore } from './key-store';
import { KEY_STORE } from './personal-data.codec';

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
    private readonly writer: ChainedStreamWriter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async erase(rawSubjectId: string, actor: Actor, correlationId: string): Promise<ErasureResult> {
    const subjectId = parseInput(SubjectId, rawSubjectId, 'subjectId');
    const { hadKey, erasedAt } = this.keys.erase(subjectId);
    const data = { subjectId, erasedAt: erasedAt.toISOString(), keyDestroyed: hadKey };
    const metadata = {
      actor,
      correlationId,
      causationId: correlationId,
      occurredAt: this.clock.now().toISOString(),
      schemaVersion: SCHEMA_VERSION,
    };
    const result = await this.writer.appendAtEnd(`${ERASURE_CATEGORY}-${subjectId}`, [{ id: uuidv7(), type: 'PersonalDataErased', data, metadata }]);
    return { subjectId, erasedAt: data.erasedAt, keyDestroyed: hadKey, position: result.position };
  }
}
