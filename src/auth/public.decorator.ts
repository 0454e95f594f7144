import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'mend:public';

/** Marks a route that needs no token: the liveness and readiness probes. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
