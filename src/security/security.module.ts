import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthGuard } from '../auth/auth.guard';
import { PermissionGuard } from './permission.guard';
import { PolicyService } from './policy.service';

/** Authentication then authorisation, for every route; the policy for everything finer. */
@Global()
@Module({
  providers: [PolicyService, { provide: APP_GUARD, useClass: AuthGuard }, { provide: APP_GUARD, useClass: PermissionGuard }],
  exports: [PolicyService],
})
export class SecurityModule {}
