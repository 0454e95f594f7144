import { grants, readScopes } from '../../domain/access';
import type { CaseState, CommandDefinition, EventDefinition, WorkflowDefinition } from '../../domain/workflow';
import {
  AcceptResponse,
  AcknowledgeComplaint,
  AssignHandler,
  CloseComplaint,
  PauseClock,
  ReceiveComplaint,
  RequestReview,
  Respond,
  ResumeClock,
  WithdrawComplaint,
} from './commands';
import { complaintDemo } from './demo';
import { complaintLabels } from './labels';
import { complaintContext, decide, responseClock } from './decide';
import { ReviewChainEnded } from './errors';
import {
  ComplaintAcknowledged,
  ComplaintClosed,
  ComplaintReceived,
  ComplaintResponded,
  ComplaintWithdrawn,
  HandlerAssigned,
  ResponseAccepted,
  ReviewRequested,
} from './events';
import { complaintMachine, currentLevel, nextLevel } from './machine';

const hasClockIn = (status: 'running' | 'paused') => (state: CaseState) =>
  Object.values(state.clocks).some((clock) => clock.status === status);

const commands: readonly CommandDefinition[] = [
  {
    type: 'ReceiveComplaint',
    grants: grants.intake,
    schema: ReceiveComplaint.shape.data,
    description:
      'Record a complaint, concern or feedback from a participant. Starts the 2-business-day acknowledgement and the 30-business-day level-1 response clocks from the time the program received it (for mail, the day the letter arrived).',
    example: {
      channel: 'electronic',
      receivedAt: '2026-03-02T09:30:00-05:00',
      region: 'ON',
      complainant: { name: 'Robin', pseudonym: true, contact: 'robin.participant@example.org' },
      text: 'My preparation meeting was cancelled twice without notice and nobody called me back.',
      concerns: { program: 'restorative-engagement' },
    },
    primaryEvent: 'ComplaintReceived',
  },
  {
    type: 'AcknowledgeComplaint',
    // Acknowledgement is due within 2 business days, assigned or not.
    grants: grants.assignedOrSupervisor,
    schema: AcknowledgeComplaint.shape.data,
    description: 'Record that receipt of the complaint was acknowledged to the complainant. Meets the acknowledgement clock.',
    example: { method: 'email' },
    primaryEvent: 'ComplaintAcknowledged',
  },
  {
    type: 'AssignHandler',
    grants: grants.supervisorOnly,
    assigns: true,
    schema: AssignHandler.shape.data,
    description:
      'Send the complaint to the person who reviews it at its current level. Replacing an assigned handler is for supervisors; someone who handled a lower level cannot review it.',
    example: { handlerId: 'practitioner-1' },
    primaryEvent: 'HandlerAssigned',
  },
  {
    type: 'Respond',
    grants: grants.assignedPractitioner,
    schema: Respond.shape.data,
    description:
      "Record the response at the current level. Below the last level it must give the name, role and contact information of who the complaint can be elevated to. Meets the level's response clock.",
    example: {
      response: 'We apologise for the cancellations. Your practitioner will call you this week to book a new meeting.',
      nextLevel: {
        name: 'Alex Tremblay',
        role: 'Restorative Engagement program manager',
        contact: 'alex.tremblay@example.gc.ca, 613-555-0142',
      },
    },
    primaryEvent: 'ComplaintResponded',
  },
  {
    type: 'AcceptResponse',
    grants: grants.assignedOrSupervisor,
    schema: AcceptResponse.shape.data,
    description: 'The complainant is satisfied with the response: the complaint is resolved.',
    example: {},
    primaryEvent: 'ResponseAccepted',
  },
  {
    type: 'RequestReview',
    grants: grants.assignedOrSupervisor,
    schema: RequestReview.shape.data,
    description:
      'The complainant is not satisfied and uses the right of review: the complaint goes to the next level of authority, with a new 30-business-day response clock.',
    example: { grounds: 'The meeting was booked again but I still have not been told why it was cancelled.' },
    primaryEvent: 'ReviewRequested',
    refusal: (state) => {
      const context = complaintContext(state);
      const level = currentLevel(context);
      const answered = state.snapshot.matches('responded') || state.snapshot.matches('closed');
      if (!answered || !level || nextLevel(context)) return undefined;
      return ReviewChainEnded({ level: level.level, title: level.title });
    },
  },
  {
    type: 'PauseClock',
    grants: grants.assignedOrSupervisor,
    schema: PauseClock.shape.data,
    description: 'Stop a running clock, e.g. while awaiting information from the complainant. A reason is required.',
    example: { clock: responseClock(1), reason: 'Awaiting the dates the complainant is available for a call.' },
    primaryEvent: 'ClockPaused',
    available: hasClockIn('running'),
  },
  {
    type: 'ResumeClock',
    grants: grants.assignedOrSupervisor,
    schema: ResumeClock.shape.data,
    description: 'Restart a paused clock: its due time moves by the business time it spent paused.',
    example: { clock: responseClock(1) },
    primaryEvent: 'ClockResumed',
    available: hasClockIn('paused'),
  },
  {
    type: 'CloseComplaint',
    grants: grants.assignedOrSupervisor,
    schema: CloseComplaint.shape.data,
    description:
      'Close an answered complaint that the complainant did not accept: after the last level of review, or when no review was requested.',
    example: {},
    primaryEvent: 'ComplaintClosed',
  },
  {
    type: 'WithdrawComplaint',
    grants: grants.assignedOrSupervisor,
    schema: WithdrawComplaint.shape.data,
    description: 'The complainant withdraws the complaint. Possible at any time before it ends; open clocks are cancelled.',
    example: {},
    primaryEvent: 'ComplaintWithdrawn',
  },
];

