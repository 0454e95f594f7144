import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import { levels, type LevelWithSilent } from 'pino';
import type { MendConfig } from '../config/config';

/** What the request log may say about a request: never a body, a token or personal data. */
interface RawRequest extends IncomingMessage {
  mend?: { correlationId?: string; actor?: { id: string; role: string } };
}

/**
 * One JSON line per request (pretty on a terminal): method, route, status, duration, correlation
 * id and actor id/role. Authorization headers and cookies are never logged.
 */
export function loggerParams(config: MendConfig): Params {
  const pretty = config.log.format === 'pretty' || (config.log.format === 'auto' && process.stdout.isTTY === true);
  // pino-http builds the line's bindings and message before the logger drops it; a line below the
  // configured level is said to be 'silent' instead, which pino-http skips at once.
  const threshold = config.log.level === 'silent' ? Infinity : levels.values[config.log.level]!;
  const kept = (level: 'info' | 'warn' | 'error'): LevelWithSilent => (levels.values[level]! >= threshold ? level : 'silent');
  const info = kept('info');
  const warn = kept('warn');
  const error = kept('error');
  return {
    pinoHttp: {
      level: config.log.level,
      ...(pretty ? { transport: { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:HH:MM:ss.l' } } } : {}),
      customProps: (req: RawRequest) => {
        const props: { correlationId?: string; actor?: string; role?: string } = {};
        if (req.mend?.correlationId) props.correlationId = req.mend.correlationId;
        if (req.mend?.actor) [props.actor, props.role] = [req.mend.actor.id, req.mend.actor.role];
        return props;
      },
      serializers: {
        req: (req: { id?: string; method?: string; url?: string }) => ({ id: req.id, method: req.method, url: req.url?.split('?')[0] }),
        res: (res: ServerResponse | { statusCode?: number }) => ({ statusCode: res.statusCode }),
      },
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], remove: true },
      customLogLevel: (_req: IncomingMessage, res: ServerResponse, failure?: Error) => (failure || res.statusCode >= 500 ? error : res.statusCode >= 400 ? warn : info),
      customSuccessMessage: (req: IncomingMessage, res: ServerResponse) => `${req.method} ${req.url?.split('?')[0]} ${res.statusCode}`,
      customErrorMessage: (req: IncomingMessage, res: ServerResponse) => `${req.method} ${req.url?.split('?')[0]} ${res.statusCode}`,
      autoLogging: { ignore: (req: IncomingMessage) => req.url === '/health' },
      quietReqLogger: true,
    },
  };
}

/** Records on the raw request what the request log line should carry. */
export function annotateRawRequest(raw: IncomingMessage, annotation: NonNullable<RawRequest['mend']>): void {
  const request = raw as RawRequest;
  if (request.mend) Object.assign(request.mend, annotation);
  else request.mend = annotation;
}
