import 'reflect-metadata';
import { Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { AppModule, type AppOptions } from '../../src/app.module';
import { localSecret, mintLocalToken } from '../../src/auth/jwt';
import { systemClock } from '../../src/clock/clock';
import { newRequestId, registerCorrelation } from '../../src/http/correlation';
import { MendExceptionFilter } from '../../src/http/exception.filter';
import { harden } from '../../src/http/hardening';
import { refuseMalformedQuery } from '../../src/http/query-string';
import { registerRequestLog, ROOT_LOGGER } from '../../src/logging/logging';
import { benchConfig, scratchDir } from '../fixtures/bench-context';
import { BareModule } from './bare.controller';

/** What the server tells the benchmark once it listens. */
export interface ServerReady {
  readonly baseUrl: string;
  readonly tokens: { readonly supervisor: string; readonly handler: string };
}

export const HANDLER_ID = 'practitioner-1';

@Module({})
class BenchHttpModule {
  static forRoot(options: AppOptions): DynamicModule {
    return { module: BenchHttpModule, imports: [AppModule.forRoot(options), BareModule] };
  }
}

/**
 * Mend as `createApp` wires it (src/app.ts, without the Swagger pages), plus the bare routes, on a
 * fresh data directory with the real SQLite store in its default durability. Run as a child process
 * so that the load generator has the other core.
 */
async function serve(): Promise<void> {
  const dir = scratchDir('http');
  const config = benchConfig(dir.path);
  const adapter = new FastifyAdapter({ bodyLimit: config.bodyLimit, genReqId: newRequestId, routerOptions: { ignoreTrailingSlash: false, maxParamLength: 200 } });
  const app = await NestFactory.create<NestFastifyApplication>(BenchHttpModule.forRoot({ config, clock: systemClock }), adapter, {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  registerCorrelation(app.getHttpAdapter().getInstance());
  refuseMalformedQuery(app.getHttpAdapter().getInstance());
  registerRequestLog(app.getHttpAdapter().getInstance(), app.get(ROOT_LOGGER));
  app.useGlobalFilters(new MendExceptionFilter(config));
  await harden(app, config);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const secret = localSecret(dir.path, config.auth.secret).secret;
  const token = (role: 'supervisor' | 'practitioner', subject: string) => mintLocalToken(secret, { subject, role, ttlSeconds: 3600, now: new Date() });
  const ready: ServerReady = {
    baseUrl: `http://127.0.0.1:${port}`,
    tokens: { supervisor: await token('supervisor', 'supervisor-1'), handler: await token('practitioner', HANDLER_ID) },
  };
  process.on('message', (message) => {
    if (message !== 'stop') return;
    void app.close().finally(() => {
      dir.remove();
      process.exit(0);
    });
  });
  process.send!(ready);
}

if (require.main === module) {
  serve().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
