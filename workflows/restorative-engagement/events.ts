import { z } from 'zod';
import { RegionCode } from '../../domain/regions';
import { Instant, LocalDate, recordOf, StatePath, SubjectId } from '../../domain/schemas';
import {
  Anonymity,
  CohortId,
  EngagementDelivery,
  EngagementSetting,
  GoalsMet,
  InputUse,
  OfficialLanguage,
  OptInChannel,
  ParticipationOption,
  PractitionerId,
  PreparationTopic,
  ReassignmentReason,
  ScheduledEngagementId,
  SessionDelivery,
  StayConnected,
  SubmittedSharingId,
} from './commands';

const Practitioners = z.array(PractitionerId).min(1).max(2);

/**
 * A class member asked to take part in the Restorative Engagement program. Opens the case. For a
 * written request, the last day of its 30-day window is recorded with it, and the days it was
 * counted from and judged by when they were given (events before them have neither: their window
 * counted from the decision and was judged by receipt).
 */
export const OptInReceived = z.strictObject({
  type: z.literal('OptInReceived'),
  data: z.strictObject({
    region: RegionCode,
    channel: OptInChannel,
    receivedAt: Instant,
    claimDecisionDate: LocalDate.optional(),
    /** The day the class member received the decision letter, as given: the window counts from it when later than the decision. */
    decisionLetterReceivedOn: LocalDate.optional(),
    /** The day the class member sent the request, as given: the window was judged by it, not by receipt. */
    requestSentOn: LocalDate.optional(),
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
}).meta({ description: 'A class member asked to take part. Opens the case.', descriptionFr: 'Un membre du groupe a demandé à participer. Le dossier est ouvert.' });

export const ParticipationConfirmed = z.strictObject({
  type: z.literal('ParticipationConfirmed'),
  data: z.strictObject({ confirmedAt: Instant, officialLanguage: OfficialLanguage }),
}).meta({
  description: 'The class member confirmed they take part, in the official language they chose.',
  descriptionFr: 'Le membre du groupe a confirmé sa participation, dans la langue officielle de son choix.',
});

export const PractitionerAssigned = z.strictObject({
  type: z.literal('PractitionerAssigned'),
  data: z.strictObject({ practitionerIds: Practitioners, assignedAt: Instant }),
}).meta({
  description: 'One or two restorative practitioners were assigned to the class member.',
  descriptionFr: 'Une praticienne ou un praticien en approche réparatrice, ou deux, ont été affectés au dossier du membre du groupe.',
});

export const PractitionersReassigned = z.strictObject({
  type: z.literal('PractitionersReassigned'),
  data: z.strictObject({
    practitionerIds: Practitioners,
    previousPractitionerIds: Practitioners,
    reason: ReassignmentReason,
    reassignedAt: Instant,
  }),
}).meta({
  description: 'The assigned practitioners were replaced; the previous ones are recorded.',
  descriptionFr: 'Les praticiennes et praticiens affectés au dossier ont été remplacés\u00a0; les personnes précédemment affectées sont consignées.',
});

/** A phase-1 preparation session: what it covered, never what the class member experienced. */
export const PreparationSessionHeld = z.strictObject({
  type: z.literal('PreparationSessionHeld'),
  data: z.strictObject({
    sessionId: recordOf('PreparationSessionHeld', 'sessionId'),
    heldAt: Instant,
    delivery: SessionDelivery,
    topics: z.array(PreparationTopic).min(1),
    supportPersonPresent: z.boolean(),
  }),
}).meta({ description: 'A preparation session was held with the class member.', descriptionFr: 'Une séance de préparation a été tenue avec le membre du groupe.' });

export const GoalsSet = z.strictObject({
  type: z.literal('GoalsSet'),
  data: z.strictObject({
    classMemberId: SubjectId,
    goals: z.string().min(1).max(4000),
    setAt: Instant,
  }),
}).meta({ description: 'The class member’s goals and objectives.', descriptionFr: 'Les buts et objectifs du membre du groupe.' });

export const PreparationCompleted = z.strictObject({
  type: z.literal('PreparationCompleted'),
  data: z.strictObject({ completedAt: Instant, sessionsHeld: z.number().int().positive() }),
}).meta({ description: 'Preparation (phase 1) was completed.', descriptionFr: 'La préparation (phase 1) a été terminée.' });

export const ParticipationChosen = z.strictObject({
  type: z.literal('ParticipationChosen'),
  data: z.strictObject({
    options: z.array(ParticipationOption).min(1),
    deliveries: z.array(EngagementDelivery).min(1),
    settings: z.array(EngagementSetting).min(1),
    anonymity: Anonymity,
    chosenAt: Instant,
  }),
}).meta({
  description: 'The class member chose how to take part: options, delivery, setting and anonymity.',
  descriptionFr: 'Le membre du groupe a choisi son mode de participation\u00a0: options, mode de prestation, participation individuelle ou en groupe, et anonymat.',
});

export const EngagementScheduled = z.strictObject({
  type: z.literal('EngagementScheduled'),
  data: z.strictObject({
    engagementId: ScheduledEngagementId,
    option: ParticipationOption,
    delivery: EngagementDelivery,
    setting: EngagementSetting,
    scheduledFor: Instant,
    supportPersonAttending: z.boolean(),
    cohortId: CohortId.optional(),
  }),
}).meta({
  description: 'A restorative engagement was scheduled, with the Defence representative cohort it is with, if named.',
  descriptionFr: 'Un engagement réparateur a été planifié, avec la cohorte de personnes représentantes de la Défense concernée, si elle est précisée.',
});

const EngagementOutcome = z.enum(['held', 'cancelled']);

export const EngagementRecorded = z.strictObject({
  type: z.literal('EngagementRecorded'),
  data: z.strictObject({
    engagementId: ScheduledEngagementId,
    outcome: EngagementOutcome,
    at: Instant,
    cancelledBy: z.enum(['classMember', 'program']).optional(),
    /** The cohort a held engagement session was with, when named here rather than at scheduling. */
    cohortId: CohortId.optional(),
  }),
}).meta({
  description: 'A scheduled engagement was held, or cancelled by the class member or by the program.',
  descriptionFr: 'Un engagement planifié a eu lieu, ou a été annulé par le membre du groupe ou par le programme.',
});

/** A prepared sharing went to the program, with the class member's consent given at `consentGivenAt`. */
export const SharingSubmitted = z.strictObject({
  type: z.literal('SharingSubmitted'),
  data: z.strictObject({
    engagementId: ScheduledEngagementId,
    option: ParticipationOption.exclude(['engagementSession']),
    consentGivenAt: Instant,
    anonymous: z.boolean(),
    submittedAt: Instant,
  }),
}).meta({
  description: 'A written or recorded sharing was submitted with the class member’s consent.',
  descriptionFr: 'Un témoignage écrit ou enregistré a été transmis avec le consentement du membre du groupe.',
});

export const EngagementPhaseCompleted = z.strictObject({
  type: z.literal('EngagementPhaseCompleted'),
  data: z.strictObject({
    completedAt: Instant,
    engagementsHeld: z.number().int().positive(),
    sharingsSubmitted: z.number().int().nonnegative(),
  }),
}).meta({ description: 'The engagement phase (phase 2) was completed.', descriptionFr: 'La phase d’engagement (phase 2) a été terminée.' });

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
}).meta({ description: 'The class member’s reflection in phase 3.', descriptionFr: 'La réflexion du membre du groupe à la phase 3.' });

