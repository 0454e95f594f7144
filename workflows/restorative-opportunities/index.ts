import { z } from 'zod';
import { personalInformationCorrection } from '../../domain/corrections';
import { grants, readScopes } from '../../domain/access';
import type { DecideContext } from '../../domain/decide-context';
import type { DomainError } from '../../domain/errors';
import { brokenRules, type RuleCheck } from '../../domain/rules';
import { commandsFrom, eventsFrom, type CaseState, type WorkflowDefinition } from '../../domain/workflow';
import { MediationModel, RestorativeOpportunitiesCommand } from './commands';
import { restorativeOpportunitiesDemo } from './demo';
import { restorativeOpportunitiesLabels } from './labels';
import { decide, dialogueTimeRules, meetingRules, roContext } from './decide';
import { ConditionNotInPlace, ConsentRequired, NoContactConditionNotAmended, SupportPersonNoLongerAgreed } from './errors';
import { RestorativeOpportunitiesEvent } from './events';
import {
  attendeesNoLongerAgreed,
  blockingConditions,
  missingConsents,
  MODEL_NEEDS_MEETING,
  paroleBoardConditionInPlace,
  restorativeOpportunitiesMachine,
  type RestorativeOpportunitiesContext,
  type RestorativeOpportunitiesSnapshot,
} from './machine';

type State = CaseState<RestorativeOpportunitiesSnapshot>;

type Data<T extends RestorativeOpportunitiesCommand['type']> = Extract<RestorativeOpportunitiesCommand, { type: T }>['data'];

/** A party who does not consent now, named as not yet consenting or as having taken their consent back. */
function consentRequired(context: RestorativeOpportunitiesContext): DomainError | undefined {
  const parties = missingConsents(context);
  const takenBack = parties.filter((party) => context.consent[party] === 'takenBack');
  return parties.length > 0 ? ConsentRequired({ parties, takenBack }) : undefined;
}

/** Where a model is chosen, a party who does not consent now is why it cannot be. */
function modelRefusal(caseState: CaseState): DomainError | undefined {
  const state = caseState as State;
  const choosing = (['preparation', 'modelSelected', 'meetingArranged', 'dialogueHeld'] as const).some((stage) => state.snapshot.matches(stage));
  return choosing ? consentRequired(roContext(state)) : undefined;
}

/** Before the dialogue, with a model chosen: where a meeting is arranged, the dialogue held, staff advised of it. */
function beforeDialogue(caseState: CaseState): RestorativeOpportunitiesContext | undefined {
  const state = caseState as State;
  const context = roContext(state);
  const before = state.snapshot.matches('modelSelected') || state.snapshot.matches('meetingArranged');
  return before && context.model !== undefined ? context : undefined;
}

/**
 * Why a meeting cannot be arranged: a party who does not consent now. A condition awaiting its
 * amendment does not stop the reservation; it stops the dialogue.
 */
function arrangementRefusals(caseState: CaseState): RuleCheck[] {
  const context = beforeDialogue(caseState);
  if (context?.model === undefined || !MODEL_NEEDS_MEETING[context.model]) return [];
  return [consentRequired(context)];
}

/**
 * Why the dialogue cannot be recorded: a party who does not consent now, a condition not yet
 * amended, a support person the arranged meeting names whose presence is no longer agreed.
 */
function dialogueRefusals(caseState: CaseState, ctx: DecideContext): RuleCheck[] {
  const context = beforeDialogue(caseState);
  if (context === undefined) return [];
  const calendar = ctx.calendars.forRegion(context.region);
  const localDay = (instant: string | undefined) => (instant !== undefined ? calendar.localDate(new Date(instant)) : undefined);
  const meetingOn = context.meetingId !== undefined ? localDay(context.meetingScheduledFor) : undefined;
  const conditions = blockingConditions(context);
  const staffAdvisedOn = localDay(context.staffAdvisedAt);
  const notAgreed = attendeesNoLongerAgreed(context);
  return [
    consentRequired(context),
    conditions.length > 0 &&
      NoContactConditionNotAmended({ conditions, ...(staffAdvisedOn !== undefined ? { staffAdvisedOn } : {}), ...(meetingOn !== undefined ? { meetingOn } : {}) }),
    notAgreed.length > 0 && meetingOn !== undefined && SupportPersonNoLongerAgreed({ ids: notAgreed, meetingOn }),
  ];
}

