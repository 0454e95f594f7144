import { z } from 'zod';
import { RegionCode } from '../../domain/regions';
import { fieldKind, Instant, LocalDate, RecordId, SubjectId } from '../../domain/schemas';
import {
  Anonymity,
  EngagementDelivery,
  EngagementId,
  EngagementSetting,
  GoalsMet,
  InputUse,
  OfficialLanguage,
  OptInChannel,
  ParticipationOption,
  PractitionerId,
  PreparationTopic,
  ReassignmentReason,
  SessionDelivery,
  StayConnected,
} from './commands';

const Practitioners = z.array(PractitionerId).min(1).max(2);

/**
 * A class member asked to take part in the Restorative Engagement program. Opens the case. For a
 * written request, the last day of its 30-day window is recorded with it.
 */
export const OptInReceived = z.strictObject({
  type: z.literal('OptInReceived'),
  data: z.strictObject({
    region: RegionCode,
    channel: OptInChannel,
    receivedAt: Instant,
    claimDecisionDate: LocalDate.optional(),
    optInWindowLastDay: LocalDate.optional(),
    classMember: z.strictObject({
      subjectId: SubjectId,
      name: z.string().min(1).max(200).optional(),
      pseudonym: z.boolean(),
      contact: z.string().min(1).max(500).optional(),
      claimReference: z.string().min(1).max(100).optional(),
    }),
    officialLanguage: OfficialLanguage.optional(),
  }),
});

export const ParticipationConfirmed = z.strictObject({
  type: z.literal('ParticipationConfirmed'),
  data: z.strictObject({ confirmedAt: Instant, officialLanguage: OfficialLanguage }),
});

export const PractitionerAssigned = z.strictObject({
  type: z.literal('PractitionerAssigned'),
  data: z.strictObject({ practitionerIds: Practitioners, assignedAt: Instant }),
});

export const PractitionersReassigned = z.strictObject({
  type: z.literal('PractitionersReassigned'),
  data: z.strictObject({
    practitionerIds: Practitioners,
    previousPractitionerIds: Practitioners,
    reason: ReassignmentReason,
    reassignedAt: Instant,
  }),
});

/** A phase-1 preparation session: what it covered, never what the class member experienced. */
export const PreparationSessionHeld = z.strictObject({
  type: z.literal('PreparationSessionHeld'),
  data: z.strictObject({
    sessionId: RecordId,
    heldAt: Instant,
    delivery: SessionDelivery,
    topics: z.array(PreparationTopic).min(1),
    supportPersonPresent: z.boolean(),
  }),
});

export const GoalsSet = z.strictObject({
  type: z.literal('GoalsSet'),
  data: z.strictObject({
    classMemberId: SubjectId,
    goals: z.string().min(1).max(4000),
    setAt: Instant,
  }),
});

export const PreparationCompleted = z.strictObject({
  type: z.literal('PreparationCompleted'),
  data: z.strictObject({ completedAt: Instant, sessionsHeld: z.number().int().positive() }),
});

export const ParticipationChosen = z.strictObject({
  type: z.literal('ParticipationChosen'),
  data: z.strictObject({
    options: z.array(ParticipationOption).min(1),
    deliveries: z.array(EngagementDelivery).min(1),
    settings: z.array(EngagementSetting).min(1),
    anonymity: Anonymity,
    chosenAt: Instant,
  }),
});

export const EngagementScheduled = z.strictObject({
  type: z.literal('EngagementScheduled'),
  data: z.strictObject({
    engagementId: EngagementId,
    option: ParticipationOption,
    delivery: EngagementDelivery,
    setting: EngagementSetting,
    scheduledFor: Instant,
    supportPersonAttending: z.boolean(),
  }),
});

const EngagementOutcome = z.enum(['held', 'cancelled']);

export const EngagementRecorded = z.strictObject({
  type: z.literal('EngagementRecorded'),
  data: z.strictObject({
    engagementId: EngagementId,
    outcome: EngagementOutcome,
    at: Instant,
    cancelledBy: z.enum(['classMember', 'program']).optional(),
  }),
});

/** A prepared sharing went to the program, with the class member's consent given at `consentGivenAt`. */
export const SharingSubmitted = z.strictObject({
  type: z.literal('SharingSubmitted'),
  data: z.strictObject({
    engagementId: EngagementId,
    option: ParticipationOption.exclude(['engagementSession']),
    consentGivenAt: Instant,
    anonymous: z.boolean(),
    submittedAt: Instant,
  }),
});

export const EngagementPhaseCompleted = z.strictObject({
  type: z.literal('EngagementPhaseCompleted'),
  data: z.strictObject({
    completedAt: Instant,
    engagementsHeld: z.number().int().positive(),
    sharingsSubmitted: z.number().int().nonnegative(),
  }),
});

export const ReflectionRecorded = z.strictObject({
  type: z.literal('ReflectionRecorded'),
  data: z.strictObject({
    classMemberId: SubjectId,
    reflectedAt: Instant,
    goalsMet: GoalsMet,
    feedback: z.string().min(1).max(4000).optional(),
    inputUse: z.array(InputUse).optional(),
    stayConnected: StayConnected.optional(),
    followUpConsent: z.boolean(),
  }),
});

export const ReturnedToEngagement = z.strictObject({
  type: z.literal('ReturnedToEngagement'),
  data: z.strictObject({
    returnedAt: Instant,
    /** The round of phase 2 that begins: 2 on the first return. */
    round: z.number().int().min(2),
  }),
});

export const EngagementClosed = z.strictObject({
  type: z.literal('EngagementClosed'),
  data: z.strictObject({
    closedAt: Instant,
    goalsMet: GoalsMet,
    /** Present when a follow-up was scheduled, with the class member's consent. */
    followUpDueOn: LocalDate.optional(),
  }),
});

export const FollowUpRecorded = z.strictObject({
  type: z.literal('FollowUpRecorded'),
  data: z.strictObject({
    outcome: z.enum(['held', 'notReached']),
    at: Instant,
    goalsMet: GoalsMet.optional(),
  }),
});

export const ParticipationWithdrawn = z.strictObject({
  type: z.literal('ParticipationWithdrawn'),
  data: z.strictObject({
    withdrawnAt: Instant,
    /** The state the case was in, e.g. `phase2.engaging`. */
    /** The state the case was in, written by the workflow. */
    stage: fieldKind(z.string().min(1).max(100), 'code'),
  }),
});

export const RestorativeEngagementEvent = z.discriminatedUnion('type', [
  OptInReceived,
  ParticipationConfirmed,
  PractitionerAssigned,
  PractitionersReassigned,
  PreparationSessionHeld,
  GoalsSet,
  PreparationCompleted,
  ParticipationChosen,
  EngagementScheduled,
  EngagementRecorded,
  SharingSubmitted,
  EngagementPhaseCompleted,
  ReflectionRecorded,
  ReturnedToEngagement,
  EngagementClosed,
  FollowUpRecorded,
  ParticipationWithdrawn,
]);
export type RestorativeEngagementEvent = z.infer<typeof RestorativeEngagementEvent>;
