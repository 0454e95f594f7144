import { assertEvent, assign, setup, type SnapshotFrom } from 'xstate';
import { acceptClockEvents } from '../../domain/clocks/machine';
import type { ClockEvent } from '../../domain/clocks/events';
import type { MachineEvent } from '../../domain/envelope';
import { DEFAULT_REGION, type RegionCode } from '../../domain/regions';
import type { Consent, MediationModel, NoContactConditionKind, Party } from './commands';
import type { ConditionStatus, RestorativeOpportunitiesEvent } from './events';

/** What guards, `decide` and `summarize` need, folded from event data. Subject ids only: no personal information. */
export interface RestorativeOpportunitiesContext {
  readonly region: RegionCode;
  readonly source?: 'victim' | 'victimRepresentative' | 'institutional' | 'community';
  /** When the program received the referral (UTC): no fact of the case is dated before it. */
  readonly referralReceivedAt?: string;
  readonly victimId?: string;
  readonly offenderId?: string;
  readonly intakeOfficerId?: string;
  readonly mediatorId?: string;
  readonly intakeAssessed: boolean;
  /** Court non-communication orders and Parole Board no-contact conditions known on the case. */
  readonly conditions: Readonly<Partial<Record<NoContactConditionKind, ConditionStatus>>>;
  /** Each party's standing word on communicating with the other: only `given` lets them communicate. */
  readonly consent: Readonly<Record<Party, Consent>>;
  /** Support persons whose presence all participants agreed to, and still agree to. */
  readonly supportPersonIds: readonly string[];
  /**
   * When the Restorative Justice Unit advised CSC staff of the upcoming dialogue, so that they
   * recommend amending the Parole Board condition (UTC); cleared when that condition changes.
   */
  readonly staffAdvisedAt?: string;
  readonly model?: MediationModel;
  readonly meetingId?: string;
  /** When the meeting `meetingId` is scheduled for (UTC); cleared with it. */
  readonly meetingScheduledFor?: string;
  /** The support persons the meeting `meetingId` names as attending; cleared with it. */
  readonly meetingSupportPersonIds: readonly string[];
  readonly dialoguesHeld: number;
}

export type RestorativeOpportunitiesMachineEvent = (RestorativeOpportunitiesEvent | ClockEvent) & {
  readonly meta: MachineEvent['meta'];
};

/**
 * Face-to-face meetings and group conferences bring the parties together in one room, which the
 * mediator arranges with the institution or parole office; the other models are exchanges the
 * mediator carries.
 */
export const MODEL_NEEDS_MEETING: Readonly<Record<MediationModel, boolean>> = {
  faceToFace: true,
  groupConference: true,
  letterExchange: false,
  videoExchange: false,
  shuttleMediation: false,
};

/**
 * The conditions that still forbid the victim and the offender to communicate. While one is in
 * place, no model may bring them into communication: every one of them reaches the other party (a
 * meeting, their own letters or recordings, or messages the mediator relays), and a court
 * non-communication order forbids communicating "directly or indirectly" (Criminal Code s. 743.21),
 * as no-contact conditions commonly do. Only the mediator's separate meetings with each party stay
 * allowed: "a meeting between an offender and a Restorative Opportunities Mediator is not
 * considered a breach" (protocols).
 */
export function blockingConditions(context: RestorativeOpportunitiesContext): NoContactConditionKind[] {
  return (Object.entries(context.conditions) as [NoContactConditionKind, ConditionStatus][])
    .filter(([, status]) => status === 'inPlace')
    .map(([kind]) => kind);
}

export const communicationPermitted = (context: RestorativeOpportunitiesContext): boolean =>
  blockingConditions(context).length === 0;

export const missingConsents = (context: RestorativeOpportunitiesContext): Party[] =>
  (['victim', 'offender'] as const).filter((party) => context.consent[party] !== 'given');

const bothConsent = (context: RestorativeOpportunitiesContext): boolean => missingConsents(context).length === 0;

/** The support persons the arranged meeting names whose presence is no longer agreed: it cannot be held with them. */
export const attendeesNoLongerAgreed = (context: RestorativeOpportunitiesContext): string[] =>
  context.meetingSupportPersonIds.filter((id) => !context.supportPersonIds.includes(id));

