import { and, assertEvent, assign, setup, type SnapshotFrom } from 'xstate';
import type { ClockEvent } from '../../domain/clocks/events';
import { acceptClockEvents } from '../../domain/clocks/machine';
import type { MachineEvent } from '../../domain/envelope';
import { DEFAULT_REGION, type RegionCode } from '../../domain/regions';
import type {
  Anonymity,
  EngagementDelivery,
  EngagementSetting,
  GoalsMet,
  InputUse,
  OfficialLanguage,
  OptInChannel,
  ParticipationOption,
  PreparationTopic,
  StayConnected,
} from './commands';
import type { RestorativeEngagementEvent } from './events';

/** One engagement of phase 2, as far as guards, `decide` and `summarize` need it. */
export interface EngagementFacts {
  readonly engagementId: string;
  readonly option: ParticipationOption;
  readonly delivery: EngagementDelivery;
  readonly setting: EngagementSetting;
  readonly status: 'scheduled' | 'held' | 'cancelled';
  readonly submitted: boolean;
  /** When the class member consented to its submission. */
  readonly consentGivenAt?: string;
  /** When the class member took that consent back: the sharing is no longer to be used. */
  readonly consentWithdrawnAt?: string;
  /** The Defence representative cohort an engagement session is with, by its case id. */
  readonly cohortId?: string;
}

/** What the class member chose in phase 2: the options, how and with whom, and their anonymity preference. */
export interface ParticipationChoices {
  readonly options: readonly ParticipationOption[];
  readonly deliveries: readonly EngagementDelivery[];
  readonly settings: readonly EngagementSetting[];
  readonly anonymity: Anonymity;
}

/** Folded from event data. No personal information: the class member appears only as an opaque subject id. */
export interface RestorativeEngagementContext {
  readonly region: RegionCode;
  readonly channel?: OptInChannel;
  /** When the opt-in was received: no fact of the case is dated before it. */
  readonly optInReceivedAt?: string;
  readonly classMemberId?: string;
  readonly officialLanguage?: OfficialLanguage;
  /** The restorative practitioners assigned now: one, or two depending on the class member's needs. */
  readonly practitionerIds: readonly string[];
  readonly preparationSessions: number;
  readonly topicsCovered: readonly PreparationTopic[];
  readonly goalsSet: boolean;
  readonly participation?: ParticipationChoices;
  readonly engagements: readonly EngagementFacts[];
  /** The round of phase 2: 1 the first time, one more each time the class member returns to it from phase 3. */
  readonly round: number;
  /** The reflection of the current phase 3; cleared when the class member returns to phase 2. */
  readonly reflection?: { readonly goalsMet: GoalsMet; readonly followUpConsent: boolean };
  /** Phase 3 was reached once: the class member has been asked how their input is to be used, and decides it from then on. */
  readonly reachedReflection?: true;
  /** The class member's latest word on their goals: at reflection, closing or follow-up. */
  readonly goalsMet?: GoalsMet;
  readonly followUpDueOn?: string;
  readonly followUpEarliestOn?: string;
  /** How the class member wants their input used, as last said (at a reflection whose goals were met, or revised since). */
  readonly inputUse?: readonly InputUse[];
  /** Whether they stay connected with the program, as last said. */
  readonly stayConnected?: StayConnected;
  /** While the class member is withdrawn: the stage they withdrew from, which decides where a resumption leads. */
  readonly withdrawnFrom?: string;
}

export type RestorativeEngagementMachineEvent = (RestorativeEngagementEvent | ClockEvent) & {
  readonly meta: MachineEvent['meta'];
};

/** What phase 1 must have covered before the class member moves on to engagement. */
export type PreparationItem = 'meeting' | 'confidentialityLimits' | 'goals';

/**
 * Phase 1: the class member meets their practitioner, learns about the program, its options and the
 * limits of confidentiality, and sets goals. Engagement starts only after all three.
 */
export function missingPreparation(context: RestorativeEngagementContext): PreparationItem[] {
  const missing: PreparationItem[] = [];
  if (context.preparationSessions === 0) missing.push('meeting');
  if (!context.topicsCovered.includes('confidentialityLimits')) missing.push('confidentialityLimits');
  if (!context.goalsSet) missing.push('goals');
  return missing;
}

export function engagementsIn(context: RestorativeEngagementContext, status: EngagementFacts['status']): EngagementFacts[] {
  return context.engagements.filter((engagement) => engagement.status === status);
}

/** Held written or recorded sharings the class member has not (yet) consented to submit. */
export function sharingsToSubmit(context: RestorativeEngagementContext): EngagementFacts[] {
  return engagementsIn(context, 'held').filter((e) => e.option !== 'engagementSession' && !e.submitted);
}

