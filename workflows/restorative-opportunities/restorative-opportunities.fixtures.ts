import type { z } from 'zod';
import { ClockStarted } from '../../domain/clocks/events';
import type { Consent, MediationModel, NoContactConditionKind } from './commands';
import { FACILITATION_WORDING } from './commands';
import {
  CaseReassigned,
  DialogueHeld,
  FollowUpBegun,
  IntakeAssessed,
  IntakeAssessmentBegun,
  MediatorAssigned,
  MeetingArranged,
  ModelSelected,
  NoContactConditionAmended,
  NoContactConditionEnded,
  NoContactConditionRecorded,
  PreparationSessionHeld,
  ReferralReceived,
  SupportPersonAgreed,
} from './events';

/** History events for specs. Each is parsed with its schema, so a fixture cannot drift from the events `decide` records. */
const valid = <S extends z.ZodType>(schema: S, event: z.input<S>): z.output<S> => schema.parse(event);

export const NOW = '2026-03-02T14:00:00.000Z'; // the spec harness's default time: Monday 09:00 in Ottawa
export const VICTIM_ID = 'subject-victim';
export const OFFENDER_ID = 'subject-offender';
export const SUPPORT_ID = 'subject-support';
export const INTAKE_OFFICER = 'rju-officer-1';
export const MEDIATOR = 'mediator-1';
export const MEETING_ID = 'meeting-1';

export const referralReceived = (data: Record<string, unknown> = {}) =>
  valid(ReferralReceived, {
    type: 'ReferralReceived',
    data: {
      source: 'victim',
      region: 'ON',
      receivedAt: '2026-01-12T19:30:00.000Z',
      victimRegistered: true,
      victim: { subjectId: VICTIM_ID, name: 'Sam Tremblay', contact: 'sam.tremblay@example.org' },
      offender: { subjectId: OFFENDER_ID, name: 'Jordan Roy' },
      ...data,
    } as z.input<typeof ReferralReceived>['data'],
  });

export const intakeBegun = (intakeOfficerId = INTAKE_OFFICER) =>
  valid(IntakeAssessmentBegun, { type: 'IntakeAssessmentBegun', data: { intakeOfficerId } });

type Condition = { kind: NoContactConditionKind; status: 'inPlace' | 'facilitationPermitted'; facilitationWording?: string };

export const inPlace = (kind: NoContactConditionKind = 'paroleBoardNoContactCondition'): Condition => ({ kind, status: 'inPlace' });

export const intakeAssessed = (noContactConditions: Condition[] = [], outcome: 'suitable' | 'notSuitable' = 'suitable') =>
  valid(IntakeAssessed, {
    type: 'IntakeAssessed',
    data: {
      outcome,
      offenderAcceptedResponsibility: true,
      safetyConcerns: 'none',
      noContactConditions,
      ...(outcome === 'notSuitable' ? { notSuitableReason: 'safetyConcerns' as const } : {}),
    },
  });

export const mediatorAssigned = (mediatorId = MEDIATOR) => valid(MediatorAssigned, { type: 'MediatorAssigned', data: { mediatorId } });

export const reassigned = (assignment: 'intakeOfficer' | 'mediator', assigneeId: string, previousAssigneeId: string) =>
  valid(CaseReassigned, { type: 'CaseReassigned', data: { assignment, assigneeId, previousAssigneeId } });

export const prepared = (party: 'victim' | 'offender', consent: Consent = 'given', cancelledMeetingId?: string) =>
  valid(PreparationSessionHeld, {
    type: 'PreparationSessionHeld',
    data: {
      party,
      subjectId: party === 'victim' ? VICTIM_ID : OFFENDER_ID,
      heldAt: '2026-01-27T20:00:00.000Z',
      consent,
      ...(cancelledMeetingId !== undefined ? { cancelledMeetingId } : {}),
    },
  });

export const supportPersonAgreed = (subjectId = SUPPORT_ID) =>
  valid(SupportPersonAgreed, {
    type: 'SupportPersonAgreed',
    data: { supports: 'victim', person: { subjectId, name: 'Alex Tremblay' } },
  });

export const modelSelected = (model: MediationModel = 'faceToFace') => valid(ModelSelected, { type: 'ModelSelected', data: { model } });

export const meetingArranged = (data: Record<string, unknown> = {}) =>
  valid(MeetingArranged, {
    type: 'MeetingArranged',
    data: {
      meetingId: MEETING_ID,
      scheduledFor: '2026-02-24T15:00:00.000Z',
      venue: { kind: 'institution', site: 'Collins Bay Institution' },
      room: 'chapel',
      supportPersonIds: [],
      privateAndUninterrupted: true,
      notRecordedOrOverheard: true,
      entryDocumentsArranged: true,
      ...data,
    } as z.input<typeof MeetingArranged>['data'],
  });

export const dialogueHeld = (model: MediationModel = 'faceToFace', meetingId: string | undefined = MEETING_ID) =>
  valid(DialogueHeld, {
    type: 'DialogueHeld',
    data: { model, heldAt: '2026-02-24T15:00:00.000Z', ...(meetingId !== undefined ? { meetingId } : {}) },
  });

export const followUpBegun = () => valid(FollowUpBegun, { type: 'FollowUpBegun', data: {} });

export const conditionRecorded = (kind: NoContactConditionKind = 'paroleBoardNoContactCondition') =>
  valid(NoContactConditionRecorded, { type: 'NoContactConditionRecorded', data: { kind, imposedOn: '2026-02-02', status: 'inPlace' } });

export const conditionAmended = (kind: NoContactConditionKind = 'paroleBoardNoContactCondition') =>
  valid(NoContactConditionAmended, {
    type: 'NoContactConditionAmended',
    data: { kind, amendedOn: '2026-02-16', facilitationWording: FACILITATION_WORDING },
  });

export const conditionEnded = (kind: NoContactConditionKind = 'paroleBoardNoContactCondition', how: 'expired' | 'removed' | 'varied' = 'expired') =>
  valid(NoContactConditionEnded, { type: 'NoContactConditionEnded', data: { kind, endedOn: '2026-02-16', how } });

/**
 * A clock some later version or the SLA engine might run on a case, still inside its time at NOW:
 * what the case's end must cancel (one that had run out would have its breach recorded first).
 */
export const clockStarted = () =>
  valid(ClockStarted, {
    type: 'ClockStarted',
    data: {
      clock: 'contact',
      name: 'First contact',
      basis: 'business',
      days: 10,
      region: 'ON',
      startedAt: '2026-02-23T19:30:00.000Z',
      dueAt: '2026-03-09T21:00:00.000Z',
      warnings: [],
    },
  });

// Histories that bring a case to each stage, with the no-contact conditions found at intake.
export const atIntake = () => [referralReceived(), intakeBegun()];
export const awaitingMediator = (conditions: Condition[] = []) => [...atIntake(), intakeAssessed(conditions)];
export const withMediator = (conditions: Condition[] = []) => [...awaitingMediator(conditions), mediatorAssigned()];
export const inPreparation = (conditions: Condition[] = []) => [...withMediator(conditions), prepared('victim')];
export const consented = (conditions: Condition[] = []) => [...inPreparation(conditions), prepared('offender')];
export const withModel = (model: MediationModel = 'faceToFace', conditions: Condition[] = []) => [
  ...consented(conditions),
  modelSelected(model),
];
export const withMeeting = () => [...withModel('faceToFace'), meetingArranged()];
export const afterDialogue = () => [...withMeeting(), dialogueHeld()];
export const inFollowUp = () => [...afterDialogue(), followUpBegun()];