/** A Parole Board condition in place awaits the amendment that CSC staff recommend once advised (protocols, 2.d). */
export const paroleBoardConditionInPlace = (context: RestorativeOpportunitiesContext): boolean =>
  context.conditions.paroleBoardNoContactCondition === 'inPlace';

/** A change to the Parole Board condition answers the advice given about it. */
const adviceAnswered = (kind: NoContactConditionKind) => (kind === 'paroleBoardNoContactCondition' ? { staffAdvisedAt: undefined } : {});

/** The context of a case with no meeting arranged: one held, called off or replaced by another model. */
const NO_MEETING = { meetingId: undefined, meetingScheduledFor: undefined, meetingSupportPersonIds: [] } as const;

const initialContext: RestorativeOpportunitiesContext = {
  region: DEFAULT_REGION,
  intakeAssessed: false,
  conditions: {},
  consent: { victim: 'notYet', offender: 'notYet' },
  supportPersonIds: [],
  meetingSupportPersonIds: [],
  dialoguesHeld: 0,
};

/**
 * Victim-offender mediation in CSC's Restorative Opportunities program (DESIGN.md §4): a referral
 * reaches the NHQ Restorative Justice Unit, which assesses it and assigns a mediator; the mediator
 * prepares each party separately until both consent; a model is selected (a meeting is arranged
 * for face-to-face and group conferences); the dialogue is held, followed up, and the case closed.
 * Participation is voluntary for everyone at every stage: a party may take their consent back, which
 * holds the steps that bring the parties into communication until they give it again, or withdraw.
 */
