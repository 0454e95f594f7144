import { createHmac } from 'node:crypto';
import { Inject, type OnModuleInit } from '@nestjs/common';
import { EventsHandler } from '@nestjs/cqrs';
import type { StoredEvent } from '../../projections/projection';
import { searchableFields, searchProjection } from '../../projections/search';
import type { KeyStore } from '../privacy/key-store';
import { KEY_STORE } from '../privacy/personal-data.codec';
import { ProjectedEvent, Projector, type ProjectionTables } from '../projections/projector';
import { searchRows } from './search.queries';

/**
 * The key of the search index's hashes, kept in the key store like the subjects' keys (so every
 * node of a cluster, and a restored backup, hashes alike), under an id no subject can have: the
 * erasure API's subject ids never contain `$`, so no one can erase it by mistake.
 */
export const SEARCH_KEY_ID = '$search-index';

/** A word of a searchable field as the index stores it: HMAC-SHA256 under the search key, 128 bits. */
export function searchTerm(key: Buffer, word: string): string {
  return createHmac('sha256', key).update(word, 'utf8').digest('base64url').slice(0, 22);
}

/**
 * Keeps the search index: the keyed hashes of searchable words, replaced when their field is
 * corrected and forgotten when their subject is erased.
 */
@EventsHandler(ProjectedEvent)
export class SearchProjector extends Projector implements OnModuleInit {
  readonly projection = searchProjection;
  private key?: Buffer;

  constructor(@Inject(KEY_STORE) private readonly keys: KeyStore) {
    super();
  }

  /** Before any projection runs (they start once the application is bootstrapped). */
  async onModuleInit(): Promise<void> {
    this.key = await this.keys.keyFor(SEARCH_KEY_ID);
  }

  /** The hash a word is indexed and searched under. */
  term(word: string): string {
    if (!this.key) throw new Error('The search key is not loaded');
    return searchTerm(this.key, word);
  }

  override handle({ event, tables }: ProjectedEvent): void {
    for (const { subject, field, words, replaces } of searchableFields(event.definition, event.type, event.data)) {
      if (replaces) searchRows.forgetField(tables, subject, event.caseId, field);
      for (const word of words) searchRows.index(tables, this.term(word), event.caseId, subject, field);
    }
  }

  /** A subject's erasure: the words of their fields are no longer found. */
  override handleRecord(stored: StoredEvent, tables: ProjectionTables): void {
    if (stored.type !== 'PersonalDataErased') return;
    const subjectId = (stored.data as { subjectId?: unknown }).subjectId;
    if (typeof subjectId === 'string') searchRows.forget(tables, subjectId);
  }
}
