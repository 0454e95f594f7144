import type { FastifyInstance } from 'fastify';
import { systemClock, type Clock } from '../clock/clock';

/** The response header that says the service's now, when it runs on a clock of its own. */
export const SERVICE_CLOCK_HEADER = 'Mend-Clock';

/**
 * A drill or a demo runs Mend on a clock of its own (`MEND_CLOCK_START`; a test's manual clock):
 * every answer then says the service's now in `Mend-Clock`, so that the console counts time left,
 * and fills in "now", from it rather than from the browser's clock, which may be months away (a
 * step sent "now" would be refused as in the future, and every clock read as overdue). On the
 * system clock the two agree and nothing is sent.
 */
export function announceServiceClock(fastify: FastifyInstance, clock: Clock): void {
  if (clock === systemClock) return;
  fastify.addHook('onSend', (_request, reply, payload, done) => {
    void reply.header(SERVICE_CLOCK_HEADER, clock.now().toISOString());
    done(null, payload);
  });
}
