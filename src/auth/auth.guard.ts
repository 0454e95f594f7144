import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { decodeJwt } from 'jose';
import type { Actor } from '../../domain/roles';
import { MEND_CONFIG, type MendConfig } from '../config/config';
import { RateLimited } from '../http/http-errors';
import { MissingToken, StaffInactive } from './auth-errors';
import { INACTIVE_SUBJECTS, type InactiveSubjects } from './inactive-subjects';
import type { TokenVerifier } from './jwt';
import { IS_PUBLIC } from './public.decorator';
import { SubjectRateLimit } from './subject-rate-limit';
import { VerifiedTokens, type VerifiedToken } from './verified-tokens';

export const TOKEN_VERIFIER = Symbol('TokenVerifier');

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated actor, set by the AuthGuard. */
    actor?: Actor;
    /** When the bearer token stops being valid (epoch ms): long-lived responses (the SLA stream) end then. */
    tokenExpiresAt?: number;
  }
}

/**
 * Every route but the public probes requires a valid bearer token; the actor it names is attached
 * to the request, unless the staff directory marks them inactive (403). Each person's request rate
 * is limited here, once their token is verified.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly limit: SubjectRateLimit | undefined;
  private readonly verified = new VerifiedTokens();
  private inactiveSubjects: InactiveSubjects | undefined;

  constructor(
    private readonly reflector: Reflector,
    private readonly modules: ModuleRef,
    @Inject(TOKEN_VERIFIER) private readonly verify: TokenVerifier,
    @Inject(MEND_CONFIG) config: MendConfig,
  ) {
    this.limit = config.rateLimitPerMinute > 0 ? new SubjectRateLimit(config.rateLimitPerMinute) : undefined;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) throw MissingToken({});
    const { actor, expiresAt } = await this.verifiedToken(match[1]!);
    // Whatever tokens they still hold: a person the directory marks inactive is cut off (in memory, no SQL per request).
    if (this.inactive().has(actor.id)) throw StaffInactive({ staffId: actor.id });
    request.actor = actor;
    request.tokenExpiresAt = expiresAt;
    const wait = this.limit?.take(request.actor.id);
    if (wait !== undefined) {
      void context.switchToHttp().getResponse<FastifyReply>().header('Retry-After', String(wait));
      throw RateLimited({ limit: this.limit!.perMinute, per: 'person' });
    }
    return true;
  }

  /** The staff module's, looked up once: this guard is the security module's, which does not import it. */
  private inactive(): InactiveSubjects {
    return (this.inactiveSubjects ??= this.modules.get<symbol, InactiveSubjects>(INACTIVE_SUBJECTS, { strict: false }));
  }

  private async verifiedToken(token: string): Promise<VerifiedToken> {
    const known = this.verified.get(token, Date.now());
    if (known) return known;
    const actor = await this.verify(token);
    // Verified above, and every accepted token carries exp (jwt.ts).
    const verified = { actor, expiresAt: Number(decodeJwt(token).exp) * 1000 };
    this.verified.set(token, verified);
    return verified;
  }
}
