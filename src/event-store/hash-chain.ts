import { createHash } from 'node:crypto';
import { canonicalJson } from '../../domain/canonical-json';

/** The `prevHash` of a stream's first event. */
export const GENESIS_HASH = '0'.repeat(64);

export interface HashedContent {
  readonly streamId: string;
  readonly revision: number;
  readonly type: string;
  readonly data: unknown;
  /** Business metadata: everything but `prevHash`, `hash` and what the store adds. */
  readonly metadata: Readonly<Record<string, unknown>>;
}

/**
 * `hash = sha256(prevHash + canonical JSON of the event)` (DESIGN.md §6). The stream and revision
 * are hashed with the content, so an event moved to another place breaks the chain as surely as an
 * edited one. Personal data is hashed as stored (encrypted), so erasing a key leaves hashes valid.
 */
export function eventHash(prevHash: string, content: HashedContent): string {
  const { prevHash: _p, hash: _h, ...business } = content.metadata;
  const canonical = canonicalJson({
    streamId: content.streamId,
    revision: content.revision,
    type: content.type,
    data: content.data,
    metadata: business,
  });
  return createHash('sha256').update(prevHash).update(canonical).digest('hex');
}