/** Submitted sharings whose consent stands: the program may use them. */
export function sharingsInUse(context: RestorativeEngagementContext): EngagementFacts[] {
  return context.engagements.filter((e) => e.submitted && e.consentWithdrawnAt === undefined);
}

/** Submitted sharings whose consent the class member withdrew: no longer to be used. */
export function sharingsWithdrawn(context: RestorativeEngagementContext): EngagementFacts[] {
  return context.engagements.filter((e) => e.submitted && e.consentWithdrawnAt !== undefined);
}

/** Phase 2 can end once something took place and nothing is left scheduled. */
export function engagementsSettled(context: RestorativeEngagementContext): boolean {
  return engagementsIn(context, 'held').length > 0 && engagementsIn(context, 'scheduled').length === 0;
}

const initialContext: RestorativeEngagementContext = {
  region: DEFAULT_REGION,
  practitionerIds: [],
  preparationSessions: 0,
  topicsCovered: [],
  goalsSet: false,
  engagements: [],
  round: 0,
};

const updateEngagement = (
  engagements: readonly EngagementFacts[],
  engagementId: string,
  change: Partial<Pick<EngagementFacts, 'status' | 'submitted' | 'cohortId' | 'consentGivenAt' | 'consentWithdrawnAt'>>,
): EngagementFacts[] => engagements.map((e) => (e.engagementId === engagementId ? { ...e, ...change } : e));

/**
 * The Restorative Engagement lifecycle of one class member (DESIGN.md §4, seeds 000 and 001): opt-in
 * -> confirmation -> practitioner assigned -> phase 1 preparation -> phase 2 engagement (choose
 * options, then any number of engagements) -> phase 3 reflection (back to phase 2 if goals are not
 * met) -> completed, possibly after a consented follow-up. Withdrawal is possible from every state,
 * completed included, and a withdrawn class member may ask to take part again. Consent to a
 * submitted sharing, and the phase-3 choices on the use of their input, stay the class member's to
 * change in every state after them (notes.md): so no state is final.
 */
