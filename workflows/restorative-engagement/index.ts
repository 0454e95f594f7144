import { grants, readScopes } from '../../domain/access';
import type { CaseState, CaseSummary, CommandDefinition, EventDefinition, WorkflowDefinition } from '../../domain/workflow';
import {
  AssignPractitioner,
  ChooseParticipation,
  CloseEngagement,
  CompleteEngagementPhase,
  CompletePreparation,
  ConfirmParticipation,
  ReassignPractitioner,
  ReceiveOptIn,
  RecordEngagement,
  RecordFollowUp,
  RecordPreparationSession,
  RecordReflection,
  ReturnToEngagement,
  ScheduleEngagement,
  SetGoals,
  SubmitSharing,
  Withdraw,
} from './commands';
import { restorativeEngagementDemo } from './demo';
import { restorativeEngagementLabels } from './labels';
import { decide, engagementContext } from './decide';
import {
  EngagementsPending,
  GoalsAlreadyMet,
  NoEngagementHeld,
  NoSharingToSubmit,
  NothingScheduled,
  PreparationIncomplete,
  ReflectionRequired,
} from './errors';
import {
  EngagementClosed,
  EngagementPhaseCompleted,
  EngagementRecorded,
  EngagementScheduled,
  FollowUpRecorded,
  GoalsSet,
  OptInReceived,
  ParticipationChosen,
  ParticipationConfirmed,
  ParticipationWithdrawn,
  PractitionerAssigned,
  PractitionersReassigned,
  PreparationCompleted,
  PreparationSessionHeld,
  ReflectionRecorded,
  ReturnedToEngagement,
  SharingSubmitted,
} from './events';
import { engagementsIn, missingPreparation, restorativeEngagementMachine } from './machine';

const inPhase2Engaging = (state: CaseState): boolean => state.snapshot.matches({ phase2: 'engaging' });

