import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../domain/roles';
import { CurrentActor } from '../auth/actor.decorator';
import { RequirePermission } from '../security/require-permission.decorator';
import { ErasureService } from './erasure.service';
import type { ErasureResult } from './privacy.schemas';

@Controller('subjects')
export class PrivacyController {
  constructor(private readonly erasure: ErasureService) {}

  /** Erases a person's personal information everywhere it is recorded (their key is destroyed). */
  @Post(':subjectId/erase')
  @HttpCode(200)
  @RequirePermission('subjects.erase')
  erase(
    @Param('subjectId') subjectId: string,
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
  ): Promise<ErasureResult> {
    return this.erasure.erase(subjectId, actor, request.correlationId, body);
  }
}
