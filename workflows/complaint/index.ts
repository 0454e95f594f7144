import { grants, readScopes } from '../../domain/access';
import { commandsFrom, eventsFrom, type CaseState, type WorkflowDefinition } from '../../domain/workflow';
import { complaintClocks } from './clocks';
import { ComplaintCommand } from './commands';
import { complaintDemo } from './demo';
import { complaintLabels } from './labels';
import { complaintContext, decide } from './decide';
import { ReviewChainEnded } from './errors';
import { ComplaintEvent } from './events';
import { complaintMachine, currentLevel, nextLevel } from './machine';

const hasClockIn = (status: 'running' | 'paused') => (state: CaseState) =>
  Object.values(state.clocks).some((clock) => clock.status === status);

const commands = commandsFrom(ComplaintCommand, {
  ReceiveComplaint: {
    grants: grants.intake,
    primaryEvent: 'ComplaintReceived',
  },
  AcknowledgeComplaint: {
    // Acknowledgement is due within 2 business days, assigned or not.
    grants: grants.assignedOrSupervisor,
    primaryEvent: 'ComplaintAcknowledged',
  },
  AssignHandler: {
    grants: grants.supervisorOnly,
    assigns: true,
    primaryEvent: 'HandlerAssigned',
  },
  Respond: {
    grants: grants.assignedPractitioner,
    primaryEvent: 'ComplaintResponded',
  },
  AcceptResponse: {
    grants: grants.assignedOrSupervisor,
    primaryEvent: 'ResponseAccepted',
  },
  RequestReview: {
    grants: grants.assignedOrSupervisor,
    primaryEvent: 'ReviewRequested',
    refusal: (state) => {
      const context = complaintContext(state);
      const level = currentLevel(context);
      const answered = state.snapshot.matches('responded') || state.snapshot.matches('closed');
      if (!answered || !level || nextLevel(context)) return undefined;
      return ReviewChainEnded({ level: level.level, title: level.title });
    },
  },
  PauseClock: {
    grants: grants.assignedOrSupervisor,
    primaryEvent: 'ClockPaused',
    available: hasClockIn('running'),
  },
  ResumeClock: {
    grants: grants.assignedOrSupervisor,
    primaryEvent: 'ClockResumed',
    available: hasClockIn('paused'),
  },
  CloseComplaint: {
    grants: grants.assignedOrSupervisor,
    primaryEvent: 'ComplaintClosed',
  },
  WithdrawComplaint: {
    grants: grants.assignedOrSupervisor,
    primaryEvent: 'ComplaintWithdrawn',
  },
});

const events = eventsFrom(ComplaintEvent, {
  ComplaintReceived: {
    personalData: [{ subject: 'complainant.subjectId', fields: ['complainant.name', 'complainant.contact', 'text'] }],
    search: ['complainant.name'],
  },
  ComplaintResponded: {
    personalData: [
      { subject: 'complainantId', fields: ['response'] },
      { subject: 'nextLevel.subjectId', fields: ['nextLevel.name', 'nextLevel.role', 'nextLevel.contact'] },
    ],
  },
  ReviewRequested: {
    personalData: [{ subject: 'complainantId', fields: ['grounds'] }],
  },
});

/** Complaints from program participants, resolved at the lowest level possible, with a right of review up the escalation chain. */
export const complaintWorkflow: WorkflowDefinition = {
  name: 'complaint',
  version: 1,
  category: 'complaint',
  referencePrefix: 'CMP',
  labels: complaintLabels,
  readScope: readScopes.departmental,
  machine: complaintMachine,
  openingCommand: 'ReceiveComplaint',
  commands,
  events,
  decide,
  clocks: complaintClocks,
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