export const restorativeEngagementMachine = setup({
  types: {
    context: {} as RestorativeEngagementContext,
    events: {} as RestorativeEngagementMachineEvent,
  },
  guards: {
    // Opened and not withdrawn: what every stage of a class member's participation shares.
    participating: ({ context }) => context.classMemberId !== undefined && context.withdrawnFrom === undefined,
    assigned: ({ context }) => context.practitionerIds.length > 0,
    withdrewBeforeConfirming: ({ context }) => context.withdrawnFrom === 'optInReceived',
    withdrewAwaitingPractitioner: ({ context }) => context.withdrawnFrom === 'awaitingPractitioner',
    withdrewInPhase1: ({ context }) => context.withdrawnFrom === 'phase1',
    withdrewInPhase2: ({ context }) => context.withdrawnFrom?.startsWith('phase2') === true,
    withdrewInPhase3OrLater: ({ context }) => context.withdrawnFrom === 'phase3' || context.withdrawnFrom === 'followUpScheduled',
    withdrewAfterCompleting: ({ context }) => context.withdrawnFrom === 'completed',
    hasSharingInUse: ({ context }) => sharingsInUse(context).length > 0,
    reachedReflection: ({ context }) => context.reachedReflection === true,
    preparationReady: ({ context }) => missingPreparation(context).length === 0,
    hasScheduledEngagement: ({ context }) => engagementsIn(context, 'scheduled').length > 0,
    hasSharingToSubmit: ({ context }) => sharingsToSubmit(context).length > 0,
    engagementsSettled: ({ context }) => engagementsSettled(context),
    reflected: ({ context }) => context.reflection !== undefined,
    goalsNotMet: ({ context }) => context.reflection !== undefined && context.reflection.goalsMet !== 'met',
    // Reads event data: a probe without data (domain/fold.ts) falls through to the next transition.
    followUpPlanned: ({ event }) => event.type === 'EngagementClosed' && event.data.followUpDueOn !== undefined,
  },
  actions: {
    recordOptIn: assign(({ event }) => {
      assertEvent(event, 'OptInReceived');
      const d = event.data;
      return {
        region: d.region,
        channel: d.channel,
        optInReceivedAt: d.receivedAt,
        classMemberId: d.classMember.subjectId,
        ...(d.officialLanguage ? { officialLanguage: d.officialLanguage } : {}),
      };
    }),
    recordConfirmation: assign(({ event }) => {
      assertEvent(event, 'ParticipationConfirmed');
      return { officialLanguage: event.data.officialLanguage };
    }),
    recordAssignment: assign(({ event }) => {
      assertEvent(event, ['PractitionerAssigned', 'PractitionersReassigned']);
      return { practitionerIds: event.data.practitionerIds };
    }),
    recordPreparationSession: assign(({ context, event }) => {
      assertEvent(event, 'PreparationSessionHeld');
      const covered = new Set([...context.topicsCovered, ...event.data.topics]);
      return { preparationSessions: context.preparationSessions + 1, topicsCovered: [...covered] };
    }),
    recordGoals: assign({ goalsSet: true }),
    beginEngagement: assign({ round: 1 }),
    recordChoices: assign(({ event }) => {
      assertEvent(event, 'ParticipationChosen');
      const { options, deliveries, settings, anonymity } = event.data;
      return { participation: { options, deliveries, settings, anonymity } };
    }),
    recordScheduled: assign(({ context, event }) => {
      assertEvent(event, 'EngagementScheduled');
      const { engagementId, option, delivery, setting, cohortId } = event.data;
      return {
        engagements: [
          ...context.engagements,
          { engagementId, option, delivery, setting, status: 'scheduled' as const, submitted: false, ...(cohortId !== undefined ? { cohortId } : {}) },
        ],
      };
    }),
    recordOutcome: assign(({ context, event }) => {
      assertEvent(event, 'EngagementRecorded');
      const { engagementId, outcome, cohortId } = event.data;
      return { engagements: updateEngagement(context.engagements, engagementId, { status: outcome, ...(cohortId !== undefined ? { cohortId } : {}) }) };
    }),
    recordSubmission: assign(({ context, event }) => {
      assertEvent(event, 'SharingSubmitted');
      return { engagements: updateEngagement(context.engagements, event.data.engagementId, { submitted: true, consentGivenAt: event.data.consentGivenAt }) };
    }),
    recordConsentWithdrawal: assign(({ context, event }) => {
      assertEvent(event, 'SharingConsentWithdrawn');
      const { engagementId, consentWithdrawnAt } = event.data;
      return { engagements: updateEngagement(context.engagements, engagementId, { consentWithdrawnAt }) };
    }),
    recordInputChoices: assign(({ event }) => {
      assertEvent(event, 'InputChoicesRevised');
      const { inputUse, stayConnected } = event.data;
      return { ...(inputUse !== undefined ? { inputUse } : {}), ...(stayConnected !== undefined ? { stayConnected } : {}) };
    }),
    recordReflectionReached: assign({ reachedReflection: true as const }),
    recordReflection: assign(({ event }) => {
      assertEvent(event, 'ReflectionRecorded');
      const { goalsMet, followUpConsent, inputUse, stayConnected } = event.data;
      return {
        reflection: { goalsMet, followUpConsent },
        goalsMet,
        ...(inputUse !== undefined ? { inputUse } : {}),
        ...(stayConnected !== undefined ? { stayConnected } : {}),
      };
    }),
    recordReturn: assign(({ event }) => {
      assertEvent(event, 'ReturnedToEngagement');
      return { round: event.data.round, reflection: undefined };
    }),
    recordClosing: assign(({ event }) => {
      assertEvent(event, 'EngagementClosed');
      const { goalsMet, followUpDueOn, followUpEarliestOn } = event.data;
      return {
        goalsMet,
        ...(followUpDueOn !== undefined ? { followUpDueOn, followUpEarliestOn: followUpEarliestOn ?? followUpDueOn } : {}),
      };
    }),
    recordWithdrawal: assign(({ event }) => {
      assertEvent(event, 'ParticipationWithdrawn');
      return { withdrawnFrom: event.data.stage };
    }),
    // Back to the stage withdrawn from, with what was scheduled then cancelled and the reflection to be made anew.
    recordResumption: assign(({ context, event }) => {
      assertEvent(event, 'ParticipationResumed');
      const cancelled = new Set(event.data.cancelledEngagementIds);
      // Back to completed, the process stays as it ended: its reflection and follow-up included.
      const ended = event.data.resumedIn === 'completed';
      return {
        withdrawnFrom: undefined,
        ...(ended ? {} : { reflection: undefined, followUpDueOn: undefined, followUpEarliestOn: undefined }),
        engagements: context.engagements.map((e) => (cancelled.has(e.engagementId) ? { ...e, status: 'cancelled' as const } : e)),
      };
    }),
    recordFollowUp: assign(({ context, event }) => {
      assertEvent(event, 'FollowUpRecorded');
      return { goalsMet: event.data.goalsMet ?? context.goalsMet };
    }),
  },
}).createMachine({
  id: 'restorativeEngagement',
  context: initialContext,
  initial: 'new',
  on: {
    ...acceptClockEvents,
    // "Participation is completely voluntary, and you can change your mind about participating at any time."
    ParticipationWithdrawn: { guard: 'participating', target: '.withdrawn', actions: 'recordWithdrawal' },
    // A supervisor may hand the case to other practitioners at any stage once it has some.
    PractitionersReassigned: { guard: and(['assigned', 'participating']), actions: 'recordAssignment' },
    // "Class members are in control of the information they provide": in every state after a submission.
    SharingConsentWithdrawn: { guard: 'hasSharingInUse', actions: 'recordConsentWithdrawal' },
    InputChoicesRevised: { guard: 'reachedReflection', actions: 'recordInputChoices' },
  },
  states: {
    new: {
      on: { OptInReceived: { target: 'optInReceived', actions: 'recordOptIn' } },
    },
    /** Interest indicated; the program has yet to reach the class member. */
    optInReceived: {
      on: { ParticipationConfirmed: { target: 'awaitingPractitioner', actions: 'recordConfirmation' } },
    },
    awaitingPractitioner: {
      on: { PractitionerAssigned: { target: 'phase1', actions: 'recordAssignment' } },
    },
    /** Preparation. The class member is never asked to share their experience here. */
    phase1: {
      on: {
        PreparationSessionHeld: { actions: 'recordPreparationSession' },
        GoalsSet: { actions: 'recordGoals' },
        PreparationCompleted: { guard: 'preparationReady', target: 'phase2', actions: 'beginEngagement' },
      },
    },
    /** Engagement: choose how to take part, then any number of engagements. */
    phase2: {
      initial: 'choosingOptions',
      states: {
        choosingOptions: {
          on: { ParticipationChosen: { target: 'engaging', actions: 'recordChoices' } },
        },
        engaging: {
          on: {
            ParticipationChosen: { actions: 'recordChoices' },
            EngagementScheduled: { actions: 'recordScheduled' },
            EngagementRecorded: { guard: 'hasScheduledEngagement', actions: 'recordOutcome' },
            SharingSubmitted: { guard: 'hasSharingToSubmit', actions: 'recordSubmission' },
            EngagementPhaseCompleted: { guard: 'engagementsSettled', target: '#restorativeEngagement.phase3', actions: 'recordReflectionReached' },
          },
        },
      },
    },
    /** Reflection: were the class member's goals met? */
    phase3: {
      on: {
        ReflectionRecorded: { actions: 'recordReflection' },
        GoalsSet: { actions: 'recordGoals' },
        ReturnedToEngagement: { guard: 'goalsNotMet', target: 'phase2.engaging', actions: 'recordReturn' },
        EngagementClosed: [
          { guard: and(['reflected', 'followUpPlanned']), target: 'followUpScheduled', actions: 'recordClosing' },
          { guard: 'reflected', target: 'completed', actions: 'recordClosing' },
        ],
      },
    },
    /** Closed with the class member's consent to be contacted again some time after the process. */
    followUpScheduled: {
      on: { FollowUpRecorded: { target: 'completed', actions: 'recordFollowUp' } },
    },
    /**
     * The process is over, but the class member's word on their input is not: they may still withdraw
     * consent to a sharing, revise their choices, or withdraw. Not final, so that the case accepts it;
     * tagged `closed`, so that it leaves caseloads and open counts as a final state does.
     */
    completed: { tags: ['closed'] },
    /**
     * The class member changed their mind. Not final: they may change it again, and the case
     * resumes where it makes sense (workflows/restorative-engagement/notes.md). Closed until then:
     * no practitioner works it, so it leaves their caseload.
     */
    withdrawn: {
      tags: ['closed'],
      on: {
        ParticipationResumed: [
          { guard: 'withdrewBeforeConfirming', target: 'optInReceived', actions: 'recordResumption' },
          { guard: 'withdrewAwaitingPractitioner', target: 'awaitingPractitioner', actions: 'recordResumption' },
          { guard: 'withdrewInPhase1', target: 'phase1', actions: 'recordResumption' },
          { guard: 'withdrewInPhase2', target: 'phase2.choosingOptions', actions: 'recordResumption' },
          { guard: 'withdrewInPhase3OrLater', target: 'phase3', actions: 'recordResumption' },
          // The process they completed stays completed: nothing of it is to be done again.
          { guard: 'withdrewAfterCompleting', target: 'completed', actions: 'recordResumption' },
        ],
      },
    },
  },
});

export type RestorativeEngagementSnapshot = SnapshotFrom<typeof restorativeEngagementMachine>;
