import { dueClockEventId, type DueClockEvent } from '../../src/sla/due-clocks';

const STREAM = 'complaint-0190f3a0-0000-7000-8000-0000000000e1';
const breach = (at: string): DueClockEvent => ({ type: 'ClockBreached', data: { clock: 'response-1', at } });
const warning = (threshold: number, at: string): DueClockEvent => ({ type: 'ClockWarned', data: { clock: 'response-1', threshold, at, dueAt: '2026-04-15T21:00:00.000Z' } });

describe('the ids of warnings and breaches', () => {
  it('are the same whoever computes them, and whatever offset the instant is written with', () => {
    expect(dueClockEventId(STREAM, breach('2026-04-15T21:00:00.000Z'))).toBe(dueClockEventId(STREAM, breach('2026-04-15T17:00:00-04:00')));
    expect(dueClockEventId(STREAM, breach('2026-04-15T21:00:00.000Z'))).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('differ by stream, kind, threshold and instant', () => {
    const ids = [
      dueClockEventId(STREAM, breach('2026-04-15T21:00:00.000Z')),
      dueClockEventId(STREAM.replace('e1', 'e2'), breach('2026-04-15T21:00:00.000Z')),
      // A clock pushed back by a pause falls due at another instant: a new breach, not the old one.
      dueClockEventId(STREAM, breach('2026-04-29T21:00:00.000Z')),
      dueClockEventId(STREAM, warning(0.5, '2026-03-23T14:00:00.000Z')),
      dueClockEventId(STREAM, warning(0.8, '2026-03-23T14:00:00.000Z')),
    ];
    expect(new Set(ids).size).toBe(ids.length);
  });
});
