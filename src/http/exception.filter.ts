import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { DomainError, type ErrorKind } from '../../domain/errors';
import { AppendTooLargeError, EventStoreUnavailableError } from '../event-store/event-store';
import { ErasureLedgerError } from '../privacy/erasure-ledger';
import { KeyStoreUnavailableError } from '../privacy/key-store';
import {
  AppendTooLarge,
  BodyTooLarge,
  InternalError,
  MalformedBody,
  MethodNotAllowed,
  PreconditionFailed,
  RateLimited,
  RequestRefused,
  RouteNotFound,
  StoreUnavailable,
  ErasureLedgerUnavailable,
  KeyStoreUnavailable,
  UnsupportedMediaType,
} from './http-errors';
import { preferredLanguage } from './language';

export const STATUS_BY_KIND: Readonly<Record<ErrorKind, number>> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  not_allowed: 409,
  conflict: 409,
  precondition_failed: 412,
  too_large: 413,
  unsupported_media: 415,
  rule: 422,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

/** The body of every error response (DESIGN.md §8). */
export interface ErrorBody {
  readonly code: string;
  readonly message: string;
  readonly details?: unknown;
}

interface FrameworkError {
  code?: string;
  statusCode?: number;
  message?: string;
}

/** Maps anything thrown while serving a request to a DomainError; `unexpected` marks a defect. */
export interface Limits {
  readonly bodyLimit: number;
  readonly rateLimitPerAddress: number;
}

export function asDomainError(
  exception: unknown,
  request: Pick<FastifyRequest, 'method' | 'url' | 'headers'>,
  { bodyLimit, rateLimitPerAddress }: Limits,
): { error: DomainError; unexpected: boolean } {
  if (exception instanceof DomainError) return { error: exception, unexpected: false };
  if (exception instanceof EventStoreUnavailableError) return { error: StoreUnavailable({}), unexpected: false };
  if (exception instanceof KeyStoreUnavailableError) return { error: KeyStoreUnavailable({}), unexpected: false };
  if (exception instanceof AppendTooLargeError) return { error: AppendTooLarge({ limit: exception.limit ?? null }), unexpected: false };
  if (exception instanceof ErasureLedgerError) return { error: ErasureLedgerUnavailable({}), unexpected: true };
  const path = request.url.split('?')[0] ?? request.url;
  if (exception instanceof HttpException) {
    // Nest wraps Fastify's own rejections (unparsable body, size, media type) by their status.
    const status = exception.getStatus();
    const contentType = String(request.headers['content-type'] ?? 'none');
    if (status === 404) return { error: RouteNotFound({ method: request.method, path }), unexpected: false };
    if (status === 405) return { error: MethodNotAllowed({ method: request.method, path }), unexpected: false };
    if (status === 413) return { error: BodyTooLarge({ limit: bodyLimit }), unexpected: false };
    if (status === 415) return { error: UnsupportedMediaType({ contentType }), unexpected: false };
    // Its code is lost in the wrapping; its message says which: the body's length, or its syntax.
    if (status === 400) return { error: MalformedBody({ fault: /Content-Length/i.test(exception.message) ? 'length' : 'syntax' }), unexpected: false };
    if (status === 429) return { error: RateLimited({ limit: rateLimitPerAddress, per: 'address' }), unexpected: false };
  }
  const framework = exception as FrameworkError;
  switch (framework?.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { error: BodyTooLarge({ limit: bodyLimit }), unexpected: false };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { error: UnsupportedMediaType({ contentType: String(request.headers['content-type'] ?? 'none') }), unexpected: false };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { error: MalformedBody({ fault: 'empty' }), unexpected: false };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { error: MalformedBody({ fault: 'syntax' }), unexpected: false };
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { error: MalformedBody({ fault: 'length' }), unexpected: false };
  }
  if (exception instanceof SyntaxError && framework.statusCode === 400) {
    return { error: MalformedBody({ fault: 'syntax' }), unexpected: false };
  }
  if (framework?.statusCode === 429) return { error: RateLimited({ limit: rateLimitPerAddress, per: 'address' }), unexpected: false };
  if (framework?.statusCode === 412) return { error: PreconditionFailed({}), unexpected: false };
  if (framework?.statusCode === 413) return { error: BodyTooLarge({ limit: bodyLimit }), unexpected: false };
  if (framework?.statusCode === 415) {
    return { error: UnsupportedMediaType({ contentType: String(request.headers['content-type'] ?? 'none') }), unexpected: false };
  }
  // Any other refusal by the framework or a plugin is the client's, not a defect of ours.
  if (framework?.statusCode !== undefined && framework.statusCode >= 400 && framework.statusCode < 500) {
    return { error: RequestRefused({ status: framework.statusCode }), unexpected: false };
  }
  return { error: InternalError({ reference: uuidv7() }), unexpected: true };
}

/**
 * The one exception filter (DESIGN.md §8): every error becomes `{code, message, details}` with the
 * status of its kind, the message in the language the client prefers. Controllers hold no try/catch.
 */
@Catch()
export class MendExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  constructor(private readonly limits: Limits) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    this.reply(exception, http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>());
  }

  /** Answers a request with the error body. */
  reply(exception: unknown, request: FastifyRequest, reply: FastifyReply): void {
    const { error, unexpected } = asDomainError(exception, request, this.limits);
    const status = STATUS_BY_KIND[error.kind];
    const path = request.url.split('?')[0];
    // The request's own ids, so that these lines join the request log's line for the same request.
    const ids = { reqId: request.id, correlationId: request.correlationId };
    if (unexpected) {
      this.logger.error({ err: exception, reference: (error.params as { reference?: string }).reference, path, ...ids }, 'Unexpected error');
    } else if (status === 401 || status === 403) {
      this.logger.warn({ code: error.code, path, method: request.method, actor: request.actor?.id, role: request.actor?.role, ...ids }, 'Access denied');
    }
    const language = preferredLanguage(request.headers['accept-language']);
    const details = error.detailsIn(language);
    const body: ErrorBody = {
      code: error.code,
      message: error.messageIn(language),
      ...(details !== undefined ? { details } : {}),
    };
    if (status === 503) void reply.header('Retry-After', '1');
    if (status === 429 && !reply.hasHeader('retry-after')) void reply.header('Retry-After', '60');
    void reply.status(status).header('Content-Language', language).send(body);
  }
}
