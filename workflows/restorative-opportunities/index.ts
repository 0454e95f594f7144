import { grants, readScopes } from '../../domain/access';
import type { DomainError } from '../../domain/errors';
import type { CaseState, CommandDefinition, EventDefinition, WorkflowDefinition } from '../../domain/workflow';
import {
  AgreeSupportPerson,
  ArrangeMeeting,
  AssessIntake,
  AssignMediator,
  BeginFollowUp,
  BeginIntakeAssessment,
  CloseCase,
  DetermineNotSuitable,
  ReassignCase,
  ReceiveReferral,
  RecordConditionAmended,
  RecordDialogue,
  RecordFollowUp,
  RecordNoContactCondition,
  RecordPreparation,
  SelectModel,
  Withdraw,
} from './commands';
import { restorativeOpportunitiesDemo } from './demo';
import { restorativeOpportunitiesLabels } from './labels';
import { decide, roContext } from './decide';
import { ConsentRequired, FACILITATION_WORDING, NoContactConditionNotAmended } from './errors';
import {
  CaseClosed,
  CaseDeterminedNotSuitable,
  CaseReassigned,
  DialogueHeld,
  FollowUpBegun,
  FollowUpSessionHeld,
  IntakeAssessed,
  IntakeAssessmentBegun,
  MediatorAssigned,
  MeetingArranged,
  ModelSelected,
  NoContactConditionAmended,
  NoContactConditionRecorded,
  ParticipationWithdrawn,
  PreparationSessionHeld,
  ReferralReceived,
  SupportPersonAgreed,
} from './events';
import {
  blockingConditions,
  missingConsents,
  MODEL_NEEDS_MEETING,
  restorativeOpportunitiesMachine,
  type RestorativeOpportunitiesSnapshot,
} from './machine';

type State = CaseState<RestorativeOpportunitiesSnapshot>;

/** Before the dialogue, a condition not yet amended is why the parties cannot be brought into communication. */
function contactRefusal(needsMeeting: boolean) {
  return (caseState: CaseState): DomainError | undefined => {
    const state = caseState as State;
    const context = roContext(state);
    const beforeDialogue = state.snapshot.matches('modelSelected') || state.snapshot.matches('meetingArranged');
    if (!beforeDialogue || context.model === undefined) return undefined;
    if (needsMeeting && !MODEL_NEEDS_MEETING[context.model]) return undefined;
    const conditions = blockingConditions(context);
    return conditions.length > 0 ? NoContactConditionNotAmended({ conditions }) : undefined;
  };
}

function consentRefusal(caseState: CaseState): DomainError | undefined {
  const state = caseState as State;
  if (!state.snapshot.matches('preparation')) return undefined;
  const parties = missingConsents(roContext(state));
  return parties.length > 0 ? ConsentRequired({ parties }) : undefined;
}