export const ReturnedToEngagement = z.strictObject({
  type: z.literal('ReturnedToEngagement'),
  data: z.strictObject({
    returnedAt: Instant,
    /** The round of phase 2 that begins: 2 on the first return. */
    round: z.number().int().min(2),
  }),
}).meta({
  description: 'The class member returned from reflection to take part in further engagements.',
  descriptionFr: 'Le membre du groupe a quitté la phase de réflexion pour participer à d’autres engagements.',
});

export const EngagementClosed = z.strictObject({
  type: z.literal('EngagementClosed'),
  data: z.strictObject({
    closedAt: Instant,
    goalsMet: GoalsMet,
    /** Present when a follow-up was scheduled, with the class member's consent. */
    followUpDueOn: LocalDate.optional(),
    /** The first day the follow-up may be recorded on: its due date minus the tolerance in force at closing. */
    followUpEarliestOn: LocalDate.optional(),
  }),
}).meta({
  description: 'The engagement closed, with whether the goals were met and when follow-up is due.',
  descriptionFr: 'L’engagement a été clos, avec l’indication de l’atteinte ou non des objectifs et de l’échéance du suivi.',
});

export const FollowUpRecorded = z.strictObject({
  type: z.literal('FollowUpRecorded'),
  data: z.strictObject({
    outcome: z.enum(['held', 'notReached']),
    at: Instant,
    goalsMet: GoalsMet.optional(),
  }),
}).meta({ description: 'The follow-up with the class member after closing was recorded.', descriptionFr: 'Le suivi auprès du membre du groupe après la clôture a été consigné.' });

