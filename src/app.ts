import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { Logger } from 'nestjs-pino';
import { AppModule, type AppOptions } from './app.module';
import { MendExceptionFilter } from './http/exception.filter';
import { clientErrorHandler } from './http/client-errors';
import { MalformedPath } from './http/http-errors';
import { refuseMalformedQuery } from './http/query-string';
import { refuseMissingHost } from './http/host-header';
import { preferredLanguage } from './http/language';
import { harden } from './http/hardening';
import { registerJsonBody } from './http/json-body';
import { newRequestId, registerCorrelation } from './http/correlation';
import { refuseWhileClosing } from './http/draining';
import { announceServiceClock } from './http/service-clock';
import { CLOCK, type Clock } from './clock/clock';
import { registerRequestLog, ROOT_LOGGER } from './logging/logging';
import { buildOpenApi } from './http/openapi';
import { openApiSections } from './http/openapi-sections';
import { MEND_VERSION } from './version';
import { WorkflowRegistry } from './workflows/workflow-registry';


/** Builds the Mend application (not yet listening): the one place HTTP concerns are wired. */
export async function createApp(options: AppOptions): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: options.config.bodyLimit,
    genReqId: newRequestId,
    clientErrorHandler,
    // A request must arrive whole, body included, within 30 s, or it is answered 408 REQUEST.TIMEOUT and its
    // connection closed: Fastify's default is no limit, and a body sent slowly or never finished held a
    // connection for good. Only receiving is limited: a response may last, as the SLA stream does.
    requestTimeout: 30_000,
    http: {
      // No longer than the whole request: Node times a request by the longer of the two (its default
      // 60 s for the headers would stand in for the 30 s).
      headersTimeout: 30_000,
      // Node looks for requests past their time every second, not every 30 s (its default), which let
      // one live up to twice the limit.
      connectionsCheckingInterval: 1_000,
      // An HTTP/1.1 request without Host is refused by `refuseMissingHost` in the API's shape, not by
      // Node with an empty 400 that names no problem and leaves no line in the request log.
      requireHostHeader: false,
    },
    // Requests that arrive while the server closes are refused by `refuseWhileClosing`, in the API's shape.
    return503OnClosing: false,
    // Paths are matched exactly: /cases/ is not /cases.
    routerOptions: { ignoreTrailingSlash: false, maxParamLength: 200 },
    // A path the router cannot even parse gets the same error shape as everything else.
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      const language = preferredLanguage(request.headers['accept-language']);
      const refusal = MalformedPath({ reason: error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'a path segment is too long' : 'it is not a valid URL path' });
      void reply.status(400).header('Content-Language', language).send({ code: refusal.code, message: refusal.messageIn(language) });
    },
  });
  // JSON is the only body Mend reads: no form or text parsers.
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(options), adapter, {
    bufferLogs: true,
    abortOnError: false,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  const fastify = app.getHttpAdapter().getInstance();
  fastify.removeContentTypeParser('text/plain');
  registerJsonBody(fastify);
  registerCorrelation(fastify);
  refuseMissingHost(fastify);
  refuseMalformedQuery(fastify);
  registerRequestLog(fastify, app.get(ROOT_LOGGER));
  refuseWhileClosing(fastify);
  announceServiceClock(fastify, app.get<Clock>(CLOCK));
  const errors = new MendExceptionFilter(options.config);
  // Errors Fastify raises before Nest's router (parsers, body and rate limits) reach this filter too:
  // Nest sets Fastify's error handler when the app initialises, and it hands them to the global
  // filters. (Setting a second handler of our own made Fastify warn FSTWRN004 at every start.)
  app.useGlobalFilters(errors);
  await harden(app, options.config);
  app.enableShutdownHooks();

  const document = buildOpenApi(app.get(WorkflowRegistry), MEND_VERSION, openApiSections);
  SwaggerModule.setup('docs', app, document as never, {
    jsonDocumentUrl: 'openapi.json',
    yamlDocumentUrl: 'openapi.yaml',
    // The token stays in the page's memory: persisted, it would sit in localStorage for any script to read.
    swaggerOptions: { persistAuthorization: false },
  });
  return app;
}
