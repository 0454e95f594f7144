import { applyDecorators, SetMetadata, UseInterceptors } from '@nestjs/common';
import { AccessLogInterceptor, READ_KIND, type RecordedRead } from './access-log.interceptor';
import type { ReadKind } from './access-log.service';

/**
 * Marks a route that shows a case's content (its `:id` parameter names the case, or `casesShown`
 * the cases its answer shows): every successful call is recorded in each case's access log before
 * the response goes out, with the declared query parameters that said what was read (a moment, a
 * format, a page).
 * The interceptor is the route's own, not global: any interceptor makes Nest wrap the handler in
 * observables and async resources, a cost the routes that record nothing need not pay.
 */
export const RecordsRead = (kind: ReadKind, params: readonly string[] = [], casesShown?: RecordedRead['casesShown']) =>
  applyDecorators(SetMetadata(READ_KIND, { kind, params, ...(casesShown ? { casesShown } : {}) } satisfies RecordedRead), UseInterceptors(AccessLogInterceptor));