const events: readonly EventDefinition[] = [
  {
    type: 'ComplaintReceived',
    schema: ComplaintReceived.shape.data,
    description: 'A complaint reached the program; the escalation chain in force is recorded with it.',
    personalData: [{ subject: 'complainant.subjectId', fields: ['complainant.name', 'complainant.contact', 'text'] }],
  },
  {
    type: 'ComplaintAcknowledged',
    schema: ComplaintAcknowledged.shape.data,
    description: 'Receipt of the complaint was acknowledged to the complainant.',
  },
  {
    type: 'HandlerAssigned',
    schema: HandlerAssigned.shape.data,
    description: 'The complaint was sent to the person who reviews it at its current level.',
  },
  {
    type: 'ComplaintResponded',
    schema: ComplaintResponded.shape.data,
    description: 'The complaint was answered at its current level, naming who it can be elevated to next.',
    personalData: [
      { subject: 'complainantId', fields: ['response'] },
      { subject: 'nextLevel.subjectId', fields: ['nextLevel.name', 'nextLevel.contact'] },
    ],
  },
  {
    type: 'ResponseAccepted',
    schema: ResponseAccepted.shape.data,
    description: 'The complainant accepted the response: the complaint is resolved.',
  },
  {
    type: 'ReviewRequested',
    schema: ReviewRequested.shape.data,
    description: 'The complainant used the right of review: the complaint moved to the next level of authority.',
    personalData: [{ subject: 'complainantId', fields: ['grounds'] }],
  },
  {
    type: 'ComplaintClosed',
    schema: ComplaintClosed.shape.data,
    description: 'The answered complaint was closed without being accepted.',
  },
  {
    type: 'ComplaintWithdrawn',
    schema: ComplaintWithdrawn.shape.data,
    description: 'The complainant withdrew the complaint.',
  },
];

/** Complaints from program participants, resolved at the lowest level possible, with a right of review up the escalation chain. */
export const complaintWorkflow: WorkflowDefinition = {
  name: 'complaint',
  version: 1,
  category: 'complaint',
  labels: complaintLabels,
  readScope: readScopes.departmental,
  machine: complaintMachine,
  openingCommand: 'ReceiveComplaint',
  commands,
  events,
  decide,
  demo: complaintDemo,
  summarize(state) {
    const context = complaintContext(state);
    const level = currentLevel(context);
    return {
      region: context.region,
      assignees: context.handlerId !== undefined ? [context.handlerId] : [],
      details: {
        channel: context.channel ?? null,
        program: context.program ?? null,
        level: level?.level ?? null,
        levelTitle: level?.title ?? null,
        levels: context.chain.length,
        lastLevel: level !== undefined && nextLevel(context) === undefined,
        reviewsRequested: context.reviewsRequested,
      },
    };
  },
};