/** Why CSC staff cannot be advised of the dialogue: no Parole Board condition awaits amendment, or a party does not consent now. */
function adviceRefusal(caseState: CaseState): DomainError | undefined {
  const context = beforeDialogue(caseState);
  if (context === undefined) return undefined;
  return brokenRules([
    !paroleBoardConditionInPlace(context) && ConditionNotInPlace({ condition: 'paroleBoardNoContactCondition' }),
    consentRequired(context),
  ]);
}

/**
 * The Restorative Justice Unit receives every referral, assesses intake, assigns mediators, keeps
 * the no-contact conditions (the protocols refer every request for communication under one to the
 * unit) and closes cases; the mediator assigned to a case does the mediation itself — preparing
 * each party, the model, the meeting they reserve with the institution, the dialogue, the follow-up,
 * a party's withdrawal — and the unit may record those too.
 */
const commands = commandsFrom(RestorativeOpportunitiesCommand, {
  ReceiveReferral: {
    grants: grants.rju,
    primaryEvent: 'ReferralReceived',
  },
  BeginIntakeAssessment: {
    grants: grants.rju,
    primaryEvent: 'IntakeAssessmentBegun',
  },
  AssessIntake: {
    grants: grants.rju,
    primaryEvent: 'IntakeAssessed',
  },
  AssignMediator: {
    grants: grants.rju,
    assigns: true,
    primaryEvent: 'MediatorAssigned',
  },
  ReassignCase: {
    grants: grants.rju,
    assigns: true,
    primaryEvent: 'CaseReassigned',
  },
  RecordNoContactCondition: {
    grants: grants.rju,
    primaryEvent: 'NoContactConditionRecorded',
  },
  RecordConditionAmended: {
    grants: grants.rju,
    primaryEvent: 'NoContactConditionAmended',
  },
  RecordConditionEnded: {
    grants: grants.rju,
    primaryEvent: 'NoContactConditionEnded',
  },
  // The unit advises CSC staff (protocols, 2.d); the mediator arranges the meeting meanwhile.
  AdviseStaffOfDialogue: {
    grants: grants.rju,
    primaryEvent: 'StaffAdvisedOfDialogue',
    refusal: adviceRefusal,
  },
  RecordPreparation: {
    grants: grants.rjuOrAssignedMediator,
    primaryEvent: 'PreparationSessionHeld',
  },
  AgreeSupportPerson: {
    grants: grants.rjuOrAssignedMediator,
    primaryEvent: 'SupportPersonAgreed',
  },
  WithdrawSupportPersonAgreement: {
    grants: grants.rjuOrAssignedMediator,
    primaryEvent: 'SupportPersonAgreementWithdrawn',
  },
  SelectModel: {
    grants: grants.rjuOrAssignedMediator,
    primaryEvent: 'ModelSelected',
    refusal: modelRefusal,
  },
  ArrangeMeeting: {
    grants: grants.rjuOrAssignedMediator,
    primaryEvent: 'MeetingArranged',
    // Consent, the conditions, and every rule of the meeting proposed, at once.
    refusal: (state, data, ctx) => {
      const refused = brokenRules(arrangementRefusals(state));
      return refused && brokenRules([refused, ...meetingRules(data as Data<'ArrangeMeeting'>, roContext(state as State), ctx)]);
    },
  },
  RecordDialogue: {
    grants: grants.rjuOrAssignedMediator,
    primaryEvent: 'DialogueHeld',
    refusal: (state, data, ctx) => {
      const refused = brokenRules(dialogueRefusals(state, ctx));
      return refused && brokenRules([refused, ...dialogueTimeRules(data as Data<'RecordDialogue'>, roContext(state as State), ctx)]);
    },
  },
  BeginFollowUp: {
    grants: grants.rjuOrAssignedMediator,
    primaryEvent: 'FollowUpBegun',
  },
  RecordFollowUp: {
    grants: grants.rjuOrAssignedMediator,
    primaryEvent: 'FollowUpSessionHeld',
  },
  CloseCase: {
    grants: grants.rju,
    primaryEvent: 'CaseClosed',
  },
  DetermineNotSuitable: {
    grants: grants.rju,
    primaryEvent: 'CaseDeterminedNotSuitable',
  },
  Withdraw: {
    grants: grants.rjuOrAssignedMediator,
    primaryEvent: 'ParticipationWithdrawn',
  },
});

