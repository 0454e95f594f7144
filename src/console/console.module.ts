import fastifyStatic from '@fastify/static';
import { join } from 'node:path';
import { Logger, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { consoleRoot } from './console-root';

/** Where Vite puts the built scripts and styles, each named with a hash of its content. */
const ASSETS = 'assets';

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
    // Queued, not awaited: Fastify loads it when the app starts listening. Awaiting it here loads the
    // instance early, and the error handler Nest sets afterwards (which hands parser, body-limit and
    // media-type refusals to Mend's exception filter) would no longer reach the API's routes.
    void fastify.register(fastifyStatic, {
      root,
      prefix: '/',
      // One route per file built by then outside the assets (index.html, also at `/`), so any other path still reaches the API's own 404.
      wildcard: false,
      // The assets are served below, whatever their names.
      globIgnore: [`${ASSETS}/**`],
      index: 'index.html',
      // The page that names the assets must not be cached: a rebuild names new ones.
      setHeaders: (reply) => void reply.header('cache-control', 'no-cache'),
    });
    // The assets by any name, those of a rebuild made while the server runs too (a route per file read
    // at start would 404 the new names, and the page that names them would come up blank). A name no
    // file has, a dotfile and a directory are the API's own 404: nothing is ever listed.
    void fastify.register(fastifyStatic, {
      root: join(root, ASSETS),
      prefix: `/${ASSETS}/`,
      wildcard: true,
      index: false,
      list: false,
      dotfiles: 'ignore',
      // Files only: a directory's path (`/assets/`) is a 404 as a missing file is, not a 403.
      allowedPath: (path) => !path.endsWith('/'),
      // The first registration decorates the reply with sendFile; a second decoration would throw.
      decorateReply: false,
      // Each name carries a hash of its content: the file under a name never changes.
      setHeaders: (reply) => void reply.header('cache-control', 'public, max-age=31536000, immutable'),
    });
  }
}