const commands: readonly CommandDefinition[] = [
  {
    type: 'ReceiveOptIn',
    grants: grants.intake,
    schema: ReceiveOptIn.shape.data,
    description:
      'Open a case: a class member indicated interest on their claim form, or sent a written request to the claims administrator. A written request must arrive within 30 calendar days of the initial claim decision; the window is recorded as a clock met at receipt.',
    example: {
      channel: 'writtenRequest',
      region: 'ON',
      receivedAt: '2026-02-20T10:15:00-05:00',
      claimDecisionDate: '2026-02-02',
      classMember: { name: 'Sam', pseudonym: true, contact: 'sam.re@example.org' },
      officialLanguage: 'en',
    },
    primaryEvent: 'OptInReceived',
  },
  {
    type: 'ConfirmParticipation',
    grants: grants.supervisorOnly,
    schema: ConfirmParticipation.shape.data,
    description: 'The program reached the class member, who decided to take part, and the official language they will be served in.',
    example: { officialLanguage: 'en' },
    primaryEvent: 'ParticipationConfirmed',
  },
  {
    type: 'AssignPractitioner',
    grants: grants.supervisorOnly,
    assigns: true,
    schema: AssignPractitioner.shape.data,
    description: 'Assign one restorative practitioner, or two depending on the class member’s needs (never more). Starts phase 1.',
    example: { practitionerIds: ['practitioner-1'] },
    primaryEvent: 'PractitionerAssigned',
  },
  {
    type: 'ReassignPractitioner',
    grants: grants.supervisorOnly,
    assigns: true,
    schema: ReassignPractitioner.shape.data,
    description: 'A supervisor hands the case to other practitioners (one or two), at any stage after the first assignment.',
    example: { practitionerIds: ['practitioner-2'], reason: 'availability' },
    primaryEvent: 'PractitionersReassigned',
  },
  {
    type: 'RecordPreparationSession',
    grants: grants.assignedPractitioner,
    schema: RecordPreparationSession.shape.data,
    description:
      'Phase 1: a session with the practitioner and what it covered (the program, the options, the limits of confidentiality, support, goals). Never the class member’s experience: they are not asked to share it in phase 1.',
    example: {
      delivery: 'virtual',
      topics: ['programOverview', 'participationOptions', 'confidentialityLimits', 'dutyToReportException', 'supportServices', 'goalSetting'],
      supportPersonPresent: false,
    },
    primaryEvent: 'PreparationSessionHeld',
  },
  {
    type: 'SetGoals',
    grants: grants.assignedPractitioner,
    schema: SetGoals.shape.data,
    description: 'Record the class member’s goals and objectives for their participation (phase 1), or revise them in phase 3.',
    example: { goals: 'Be heard by leaders who can change how complaints are handled in my former unit.' },
    primaryEvent: 'GoalsSet',
  },
  {
    type: 'CompletePreparation',
    grants: grants.assignedPractitioner,
    schema: CompletePreparation.shape.data,
    description: 'End phase 1 once the class member has met their practitioner, heard the limits of confidentiality and set goals.',
    example: {},
    primaryEvent: 'PreparationCompleted',
    refusal: (state) => {
      if (!state.snapshot.matches('phase1')) return undefined;
      const missing = missingPreparation(engagementContext(state));
      return missing.length > 0 ? PreparationIncomplete({ missing }) : undefined;
    },
  },
  {
    type: 'ChooseParticipation',
    grants: grants.assignedPractitioner,
    schema: ChooseParticipation.shape.data,
    description:
      'Phase 2: the ways the class member chose to take part (written or recorded sharing, engagement sessions with Defence representatives), how (in person, virtual, indirect), alone or in a group, and whether anonymously. May be changed at any time in phase 2.',
    example: {
      options: ['writtenSharing', 'engagementSession'],
      deliveries: ['virtual', 'indirect'],
      settings: ['individual'],
      anonymity: 'anonymous',
    },
    primaryEvent: 'ParticipationChosen',
  },
  {
    type: 'ScheduleEngagement',
    grants: grants.assignedPractitioner,
    schema: ScheduleEngagement.shape.data,
    description: 'Plan one engagement among those the class member chose. Several engagements are allowed.',
    example: {
      engagementId: 'engagement-1',
      option: 'writtenSharing',
      delivery: 'indirect',
      setting: 'individual',
      scheduledFor: '2026-04-14T13:00:00-04:00',
    },
    primaryEvent: 'EngagementScheduled',
  },
  {
    type: 'RecordEngagement',
    grants: grants.assignedPractitioner,
    schema: RecordEngagement.shape.data,
    description: 'Record that a scheduled engagement was held (or the sharing prepared), or that it was cancelled.',
    example: { outcome: 'held', engagementId: 'engagement-1' },
    primaryEvent: 'EngagementRecorded',
    refusal: (state) => (inPhase2Engaging(state) ? NothingScheduled({}) : undefined),
  },
  {
    type: 'SubmitSharing',
    grants: grants.assignedPractitioner,
    schema: SubmitSharing.shape.data,
    description:
      'Submit a prepared written or recorded sharing, with the class member’s consent ("it will only be submitted with your consent"), anonymously if they asked.',
    example: { engagementId: 'engagement-1' },
    primaryEvent: 'SharingSubmitted',
    refusal: (state) => (inPhase2Engaging(state) ? NoSharingToSubmit({}) : undefined),
  },
  {
    type: 'CompleteEngagementPhase',
    grants: grants.assignedPractitioner,
    schema: CompleteEngagementPhase.shape.data,
    description: 'End phase 2 once at least one engagement was held and none is still scheduled. Starts phase 3, reflection.',
    example: {},
    primaryEvent: 'EngagementPhaseCompleted',
    refusal: (state) => {
      if (!inPhase2Engaging(state)) return undefined;
      const context = engagementContext(state);
      if (engagementsIn(context, 'held').length === 0) return NoEngagementHeld({});
      const pending = engagementsIn(context, 'scheduled').map((e) => e.engagementId);
      return pending.length > 0 ? EngagementsPending({ engagementIds: pending }) : undefined;
    },
  },
  {
    type: 'RecordReflection',
    grants: grants.assignedPractitioner,
    schema: RecordReflection.shape.data,
    description:
      'Phase 3: were the class member’s goals met? If so, their feedback, how they want their input used and whether they want to stay connected; in every case, whether they consent to a follow-up.',
    example: {
      goalsMet: 'met',
      feedback: 'I felt listened to and I want my letter used in future cohorts.',
      inputUse: ['defenceRepresentativeLearning', 'programImprovement'],
      stayConnected: { programUpdates: true, researchAndConsultations: false },
      followUpConsent: true,
    },
    primaryEvent: 'ReflectionRecorded',
  },
  {
    type: 'ReturnToEngagement',
    grants: grants.assignedPractitioner,
    schema: ReturnToEngagement.shape.data,
    description: 'Goals not (yet) met: the class member takes next steps in phase 2.',
    example: {},
    primaryEvent: 'ReturnedToEngagement',
    refusal: (state) => {
      if (!state.snapshot.matches('phase3')) return undefined;
      return engagementContext(state).reflection === undefined ? ReflectionRequired({}) : GoalsAlreadyMet({});
    },
  },
  {
    type: 'CloseEngagement',
    grants: grants.assignedPractitioner,
    schema: CloseEngagement.shape.data,
    description: 'Close the process after the reflection; with the class member’s consent, schedule a follow-up some weeks later.',
    example: { followUpInWeeks: 12 },
    primaryEvent: 'EngagementClosed',
    refusal: (state) => (state.snapshot.matches('phase3') ? ReflectionRequired({}) : undefined),
  },
  {
    type: 'RecordFollowUp',
    grants: grants.assignedPractitioner,
    schema: RecordFollowUp.shape.data,
    description: 'Record the follow-up with the class member after the process (or that they could not be reached). Completes the case.',
    example: { outcome: 'held', goalsMet: 'met' },
    primaryEvent: 'FollowUpRecorded',
  },
  {
    type: 'Withdraw',
    // A class member may withdraw before anyone is assigned: a supervisor records it then.
    grants: grants.assignedOrSupervisor,
    schema: Withdraw.shape.data,
    description: 'The class member changed their mind about participating. Possible at any stage; no reason is asked.',
    example: {},
    primaryEvent: 'ParticipationWithdrawn',
  },
];

