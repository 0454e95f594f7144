import { Body, Controller, Get, HttpCode, Module, Param, Post } from '@nestjs/common';

/**
 * The framework ceiling: routes of the same application (the same Fastify adapter, global guards,
 * interceptors and filter, a valid bearer token) that do no work.
 */
@Controller('bench/bare')
export class BareController {
  @Post(':id/commands/:command')
  @HttpCode(200)
  command(@Param('id') id: string, @Param('command') command: string, @Body() body: unknown): { id: string; command: string; body: unknown } {
    return { id, command, body };
  }

  @Get(':id')
  view(@Param('id') id: string): { id: string } {
    return { id };
  }
}

@Module({ controllers: [BareController] })
export class BareModule {}
