import { Controller, Get } from '@nestjs/common';
import { Public } from '../auth/public.decorator';

@Controller()
export class HealthController {
  /** Liveness: the process serves HTTP. Needs no token. */
  @Public()
  @Get('health')
  health() {
    return { status: 'ok' };
  }
}
