import { z } from 'zod';
import { personalInformationCorrection } from '../../domain/corrections';
import { grants, readScopes } from '../../domain/access';
import { Instant } from '../../domain/schemas';
import { commandsFrom, eventsFrom, type CaseState, type CaseSummary, type WorkflowDefinition } from '../../domain/workflow';
import { supportCoordinationClocks } from './clocks';
import { ClosureOutcome, FormalComplaint, OfficialLanguage, OptInChannel, SupportCoordinationCommand } from './commands';
import { CoordinatorTimeZone } from './coordinator-zones';
import { decide, supportCoordinationContext } from './decide';
import { supportCoordinationDemo } from './demo';
import { FormalComplaintAlreadyNoted } from './errors';
import { SupportCoordinationEvent } from './events';
import { supportCoordinationLabels } from './labels';
import { supportCoordinationMachine } from './machine';
import { SupportCoordinationSettings } from './settings';

const commands = commandsFrom(SupportCoordinationCommand, {
  RecordOptIn: {
    // Usually after a call to the 24/7 line: any practitioner or supervisor takes it.
    grants: grants.intake,
    primaryEvent: 'OptInRecorded',
  },
  AssignCoordinator: {
    grants: grants.supervisorOnly,
    assigns: true,
    primaryEvent: 'CoordinatorAssigned',
  },
  ReassignCoordinator: {
    grants: grants.supervisorOnly,
    assigns: true,
    primaryEvent: 'CoordinatorReassigned',
  },
  RecordFirstContact: {
    // "Your assigned Response and Support coordinator will make first contact."
    grants: grants.assignedPractitioner,
    primaryEvent: 'FirstContactMade',
  },
  RecordService: {
    grants: grants.assignedPractitioner,
    primaryEvent: 'ServiceRecorded',
  },
  MakeReferral: {
    grants: grants.assignedPractitioner,
    primaryEvent: 'ReferralMade',
  },
  NoteFormalComplaint: {
    grants: grants.assignedOrSupervisor,
    primaryEvent: 'FormalComplaintNoted',
    refusal: (state) => {
      const { formalComplaint, clientId } = supportCoordinationContext(state);
      return clientId !== undefined && formalComplaint === 'registered' && state.snapshot.status === 'active'
        ? FormalComplaintAlreadyNoted({ status: formalComplaint })
        : undefined;
    },
  },
  CloseSupport: {
    grants: grants.assignedOrSupervisor,
    primaryEvent: 'SupportClosed',
  },
  RecordWithdrawal: {
    // The client may withdraw before a coordinator is assigned: a supervisor records it then.
    grants: grants.assignedOrSupervisor,
    primaryEvent: 'ClientWithdrew',
  },
});

const client = (...fields: string[]) => [{ subject: 'clientId', fields }];

const events = eventsFrom(SupportCoordinationEvent, {
  OptInRecorded: {
    personalData: [{ subject: 'client.subjectId', fields: ['client.name', 'client.contact', 'needs'] }],
    search: ['client.name'],
  },
  FirstContactMade: { personalData: client('notes') },
  ServiceRecorded: { personalData: client('note') },
  ReferralMade: { personalData: client('organization', 'note') },
  SupportClosed: { personalData: client('note') },
});

/** What lists show of a case: its progress and the client's language, never who the client is or what they said. */
/** What lists show of a case: how and when support began, and what it has given; never who the client is. */
const SupportDetails = z.strictObject({
  officialLanguage: OfficialLanguage.nullable(),
  anonymous: z.boolean().nullable(),
  channel: OptInChannel.nullable(),
  coordinatorTimeZone: CoordinatorTimeZone.nullable(),
  firstContactAt: Instant.nullable(),
  formalComplaint: FormalComplaint,
  servicesRecorded: z.number().int(),
  referralsMade: z.number().int(),
  outcome: ClosureOutcome.nullable(),
});

function summarize(state: CaseState): CaseSummary {
  const context = supportCoordinationContext(state);
  return {
    region: context.region,
    assignees: context.coordinatorId !== undefined ? [context.coordinatorId] : [],
    ...(context.language !== undefined ? { serviceLanguage: context.language } : {}),
    details: {
      officialLanguage: context.language ?? null,
      anonymous: context.anonymous ?? null,
      channel: context.channel ?? null,
      coordinatorTimeZone: context.timeZone ?? null,
      firstContactAt: context.firstContactAt ?? null,
      formalComplaint: context.formalComplaint,
      servicesRecorded: context.services.length,
      referralsMade: context.referrals,
      outcome: context.outcome ?? null,
    } satisfies z.infer<typeof SupportDetails>,
  };
}

// A person's name or contact details corrected, at their request or because they were recorded wrong.
const correction = personalInformationCorrection({ events, labels: supportCoordinationLabels, grants: grants.assignedOrSupervisor });

/** The SMSRC Response and Support Coordination program: continuing support from a dedicated coordinator. */
export const supportCoordinationWorkflow: WorkflowDefinition = {
  name: 'support-coordination',
  version: 1,
  category: 'supportCoordination',
  referencePrefix: 'RSC',
  labels: correction.labels,
  readScope: readScopes.departmental,
  machine: supportCoordinationMachine,
  openingCommand: 'RecordOptIn',
  commands: [...commands, correction.command],
  events: [...events, correction.event],
  decide,
  settings: SupportCoordinationSettings,
  clocks: supportCoordinationClocks,
  demo: supportCoordinationDemo,
  summarize,
  details: SupportDetails,
};
