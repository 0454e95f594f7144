import { SetMetadata } from '@nestjs/common';
import type { ReadKind } from './access-log.service';

export const READ_KIND = 'mend:records-read';

/**
 * Marks a route that shows a case's content (its `:id` parameter names the case): every
 * successful call is recorded in the case's access log before the response goes out.
 */
export const RecordsRead = (kind: ReadKind) => SetMetadata(READ_KIND, kind);