export const restorativeOpportunitiesMachine = setup({
  types: {
    context: {} as RestorativeOpportunitiesContext,
    events: {} as RestorativeOpportunitiesMachineEvent,
  },
  guards: {
    caseOpened: ({ context }) => context.victimId !== undefined,
    hasAssignee: ({ context }) => context.intakeOfficerId !== undefined,
    intakeAssessed: ({ context }) => context.intakeAssessed,
    contactRestricted: ({ context }) => !communicationPermitted(context),
    communicationPermitted: ({ context }) => communicationPermitted(context),
    bothConsented: ({ context }) => bothConsent(context),
    // Reserving the date, time and room does not bring the parties into communication: it may be
    // done while a condition awaits its amendment ("In preparation for an upcoming meeting… the
    // mediator will contact institutional staff… to arrange for the reservation of date, time and
    // meeting space"); holding the meeting waits for the amendment.
    meetingCanBeArranged: ({ context }) => context.model !== undefined && MODEL_NEEDS_MEETING[context.model] && bothConsent(context),
    meetingCanBeHeld: ({ context }) => communicationPermitted(context) && attendeesNoLongerAgreed(context).length === 0,
    staffCanBeAdvised: ({ context }) => paroleBoardConditionInPlace(context) && bothConsent(context),
    hasSupportPersons: ({ context }) => context.supportPersonIds.length > 0,
    exchangeCanBeHeld: ({ context }) =>
      context.model !== undefined && !MODEL_NEEDS_MEETING[context.model] && bothConsent(context) && communicationPermitted(context),
    // Reads the event: a probe without data is a session that keeps the meeting.
    consentTakenBack: ({ event }) => event.type === 'PreparationSessionHeld' && event.data.consent === 'takenBack',
    conditionRecorded: ({ context }) => Object.keys(context.conditions).length > 0,
    // Reads the event, not the context: a probe without data falls through to the suitable branch.
    assessedNotSuitable: ({ event }) => event.type === 'IntakeAssessed' && event.data.outcome === 'notSuitable',
  },
  actions: {
    recordReferral: assign(({ event }) => {
      assertEvent(event, 'ReferralReceived');
      return {
        region: event.data.region,
        source: event.data.source,
        referralReceivedAt: event.data.receivedAt,
        victimId: event.data.victim.subjectId,
        offenderId: event.data.offender.subjectId,
      };
    }),
    assignIntakeOfficer: assign(({ event }) => {
      assertEvent(event, 'IntakeAssessmentBegun');
      return { intakeOfficerId: event.data.intakeOfficerId };
    }),
    recordIntake: assign(({ event }) => {
      assertEvent(event, 'IntakeAssessed');
      return {
        intakeAssessed: true,
        conditions: Object.fromEntries(event.data.noContactConditions.map((c) => [c.kind, c.status])),
      };
    }),
    assignMediator: assign(({ event }) => {
      assertEvent(event, 'MediatorAssigned');
      return { mediatorId: event.data.mediatorId };
    }),
    reassign: assign(({ event }) => {
      assertEvent(event, 'CaseReassigned');
      return event.data.assignment === 'mediator'
        ? { mediatorId: event.data.assigneeId }
        : { intakeOfficerId: event.data.assigneeId };
    }),
    recordCondition: assign(({ context, event }) => {
      assertEvent(event, 'NoContactConditionRecorded');
      return { conditions: { ...context.conditions, [event.data.kind]: event.data.status }, ...adviceAnswered(event.data.kind) };
    }),
    amendCondition: assign(({ context, event }) => {
      assertEvent(event, 'NoContactConditionAmended');
      return { conditions: { ...context.conditions, [event.data.kind]: 'facilitationPermitted' as const }, ...adviceAnswered(event.data.kind) };
    }),
    endCondition: assign(({ context, event }) => {
      assertEvent(event, 'NoContactConditionEnded');
      return {
        conditions: Object.fromEntries(Object.entries(context.conditions).filter(([kind]) => kind !== event.data.kind)),
        ...adviceAnswered(event.data.kind),
      };
    }),
    recordStaffAdvised: assign(({ event }) => {
      assertEvent(event, 'StaffAdvisedOfDialogue');
      return { staffAdvisedAt: event.data.advisedAt };
    }),
    recordPreparation: assign(({ context, event }) => {
      assertEvent(event, 'PreparationSessionHeld');
      // `notYet` changes nothing: the party still has not consented. Before `takenBack` existed, a
      // `notYet` after `given` left the consent standing, and the cases recorded so replay as they were.
      if (event.data.consent === 'notYet') return {};
      const consent = { ...context.consent, [event.data.party]: event.data.consent };
      return event.data.consent === 'takenBack' ? { consent, ...NO_MEETING } : { consent };
    }),
    recordSupportPerson: assign(({ context, event }) => {
      assertEvent(event, 'SupportPersonAgreed');
      return { supportPersonIds: [...context.supportPersonIds, event.data.person.subjectId] };
    }),
    withdrawSupportPerson: assign(({ context, event }) => {
      assertEvent(event, 'SupportPersonAgreementWithdrawn');
      return { supportPersonIds: context.supportPersonIds.filter((id) => id !== event.data.personId) };
    }),
    selectModel: assign(({ event }) => {
      assertEvent(event, 'ModelSelected');
      return { model: event.data.model, ...NO_MEETING };
    }),
    arrangeMeeting: assign(({ event }) => {
      assertEvent(event, 'MeetingArranged');
      return { meetingId: event.data.meetingId, meetingScheduledFor: event.data.scheduledFor, meetingSupportPersonIds: event.data.supportPersonIds };
    }),
    recordDialogue: assign(({ context }) => ({ dialoguesHeld: context.dialoguesHeld + 1, ...NO_MEETING })),
  },
}).createMachine({
  id: 'restorativeOpportunities',
  context: initialContext,
  initial: 'awaitingReferral',
  on: {
    ...acceptClockEvents,
    // "Participation in the RO Program is voluntary for all participants", at every stage.
    ParticipationWithdrawn: { guard: 'caseOpened', target: '.withdrawn' },
    CaseReassigned: { guard: 'hasAssignee', actions: 'reassign' },
    NoContactConditionRecorded: { guard: 'intakeAssessed', actions: 'recordCondition' },
    NoContactConditionAmended: { guard: 'contactRestricted', actions: 'amendCondition' },
    NoContactConditionEnded: { guard: 'conditionRecorded', actions: 'endCondition' },
  },
  states: {
    awaitingReferral: {
      on: { ReferralReceived: { target: 'referralReceived', actions: 'recordReferral' } },
    },
    referralReceived: {
      on: { IntakeAssessmentBegun: { target: 'intakeAssessment', actions: 'assignIntakeOfficer' } },
    },
    intakeAssessment: {
      on: {
        IntakeAssessed: [
          { guard: 'assessedNotSuitable', target: 'notSuitable', actions: 'recordIntake' },
          { target: 'awaitingMediator', actions: 'recordIntake' },
        ],
      },
    },
    awaitingMediator: {
      on: {
        MediatorAssigned: { target: 'mediatorAssigned', actions: 'assignMediator' },
        CaseDeterminedNotSuitable: { target: 'notSuitable' },
      },
    },
    mediatorAssigned: {
      on: {
        PreparationSessionHeld: { target: 'preparation', actions: 'recordPreparation' },
        CaseDeterminedNotSuitable: { target: 'notSuitable' },
      },
    },
    preparation: {
      on: {
        PreparationSessionHeld: { actions: 'recordPreparation' },
        SupportPersonAgreed: { actions: 'recordSupportPerson' },
        SupportPersonAgreementWithdrawn: { guard: 'hasSupportPersons', actions: 'withdrawSupportPerson' },
        ModelSelected: { guard: 'bothConsented', target: 'modelSelected', actions: 'selectModel' },
        CaseDeterminedNotSuitable: { target: 'notSuitable' },
      },
    },
    modelSelected: {
      on: {
        PreparationSessionHeld: { actions: 'recordPreparation' },
        SupportPersonAgreed: { actions: 'recordSupportPerson' },
        SupportPersonAgreementWithdrawn: { guard: 'hasSupportPersons', actions: 'withdrawSupportPerson' },
        StaffAdvisedOfDialogue: { guard: 'staffCanBeAdvised', actions: 'recordStaffAdvised' },
        ModelSelected: { guard: 'bothConsented', actions: 'selectModel' },
        MeetingArranged: { guard: 'meetingCanBeArranged', target: 'meetingArranged', actions: 'arrangeMeeting' },
        DialogueHeld: { guard: 'exchangeCanBeHeld', target: 'dialogueHeld', actions: 'recordDialogue' },
        CaseDeterminedNotSuitable: { target: 'notSuitable' },
      },
    },
    // Both parties consent here: a consent taken back calls the meeting off. A condition may still
    // await its amendment, which the dialogue waits for.
    meetingArranged: {
      on: {
        PreparationSessionHeld: [
          // The meeting must not take place against a party's latest word; arranged again once they consent.
          { guard: 'consentTakenBack', target: 'modelSelected', actions: 'recordPreparation' },
          { actions: 'recordPreparation' },
        ],
        SupportPersonAgreed: { actions: 'recordSupportPerson' },
        // The meeting stays reserved; if it names the person, it is held only once arranged again without them.
        SupportPersonAgreementWithdrawn: { guard: 'hasSupportPersons', actions: 'withdrawSupportPerson' },
        StaffAdvisedOfDialogue: { guard: 'staffCanBeAdvised', actions: 'recordStaffAdvised' },
        // Another model instead: the arranged meeting will not take place.
        ModelSelected: { guard: 'bothConsented', target: 'modelSelected', actions: 'selectModel' },
        // Rearranged (another date, room or attendees), whatever condition awaits its amendment.
        MeetingArranged: { actions: 'arrangeMeeting' },
        // Held only once no condition forbids contact, and with none but the support persons still agreed.
        DialogueHeld: { guard: 'meetingCanBeHeld', target: 'dialogueHeld', actions: 'recordDialogue' },
        CaseDeterminedNotSuitable: { target: 'notSuitable' },
      },
    },
    dialogueHeld: {
      on: {
        PreparationSessionHeld: { actions: 'recordPreparation' },
        SupportPersonAgreed: { actions: 'recordSupportPerson' },
        SupportPersonAgreementWithdrawn: { guard: 'hasSupportPersons', actions: 'withdrawSupportPerson' },
        // A further dialogue, by the same model or another (letters first, then a meeting).
        ModelSelected: { guard: 'bothConsented', target: 'modelSelected', actions: 'selectModel' },
        FollowUpBegun: { target: 'followUp' },
        CaseDeterminedNotSuitable: { target: 'notSuitable' },
      },
    },
    followUp: {
      on: {
        // Stays in follow-up; a targetless transition needs an action for `can` to count it.
        FollowUpSessionHeld: { actions: () => undefined },
        CaseClosed: { target: 'closed' },
      },
    },
    closed: { type: 'final' },
    withdrawn: { type: 'final' },
    notSuitable: { type: 'final' },
  },
});

export type RestorativeOpportunitiesSnapshot = SnapshotFrom<typeof restorativeOpportunitiesMachine>;
