import { createMachine, type StateValue } from 'xstate';
import { CLOCK_EVENT_TYPES } from '../../domain/clocks';
import { acceptClockEvents, acceptsClockEventsWhenActive } from '../../domain/clocks/machine';
import type { MachineEvent } from '../../domain/envelope';
import { machineAccepts } from '../../domain/fold';
import { workflowDefinitions } from '../../workflows/registry';

const meta: MachineEvent['meta'] = { occurredAt: '2026-03-02T14:00:00.000Z', actor: { id: 'a', role: 'practitioner' } as MachineEvent['meta']['actor'] };
const event = (type: string): MachineEvent => ({ type, data: {}, meta });

/**
 * `machineAccepts` answers a clock event without XState's `can` when the machine takes clock events
 * at its root and nowhere else. Whether that holds is read from the machine, so a machine that
 * handles one in a state of its own is asked the long way, and answers as XState does.
 */
describe('clock events accepted without asking XState', () => {
  const open = { on: { Close: { target: 'closed' } } };
  const closed = { type: 'final' as const };

  it('holds for a machine that takes them at its root only', () => {
    const machine = createMachine({ initial: 'open', on: { ...acceptClockEvents }, states: { open, closed } });
    expect(acceptsClockEventsWhenActive(machine)).toBe(true);
  });

  it('does not hold when a state handles a clock event itself, and the answer is then XState’s', () => {
    const machine = createMachine({
      initial: 'open',
      on: { ...acceptClockEvents },
      states: { open: { ...open, on: { ...open.on, ClockPaused: {} } }, closed },
    });
    expect(acceptsClockEventsWhenActive(machine)).toBe(false);
    const snapshot = machine.resolveState({ value: 'open', context: undefined });
    // A targetless transition without actions: XState's `can` says no, and so must the fold.
    expect(snapshot.can(event('ClockPaused'))).toBe(false);
    expect(machineAccepts(snapshot, event('ClockPaused'))).toBe(false);
    expect(machineAccepts(snapshot, event('ClockResumed'))).toBe(true);
  });

  it('does not hold under a wildcard below the root, or without every clock event at the root', () => {
    const wildcard = createMachine({ initial: 'open', on: { ...acceptClockEvents }, states: { open: { on: { '*': {} } }, closed } });
    expect(acceptsClockEventsWhenActive(wildcard)).toBe(false);
    const { ClockPaused: _paused, ...someClockEvents } = acceptClockEvents;
    const partial = createMachine({ initial: 'open', on: someClockEvents, states: { open, closed } });
    expect(acceptsClockEventsWhenActive(partial)).toBe(false);
  });

  it('gives XState’s answer for every clock event in every state of every workflow', () => {
    for (const definition of workflowDefinitions) {
      const machine = definition.machine;
      for (const value of leafStates(machine.config)) {
        const snapshot = machine.resolveState({ value, context: machine.getInitialSnapshot({} as never).context });
        for (const type of CLOCK_EVENT_TYPES) {
          expect({ workflow: definition.name, value, type, accepted: machineAccepts(snapshot, event(type)) }).toEqual({
            workflow: definition.name,
            value,
            type,
            accepted: snapshot.status === 'active' && snapshot.can(event(type)),
          });
        }
      }
    }
  });

  it('a finished machine accepts none', () => {
    const machine = createMachine({ initial: 'open', on: { ...acceptClockEvents }, states: { open, closed } });
    const done = machine.resolveState({ value: 'closed', context: undefined });
    expect(done.status).toBe('done');
    expect(CLOCK_EVENT_TYPES.filter((type) => machineAccepts(done, event(type)))).toEqual([]);
  });
});

/** Every leaf state of a machine's config, as a state value. */
function leafStates(config: { states?: Record<string, unknown> }): StateValue[] {
  const states = (config.states ?? {}) as Record<string, { states?: Record<string, unknown>; type?: string }>;
  return Object.entries(states).flatMap(([key, child]): StateValue[] => {
    if (!child.states || child.type === 'parallel') return [key];
    return leafStates(child).map((value) => ({ [key]: value }));
  });
}
