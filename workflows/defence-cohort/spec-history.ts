import type { NewEvent } from '../../domain/envelope';
import type { DefenceCohortEvent } from './events';

/** History for the specs: the events of a cohort, built with the usual facts and overridable data. */
type EventOf<T extends DefenceCohortEvent['type']> = Extract<DefenceCohortEvent, { type: T }>;
const event = <T extends DefenceCohortEvent['type']>(type: T, data: EventOf<T>['data']): NewEvent => ({ type, data });

const AT = '2026-02-20T15:00:00.000Z';

export const cohortFormed = (data: Partial<EventOf<'CohortFormed'>['data']> = {}) =>
  event('CohortFormed', {
    region: 'ON',
    format: 'fullTime',
    delivery: 'mixed',
    practitionerIds: ['practitioner-1', 'practitioner-2'],
    minimumRepresentatives: 6,
    maximumRepresentatives: 8,
    formedAt: AT,
    ...data,
  });

/** A representative who joined at `joinedAt` (when the cohort was formed, by default), nominated on `nominatedOn`. */
export const representativeJoinedAt = (id: string, joinedAt: string, nominatedOn = '2026-01-12') =>
  event('RepresentativeJoined', {
    representative: { subjectId: id, name: `Representative ${id}`, contact: `${id}@example.org`, affiliation: 'cafMember', nominatedOn },
    joinedAt,
  });

export const representativeJoined = (id: string) => representativeJoinedAt(id, AT);

export const representativeWithdrawn = (id: string, remaining: number) =>
  event('RepresentativeWithdrawn', { representativeId: id, reason: 'ownRequest', withdrawnAt: AT, stage: 'running', remaining });

export const cohortStarted = (startedOn = '2026-02-23') =>
  event('CohortStarted', { startedOn, format: 'fullTime', weeks: 12, plannedEndOn: '2026-05-17', representatives: 6 });

export const sessionHeld = (kind: 'learning' | 'reflection' | 'planningForAction') =>
  event('CohortSessionHeld', { sessionId: `session-${kind}`, kind, heldAt: AT, delivery: 'virtual' });

export const ids = (count: number, from = 1) => Array.from({ length: count }, (_, i) => `rep-${from + i}`);

/** Cohorts at the start of each stage. */
export const forming = (count = 6) => [cohortFormed(), ...ids(count).map(representativeJoined)];
export const running = (count = 6) => [...forming(count), cohortStarted()];
export const planned = (count = 6) => [...running(count), sessionHeld('learning'), sessionHeld('planningForAction')];
