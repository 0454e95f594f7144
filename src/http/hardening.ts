import { createHash } from 'node:crypto';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import type { MendConfig } from '../config/config';

/** The rate-limit bucket of a request: its bearer token (hashed), or its address when it has none. */
function bucket(request: FastifyRequest): string {
  const authorization = request.headers.authorization;
  if (typeof authorization === 'string' && authorization.length > 0) {
    return `token:${createHash('sha256').update(authorization).digest('base64url')}`;
  }
  return `ip:${request.ip}`;
}

/**
 * Security headers (helmet), CORS (off unless origins are configured), and a rate limit per token.
 * Body size is limited by the Fastify adapter (MEND_BODY_LIMIT); input shapes by strict zod schemas.
 */
export async function harden(app: NestFastifyApplication, config: MendConfig): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Swagger UI (/docs) injects its configuration inline.
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  if (config.corsOrigins.length > 0) {
    app.enableCors({
      origin: [...config.corsOrigins],
      methods: ['GET', 'POST'],
      allowedHeaders: ['Authorization', 'Content-Type', 'If-Match', 'Accept-Language', 'X-Correlation-Id'],
      exposedHeaders: ['ETag', 'Location', 'X-Correlation-Id', 'Retry-After'],
      credentials: false,
    });
  }
  if (config.rateLimitPerMinute > 0) {
    await app.register(rateLimit, {
      max: config.rateLimitPerMinute,
      timeWindow: '1 minute',
      keyGenerator: bucket,
      allowList: (request) => request.url === '/health' || request.url === '/ready',
    });
  }
}
