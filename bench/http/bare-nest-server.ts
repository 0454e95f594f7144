import 'reflect-metadata';
import { Body, Controller, HttpCode, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * The framework's own ceiling: Nest on Fastify, one JSON POST route, no guards, interceptors,
 * filters, hooks or logger. What any Nest + Fastify application pays before doing anything of its own.
 */
@Controller()
class EchoController {
  @Post('echo')
  @HttpCode(200)
  echo(@Body() body: unknown): { ok: true; body: unknown } {
    return { ok: true, body };
  }
}

@Module({ controllers: [EchoController] })
class BareNestModule {}

async function serve(): Promise<void> {
  const app = await NestFactory.create<NestFastifyApplication>(BareNestModule, new FastifyAdapter(), { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  process.on('message', (message) => {
    if (message !== 'stop') return;
    void app.close().finally(() => process.exit(0));
  });
  process.send!({ baseUrl: `http://127.0.0.1:${port}` });
}

if (require.main === module) {
  serve().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
