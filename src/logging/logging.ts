import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Params } from 'nestjs-pino';
import { pino, levels, type Level, type Logger } from 'pino';
import type { MendConfig } from '../config/config';

/** The process's pino logger, for the request log hook (registerRequestLog). */
export const ROOT_LOGGER = Symbol('RootLogger');

/** Whether the process's lines are pretty (MEND_LOG_FORMAT=pretty, or auto on a terminal) rather than JSON. */
export const logsPretty = (config: Pick<MendConfig, 'log'>): boolean =>
  config.log.format === 'pretty' || (config.log.format === 'auto' && process.stdout.isTTY === true);

/** The one logger of the process: the application's lines (through Nest's logger) and the request log. */
export function rootLogger(config: MendConfig): Logger {
  const pretty = logsPretty(config);
  return pino({
    level: config.log.level,
    ...(pretty ? { transport: { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:HH:MM:ss.l' } } } : {}),
  });
}

/**
 * Nest's logger writes through `logger`. nestjs-pino's per-request middleware (pino-http and an
 * AsyncLocalStorage context per request) is applied to no route: the request log is a Fastify hook
 * (registerRequestLog), which costs a fraction of it. A line logged while serving a request names
 * the request itself where it matters (the exception filter's lines carry reqId and correlationId).
 */
export function loggerParams(logger: Logger): Params {
  return { pinoHttp: { logger }, forRoutes: [] };
}

/** The level of a request's line: error for a 5xx, warn for a 4xx, info otherwise. */
export function requestLogLevel(statusCode: number): Level {
  return statusCode >= 500 ? 'error' : statusCode >= 400 ? 'warn' : 'info';
}

const pathOf = (url: string): string => {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
};

/**
 * One JSON line per request (pretty on a terminal): method, path (never the query), status,
 * duration, request and correlation ids, actor id and role. Never a body, a header, a token or
 * personal data. /health is not logged (probes call it every few seconds). A line below the
 * logger's level is not built at all.
 */
export function registerRequestLog(fastify: FastifyInstance, logger: Logger): void {
  const threshold = levels.values[logger.level] ?? Infinity;
  const enabled = (level: Level) => levels.values[level]! >= threshold;
  const line = (request: FastifyRequest, level: Level, outcome: string, response?: { statusCode: number; responseTime: number }) => {
    const path = pathOf(request.url);
    const fields: Record<string, unknown> = { req: { id: request.id, method: request.method, url: path } };
    if (response) [fields['res'], fields['responseTime']] = [{ statusCode: response.statusCode }, response.responseTime];
    if (request.correlationId) fields['correlationId'] = request.correlationId;
    if (request.actor) [fields['actor'], fields['role']] = [request.actor.id, request.actor.role];
    logger[level](fields, `${request.method} ${path} ${outcome}`);
  };
  // Callback hooks, not async ones: nothing here waits, so no promise per request.
  fastify.addHook('onResponse', (request: FastifyRequest, reply: FastifyReply, done) => {
    const level = requestLogLevel(reply.statusCode);
    if (enabled(level) && request.url !== '/health') line(request, level, String(reply.statusCode), { statusCode: reply.statusCode, responseTime: reply.elapsedTime });
    done();
  });
  // The client went away before the response was sent: said once, as a warning.
  fastify.addHook('onRequestAbort', (request: FastifyRequest, done) => {
    if (enabled('warn')) line(request, 'warn', 'aborted');
    done();
  });
}
