import { Injectable, Logger, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { mergeMap, type Observable } from 'rxjs';
import { AccessLog, type ReadKind } from './access-log.service';
import { ReadNotRecorded } from './audit-errors';

const MAX_DETAIL_LENGTH = 200;

export const READ_KIND = 'mend:records-read';

export interface RecordedRead {
  readonly kind: ReadKind;
  /** The query parameters the route declares: only these are recorded, never whatever else a client appends. */
  readonly params: readonly string[];
  /**
   * The cases an answer shows, where they are not the route's one case (`:id`, or the `caseId` of
   * the view it answers): the people a search by name found. None: nothing to record.
   */
  readonly casesShown?: (result: unknown) => readonly string[];
}

/**
 * Records the reads of routes marked `@RecordsRead`, the decorator that applies it to them. The
 * record is written after the handler has found the content (a failed read is not a read) and
 * before the response is sent; a read whose record cannot be stored is refused with a 503, and the
 * cause is logged.
 */
@Injectable()
export class AccessLogInterceptor implements NestInterceptor {
  private readonly logger = new Logger('AccessLog');

  constructor(
    private readonly reflector: Reflector,
    private readonly log: AccessLog,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const marked = this.reflector.get<RecordedRead | undefined>(READ_KIND, context.getHandler());
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (!marked || !request.actor) return next.handle();
    const read = marked.kind;
    const actor = request.actor;
    return next.handle().pipe(
      mergeMap(async (result: unknown) => {
        // A case found by its reference (GET /cases/by-reference/:reference) is named by the view read.
        const caseIds = marked.casesShown?.(result) ?? [(request.params as { id?: string }).id ?? String((result as { caseId?: unknown }).caseId)];
        const said = details(request.query, marked.params);
        const record = async (caseId: string) => {
          try {
            await this.log.record({ caseId, read, details: said, actor, correlationId: request.correlationId, causationId: request.id });
          } catch (error) {
            this.logger.error({ err: error, caseId, actor: actor.id, read }, 'A read could not be recorded; it was refused');
            throw ReadNotRecorded({ caseId });
          }
        };
        await Promise.all(caseIds.map(record));
        return result;
      }),
    );
  }
}

/**
 * The declared parameters that said what was read, bounded: they come from the client. Anything
 * else in the query string (a name typed in the wrong place, a token) is not kept forever in the log.
 */
function details(query: unknown, declared: readonly string[]): Record<string, string> {
  const entries = Object.entries((query ?? {}) as Record<string, unknown>)
    .filter(([key, value]) => declared.includes(key) && typeof value === 'string')
    .map(([key, value]) => [key, (value as string).slice(0, MAX_DETAIL_LENGTH)]);
  return Object.fromEntries(entries);
}
