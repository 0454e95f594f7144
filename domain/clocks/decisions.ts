import { addCalendarDays } from '../dates';
import type { DecideContext } from '../decide-context';
import { defineError, refusalAtField, type DomainError } from '../errors';
import type { RegionCode } from '../regions';
import type { Bilingual } from '../validation';
import { declaredClock, type ClockDeclaration } from './declarations';
import type { ClockEvent, ClockWarning } from './events';
import { dueLocalDate, isOpen, type ClockState, type Clocks } from './state';

type ClockOf<T extends ClockEvent['type']> = Extract<ClockEvent, { type: T }>;

const STATUS_FR: Readonly<Record<string, string>> = {
  running: 'en cours',
  paused: 'en pause',
  met: 'respecté',
  breached: 'dépassé',
  cancelled: 'annulé',
};
const statusFr = (status: string) => STATUS_FR[status] ?? `à l’état «\u00a0${status}\u00a0»`;

/** A clock as a refusal names it: its recorded name in the reader's language (the English one where no French was recorded). */
type NamedClock = {
  readonly name: string;
  readonly nameFr?: string;
};
const nameFr = (clock: NamedClock) => clock.nameFr ?? clock.name;

export const UnknownClock = defineError<{ clock: string; clocks: readonly (NamedClock & { readonly clock: string })[] }>('CLOCK.UNKNOWN', 'invalid', {
  en: (p) => `This case has no clock “${p.clock}”. Its clocks: ${p.clocks.map((c) => `${c.clock} (${c.name})`).join(', ') || 'none'}.`,
  fr: (p) =>
    `Ce dossier n’a pas de délai «\u00a0${p.clock}\u00a0». Ses délais\u00a0: ${p.clocks.map((c) => `${c.clock} (${nameFr(c)})`).join(', ') || 'aucun'}.`,
});

export const ClockNotRunning = defineError<NamedClock & { status: string }>('CLOCK.NOT_RUNNING', 'not_allowed', {
  en: (p) => `The clock “${p.name}” is ${p.status}, not running.`,
  fr: (p) => `Le délai «\u00a0${nameFr(p)}\u00a0» est ${statusFr(p.status)}, et non en cours.`,
});

export const ClockNotPaused = defineError<NamedClock & { status: string }>('CLOCK.NOT_PAUSED', 'not_allowed', {
  en: (p) => `The clock “${p.name}” is ${p.status}, not paused.`,
  fr: (p) => `Le délai «\u00a0${nameFr(p)}\u00a0» est ${statusFr(p.status)}, et non en pause.`,
});

/** A clock its workflow declares as running without a stop (`runsWithoutStop`): the declaration says why. */
export const ClockNotPausable = defineError<NamedClock & { because: { readonly en: string; readonly fr: string } }>('CLOCK.NOT_PAUSABLE', 'rule', {
  en: (p) => `The clock “${p.name}” cannot be paused: ${p.because.en}`,
  fr: (p) => `Le délai «\u00a0${nameFr(p)}\u00a0» ne peut pas être suspendu\u00a0: ${p.because.fr}`,
});

const iso = (date: Date): string => date.toISOString();

function warningsBetween(start: Date, due: Date, thresholds: readonly number[], at: (fraction: number) => Date): ClockWarning[] {
  if (due.getTime() <= start.getTime()) return [];
  return [...thresholds].sort((a, b) => a - b).map((threshold) => ({ threshold, at: iso(at(threshold)) }));
}

export interface StartClock {
  readonly clock: string;
  /** The clock's name as its workflow declares it, in both languages (see `clockName`). */
  readonly name: Bilingual;
  readonly level?: number;
  readonly region: RegionCode;
  readonly startedAt: Date;
  /** `false` for a clock that is no service standard: it has no warnings (see ClockStarted). */
  readonly standard?: false;
}

/** Starts a clock of `days` business days under the counting rule (DESIGN.md §5). */
export function startBusinessClock(ctx: DecideContext, start: StartClock & { days: number }): ClockOf<'ClockStarted'> {
  const calendar = ctx.calendars.forRegion(start.region);
  const due = calendar.addBusinessDays(start.startedAt, start.days);
  const total = calendar.businessTimeBetween(start.startedAt, due);
  const warnings = warningsBetween(start.startedAt, due, ctx.settings.sla.warningThresholds, (fraction) =>
    calendar.addBusinessTime(start.startedAt, Math.round(total * fraction)),
  );
  return started(start, 'business', start.days, due, warnings);
}

/**
 * Starts a clock of `days` calendar days counted from a local date: it runs out at the end of the
 * last day in the case's region.
 */
export function startCalendarClock(
  ctx: DecideContext,
  start: StartClock & { days: number; fromLocalDate: string },
): ClockOf<'ClockStarted'> {
  const calendar = ctx.calendars.forRegion(start.region);
  const due = calendar.endOfLocalDay(addCalendarDays(start.fromLocalDate, start.days));
  const begin = start.startedAt.getTime();
  const thresholds = start.standard === false ? [] : ctx.settings.sla.warningThresholds;
  const warnings = warningsBetween(start.startedAt, due, thresholds, (fraction) => new Date(begin + Math.round((due.getTime() - begin) * fraction)));
  return started(start, 'calendar', start.days, due, warnings);
}