const commands: readonly CommandDefinition[] = [
  {
    type: 'ReceiveReferral',
    grants: grants.rju,
    schema: ReceiveReferral.shape.data,
    description:
      'Record a referral received by the NHQ Restorative Justice Unit: from a victim (registered or not), a victim representative acting for a registered victim, or CSC staff communicating the request of an offender in an institution (institutional) or in the community (community). A request made directly by an offender is refused: it must come through a CSC staff person.',
    example: {
      source: 'victim',
      region: 'ON',
      receivedAt: '2026-01-12T14:30:00-05:00',
      victimRegistered: true,
      victim: { name: 'Sam Tremblay', contact: 'sam.tremblay@example.org, 613-555-0175' },
      offender: { name: 'Jordan Roy', fpsNumber: '123456A' },
    },
    primaryEvent: 'ReferralReceived',
  },
  {
    type: 'BeginIntakeAssessment',
    grants: grants.rju,
    schema: BeginIntakeAssessment.shape.data,
    description: 'A Restorative Justice Unit officer takes the referral and begins its intake assessment. The first assignment of the case.',
    example: { intakeOfficerId: 'rju-officer-1' },
    primaryEvent: 'IntakeAssessmentBegun',
  },
  {
    type: 'AssessIntake',
    grants: grants.rju,
    schema: AssessIntake.shape.data,
    description:
      'Record the intake assessment: has the offender taken responsibility, are there safety concerns, and is a court non-communication order or a Parole Board no-contact condition in place? A condition flags the case: the victim and the offender cannot be brought into communication until it carries the facilitation wording. A case that is not suitable ends here.',
    example: { outcome: 'suitable', offenderAcceptedResponsibility: true, safetyConcerns: 'none', noContactConditions: [] },
    primaryEvent: 'IntakeAssessed',
  },
  {
    type: 'AssignMediator',
    grants: grants.rju,
    assigns: true,
    schema: AssignMediator.shape.data,
    description: 'Assign the RO mediator who prepares the parties and facilitates the dialogue.',
    example: { mediatorId: 'mediator-1' },
    primaryEvent: 'MediatorAssigned',
  },
  {
    type: 'ReassignCase',
    grants: grants.rju,
    assigns: true,
    schema: ReassignCase.shape.data,
    description: 'Give the case to another intake officer or mediator (supervisors), at any stage after the first assignment.',
    example: { assignment: 'mediator', assigneeId: 'mediator-2', reason: 'Caseload rebalanced after a leave.' },
    primaryEvent: 'CaseReassigned',
  },
  {
    type: 'RecordNoContactCondition',
    grants: grants.rju,
    schema: RecordNoContactCondition.shape.data,
    description:
      'Record a court non-communication order or Parole Board no-contact condition imposed or learned of after intake (e.g. at a conditional release). Unless it already carries the facilitation wording, it blocks communication between the victim and the offender.',
    example: { kind: 'paroleBoardNoContactCondition', imposedOn: '2026-02-02' },
    primaryEvent: 'NoContactConditionRecorded',
  },
  {
    type: 'RecordConditionAmended',
    grants: grants.rju,
    schema: RecordConditionAmended.shape.data,
    description: `Record that a no-contact condition was amended to allow mediation by adding the wording “${FACILITATION_WORDING}”. Give only the added clause, never the whole condition (which names the victim).`,
    example: { kind: 'paroleBoardNoContactCondition', amendedOn: '2026-02-16', facilitationWording: FACILITATION_WORDING },
    primaryEvent: 'NoContactConditionAmended',
  },
  {
    type: 'RecordPreparation',
    grants: grants.rju,
    schema: RecordPreparation.shape.data,
    description:
      'Record a preparation session between the mediator and one party, and whether that party now consents to communicate with the other. Allowed whatever no-contact condition is in place: meeting the mediator is not a breach.',
    example: {
      party: 'victim',
      heldAt: '2026-01-27T15:00:00-05:00',
      consent: 'given',
      notes: 'Wants to ask why their home was chosen; would prefer to meet in person.',
    },
    primaryEvent: 'PreparationSessionHeld',
  },
  {
    type: 'AgreeSupportPerson',
    grants: grants.rju,
    schema: AgreeSupportPerson.shape.data,
    description: 'Record a support person for the victim or the offender whose presence all participants discussed and agreed upon.',
    example: { supports: 'victim', person: { name: 'Alex Tremblay', contact: '613-555-0199' } },
    primaryEvent: 'SupportPersonAgreed',
  },
  {
    type: 'SelectModel',
    grants: grants.rju,
    schema: SelectModel.shape.data,
    description:
      'Choose the mediation model the participants need: letter exchange, video exchange, face-to-face meeting, shuttle mediation through the mediator, or group conference. Only once both parties have consented.',
    example: { model: 'faceToFace' },
    primaryEvent: 'ModelSelected',
    refusal: consentRefusal,
  },
  {
    type: 'ArrangeMeeting',
    grants: grants.rju,
    schema: ArrangeMeeting.shape.data,
    description:
      'For a face-to-face meeting or group conference: record the date, time and room reserved with the institution or parole office: a closed private room (not the Visits and Correspondence area unless in exceptional circumstances), attended only by the mediator, the parties and agreed support persons, not recorded by staff, with entry documents ready for the victims. Refused while a no-contact condition is not amended.',
    example: {
      scheduledFor: '2026-02-24T10:00:00-05:00',
      venue: { kind: 'institution', site: 'Collins Bay Institution' },
      room: 'chapel',
      supportPersonIds: [],
      privateAndUninterrupted: true,
      notRecordedOrOverheard: true,
      entryDocumentsArranged: true,
    },
    primaryEvent: 'MeetingArranged',
    refusal: contactRefusal(true),
  },
  {
    type: 'RecordDialogue',
    grants: grants.rju,
    schema: RecordDialogue.shape.data,
    description:
      'Record that the dialogue took place: the arranged meeting was held, or the exchange of letters, videos or relayed messages was completed. Refused while a no-contact condition is not amended.',
    example: { heldAt: '2026-02-24T10:00:00-05:00' },
    primaryEvent: 'DialogueHeld',
    refusal: contactRefusal(false),
  },
  {
    type: 'BeginFollowUp',
    grants: grants.rju,
    schema: BeginFollowUp.shape.data,
    description: 'The dialogues are over: the mediator follows up with each party.',
    example: {},
    primaryEvent: 'FollowUpBegun',
  },
  {
    type: 'RecordFollowUp',
    grants: grants.rju,
    schema: RecordFollowUp.shape.data,
    description: 'Record a follow-up session between the mediator and one party.',
    example: { party: 'victim', heldAt: '2026-02-27T11:00:00-05:00' },
    primaryEvent: 'FollowUpSessionHeld',
  },
  {
    type: 'CloseCase',
    grants: grants.rju,
    schema: CloseCase.shape.data,
    description: 'Close the case after follow-up.',
    example: {},
    primaryEvent: 'CaseClosed',
  },
  {
    type: 'DetermineNotSuitable',
    grants: grants.rju,
    schema: DetermineNotSuitable.shape.data,
    description: 'Ongoing case assessment found the case no longer suitable for mediation (e.g. a safety concern arose): the case ends.',
    example: { reason: 'safetyConcerns' },
    primaryEvent: 'CaseDeterminedNotSuitable',
  },
  {
    type: 'Withdraw',
    grants: grants.rju,
    schema: Withdraw.shape.data,
    description:
      'The victim or the offender no longer wishes to take part. Participation is voluntary for everyone at every stage: possible until the case ends, no reason required.',
    example: { party: 'victim' },
    primaryEvent: 'ParticipationWithdrawn',
  },
];

