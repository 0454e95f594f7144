import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../domain/roles';
import { annotateRawRequest } from '../logging/logging';
import { MissingToken } from './auth-errors';
import type { TokenVerifier } from './jwt';
import { IS_PUBLIC } from './public.decorator';

export const TOKEN_VERIFIER = Symbol('TokenVerifier');

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated actor, set by the AuthGuard. */
    actor?: Actor;
  }
}

/** Every route but the public probes requires a valid bearer token; the actor it names is attached to the request. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TOKEN_VERIFIER) private readonly verify: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) throw MissingToken({});
    request.actor = await this.verify(match[1]!);
    annotateRawRequest(request.raw, { actor: request.actor });
    return true;
  }
}