function started(
  start: StartClock,
  basis: 'business' | 'calendar',
  days: number,
  due: Date,
  warnings: ClockWarning[],
): ClockOf<'ClockStarted'> {
  return {
    type: 'ClockStarted',
    data: {
      clock: start.clock,
      name: start.name.en,
      nameFr: start.name.fr,
      ...(start.level !== undefined ? { level: start.level } : {}),
      basis,
      days,
      region: start.region,
      startedAt: iso(start.startedAt),
      dueAt: iso(due),
      warnings,
      ...(start.standard === false ? { standard: false as const } : {}),
    },
  };
}

function requireClock(clocks: Clocks, key: string): ClockState {
  const clock = clocks[key];
  if (!clock) throw UnknownClock({ clock: key, clocks: Object.values(clocks) });
  return clock;
}

/**
 * The refusal for a clock that is running but whose time ran out by `at`: it is breached, whether or
 * not the scheduler has recorded the breach yet. Undefined for any other clock.
 */
export function ranOut(clocks: Clocks, key: string, at: Date): DomainError | undefined {
  const clock = clocks[key];
  return clock?.status === 'running' && ranOutBy(clock, at).length > 0 ? ClockNotRunning({ ...clock, status: 'breached' }) : undefined;
}

/**
 * Why this clock cannot be paused at `at`, or undefined when it can: what is wrong with the clock
 * (unknown, not running, its time ran out), else its declaration's rule (it runs without a stop),
 * beside the command's `clock` field. What a refused pause names rather than the case's state. A
 * clock paused before its declaration said so can still be resumed.
 */
export function pauseRefused(clocks: Clocks, key: string, at: Date, declarations: readonly ClockDeclaration[]): DomainError | undefined {
  const clock = clocks[key];
  if (!clock) return UnknownClock({ clock: key, clocks: Object.values(clocks) });
  if (clock.status !== 'running') return ClockNotRunning(clock);
  const breached = ranOut(clocks, key, at);
  if (breached) return breached;
  const declaration = declaredClock(declarations, key)?.declaration;
  return declaration?.pausable === false ? refusalAtField(ClockNotPausable, { ...clock, because: declaration.runsWithoutStop }, 'data.clock') : undefined;
}

/**
 * Why this clock cannot be resumed (unknown, or not paused), or undefined when it can. A running
 * clock whose time ran out by `at` is named breached, as a refused pause names it, whether or not
 * the scheduler has recorded the breach yet.
 */
export function resumeRefused(clocks: Clocks, key: string, at: Date): DomainError | undefined {
  const clock = clocks[key];
  if (!clock) return UnknownClock({ clock: key, clocks: Object.values(clocks) });
  if (clock.status === 'paused') return undefined;
  return ClockNotPaused(ranOut(clocks, key, at) ? { ...clock, status: 'breached' } : clock);
}

/** Whether any clock could be paused at `at`: one running whose time has not run out, that its declaration lets pause. */
export function anyPausable(clocks: Clocks, at: Date, declarations: readonly ClockDeclaration[]): boolean {
  return Object.entries(clocks).some(
    ([key, clock]) => clock.status === 'running' && ranOutBy(clock, at).length === 0 && declaredClock(declarations, key)?.declaration.pausable !== false,
  );
}

/**
 * Pauses a running clock, first recording the warnings that fell due on it by then, as the
 * scheduler records them (`dueClockEvents`): resuming pushes back only what was still ahead, and a
 * warning that passed before the pause keeps its instant. A clock whose due time has passed ran out,
 * whether or not the scheduler has recorded it yet: it is refused as a breached clock is, so that a
 * pause never hides a breach nor moves it. `subjectId`: whom the reason is about, whose key seals it.
 */
export function pauseClock(clocks: Clocks, key: string, at: Date, reason: string, subjectId: string): ClockOf<'ClockWarned' | 'ClockPaused'>[] {
  const clock = requireClock(clocks, key);
  if (clock.status !== 'running') throw ClockNotRunning(clock);
  const breached = ranOut(clocks, key, at);
  if (breached) throw breached;
  const warned = dueOn(clock, at).filter((event): event is ClockOf<'ClockWarned'> => event.type === 'ClockWarned');
  return [...warned, { type: 'ClockPaused', data: { clock: key, pausedAt: iso(at), subjectId, reason } }];
}

/**
 * Resumes a paused clock: its due time and pending warnings move by the time it spent paused. What
 * had already fallen due when it was paused keeps its instant, and the scheduler records it as it
 * does any late warning or breach (a history from before pausing recorded what was due may hold it).
 */
