import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { DomainError } from '../../domain/errors';
import { HeadersTooLarge, RequestRefused, RequestTimeout } from './http-errors';

/**
 * Requests Node's HTTP parser refuses before Fastify sees them (headers too large, a timeout, bytes
 * that are not HTTP) get the `{code, message, details}` body of every other error. No header was
 * parsed, so the language cannot be chosen: the message carries both, English first.
 */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, refusal]: [number, DomainError] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, HeadersTooLarge({})]
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, RequestTimeout({})]
        : [400, RequestRefused({ status: 400 })];
  const body = JSON.stringify({ code: refusal.code, message: `${refusal.messageIn('en')} / ${refusal.messageIn('fr')}` });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