const events: readonly EventDefinition[] = [
  {
    type: 'ReferralReceived',
    schema: ReferralReceived.shape.data,
    description: 'A referral reached the NHQ Restorative Justice Unit.',
    personalData: [
      { subject: 'victim.subjectId', fields: ['victim.name', 'victim.contact'] },
      { subject: 'offender.subjectId', fields: ['offender.name', 'offender.contact', 'offender.fpsNumber'] },
      // Only in referrals from a victim representative.
      { subject: 'representative.subjectId', fields: ['representative.name', 'representative.contact'] },
    ],
  },
  {
    type: 'IntakeAssessmentBegun',
    schema: IntakeAssessmentBegun.shape.data,
    description: 'A Restorative Justice Unit officer began the intake assessment.',
  },
  {
    type: 'IntakeAssessed',
    schema: IntakeAssessed.shape.data,
    description: 'The intake assessment found the case suitable or not, and recorded any no-contact conditions.',
  },
  { type: 'MediatorAssigned', schema: MediatorAssigned.shape.data, description: 'An RO mediator was assigned.' },
  {
    type: 'CaseReassigned',
    schema: CaseReassigned.shape.data,
    description: 'The case was given to another intake officer or mediator.',
  },
  {
    type: 'NoContactConditionRecorded',
    schema: NoContactConditionRecorded.shape.data,
    description: 'A no-contact condition imposed or learned of after intake was recorded.',
  },
  {
    type: 'NoContactConditionAmended',
    schema: NoContactConditionAmended.shape.data,
    description: 'A no-contact condition now carries the facilitation wording.',
  },
  {
    type: 'PreparationSessionHeld',
    schema: PreparationSessionHeld.shape.data,
    description: 'The mediator met one party to prepare them.',
    personalData: [{ subject: 'subjectId', fields: ['notes'] }],
  },
  {
    type: 'SupportPersonAgreed',
    schema: SupportPersonAgreed.shape.data,
    description: 'All participants agreed to the presence of a support person.',
    personalData: [{ subject: 'person.subjectId', fields: ['person.name', 'person.contact'] }],
  },
  { type: 'ModelSelected', schema: ModelSelected.shape.data, description: 'The participants chose a mediation model.' },
  {
    type: 'MeetingArranged',
    schema: MeetingArranged.shape.data,
    description: 'The date, time and room of a meeting were reserved.',
  },
  { type: 'DialogueHeld', schema: DialogueHeld.shape.data, description: 'The victim and the offender communicated.' },
  { type: 'FollowUpBegun', schema: FollowUpBegun.shape.data, description: 'Follow-up with the parties began.' },
  {
    type: 'FollowUpSessionHeld',
    schema: FollowUpSessionHeld.shape.data,
    description: 'The mediator followed up with one party.',
    personalData: [{ subject: 'subjectId', fields: ['notes'] }],
  },
  { type: 'CaseClosed', schema: CaseClosed.shape.data, description: 'The case was closed after follow-up.' },
  {
    type: 'CaseDeterminedNotSuitable',
    schema: CaseDeterminedNotSuitable.shape.data,
    description: 'Ongoing assessment found the case no longer suitable.',
  },
  {
    type: 'ParticipationWithdrawn',
    schema: ParticipationWithdrawn.shape.data,
    description: 'A party withdrew from the process.',
    personalData: [{ subject: 'subjectId', fields: ['note'] }],
  },
];

/**
 * Victim-offender mediation in CSC's Restorative Opportunities program. Its content is
 * confidential to the NHQ Restorative Justice Unit: the summary holds no participant information,
 * and no narrative of the process.
 */
export const restorativeOpportunitiesWorkflow: WorkflowDefinition<RestorativeOpportunitiesSnapshot> = {
  name: 'restorative-opportunities',
  version: 1,
  category: 'restorativeOpportunities',
  labels: restorativeOpportunitiesLabels,
  // RO case content stays with the Restorative Justice Unit (DESIGN.md §7).
  readScope: readScopes.confidentialToRju,
  machine: restorativeOpportunitiesMachine,
  openingCommand: 'ReceiveReferral',
  commands,
  events,
  decide,
  demo: restorativeOpportunitiesDemo,
  summarize(state) {
    const context = roContext(state);
    const conditions = Object.keys(context.conditions).length;
    return {
      region: context.region,
      assignees: [...new Set([context.intakeOfficerId, context.mediatorId].filter((id) => id !== undefined))],
      details: {
        referralSource: context.source ?? null,
        noContactCondition: blockingConditions(context).length > 0 ? 'inPlace' : conditions > 0 ? 'facilitationPermitted' : 'none',
        model: context.model ?? null,
        dialoguesHeld: context.dialoguesHeld,
      },
    };
  },
};
