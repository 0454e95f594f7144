import { SetMetadata } from '@nestjs/common';
import type { ReadKind } from './access-log.service';

export const READ_KIND = 'mend:records-read';

export interface RecordedRead {
  readonly kind: ReadKind;
  /** The query parameters the route declares: only these are recorded, never whatever else a client appends. */
  readonly params: readonly string[];
}

/**
 * Marks a route that shows a case's content (its `:id` parameter names the case): every
 * successful call is recorded in the case's access log before the response goes out, with the
 * declared query parameters that said what was read (a moment, a format, a page).
 */
export const RecordsRead = (kind: ReadKind, params: readonly string[] = []) => SetMetadata(READ_KIND, { kind, params } satisfies RecordedRead);
