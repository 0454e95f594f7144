import { CLOCK_EVENT_TYPES } from './events';

const acceptClockEvent = (): void => undefined;

/**
 * Root-level transitions that let every active state of a workflow machine accept the shared clock
 * events. They change no machine state: clocks are folded beside the snapshot (domain/fold.ts).
 * A targetless transition needs an action, or XState's `can` would not count it.
 */
export const acceptClockEvents = Object.fromEntries(
  CLOCK_EVENT_TYPES.map((type) => [type, { actions: acceptClockEvent }]),
) as Record<(typeof CLOCK_EVENT_TYPES)[number], { actions: typeof acceptClockEvent }>;
