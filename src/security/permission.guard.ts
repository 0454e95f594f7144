import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { IS_PUBLIC } from '../auth/public.decorator';
import type { QueryPermission } from './permissions';
import { PolicyService } from './policy.service';
import { PERMISSION } from './require-permission.decorator';

/** Checks the route's permission against the permission table, after authentication. */
@Injectable()
export class PermissionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly policy: PolicyService,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const permission = this.reflector.getAllAndOverride<QueryPermission | undefined>(PERMISSION, targets);
    const actor = context.switchToHttp().getRequest<FastifyRequest>().actor;
    if (permission && actor) this.policy.require(actor, permission);
    return true;
  }
}
