import { zoneClock } from '../../domain/calendar/time-zone';
import type { ClockState } from '../../domain/clocks/state';
import { isClockEventType, stateName } from '../../domain/fold';
import { REGION_TIME_ZONES } from '../../domain/regions';
import type { LoadedCase } from '../cases/case-repository';
import type { HistoryItem } from './audit.schemas';

const MAX_FACTS = 8;
const MAX_FACT_LENGTH = 60;

/**
 * Formats instants in one time zone as `2026-03-02 09:00 EST`, the way a person reads them, by the
 * same zone rules the deadlines were worked out with.
 */
export function timeFormatter(timeZone: string): (iso: string) => string {
  const clock = zoneClock(timeZone);
  return (iso) => {
    const instant = Date.parse(iso);
    const wall = new Date(clock.toWall(instant)).toISOString();
    return `${wall.slice(0, 10)} ${wall.slice(11, 16)} ${clock.nameAt(instant)}`;
  };
}

/** The time zone of the case's region. */
export function caseTimeZone(loaded: LoadedCase): string {
  return REGION_TIME_ZONES[loaded.definition.summarize(loaded.state).region];
}

/**
 * The main facts of an event's data on one line: `channel=electronic level=1 complainant.name=Robin`.
 * Nested objects are flattened, lists counted, long texts shortened; data subject ids, opaque
 * keys to personal information, are left out.
 */
export function factsLine(data: unknown): string {
  const facts: string[] = [];
  const walk = (value: unknown, path: string): void => {
    if (value === null || value === undefined || path.endsWith('subjectId')) return;
    if (Array.isArray(value)) facts.push(`${path}=[${value.length}]`);
    else if (typeof value === 'object') for (const [key, child] of Object.entries(value)) walk(child, path ? `${path}.${key}` : key);
    else {
      const text = String(value).replace(/\s+/g, ' ');
      facts.push(`${path}=${text.length > MAX_FACT_LENGTH ? `${text.slice(0, MAX_FACT_LENGTH - 1)}…` : text}`);
    }
  };
  walk(data, '');
  return facts.length > MAX_FACTS ? `${facts.slice(0, MAX_FACTS).join(' ')} …` : facts.join(' ');
}

/** What happened to the clocks between two moments of a case. */
export function clockChanges(
  before: LoadedCase['state']['clocks'],
  after: LoadedCase['state']['clocks'],
  time: (iso: string) => string,
  pauseReason?: string,
): string[] {
  return Object.values(after).flatMap((clock) => describeClockChange(before[clock.clock], clock, time, pauseReason));
}

/** `pauseReason`: the reason of the ClockPaused event described, as the reader may see it (personal data: it is never kept in clock state). */
function describeClockChange(before: ClockState | undefined, after: ClockState, time: (iso: string) => string, pauseReason?: string): string[] {
  const name = `clock ${after.name}`;
  const due = `due ${time(after.dueAt)}`;
  if (!before) return [`${name} started, ${due}`];
  const lines: string[] = [];
  for (const threshold of after.warnedThresholds.filter((t) => !before.warnedThresholds.includes(t))) {
    lines.push(`${name} warned: ${Math.round(threshold * 100)}% of its time used, ${due}`);
  }
  if (after.metAt !== undefined && before.metAt === undefined) {
    lines.push(`${name} met ${time(after.metAt)} (${after.onTime ? 'on time' : 'late'}), was ${due}`);
  } else if (after.status !== before.status) {
    switch (after.status) {
      case 'paused':
        lines.push(`${name} paused${pauseReason ? ` (${pauseReason})` : ''}`);
        break;
      case 'running':
        lines.push(`${name} resumed, now ${due}`);
        break;
      case 'breached':
        lines.push(`${name} BREACHED, was ${due}`);
        break;
      case 'cancelled':
        lines.push(`${name} cancelled`);
        break;
      default:
        lines.push(`${name} ${after.status}, ${due}`);
    }
  }
  return lines;
}

/** One event of the timeline: a heading line, then what it changed. */
export function describeStep(item: HistoryItem, before: LoadedCase, after: LoadedCase, time: (iso: string) => string): string[] {
  const facts = isClockEventType(item.type) ? '' : factsLine(item.data);
  const heading = [`#${item.revision}`.padStart(5), time(item.occurredAt), `${item.actor.id} (${item.actor.role})`, item.type, facts]
    .filter(Boolean)
    .join('  ');
  const lines = [heading];
  const state = stateName(after.state.snapshot);
  if (state !== stateName(before.state.snapshot)) lines.push(`         → ${state}`);
  const reason = item.type === 'ClockPaused' ? (item.data as { reason?: unknown }).reason : undefined;
  for (const change of clockChanges(before.state.clocks, after.state.clocks, time, typeof reason === 'string' ? reason : undefined)) {
    lines.push(`         ${change}`);
  }
  return lines;
}

/** The clocks of a case at the end of its timeline, one line each. */
export function clockSummary(clocks: LoadedCase['state']['clocks'], time: (iso: string) => string): string[] {
  return Object.values(clocks).map((clock) => {
    const outcome =
      clock.metAt !== undefined
        ? `met ${time(clock.metAt)} (${clock.onTime ? 'on time' : 'late'})`
        : clock.status === 'breached' && clock.breachedAt !== undefined
          ? `breached ${time(clock.breachedAt)}`
          : clock.status;
    return `  ${clock.name.padEnd(28)} ${outcome}; started ${time(clock.startedAt)}, due ${time(clock.dueAt)}`;
  });
}
