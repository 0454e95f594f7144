import { z } from 'zod';
import { brokenRules } from '../../domain/rules';
import { personalInformationCorrection } from '../../domain/corrections';
import { grants, readScopes } from '../../domain/access';
import { LocalDate } from '../../domain/schemas';
import { refusalAtField } from '../../domain/errors';
import { commandsFrom, eventsFrom, type CaseState, type CaseSummary, type WorkflowDefinition } from '../../domain/workflow';
import { restorativeEngagementClocks } from './clocks';
import { GoalsMet, OfficialLanguage, OptInChannel, RestorativeEngagementCommand } from './commands';
import { restorativeEngagementDemo } from './demo';
import { restorativeEngagementLabels } from './labels';
import { decide, engagementContext, sharingConsentRefusals } from './decide';
import {
  EngagementsPending,
  GoalsAlreadyMet,
  NoEngagementHeld,
  NoSharingToSubmit,
  NothingScheduled,
  NotInEngagementSessions,
  PreparationIncomplete,
  ReflectionRequired,
} from './errors';
import { RestorativeEngagementEvent } from './events';
import { engagementsIn, missingPreparation, restorativeEngagementMachine, sharingsInUse, sharingsWithdrawn } from './machine';
import { RESTORATIVE_ENGAGEMENT, RestorativeEngagementSettings } from './settings';

const inPhase2Engaging = (state: CaseState): boolean => state.snapshot.matches({ phase2: 'engaging' });

const commands = commandsFrom(RestorativeEngagementCommand, {
  ReceiveOptIn: {
    grants: grants.intake,
    primaryEvent: 'OptInReceived',
  },
  ConfirmParticipation: {
    grants: grants.supervisorOnly,
    primaryEvent: 'ParticipationConfirmed',
  },
  AssignPractitioner: {
    grants: grants.supervisorOnly,
    assigns: true,
    primaryEvent: 'PractitionerAssigned',
  },
  ReassignPractitioner: {
    grants: grants.supervisorOnly,
    assigns: true,
    primaryEvent: 'PractitionersReassigned',
  },
  RecordPreparationSession: {
    grants: grants.assignedPractitioner,
    primaryEvent: 'PreparationSessionHeld',
  },
  SetGoals: {
    grants: grants.assignedPractitioner,
    primaryEvent: 'GoalsSet',
  },
  CompletePreparation: {
    grants: grants.assignedPractitioner,
    primaryEvent: 'PreparationCompleted',
    refusal: (state) => {
      if (!state.snapshot.matches('phase1')) return undefined;
      const missing = missingPreparation(engagementContext(state));
      return missing.length > 0 ? PreparationIncomplete({ missing }) : undefined;
    },
  },
  ChooseParticipation: {
    grants: grants.assignedPractitioner,
    primaryEvent: 'ParticipationChosen',
  },
  ScheduleEngagement: {
    grants: grants.assignedPractitioner,
    primaryEvent: 'EngagementScheduled',
  },
  RecordEngagement: {
    grants: grants.assignedPractitioner,
    primaryEvent: 'EngagementRecorded',
    refusal: (state) => (inPhase2Engaging(state) ? NothingScheduled({}) : undefined),
  },
  SubmitSharing: {
    grants: grants.assignedPractitioner,
    primaryEvent: 'SharingSubmitted',
    refusal: (state) => (inPhase2Engaging(state) ? NoSharingToSubmit({}) : undefined),
  },
  CompleteEngagementPhase: {
    grants: grants.assignedPractitioner,
    primaryEvent: 'EngagementPhaseCompleted',
    refusal: (state) => {
      if (!inPhase2Engaging(state)) return undefined;
      const context = engagementContext(state);
      if (engagementsIn(context, 'held').length === 0) return NoEngagementHeld({});
      const pending = engagementsIn(context, 'scheduled').map((e) => e.engagementId);
      return pending.length > 0 ? EngagementsPending({ engagementIds: pending }) : undefined;
    },
  },
  RecordReflection: {
    grants: grants.assignedPractitioner,
    primaryEvent: 'ReflectionRecorded',
  },
  ReturnToEngagement: {
    grants: grants.assignedPractitioner,
    primaryEvent: 'ReturnedToEngagement',
    refusal: (state) => {
      if (!state.snapshot.matches('phase3')) return undefined;
      return engagementContext(state).reflection === undefined ? ReflectionRequired({}) : GoalsAlreadyMet({});
    },
  },
  CloseEngagement: {
    grants: grants.assignedPractitioner,
    primaryEvent: 'EngagementClosed',
    refusal: (state) => (state.snapshot.matches('phase3') ? ReflectionRequired({}) : undefined),
  },
  RecordFollowUp: {
    grants: grants.assignedPractitioner,
    primaryEvent: 'FollowUpRecorded',
  },
  // The class member's word on their input, through their practitioner, or a supervisor once the
  // practitioner is gone (the case may be long completed): like a withdrawal, it cannot wait.
  WithdrawSharingConsent: {
    grants: grants.assignedOrSupervisor,
    primaryEvent: 'SharingConsentWithdrawn',
    // No sharing left in use: say why this one cannot be withdrawn, beside its field.
    refusal: (state, data) => {
      const context = engagementContext(state);
      if (!context.engagements.some((e) => e.submitted)) return undefined;
      return brokenRules(sharingConsentRefusals(context, (data as { engagementId: string }).engagementId));
    },
  },
  ReviseInputChoices: {
    grants: grants.assignedOrSupervisor,
    primaryEvent: 'InputChoicesRevised',
  },
  Withdraw: {
    // A class member may withdraw before anyone is assigned: a supervisor records it then.
    grants: grants.assignedOrSupervisor,
    primaryEvent: 'ParticipationWithdrawn',
  },
  ResumeParticipation: {
    // The class member asks the program, not their former practitioner, whom a supervisor may replace.
    grants: grants.supervisorOnly,
    primaryEvent: 'ParticipationResumed',
  },
});

