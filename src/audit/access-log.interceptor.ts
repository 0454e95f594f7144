import { Injectable, Logger, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { mergeMap, type Observable } from 'rxjs';
import { AccessLog, type ReadKind } from './access-log.service';
import { ReadNotRecorded } from './audit-errors';
import { READ_KIND } from './records-read.decorator';

const MAX_DETAILS = 10;
const MAX_DETAIL_LENGTH = 200;

/**
 * Records the reads of routes marked `@RecordsRead`. The record is written after the handler has
 * found the content (a failed read is not a read) and before the response is sent; a read whose
 * record cannot be stored is refused with a 503, and the cause is logged.
 */
@Injectable()
export class AccessLogInterceptor implements NestInterceptor {
  private readonly logger = new Logger('AccessLog');

  constructor(
    private readonly reflector: Reflector,
    private readonly log: AccessLog,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const read = this.reflector.get<ReadKind | undefined>(READ_KIND, context.getHandler());
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (!read || !request.actor) return next.handle();
    const actor = request.actor;
    return next.handle().pipe(
      mergeMap(async (result: unknown) => {
        const caseId = (request.params as { id: string }).id;
        try {
          await this.log.record({ caseId, read, details: details(request.query), actor, correlationId: request.correlationId, causationId: request.id });
        } catch (error) {
          this.logger.error({ err: error, caseId, actor: actor.id, read }, 'A read could not be recorded; it was refused');
          throw ReadNotRecorded({ caseId });
        }
        return result;
      }),
    );
  }
}

/** The query that said what was read (a moment, a format, a page), bounded: it comes from the client. */
function details(query: unknown): Record<string, string> {
  const entries = Object.entries((query ?? {}) as Record<string, unknown>)
    .filter(([, value]) => typeof value === 'string')
    .slice(0, MAX_DETAILS)
    .map(([key, value]) => [key.slice(0, MAX_DETAIL_LENGTH), (value as string).slice(0, MAX_DETAIL_LENGTH)]);
  return Object.fromEntries(entries);
}
