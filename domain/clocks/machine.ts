import type { AnyStateMachine, AnyStateNodeConfig } from 'xstate';
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

const everywhere = new WeakMap<AnyStateMachine, boolean>();

/** Does a state below the root handle a clock event itself (by its type, or by a wildcard that takes it)? */
const handlesClockEvents = (node: AnyStateNodeConfig): boolean =>
  Object.keys(node.on ?? {}).some((descriptor) => (CLOCK_EVENT_TYPES as readonly string[]).includes(descriptor) || descriptor.includes('*')) ||
  Object.values(node.states ?? {}).some(handlesClockEvents);

/**
 * Does every active state of `machine` accept every clock event through `acceptClockEvents`: its
 * root lists them, and no state below the root handles one itself? Then a clock event is accepted
 * exactly while the machine is active, and folding one need not ask XState's `can` (which works
 * out the whole transition). Worked out once per machine.
 */
export function acceptsClockEventsWhenActive(machine: AnyStateMachine): boolean {
  let known = everywhere.get(machine);
  if (known === undefined) {
    const root = machine.config as AnyStateNodeConfig;
    const atRoot = (root.on ?? {}) as Record<string, unknown>;
    known =
      CLOCK_EVENT_TYPES.every((type) => atRoot[type] === acceptClockEvents[type]) &&
      !Object.values(root.states ?? {}).some(handlesClockEvents);
    everywhere.set(machine, known);
  }
  return known;
}