const events: readonly EventDefinition[] = [
  {
    type: 'OptInReceived',
    schema: OptInReceived.shape.data,
    description: 'A class member asked to take part. Opens the case.',
    personalData: [
      { subject: 'classMember.subjectId', fields: ['classMember.name', 'classMember.contact', 'classMember.claimReference'] },
    ],
  },
  { type: 'ParticipationConfirmed', schema: ParticipationConfirmed.shape.data, description: 'The class member decided to take part.' },
  { type: 'PractitionerAssigned', schema: PractitionerAssigned.shape.data, description: 'Restorative practitioners assigned.' },
  { type: 'PractitionersReassigned', schema: PractitionersReassigned.shape.data, description: 'The case went to other practitioners.' },
  { type: 'PreparationSessionHeld', schema: PreparationSessionHeld.shape.data, description: 'A phase-1 preparation session.' },
  {
    type: 'GoalsSet',
    schema: GoalsSet.shape.data,
    description: 'The class member’s goals and objectives.',
    personalData: [{ subject: 'classMemberId', fields: ['goals'] }],
  },
  { type: 'PreparationCompleted', schema: PreparationCompleted.shape.data, description: 'Phase 1 ended.' },
  { type: 'ParticipationChosen', schema: ParticipationChosen.shape.data, description: 'How the class member chose to take part.' },
  { type: 'EngagementScheduled', schema: EngagementScheduled.shape.data, description: 'An engagement was planned.' },
  { type: 'EngagementRecorded', schema: EngagementRecorded.shape.data, description: 'An engagement was held or cancelled.' },
  { type: 'SharingSubmitted', schema: SharingSubmitted.shape.data, description: 'A sharing was submitted with consent.' },
  { type: 'EngagementPhaseCompleted', schema: EngagementPhaseCompleted.shape.data, description: 'Phase 2 ended.' },
  {
    type: 'ReflectionRecorded',
    schema: ReflectionRecorded.shape.data,
    description: 'The class member’s reflection in phase 3.',
    personalData: [{ subject: 'classMemberId', fields: ['feedback'] }],
  },
  { type: 'ReturnedToEngagement', schema: ReturnedToEngagement.shape.data, description: 'Back to phase 2 for next steps.' },
  { type: 'EngagementClosed', schema: EngagementClosed.shape.data, description: 'The process closed, possibly with a follow-up due.' },
  { type: 'FollowUpRecorded', schema: FollowUpRecorded.shape.data, description: 'The follow-up after the process.' },
  { type: 'ParticipationWithdrawn', schema: ParticipationWithdrawn.shape.data, description: 'The class member withdrew.' },
];

/** What lists show of a case: its progress, never who the class member is or what they shared. */
function summarize(state: CaseState): CaseSummary {
  const context = engagementContext(state);
  return {
    region: context.region,
    assignees: context.practitionerIds,
    details: {
      channel: context.channel ?? null,
      officialLanguage: context.officialLanguage ?? null,
      practitioners: context.practitionerIds.length,
      round: context.round,
      engagementsScheduled: engagementsIn(context, 'scheduled').length,
      engagementsHeld: engagementsIn(context, 'held').length,
      sharingsSubmitted: context.engagements.filter((e) => e.submitted).length,
      goalsMet: context.goalsMet ?? null,
      followUpDueOn: context.followUpDueOn ?? null,
    },
  };
}

export const restorativeEngagementWorkflow: WorkflowDefinition = {
  name: 'restorative-engagement',
  version: 1,
  category: 'restorativeEngagement',
  labels: restorativeEngagementLabels,
  readScope: readScopes.departmental,
  machine: restorativeEngagementMachine,
  openingCommand: 'ReceiveOptIn',
  commands,
  events,
  decide,
  demo: restorativeEngagementDemo,
  summarize,
};
