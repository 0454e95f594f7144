import { createCalendarProvider } from '../../domain/calendar';
import { clockName, startBusinessClock, startCalendarClock, type ClockEvent } from '../../domain/clocks';
import type { DecideContext } from '../../domain/decide-context';
import { DEFAULT_SETTINGS } from '../../domain/settings';
import {
  ACKNOWLEDGEMENT_BUSINESS_DAYS,
  ACKNOWLEDGEMENT_CLOCK,
  acknowledgementClock,
  RESPONSE_BUSINESS_DAYS,
  responseClock,
  responseClockDeclaration,
  reviewWindowClock,
  reviewWindowClockDeclaration,
} from './clocks';
import type { ComplaintEvent, ComplaintEventOf } from './events';

/** History builders for the complaint specs: events as the store would hold them. */

export const RECEIVED_AT = '2026-03-02T14:00:00.000Z'; // Monday 09:00 in Ottawa
export const CHAIN = DEFAULT_SETTINGS.escalationChain;
export const COMPLAINANT_ID = 'subject-complainant';

const clockContext: DecideContext = {
  now: new Date(RECEIVED_AT),
  actor: { id: 'practitioner-1', role: 'practitioner' },
  newId: () => 'unused',
  calendars: createCalendarProvider(),
  settings: DEFAULT_SETTINGS,
};

/** A level's titles as the events record them, in English and in French. */
function titles(level: number): { levelTitle: string; levelTitleFr?: string } {
  const found = CHAIN.find((l) => l.level === level);
  if (!found) throw new Error(`No level ${level} in the default chain`);
  return found.titleFr === undefined ? { levelTitle: found.title } : { levelTitle: found.title, levelTitleFr: found.titleFr };
}

export function clockStarted(clock: string, level: number, startedAt: string, days: number): ClockEvent {
  return startBusinessClock(clockContext, { clock, name: clock === ACKNOWLEDGEMENT_CLOCK ? clockName(acknowledgementClock) : clockName(responseClockDeclaration, { level: String(level) }), level, region: 'ON', startedAt: new Date(startedAt), days });
}

/** The complainant's review window after the response at `level`: 30 calendar days from the day of the response, no warnings. */
export function reviewWindowStarted(level: number, at: string, days = 30): ClockEvent {
  const fromLocalDate = clockContext.calendars.forRegion('ON').localDate(new Date(at));
  return startCalendarClock(clockContext, { clock: reviewWindowClock(level), name: clockName(reviewWindowClockDeclaration, { level: String(level) }), level, region: 'ON', startedAt: new Date(at), days, fromLocalDate, standard: false });
}

export function complaintReceived(data: Partial<ComplaintEventOf<'ComplaintReceived'>['data']> = {}): ComplaintEvent {
  return {
    type: 'ComplaintReceived',
    data: {
      kind: 'complaint',
      channel: 'electronic',
      receivedAt: RECEIVED_AT,
      region: 'ON',
      complainant: { subjectId: COMPLAINANT_ID, name: 'Robin', pseudonym: true, contact: 'robin@example.org' },
      text: 'My preparation meeting was cancelled twice.',
      escalationChain: CHAIN.map((l) => ({ ...l })),
      level: 1,
      ...titles(1),
      ...data,
    },
  };
}

/** A complaint received at RECEIVED_AT with both clocks started. */
export function received(): (ComplaintEvent | ClockEvent)[] {
  return [
    complaintReceived(),
    clockStarted(ACKNOWLEDGEMENT_CLOCK, 1, RECEIVED_AT, ACKNOWLEDGEMENT_BUSINESS_DAYS),
    clockStarted(responseClock(1), 1, RECEIVED_AT, RESPONSE_BUSINESS_DAYS),
  ];
}

export function acknowledged(at = RECEIVED_AT): (ComplaintEvent | ClockEvent)[] {
  return [
    { type: 'ComplaintAcknowledged', data: { acknowledgedAt: at, method: 'email' } },
    { type: 'ClockMet', data: { clock: ACKNOWLEDGEMENT_CLOCK, at, onTime: true } },
  ];
}

export function handlerAssigned(handlerId: string, level = 1, previousHandlerId?: string): ComplaintEvent {
  return {
    type: 'HandlerAssigned',
    data: {
      handlerId,
      level,
      ...titles(level),
      assignedAt: RECEIVED_AT,
      ...(previousHandlerId ? { previousHandlerId } : {}),
    },
  };
}

export function responded(level: number, at = RECEIVED_AT): (ComplaintEvent | ClockEvent)[] {
  const next = CHAIN.find((l) => l.level === level + 1);
  return [
    {
      type: 'ComplaintResponded',
      data: {
        respondedAt: at,
        level,
        ...titles(level),
        complainantId: COMPLAINANT_ID,
        response: 'We are sorry; a new meeting is booked.',
        ...(next
          ? { nextLevel: { level: next.level, title: next.title, subjectId: `subject-level-${next.level}`, name: 'Alex Tremblay', contact: 'alex@example.gc.ca' } }
          : {}),
      },
    },
    { type: 'ClockMet', data: { clock: responseClock(level), at, onTime: true } },
    ...(next ? [reviewWindowStarted(level, at)] : []),
  ];
}

export function reviewRequested(fromLevel: number, at = RECEIVED_AT): (ComplaintEvent | ClockEvent)[] {
  const level = fromLevel + 1;
  return [
    { type: 'ReviewRequested', data: { requestedAt: at, fromLevel, level, ...titles(level), complainantId: COMPLAINANT_ID } },
    { type: 'ClockMet', data: { clock: reviewWindowClock(fromLevel), at, onTime: true } },
    clockStarted(responseClock(level), level, at, RESPONSE_BUSINESS_DAYS),
  ];
}

/** Acknowledged and under review at level 1 by practitioner-1. */
export function underReview(): (ComplaintEvent | ClockEvent)[] {
  return [...received(), ...acknowledged(), handlerAssigned('practitioner-1')];
}

/** Answered at every level up to the last, reviewed by practitioner-1, then manager-2, then director-3. */
export function respondedAtLastLevel(): (ComplaintEvent | ClockEvent)[] {
  return [
    ...underReview(),
    ...responded(1),
    ...reviewRequested(1),
    handlerAssigned('manager-2', 2),
    ...responded(2),
    ...reviewRequested(2),
    handlerAssigned('director-3', 3),
    ...responded(3),
  ];
}
