import { createCalendarProvider } from '../calendar';
import type { DecideContext } from '../decide-context';
import { DomainError } from '../errors';
import { DEFAULT_SETTINGS } from '../settings';
import type { ClockDeclaration } from './declarations';
import { anyPausable, cancelOpenClocks, dueClockEvents, meetClock, pauseClock, pauseRefused, resumeClock, startBusinessClock, startCalendarClock } from './decisions';
import type { ClockEvent } from './events';
import { dueLocalDate, evolveClocks, type Clocks } from './state';

const calendars = createCalendarProvider();
const context = (now: string): DecideContext => ({
  now: new Date(now),
  actor: { id: 'supervisor-1', role: 'supervisor' },
  newId: () => 'unused',
  calendars,
  settings: DEFAULT_SETTINGS,
});
const fold = (clocks: Clocks, events: readonly ClockEvent[]): Clocks => events.reduce(evolveClocks, clocks);
const CANCELLED = { en: 'The complainant withdrew the complaint.', fr: 'La personne plaignante a retiré la plainte.' };

/**
 * An acknowledgement clock of 2 business days for a complaint received Wednesday 15 December 2027,
 * 10:00 in Ottawa: due Friday 17 December, 17:00 (22:00 UTC); it warns Thursday 13:30 and Friday
 * 11:36 (50% and 80% of its 27 business hours).
 */
const RECEIVED = '2027-12-15T15:00:00.000Z';
const DUE = '2027-12-17T22:00:00.000Z';
const WARNED_AT = { half: '2027-12-16T18:30:00.000Z', most: '2027-12-17T16:36:00.000Z' };
const acknowledgement = () =>
  fold({}, [startBusinessClock(context(RECEIVED), { clock: 'acknowledgement', name: { en: 'Acknowledgement', fr: 'Accusé de réception' }, region: 'ON', startedAt: new Date(RECEIVED), days: 2 })]);
/** Thursday 23 December 2027, 16:30 in Ottawa: the scheduler has been down since before the due time. */
const AFTER_DOWNTIME = new Date('2027-12-23T21:30:00.000Z');

