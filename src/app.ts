import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppModule, type AppOptions } from './app.module';
import { MendExceptionFilter } from './http/exception.filter';
import { harden } from './http/hardening';
import { newRequestId, registerCorrelation } from './http/correlation';
import { buildOpenApi } from './http/openapi';
import { openApiSections } from './http/openapi-sections';
import { MEND_VERSION } from './version';
import { WorkflowRegistry } from './workflows/workflow-registry';


/** Builds the Mend application (not yet listening): the one place HTTP concerns are wired. */
export async function createApp(options: AppOptions): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: options.config.bodyLimit,
    genReqId: newRequestId,
    // Paths are matched exactly: /cases/ is not /cases.
    routerOptions: { ignoreTrailingSlash: false, maxParamLength: 200 },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(options), adapter, {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  const fastify = app.getHttpAdapter().getInstance();
  registerCorrelation(fastify);
  app.useGlobalFilters(new MendExceptionFilter(options.config));
  await harden(app, options.config);
  app.enableShutdownHooks();

  const document = buildOpenApi(app.get(WorkflowRegistry), MEND_VERSION, openApiSections);
  SwaggerModule.setup('docs', app, document as never, {
    jsonDocumentUrl: 'openapi.json',
    yamlDocumentUrl: 'openapi.yaml',
    swaggerOptions: { persistAuthorization: true },
  });
  return app;
}
