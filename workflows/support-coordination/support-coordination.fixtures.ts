import { createCalendarProvider } from '../../domain/calendar';
import { clockName, startBusinessClock, type ClockEvent } from '../../domain/clocks';
import type { DecideContext } from '../../domain/decide-context';
import type { NewEvent } from '../../domain/envelope';
import { DEFAULT_SETTINGS } from '../../domain/settings';
import { FIRST_CONTACT_CLOCK, firstContactClock as firstContactDeclaration } from './clocks';
import type { SupportCoordinationEvent } from './events';

/** History builders for the support-coordination specs: events as the store would hold them. */

export const OPTED_IN_AT = '2026-03-02T14:00:00.000Z'; // Monday 09:00 in Ottawa
export const CLIENT_ID = 'subject-client';
/** Tuesday 10:00 in Ottawa, 07:00 in Vancouver, 11:00 in Halifax. */
export const TUESDAY_MORNING = '2026-03-03T15:00:00.000Z';

const clockContext: DecideContext = {
  now: new Date(OPTED_IN_AT),
  actor: { id: 'supervisor-1', role: 'supervisor' },
  newId: () => 'unused',
  calendars: createCalendarProvider(),
  settings: DEFAULT_SETTINGS,
};

export function firstContactClock(startedAt = OPTED_IN_AT, days = 2, region: 'ON' | 'BC' = 'ON'): ClockEvent {
  return startBusinessClock(clockContext, { clock: FIRST_CONTACT_CLOCK, name: clockName(firstContactDeclaration), region, startedAt: new Date(startedAt), days });
}

/** A named client opted in by phone on Monday morning, in English, with the first-contact clock started. */
export function optedIn(client: Partial<Extract<SupportCoordinationEvent, { type: 'OptInRecorded' }>['data']['client']> = {}): NewEvent[] {
  return [
    {
      type: 'OptInRecorded',
      data: {
        optedInAt: OPTED_IN_AT,
        channel: 'supportLine',
        region: 'ON',
        client: { subjectId: CLIENT_ID, anonymous: false, name: 'Jordan', contact: 'jordan@example.org', affiliation: 'cafMember', ...client },
        language: 'en',
        formalComplaint: 'none',
      },
    },
    firstContactClock(),
  ];
}

export function coordinatorAssigned(
  coordinatorId = 'practitioner-1',
  timeZone: 'America/Halifax' | 'America/Toronto' | 'America/Vancouver' = 'America/Vancouver',
  region = timeZone === 'America/Vancouver' ? 'BC' : timeZone === 'America/Toronto' ? 'ON' : 'NS',
): NewEvent {
  return { type: 'CoordinatorAssigned', data: { coordinatorId, timeZone, region, assignedAt: OPTED_IN_AT } };
}

export function firstContactMade(at = TUESDAY_MORNING): NewEvent[] {
  return [
    {
      type: 'FirstContactMade',
      data: { contactedAt: at, localTime: '2026-03-03T07:00', timeZone: 'America/Vancouver', coordinatorId: 'practitioner-1', method: 'phone', clientId: CLIENT_ID },
    },
    { type: 'ClockMet', data: { clock: FIRST_CONTACT_CLOCK, at, onTime: true } },
  ];
}

/** Opted in, assigned to practitioner-1 in Vancouver, and reached on Tuesday morning. */
export function active(): NewEvent[] {
  return [...optedIn(), coordinatorAssigned(), ...firstContactMade()];
}
