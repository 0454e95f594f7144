import fastifyStatic from '@fastify/static';
import { join } from 'node:path';
import { Logger, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { consoleRoot } from './console-root';

/**
 * Serves the console (console/dist) at `/`. The static shell needs no token: it holds no data,
 * and asks the person for their token, which every API call then carries in a header.
 */
@Module({})
export class ConsoleModule implements OnModuleInit {
  private readonly logger = new Logger(ConsoleModule.name);

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    // A CLI context has no HTTP server: nothing to serve.
    if (!this.adapterHost.httpAdapter) return;
    const root = consoleRoot();
    if (!root) {
      this.logger.warn('The console is not built: run `npm run build:console` to serve it at /.');
      return;
    }
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    // Queued, not awaited: awaiting a registration loads Fastify's plugins early, and the error
    // handler Nest sets afterwards then no longer reaches parser errors (a bad JSON body got
    // Fastify's own answer instead of REQUEST.MALFORMED_BODY whenever the console was built).
    void fastify.register(fastifyStatic, {
      root,
      prefix: '/',
      // One route per built file, so any other path still reaches the API's own 404.
      wildcard: false,
      index: 'index.html',
      setHeaders: (reply, path) => {
        // Built assets carry a content hash in their names; the page that names them must not be cached.
        reply.header('cache-control', path.startsWith(join(root, 'assets')) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
}