/**
 * The class member took back their consent to a sharing they had submitted: it is no longer to be
 * used. Recorded alone, or before the ParticipationWithdrawn of a withdrawal that took it back.
 */
export const SharingConsentWithdrawn = z.strictObject({
  type: z.literal('SharingConsentWithdrawn'),
  data: z.strictObject({
    engagementId: SubmittedSharingId,
    option: ParticipationOption.exclude(['engagementSession']),
    consentWithdrawnAt: Instant,
  }),
}).meta({
  description: 'The class member withdrew their consent to a sharing they had submitted: it is no longer to be used.',
  descriptionFr: 'Le membre du groupe a retiré son consentement à un témoignage transmis\u00a0: celui-ci ne doit plus être utilisé.',
});

/** The phase-3 choices, revised: only those that changed are present. */
export const InputChoicesRevised = z.strictObject({
  type: z.literal('InputChoicesRevised'),
  data: z.strictObject({
    revisedAt: Instant,
    inputUse: z.array(InputUse).optional(),
    stayConnected: StayConnected.optional(),
  }),
}).meta({
  description: 'The class member changed how their input may be used, or whether they stay connected with the program.',
  descriptionFr: 'Le membre du groupe a modifié l’utilisation permise de ses contributions, ou son choix de maintenir le lien avec le programme.',
});

export const ParticipationWithdrawn = z.strictObject({
  type: z.literal('ParticipationWithdrawn'),
  data: z.strictObject({
    withdrawnAt: Instant,
    /** The state the case was in, written by the workflow: `phase2.engaging`. */
    stage: StatePath,
    /**
     * Present when sharings the class member submitted could still be used: `withdrawn`, their consent
     * ended with their participation (a SharingConsentWithdrawn for each precedes this event), or
     * `kept`, they asked that the sharings may still be used.
     */
    sharingConsent: z.enum(['withdrawn', 'kept']).optional(),
  }),
}).meta({ description: 'The class member withdrew from the program.', descriptionFr: 'Le membre du groupe a mis fin à sa participation au programme.' });

/** A withdrawn class member asked to take part again: the case resumes at `resumedIn`. */
export const ParticipationResumed = z.strictObject({
  type: z.literal('ParticipationResumed'),
  data: z.strictObject({
    requestedAt: Instant,
    resumedAt: Instant,
    /** The stage the class member withdrew from, and the stage the case resumes in. */
    withdrawnFrom: StatePath,
    resumedIn: StatePath,
    /**
     * Engagements still scheduled when the class member withdrew: not held, so cancelled now. Empty
     * once withdrawals cancel them themselves; listed only in cases withdrawn before that.
     */
    cancelledEngagementIds: z.array(ScheduledEngagementId),
  }),
}).meta({
  description: 'A class member who had withdrawn asked to take part again; the case resumed.',
  descriptionFr: 'Après son retrait, un membre du groupe a demandé à participer de nouveau\u00a0; le dossier a repris.',
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
  SharingConsentWithdrawn,
  InputChoicesRevised,
  ParticipationWithdrawn,
  ParticipationResumed,
]);
export type RestorativeEngagementEvent = z.infer<typeof RestorativeEngagementEvent>;
