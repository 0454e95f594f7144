import helmet from 'helmet';
import rateLimit from '@fastify/rate-limit';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { MendConfig } from '../config/config';

/**
 * Security headers (helmet), CORS (off unless origins are configured), and a rate limit per client
 * address, counted before authentication: a flood of junk tokens is limited like any other. The
 * limit per person, keyed on the token's verified subject, is the AuthGuard's.
 * Body size is limited by the Fastify adapter (MEND_BODY_LIMIT); input shapes by strict zod schemas.
 */
export async function harden(app: NestFastifyApplication, config: MendConfig): Promise<void> {
  // Helmet's middleware is built once; @fastify/helmet built it, and parsed the CSP, on every request.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // No inline scripts: the console's build and Swagger UI (/docs, its configuration in swagger-ui-init.js) load theirs from files.
        scriptSrc: ["'self'"],
        // Swagger UI's page carries an inline <style>; styles cannot run code.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) => securityHeaders(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined)));
  // What an authenticated request answers may be case content: no browser or proxy cache keeps it.
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', (request, reply, payload, done) => {
      if (request.actor !== undefined && !reply.hasHeader('cache-control')) void reply.header('cache-control', 'no-store');
      done(null, payload);
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
  if (config.rateLimitPerAddress > 0) {
    await app.register(rateLimit, {
      max: config.rateLimitPerAddress,
      timeWindow: '1 minute',
      keyGenerator: (request) => request.ip,
      allowList: (request) => request.url === '/health' || request.url === '/ready',
    });
  }
}