const events = eventsFrom(RestorativeOpportunitiesEvent, {
  ReferralReceived: {
    personalData: [
      { subject: 'victim.subjectId', fields: ['victim.name', 'victim.contact'] },
      { subject: 'offender.subjectId', fields: ['offender.name', 'offender.contact', 'offender.fpsNumber', 'referredBy.site'] },
      // Only in referrals from a victim representative.
      { subject: 'representative.subjectId', fields: ['representative.name', 'representative.contact'] },
    ],
    search: ['victim.name', 'offender.name', 'offender.fpsNumber', 'representative.name'],
  },
  CaseReassigned: {
    // Why (leave, workload, a conflict of interest) is about the person replaced.
    personalData: [{ subject: 'previousAssigneeId', fields: ['reason'] }],
  },
  PreparationSessionHeld: {
    personalData: [{ subject: 'subjectId', fields: ['notes'] }],
  },
  SupportPersonAgreed: {
    personalData: [{ subject: 'person.subjectId', fields: ['person.name', 'person.contact'] }],
  },
  MeetingArranged: {
    // Where the meeting is held tells where the offender is.
    personalData: [{ subject: 'offenderId', fields: ['venue.site'] }],
  },
  FollowUpSessionHeld: {
    personalData: [{ subject: 'subjectId', fields: ['notes'] }],
  },
  ParticipationWithdrawn: {
    personalData: [{ subject: 'subjectId', fields: ['note'] }],
    ends: 'subjectId',
  },
});

/** What lists show of a case: where the referral came from, whether contact is barred, the model and the dialogues held; never who the parties are. */
const CaseDetails = z.strictObject({
  /** Who asked for the referral: the branches of ReferralReceived (a direct request by an offender is refused, never recorded). */
  referralSource: z.enum(['victim', 'victimRepresentative', 'institutional', 'community']).nullable(),
  /** `inPlace`: a no-contact condition blocks any exchange; `facilitationPermitted`: every condition allows the program to facilitate. */
  noContactCondition: z.enum(['inPlace', 'facilitationPermitted', 'none']),
  model: MediationModel.nullable(),
  dialoguesHeld: z.number().int(),
});

// A person's name or contact details corrected, at their request or because they were recorded wrong.
const correction = personalInformationCorrection({ events, labels: restorativeOpportunitiesLabels, grants: grants.rjuOrAssignedMediator, describing: ['pseudonym'] });

/**
 * Victim-offender mediation in CSC's Restorative Opportunities program. Its content is
 * confidential to the NHQ Restorative Justice Unit: the summary holds no participant information,
 * and no narrative of the process.
 */
export const restorativeOpportunitiesWorkflow: WorkflowDefinition<RestorativeOpportunitiesSnapshot> = {
  name: 'restorative-opportunities',
  version: 1,
  category: 'restorativeOpportunities',
  referencePrefix: 'RO',
  labels: correction.labels,
  // RO case content stays with the Restorative Justice Unit (DESIGN.md §7).
  readScope: readScopes.confidentialToRju,
  machine: restorativeOpportunitiesMachine,
  openingCommand: 'ReceiveReferral',
  commands: [...commands, correction.command],
  events: [...events, correction.event],
  decide,
  demo: restorativeOpportunitiesDemo,
  details: CaseDetails,
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
      } satisfies z.infer<typeof CaseDetails>,
    };
  },
};
