import { addCalendarDays } from '../../domain/dates';
import type { NewEvent } from '../../domain/envelope';
import { PreparationTopic } from './commands';
import type { RestorativeEngagementEvent } from './events';

/** History for the specs: the events of a case, built with the usual facts and overridable data. */
type EventOf<T extends RestorativeEngagementEvent['type']> = Extract<RestorativeEngagementEvent, { type: T }>;
const event = <T extends RestorativeEngagementEvent['type']>(type: T, data: EventOf<T>['data']): NewEvent => ({ type, data });

export const CLASS_MEMBER_ID = 'cm-1';
const AT = '2026-02-20T15:00:00.000Z';

export const optInReceived = (data: Partial<EventOf<'OptInReceived'>['data']> = {}) =>
  event('OptInReceived', {
    region: 'ON',
    channel: 'writtenRequest',
    receivedAt: '2026-02-20T10:15:00-05:00',
    claimDecisionDate: '2026-02-02',
    optInWindowLastDay: '2026-03-04',
    classMember: { subjectId: CLASS_MEMBER_ID, name: 'Sam Tremblay', pseudonym: false, contact: 'sam@example.org' },
    ...data,
  });

export const participationConfirmed = (officialLanguage: 'en' | 'fr' = 'en') =>
  event('ParticipationConfirmed', { confirmedAt: AT, officialLanguage });

export const practitionerAssigned = (...practitionerIds: string[]) =>
  event('PractitionerAssigned', { practitionerIds: practitionerIds.length ? practitionerIds : ['practitioner-1'], assignedAt: AT });

export const preparationSessionHeld = (topics: EventOf<'PreparationSessionHeld'>['data']['topics'] = [...PreparationTopic.options]) =>
  event('PreparationSessionHeld', { sessionId: 'session-1', heldAt: AT, delivery: 'virtual', topics, supportPersonPresent: false });

export const GOALS = 'Be heard by leaders who can change how complaints are handled.';
export const goalsSet = () => event('GoalsSet', { classMemberId: CLASS_MEMBER_ID, goals: GOALS, setAt: AT });

export const preparationCompleted = () => event('PreparationCompleted', { completedAt: AT, sessionsHeld: 1 });

export const participationChosen = (data: Partial<EventOf<'ParticipationChosen'>['data']> = {}) =>
  event('ParticipationChosen', {
    options: ['writtenSharing', 'engagementSession'],
    deliveries: ['virtual', 'indirect'],
    settings: ['individual'],
    anonymity: 'anonymous',
    chosenAt: AT,
    ...data,
  });

export const engagementScheduled = (engagementId: string, data: Partial<EventOf<'EngagementScheduled'>['data']> = {}) =>
  event('EngagementScheduled', {
    engagementId,
    option: 'writtenSharing',
    delivery: 'indirect',
    setting: 'individual',
    scheduledFor: '2026-02-25T18:00:00.000Z',
    supportPersonAttending: false,
    ...data,
  });

export const engagementHeld = (engagementId: string) => event('EngagementRecorded', { engagementId, outcome: 'held', at: AT });
export const engagementCancelled = (engagementId: string) =>
  event('EngagementRecorded', { engagementId, outcome: 'cancelled', at: AT, cancelledBy: 'classMember' });

export const sharingSubmitted = (engagementId: string) =>
  event('SharingSubmitted', { engagementId, option: 'writtenSharing', consentGivenAt: AT, anonymous: true, submittedAt: AT });

export const engagementPhaseCompleted = () =>
  event('EngagementPhaseCompleted', { completedAt: AT, engagementsHeld: 1, sharingsSubmitted: 0 });

export const FEEDBACK = 'My practitioner made me feel safe.';
export const reflectionRecorded = (goalsMet: 'met' | 'notMet' | 'notYetKnown', followUpConsent = true) =>
  event('ReflectionRecorded', {
    classMemberId: CLASS_MEMBER_ID,
    reflectedAt: AT,
    goalsMet,
    feedback: FEEDBACK,
    followUpConsent,
    ...(goalsMet === 'met'
      ? { inputUse: ['programImprovement'], stayConnected: { programUpdates: true, researchAndConsultations: false } }
      : {}),
  });

export const returnedToEngagement = (round = 2) => event('ReturnedToEngagement', { returnedAt: AT, round });

/** Closed on 2026-02-20; with a follow-up due twelve weeks later, recordable from a week before. */
export const engagementClosed = (followUpDueOn?: string) =>
  event('EngagementClosed', {
    closedAt: AT,
    goalsMet: 'notYetKnown',
    ...(followUpDueOn ? { followUpDueOn, followUpEarliestOn: addCalendarDays(followUpDueOn, -7) } : {}),
  });

/** The follow-up clock CloseEngagement starts with a follow-up due on 2026-05-15 (ON). */
export const followUpClockStarted = (): NewEvent => ({
  type: 'ClockStarted',
  data: {
    clock: 'followUp',
    name: 'Follow-up',
    basis: 'calendar',
    days: 84,
    region: 'ON',
    startedAt: AT,
    dueAt: '2026-05-16T03:59:59.999Z',
    warnings: [
      { threshold: 0.5, at: '2026-04-03T21:30:00.000Z' },
      { threshold: 0.8, at: '2026-04-29T06:11:59.999Z' },
    ],
  },
});

export const followUpRecorded = () => event('FollowUpRecorded', { outcome: 'held', at: AT, goalsMet: 'met' });

export const participationWithdrawn = (stage = 'phase1') => event('ParticipationWithdrawn', { withdrawnAt: AT, stage });

/** Cases at the start of each stage. */
export const awaitingPractitioner = [optInReceived(), participationConfirmed()];
export const inPhase1 = [...awaitingPractitioner, practitionerAssigned()];
export const prepared = [...inPhase1, preparationSessionHeld(), goalsSet(), preparationCompleted()];
export const engaging = [...prepared, participationChosen()];
export const engaged = [...engaging, engagementScheduled('e-1'), engagementHeld('e-1')];
export const inPhase3 = [...engaged, engagementPhaseCompleted()];
export const followingUp = [...inPhase3, reflectionRecorded('notYetKnown'), engagementClosed('2026-05-15'), followUpClockStarted()];
export const completed = [...followingUp, followUpRecorded()];