const refusal = (decide: () => unknown): DomainError => {
  try {
    decide();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('the decision was not refused');
};

describe('clocks: the example acknowledgement clock', () => {
  it('is due Friday 17:00 in Ottawa and warns Thursday 13:30 and Friday 11:36', () => {
    const clock = acknowledgement()['acknowledgement']!;
    expect(clock.dueAt).toBe(DUE);
    expect(clock.pendingWarnings.map((w) => w.at)).toEqual([WARNED_AT.half, WARNED_AT.most]);
  });
});

describe('clocks: pausing', () => {
  const declarations: readonly ClockDeclaration[] = [
    {
      key: 'acknowledgement',
      label: { en: 'Acknowledgement', fr: 'Accusé de réception' },
      basis: 'business',
      metBy: [],
      pausable: false,
      runsWithoutStop: { en: 'nothing it waits for depends on anyone else.', fr: 'rien de ce qu’il attend ne dépend d’autrui.' },
    },
  ];
  const BEFORE_DUE = new Date(WARNED_AT.half);

  it('refuses, beside the clock field and with its declared reason, to pause a clock its declaration says runs without a stop', () => {
    const refused = pauseRefused(acknowledgement(), 'acknowledgement', BEFORE_DUE, declarations);
    expect([refused?.code, refused?.kind]).toEqual(['CLOCK.NOT_PAUSABLE', 'rule']);
    expect(refused?.messageIn('en')).toBe('The clock “Acknowledgement” cannot be paused: nothing it waits for depends on anyone else.');
    expect(refused?.messageIn('fr')).toBe('Le délai «\u00a0Accusé de réception\u00a0» ne peut pas être suspendu\u00a0: rien de ce qu’il attend ne dépend d’autrui.');
    expect(refused?.details).toEqual({ issues: [{ path: 'data.clock', message: refused?.messageIn('en') }] });
    expect(anyPausable(acknowledgement(), BEFORE_DUE, declarations)).toBe(false);
  });

  it('lets a clock pause that no declaration stops, and names what is wrong with the clock before its declaration', () => {
    expect(pauseRefused(acknowledgement(), 'acknowledgement', BEFORE_DUE, [])).toBeUndefined();
    expect(anyPausable(acknowledgement(), BEFORE_DUE, [])).toBe(true);
    expect(pauseRefused(acknowledgement(), 'acknowledgement', AFTER_DOWNTIME, declarations)?.code).toBe('CLOCK.NOT_RUNNING');
    expect(pauseRefused(acknowledgement(), 'response-1', BEFORE_DUE, declarations)?.code).toBe('CLOCK.UNKNOWN');
  });

  it('refuses to pause a clock past its due time whose breach is not recorded yet, as it refuses a breached one', () => {
    const overdue = refusal(() => pauseClock(acknowledgement(), 'acknowledgement', AFTER_DOWNTIME, 'Awaiting the complainant.', 'subject-1'));
    const breached = fold(acknowledgement(), dueClockEvents(acknowledgement(), AFTER_DOWNTIME));
    const afterSweep = refusal(() => pauseClock(breached, 'acknowledgement', AFTER_DOWNTIME, 'Awaiting the complainant.', 'subject-1'));
    expect(overdue.code).toBe('CLOCK.NOT_RUNNING');
    expect(overdue.messageIn('en')).toBe('The clock “Acknowledgement” is breached, not running.');
    expect(overdue.messageIn('fr')).toBe('Le délai «\u00a0Accusé de réception\u00a0» est dépassé, et non en cours.');
    expect([overdue.code, overdue.messageIn('en'), overdue.messageIn('fr')]).toEqual([afterSweep.code, afterSweep.messageIn('en'), afterSweep.messageIn('fr')]);
  });

  it('refuses to pause a clock at its due time: it ran out then', () => {
    expect(refusal(() => pauseClock(acknowledgement(), 'acknowledgement', new Date(DUE), 'Awaiting the complainant.', 'subject-1')).code).toBe('CLOCK.NOT_RUNNING');
  });

  it('records the warnings that fell due before the pause, as the scheduler records them, then pauses', () => {
    const at = new Date('2027-12-17T17:00:00.000Z'); // Friday 12:00, both warnings passed
    const events = pauseClock(acknowledgement(), 'acknowledgement', at, 'Awaiting the complainant.', 'subject-1');
    expect(events).toEqual([
      ...dueClockEvents(acknowledgement(), at),
      { type: 'ClockPaused', data: { clock: 'acknowledgement', pausedAt: at.toISOString(), subjectId: 'subject-1', reason: 'Awaiting the complainant.' } },
    ]);
    expect(events.slice(0, 2).map((e) => e.data)).toEqual([
      { clock: 'acknowledgement', threshold: 0.5, at: WARNED_AT.half, dueAt: DUE },
      { clock: 'acknowledgement', threshold: 0.8, at: WARNED_AT.most, dueAt: DUE },
    ]);
  });

  it('does not warn again after the resume for what was recorded at the pause: only the breach is left, pushed back', () => {
    const pausedAt = '2027-12-17T17:00:00.000Z'; // Friday 12:00
    const paused = fold(acknowledgement(), pauseClock(acknowledgement(), 'acknowledgement', new Date(pausedAt), 'Awaiting the complainant.', 'subject-1'));
    const resumedAt = '2027-12-20T17:00:00.000Z'; // Monday 12:00: one business day later
    const resumed = resumeClock(context(resumedAt), paused, 'acknowledgement', new Date(resumedAt));
    expect(resumed.data).toMatchObject({ dueAt: '2027-12-20T22:00:00.000Z', warnings: [] });
    expect(dueClockEvents(fold(paused, [resumed]), new Date('2027-12-21T15:00:00.000Z'))).toEqual([
      { type: 'ClockBreached', data: { clock: 'acknowledgement', at: '2027-12-20T22:00:00.000Z' } },
    ]);
  });

  it('keeps, on resuming a clock paused after its due time (as pausing allowed before), the due time it ran out at', () => {
    const pausedLate = fold(acknowledgement(), [
      { type: 'ClockPaused', data: { clock: 'acknowledgement', pausedAt: AFTER_DOWNTIME.toISOString(), subjectId: 'subject-1', reason: 'Awaiting the complainant.' } },
    ]);
    const resumedAt = '2027-12-30T15:00:00.000Z';
    const resumed = resumeClock(context(resumedAt), pausedLate, 'acknowledgement', new Date(resumedAt));
    expect(resumed.data).toMatchObject({ dueAt: DUE, warnings: [{ threshold: 0.5, at: WARNED_AT.half }, { threshold: 0.8, at: WARNED_AT.most }] });
    expect(dueClockEvents(fold(pausedLate, [resumed]), new Date(resumedAt)).map((e) => [e.type, e.data.at])).toEqual([
      ['ClockWarned', WARNED_AT.half],
      ['ClockWarned', WARNED_AT.most],
      ['ClockBreached', DUE],
    ]);
  });

  it('pushes back, on resuming, a warning still ahead when the clock was paused', () => {
    const pausedAt = '2027-12-16T15:00:00.000Z'; // Thursday 10:00, before the 50% warning
    const paused = fold(acknowledgement(), pauseClock(acknowledgement(), 'acknowledgement', new Date(pausedAt), 'Awaiting the complainant.', 'subject-1'));
    const resumedAt = '2027-12-16T17:00:00.000Z'; // two business hours later
    const resumed = resumeClock(context(resumedAt), paused, 'acknowledgement', new Date(resumedAt));
    expect(resumed.data).toMatchObject({
      pausedBusinessMs: 2 * 3_600_000,
      dueAt: '2027-12-20T14:00:00.000Z', // Monday 09:00: the two hours carried over the weekend
      warnings: [
        { threshold: 0.5, at: '2027-12-16T20:30:00.000Z' },
        { threshold: 0.8, at: '2027-12-17T18:36:00.000Z' },
      ],
    });
  });
});

describe('clocks: cancelling', () => {
  it('records the breach of a clock that ran out during the scheduler’s downtime, at its due time, before cancelling it', () => {
    const events = cancelOpenClocks(acknowledgement(), AFTER_DOWNTIME, CANCELLED);
    expect(events).toEqual([
      { type: 'ClockBreached', data: { clock: 'acknowledgement', at: DUE } },
      { type: 'ClockCancelled', data: { clock: 'acknowledgement', at: AFTER_DOWNTIME.toISOString(), reason: CANCELLED.en, reasonFr: CANCELLED.fr } },
    ]);
    // The very breach the scheduler would have recorded: same data, so the same deterministic id.
    expect(events[0]).toEqual(dueClockEvents(acknowledgement(), AFTER_DOWNTIME).find((e) => e.type === 'ClockBreached'));
    const after = fold(acknowledgement(), events)['acknowledgement']!;
    expect(after).toMatchObject({ status: 'breached', breachedAt: DUE, cancelledAt: AFTER_DOWNTIME.toISOString() });
    expect(dueClockEvents(fold(acknowledgement(), events), new Date('2028-01-31T00:00:00Z'))).toEqual([]);
  });

  it('cancels a clock the scheduler already recorded breached without recording its breach again', () => {
    const breached = fold(acknowledgement(), dueClockEvents(acknowledgement(), AFTER_DOWNTIME));
    expect(cancelOpenClocks(breached, AFTER_DOWNTIME, CANCELLED).map((e) => e.type)).toEqual(['ClockCancelled']);
  });

  it('records the breach of a clock paused after its due time (as pausing allowed before) before cancelling it', () => {
    const pausedLate = fold(acknowledgement(), [
      { type: 'ClockPaused', data: { clock: 'acknowledgement', pausedAt: AFTER_DOWNTIME.toISOString(), subjectId: 'subject-1', reason: 'Awaiting the complainant.' } },
    ]);
    expect(cancelOpenClocks(pausedLate, new Date('2027-12-30T15:00:00Z'), CANCELLED)[0]).toEqual({ type: 'ClockBreached', data: { clock: 'acknowledgement', at: DUE } });
  });

  it('records no breach for a paused clock whose due time passes while it is paused', () => {
    const paused = fold(acknowledgement(), pauseClock(acknowledgement(), 'acknowledgement', new Date('2027-12-16T15:00:00Z'), 'Awaiting the complainant.', 'subject-1'));
    expect(cancelOpenClocks(paused, AFTER_DOWNTIME, CANCELLED).map((e) => e.type)).toEqual(['ClockCancelled']);
  });

  it('records neither breach nor warnings for a clock cancelled before its due time: warnings alert to a clock that still runs', () => {
    const friday = new Date('2027-12-17T17:00:00.000Z'); // both warnings passed, not recorded
    expect(cancelOpenClocks(acknowledgement(), friday, CANCELLED).map((e) => e.type)).toEqual(['ClockCancelled']);
  });

  it('records the breach when cancelled at the very instant the clock falls due, as the scheduler would', () => {
    expect(cancelOpenClocks(acknowledgement(), new Date(DUE), CANCELLED).map((e) => e.type)).toEqual(['ClockBreached', 'ClockCancelled']);
  });
});

describe('clocks: meeting', () => {
  it('records the breach first when met after the due time, so the clock reads breached whether or not the scheduler ran', () => {
    const lateAt = new Date('2027-12-20T15:00:00.000Z');
    const events = meetClock(acknowledgement(), 'acknowledgement', lateAt);
    expect(events).toEqual([
      { type: 'ClockBreached', data: { clock: 'acknowledgement', at: DUE } },
      { type: 'ClockMet', data: { clock: 'acknowledgement', at: lateAt.toISOString(), onTime: false } },
    ]);
    const withScheduler = fold(acknowledgement(), [...dueClockEvents(acknowledgement(), new Date(DUE)).filter((e) => e.type === 'ClockBreached'), events[1]!]);
    expect(fold(acknowledgement(), events)).toEqual(withScheduler);
    expect(withScheduler['acknowledgement']).toMatchObject({ status: 'breached', breachedAt: DUE, metAt: lateAt.toISOString(), onTime: false });
  });

  it('records only the met clock when met by its due time, even when entered after it', () => {
    expect(meetClock(acknowledgement(), 'acknowledgement', new Date(DUE))).toEqual([{ type: 'ClockMet', data: { clock: 'acknowledgement', at: DUE, onTime: true } }]);
  });

  it('records no second breach for a clock met late after the scheduler recorded its breach', () => {
    const breached = fold(acknowledgement(), dueClockEvents(acknowledgement(), AFTER_DOWNTIME));
    expect(meetClock(breached, 'acknowledgement', AFTER_DOWNTIME).map((e) => e.type)).toEqual(['ClockMet']);
  });

  it('records no warning for a window started and met in one decision (an opt-in request inside its window)', () => {
    const start = startCalendarClock(context('2026-05-01T12:00:00Z'), {
      clock: 'optInWindow',
      name: { en: 'Opt-in window', fr: 'Délai d’adhésion' },
      region: 'ON',
      startedAt: new Date('2026-04-01T04:00:00Z'),
      fromLocalDate: '2026-04-01',
      days: 30,
    });
    expect(meetClock(evolveClocks({}, start), 'optInWindow', new Date('2026-04-28T12:00:00Z')).map((e) => e.type)).toEqual(['ClockMet']);
  });
});

describe('clocks: a calendar-day clock paused and resumed', () => {
  const window = () =>
    fold({}, [
      startCalendarClock(context('2026-03-02T15:00:00Z'), {
        clock: 'review-window-1',
        name: { en: 'Review window, level 1', fr: 'Délai de demande de révision, palier 1' },
        region: 'ON',
        startedAt: new Date('2026-03-02T15:00:00Z'),
        fromLocalDate: '2026-03-02',
        days: 30,
      }),
    ]);

  it('still ends at the end of a local day, the day its time paused moved it into', () => {
    expect(window()['review-window-1']?.dueAt).toBe('2026-04-02T03:59:59.999Z'); // 1 April, 23:59:59.999 in Ottawa
    const paused = fold(window(), pauseClock(window(), 'review-window-1', new Date('2026-03-10T14:00:00Z'), 'The complainant is in hospital', 'c-1'));
    // Paused 36 days less 4 minutes: without the day's end, 7 May 23:55:59.999, and "until the end of 7 May" would be 4 minutes short.
    const resumed = resumeClock(context('2026-04-15T13:56:00Z'), paused, 'review-window-1', new Date('2026-04-15T13:56:00Z'));
    expect(resumed.data.dueAt).toBe('2026-05-08T03:59:59.999Z');
    expect(dueLocalDate({ dueAt: resumed.data.dueAt, region: 'ON' })).toBe('2026-05-07');
  });
});

describe('clocks: the day a clock falls due, as people are told it', () => {
  it('is the local date of its due time in its region', () => {
    expect(dueLocalDate({ dueAt: '2028-01-23T04:59:59.999Z', region: 'ON' })).toBe('2028-01-22');
    expect(dueLocalDate({ dueAt: '2028-01-23T06:59:59.999Z', region: 'BC' })).toBe('2028-01-22'); // Pacific time all year since 2026
    expect(dueLocalDate({ dueAt: DUE, region: 'NS' })).toBe('2027-12-17');
  });
});