const events = eventsFrom(RestorativeEngagementEvent, {
  OptInReceived: {
    personalData: [
      { subject: 'classMember.subjectId', fields: ['classMember.name', 'classMember.contact', 'classMember.claimReference'] },
    ],
    search: ['classMember.name', 'classMember.claimReference'],
  },
  GoalsSet: {
    personalData: [{ subject: 'classMemberId', fields: ['goals'] }],
  },
  ReflectionRecorded: {
    personalData: [{ subject: 'classMemberId', fields: ['feedback'] }],
  },
});

// A person's name or contact details corrected, at their request or because they were recorded wrong.
const correction = personalInformationCorrection({ events, labels: restorativeEngagementLabels, grants: grants.assignedOrSupervisor, describing: ['pseudonym'] });

/** What lists show of a case: its progress, never who the class member is or what they shared. */
const EngagementDetails = z.strictObject({
  channel: OptInChannel.nullable(),
  officialLanguage: OfficialLanguage.nullable(),
  practitioners: z.number().int(),
  round: z.number().int(),
  engagementsScheduled: z.number().int(),
  engagementsHeld: z.number().int(),
  /** Every sharing ever submitted, its consent since withdrawn or not. */
  sharingsSubmitted: z.number().int(),
  /** Of those, the ones whose consent stands: the program may use them. */
  sharingsMayBeUsed: z.number().int(),
  /** Of those, the ones whose consent the class member withdrew: no longer to be used. */
  sharingsConsentWithdrawn: z.number().int(),
  goalsMet: GoalsMet.nullable(),
  followUpDueOn: LocalDate.nullable(),
});

function summarize(state: CaseState): CaseSummary {
  const context = engagementContext(state);
  return {
    region: context.region,
    assignees: context.practitionerIds,
    ...(context.officialLanguage !== undefined ? { serviceLanguage: context.officialLanguage } : {}),
    details: {
      channel: context.channel ?? null,
      officialLanguage: context.officialLanguage ?? null,
      practitioners: context.practitionerIds.length,
      round: context.round,
      engagementsScheduled: engagementsIn(context, 'scheduled').length,
      engagementsHeld: engagementsIn(context, 'held').length,
      sharingsSubmitted: context.engagements.filter((e) => e.submitted).length,
      sharingsMayBeUsed: sharingsInUse(context).length,
      sharingsConsentWithdrawn: sharingsWithdrawn(context).length,
      goalsMet: context.goalsMet ?? null,
      followUpDueOn: context.followUpDueOn ?? null,
    } satisfies z.infer<typeof EngagementDetails>,
  };
}

export const restorativeEngagementWorkflow: WorkflowDefinition = {
  name: RESTORATIVE_ENGAGEMENT,
  version: 1,
  category: 'restorativeEngagement',
  referencePrefix: 'RE',
  labels: correction.labels,
  readScope: readScopes.departmental,
  machine: restorativeEngagementMachine,
  openingCommand: 'ReceiveOptIn',
  commands: [...commands, correction.command],
  events: [...events, correction.event],
  decide,
  settings: RestorativeEngagementSettings,
  clocks: restorativeEngagementClocks,
  linkedFor: {
    // Only a class member who chose engagement sessions, and "can change their mind at any time": not one who withdrew.
    // One who finished since is still named (a session recorded after it was held).
    engagementSession: (state, { caseId, field }) =>
      !state.snapshot.matches('withdrawn') && engagementContext(state).participation?.options.includes('engagementSession')
        ? undefined
        : refusalAtField(NotInEngagementSessions, { caseId }, field),
  },
  demo: restorativeEngagementDemo,
  summarize,
  details: EngagementDetails,
};
