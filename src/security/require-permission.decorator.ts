import { SetMetadata } from '@nestjs/common';
import type { QueryPermission } from './permissions';

export const PERMISSION = 'mend:permission';

/** The permission (from the table in permissions.ts) a route requires. */
export const RequirePermission = (permission: QueryPermission) => SetMetadata(PERMISSION, permission);