export function resumeClock(ctx: DecideContext, clocks: Clocks, key: string, at: Date): ClockOf<'ClockResumed'> {
  const clock = requireClock(clocks, key);
  if (clock.status !== 'paused' || !clock.pausedAt) throw ClockNotPaused(clock);
  const pausedAt = new Date(clock.pausedAt);
  let move: (instant: string) => string;
  let pausedMs: number;
  if (clock.basis === 'business') {
    const calendar = ctx.calendars.forRegion(clock.region);
    pausedMs = calendar.businessTimeBetween(pausedAt, at);
    move = (instant) => iso(calendar.addBusinessTime(new Date(instant), pausedMs));
  } else {
    pausedMs = Math.max(0, at.getTime() - pausedAt.getTime());
    move = (instant) => iso(new Date(new Date(instant).getTime() + pausedMs));
  }
  const shift = (instant: string) => (Date.parse(instant) > pausedAt.getTime() ? move(instant) : instant);
  // A calendar-day clock runs to the end of its last local day, paused or not: moved, it ends at the
  // end of the day it moved into, so that "until the end of <day>" stays true to the minute.
  const shiftDue = (instant: string) => {
    const moved = shift(instant);
    if (clock.basis !== 'calendar' || moved === instant) return moved;
    return iso(ctx.calendars.forRegion(clock.region).endOfLocalDay(dueLocalDate({ dueAt: moved, region: clock.region })));
  };
  return {
    type: 'ClockResumed',
    data: {
      clock: key,
      resumedAt: iso(at),
      pausedBusinessMs: pausedMs,
      dueAt: shiftDue(clock.dueAt),
      warnings: clock.pendingWarnings.map((w) => ({ threshold: w.threshold, at: shift(w.at) })),
    },
  };
}

/**
 * Records that what a clock measured happened, if the clock is still open. Met after its due time,
 * the clock ran out first: its breach is recorded before it, at its due time, if the scheduler has
 * not recorded it yet, so a clock met late reads breached however late the scheduler runs.
 */
export function meetClock(clocks: Clocks, key: string, at: Date): ClockOf<'ClockBreached' | 'ClockMet'>[] {
  const clock = clocks[key];
  if (!clock || !isOpen(clock)) return [];
  const onTime = at.getTime() <= Date.parse(clock.dueAt);
  return [...(onTime ? [] : ranOutBy(clock, at)), { type: 'ClockMet', data: { clock: key, at: iso(at), onTime } }];
}

/**
 * Cancels every open clock, e.g. when a case is withdrawn, saying why in both languages. A clock
 * whose due time had passed by then ran out before it was cancelled: its breach is recorded first,
 * at its due time, if the scheduler has not recorded it yet, and the clock stays breached.
 */
export function cancelOpenClocks(clocks: Clocks, at: Date, reason: Bilingual): ClockOf<'ClockBreached' | 'ClockCancelled'>[] {
  return Object.values(clocks)
    .filter(isOpen)
    .flatMap((clock) => [
      ...ranOutBy(clock, at),
      { type: 'ClockCancelled' as const, data: { clock: clock.clock, at: iso(at), reason: reason.en, reasonFr: reason.fr } },
    ]);
}

type DueEvent = ClockOf<'ClockWarned'> | ClockOf<'ClockBreached'>;

/** What falls due on one running clock by `now`: every warning whose instant has passed, then the breach if the due time has passed. */
function dueOn(clock: ClockState, now: Date): DueEvent[] {
  if (clock.status !== 'running') return [];
  const events: DueEvent[] = [];
  for (const warning of clock.pendingWarnings) {
    if (Date.parse(warning.at) <= now.getTime()) {
      events.push({ type: 'ClockWarned', data: { clock: clock.clock, threshold: warning.threshold, at: warning.at, dueAt: clock.dueAt } });
    }
  }
  if (Date.parse(clock.dueAt) <= now.getTime()) events.push({ type: 'ClockBreached', data: { clock: clock.clock, at: clock.dueAt } });
  return events;
}

/**
 * The breach of a clock that ran out by `at` and is not recorded breached yet, as the scheduler
 * records it. Its warnings are left out: they alert to a clock that still runs, and this one is
 * ending. A clock paused after its due time (before pausing refused that) ran out when it was due.
 */
function ranOutBy(clock: ClockState, at: Date): ClockOf<'ClockBreached'>[] {
  const stoppedAt = clock.status === 'paused' && clock.pausedAt !== undefined ? Math.min(at.getTime(), Date.parse(clock.pausedAt)) : at.getTime();
  return dueOn({ ...clock, status: clock.status === 'paused' ? 'running' : clock.status }, new Date(stoppedAt)).filter(
    (event): event is ClockOf<'ClockBreached'> => event.type === 'ClockBreached',
  );
}

/**
 * What the SLA scheduler records at `now`: every warning whose instant has passed, then the breach
 * if the due time has passed. Each carries its true instant, however late it is recorded.
 */
export function dueClockEvents(clocks: Clocks, now: Date): DueEvent[] {
  return Object.values(clocks).flatMap((clock) => dueOn(clock, now));
}

/** The next instant at which the scheduler has something to record for this clock, if any. */
export function nextClockDeadline(clock: ClockState): string | undefined {
  if (clock.status !== 'running') return undefined;
  const next = clock.pendingWarnings[0]?.at;
  return next !== undefined && Date.parse(next) < Date.parse(clock.dueAt) ? next : clock.dueAt;
}
