import { z } from 'zod';
import { DEFAULT_REGION, RegionCode } from '../../domain/regions';
import { withFrench } from '../../domain/validation';
import { caseOf, ChosenRecordId, ChosenSubjectId, Instant, LocalDate, recordOf, StaffId, text } from '../../domain/schemas';

/** A restorative practitioner's actor id (their login): never personal data of the class member. */
export const PractitionerId = StaffId;
export const EngagementId = ChosenRecordId;
/** An engagement the case scheduled (its id in EngagementScheduled): forms offer a pick of them. */
export const ScheduledEngagementId = recordOf('EngagementScheduled', 'engagementId');
/** A sharing the case submitted (its id in SharingSubmitted): forms offer only those. */
export const SubmittedSharingId = recordOf('SharingSubmitted', 'engagementId');
/** A Defence representative cohort's case id: the cohort links this case back by its id only. */
export const CohortId = caseOf('defence-cohort');

/** A list whose entries must differ, so that the error names the list when one repeats. */
function distinct<T extends z.ZodType>(item: T) {
  return z.array(item).refine((values) => new Set(values).size === values.length, {
    message: withFrench('entries must not repeat', 'les éléments ne doivent pas se répéter'),
  });
}

/** How the class member asked to join: "indicate this on your claim form" or a written request to the claims administrator. */
export const OptInChannel = z.enum(['claimForm', 'writtenRequest']);
export type OptInChannel = z.infer<typeof OptInChannel>;

export const OfficialLanguage = z.enum(['en', 'fr']);
export type OfficialLanguage = z.infer<typeof OfficialLanguage>;

/**
 * The class member: a real name or a pseudonym, how to reach them, and their claim reference. All
 * optional, so that a person can be registered by pseudonym only. Personal information.
 */
export const ClassMember = z.strictObject({
  /** When absent, a new data subject is minted. */
  subjectId: ChosenSubjectId.optional(),
  name: text(200).optional(),
  pseudonym: z.boolean().default(false),
  contact: text(500).optional(),
  /** The claims administrator's reference for the class member's claim. */
  claimReference: text(100).optional(),
});

const optInFields = {
  region: RegionCode.default(DEFAULT_REGION),
  /** When the claims administrator received the request (or the claim form that indicated interest). */
  receivedAt: Instant,
  classMember: ClassMember,
  /** The official language the class member asked to be served in, if known yet. */
  officialLanguage: OfficialLanguage.optional(),
};

export const ReceiveOptIn = z.strictObject({
  type: z.literal('ReceiveOptIn'),
  data: z.discriminatedUnion('channel', [
    z.strictObject({
      channel: z.literal('claimForm'),
      ...optInFields,
      claimDecisionDate: LocalDate.optional(),
    }),
    z.strictObject({
      channel: z.literal('writtenRequest'),
      ...optInFields,
      /** The date of the initial claim decision: the 30-day opt-in window counts from it, or from the day its letter was received if later. */
      claimDecisionDate: LocalDate,
      /** The day the class member received the decision letter ("30 days from receiving it", seed 001), when known. */
      decisionLetterReceivedOn: LocalDate.optional(),
      /** The day the class member sent the request (postmark, email), when known: the window is judged by it rather than by receipt. */
      requestSentOn: LocalDate.optional(),
    }),
  ]),
}).meta({
  description:
    'Open a case: a class member indicated interest on their claim form, or sent a written request to the claims administrator. A written request must be sent within 30 calendar days of the initial claim decision, counted from the day the class member received the decision letter when that is later; it is judged by the day it was sent when that is given, else by the day it was received. The window is recorded as a clock met by the request: the class member’s own deadline, not a service standard of the program.',
  descriptionFr:
    'Ouvrir un dossier\u00a0: un membre du groupe a manifesté son intérêt dans son formulaire de réclamation ou a envoyé une demande écrite à l’administrateur des réclamations. Une demande écrite doit être envoyée dans les 30\u00a0jours civils suivant la décision initiale sur la réclamation, comptés à partir du jour où le membre du groupe a reçu la lettre de décision si ce jour est postérieur\u00a0; elle est jugée selon le jour de son envoi s’il est indiqué, sinon selon le jour de sa réception. La période d’adhésion est consignée comme un délai respecté par la demande\u00a0: c’est l’échéance du membre du groupe, et non une norme de service du programme.',
  example: {
    channel: 'writtenRequest',
    region: 'ON',
    receivedAt: '2026-02-20T10:15:00-05:00',
    claimDecisionDate: '2026-02-02',
    classMember: { name: 'Sam', pseudonym: true, contact: 'sam.re@example.org' },
    officialLanguage: 'en',
  },
});

/** The program reached the class member, who decided to take part ("once class members have decided to participate"). */
export const ConfirmParticipation = z.strictObject({
  type: z.literal('ConfirmParticipation'),
  data: z.strictObject({
    officialLanguage: OfficialLanguage,
    confirmedAt: Instant.optional(),
  }),
}).meta({
  description:
    'The program reached the class member, who decided to take part, and the official language they will be served in.',
  descriptionFr:
    'Le programme a joint le membre du groupe, qui a décidé de participer\u00a0; la langue officielle de service choisie est consignée.',
  example: { officialLanguage: 'en' },
});

/** "One restorative practitioner is assigned to each class member… two can be assigned, depending on the person's needs." */
const Practitioners = distinct(PractitionerId).min(1).max(2);

export const AssignPractitioner = z.strictObject({
  type: z.literal('AssignPractitioner'),
  data: z.strictObject({ practitionerIds: Practitioners }),
}).meta({
  description:
    'Assign one restorative practitioner, or two depending on the class member’s needs (never more). Starts phase 1.',
  descriptionFr:
    'Affecter au dossier une praticienne ou un praticien en approche réparatrice, ou deux selon les besoins du membre du groupe (jamais plus). Amorce la phase 1.',
  example: { practitionerIds: ['practitioner-1'] },
});

export const ReassignmentReason = z.enum(['availability', 'classMemberRequest', 'needsChanged', 'conflictOfInterest', 'other']);

export const ReassignPractitioner = z.strictObject({
  type: z.literal('ReassignPractitioner'),
  data: z.strictObject({ practitionerIds: Practitioners, reason: ReassignmentReason }),
}).meta({
  description:
    'A supervisor hands the case to other practitioners (one or two), at any stage after the first assignment.',
  descriptionFr:
    'Le personnel de supervision confie le dossier à d’autres praticiennes ou praticiens (une ou deux personnes), à toute étape suivant la première attribution.',
  example: { practitionerIds: ['practitioner-2'], reason: 'availability' },
});

/**
 * What a phase-1 session covered. There is deliberately no topic, and no field, for the class
 * member's experience of sexual misconduct: "class members will not be asked to share their sexual
 * misconduct experience" in phase 1.
 */
export const PreparationTopic = z.enum([
  'programOverview',
  'participationOptions',
  'confidentialityLimits',
  'dutyToReportException',
  'supportServices',
  'goalSetting',
]);
export type PreparationTopic = z.infer<typeof PreparationTopic>;

export const SessionDelivery = z.enum(['inPerson', 'virtual', 'phone']);

export const RecordPreparationSession = z.strictObject({
  type: z.literal('RecordPreparationSession'),
  data: z.strictObject({
    heldAt: Instant.optional(),
    delivery: SessionDelivery,
    topics: distinct(PreparationTopic).min(1),
    supportPersonPresent: z.boolean().default(false),
  }),
}).meta({
  description:
    'Phase 1: a session with the practitioner and what it covered (the program, the options, the limits of confidentiality, support, goals). Never the class member’s experience: they are not asked to share it in phase 1.',
  descriptionFr:
    'Phase 1\u00a0: une séance avec la praticienne ou le praticien et les sujets abordés (le programme, les options de participation, les limites de la confidentialité, les services de soutien, les objectifs). Le vécu du membre du groupe n’y figure jamais\u00a0: on ne lui demande pas d’en faire part à la phase 1.',
  example: {
    delivery: 'virtual',
    topics: ['programOverview', 'participationOptions', 'confidentialityLimits', 'dutyToReportException', 'supportServices', 'goalSetting'],
    supportPersonPresent: false,
  },
});

/** The class member's goals and objectives for their participation, in their words. Personal information. */
export const SetGoals = z.strictObject({
  type: z.literal('SetGoals'),
  data: z.strictObject({ goals: text(4000) }),
}).meta({
  description:
    'Record the class member’s goals and objectives for their participation (phase 1), or revise them in phase 3.',
  descriptionFr:
    'Consigner les buts et objectifs du membre du groupe quant à sa participation (phase 1), ou les réviser à la phase 3.',
  example: { goals: 'Be heard by leaders who can change how complaints are handled in my former unit.' },
});

export const CompletePreparation = z.strictObject({
  type: z.literal('CompletePreparation'),
  data: z.strictObject({}),
}).meta({
  description:
    'End phase 1 once the class member has met their practitioner, heard the limits of confidentiality and set goals.',
  descriptionFr:
    'Terminer la phase 1 une fois que le membre du groupe a rencontré sa praticienne ou son praticien, a reçu l’explication des limites de la confidentialité et a fixé ses objectifs.',
  example: {},
});

/** The ways of sharing the class member may choose "any or all of". */
export const ParticipationOption = z.enum(['writtenSharing', 'recordedSharing', 'engagementSession']);
export type ParticipationOption = z.infer<typeof ParticipationOption>;
/** "These options may be done in person, virtually or indirectly…" */
export const EngagementDelivery = z.enum(['inPerson', 'virtual', 'indirect']);
export type EngagementDelivery = z.infer<typeof EngagementDelivery>;
/** "…as an individual or in a group." */
export const EngagementSetting = z.enum(['individual', 'group']);
export type EngagementSetting = z.infer<typeof EngagementSetting>;
/** "If you choose to share your experience(s), you may do so anonymously." */
export const Anonymity = z.enum(['anonymous', 'identified']);
export type Anonymity = z.infer<typeof Anonymity>;

export const ChooseParticipation = z.strictObject({
  type: z.literal('ChooseParticipation'),
  data: z.strictObject({
    options: distinct(ParticipationOption).min(1),
    deliveries: distinct(EngagementDelivery).min(1),
    settings: distinct(EngagementSetting).min(1),
    anonymity: Anonymity,
  }),
}).meta({
  description:
    'Phase 2: the ways the class member chose to take part (written or recorded sharing, engagement sessions with Defence representatives), how (in person, virtual, indirect), alone or in a group, and whether anonymously. May be changed at any time in phase 2.',
  descriptionFr:
    'Phase 2\u00a0: les modes de participation choisis par le membre du groupe (témoignage écrit ou enregistré, séances d’engagement avec des personnes représentantes de la Défense), le mode de prestation (en personne, virtuel, indirect), individuellement ou en groupe, et de façon anonyme ou non. Ces choix peuvent être modifiés en tout temps pendant la phase 2.',
  example: {
    options: ['writtenSharing', 'engagementSession'],
    deliveries: ['virtual', 'indirect'],
    settings: ['individual'],
    anonymity: 'anonymous',
  },
});

/** One engagement: a session with Defence representatives, or a written or recorded sharing to prepare. */
export const ScheduleEngagement = z.strictObject({
  type: z.literal('ScheduleEngagement'),
  data: z.strictObject({
    /** When absent, a new id is minted. */
    engagementId: EngagementId.optional(),
    option: ParticipationOption,
    delivery: EngagementDelivery,
    setting: EngagementSetting,
    scheduledFor: Instant,
    supportPersonAttending: z.boolean().default(false),
    /** The case id of the Defence representative cohort an engagement session is with. */
    cohortId: CohortId.optional(),
  }),
}).meta({
  description:
    'Plan one engagement among those the class member chose. Several engagements are allowed. An engagement session may name the Defence representative cohort it is with (its case id).',
  descriptionFr:
    'Planifier un engagement correspondant à l’un des modes de participation choisis par le membre du groupe. Plusieurs engagements sont permis. Une séance d’engagement peut préciser la cohorte de personnes représentantes de la Défense avec laquelle elle a lieu (identifiant de son dossier).',
  example: {
    engagementId: 'engagement-1',
    option: 'writtenSharing',
    delivery: 'indirect',
    setting: 'individual',
    scheduledFor: '2026-04-14T13:00:00-04:00',
  },
});

export const RecordEngagement = z.strictObject({
  type: z.literal('RecordEngagement'),
  data: z.discriminatedUnion('outcome', [
    /** The session took place, or the sharing was prepared with the practitioner. */
    z.strictObject({ outcome: z.literal('held'), engagementId: ScheduledEngagementId, heldAt: Instant.optional(), cohortId: CohortId.optional() }),
    z.strictObject({
      outcome: z.literal('cancelled'),
      engagementId: ScheduledEngagementId,
      cancelledBy: z.enum(['classMember', 'program']),
    }),
  ]),
}).meta({
  description:
    'Record that a scheduled engagement was held (or the sharing prepared), or that it was cancelled. A session held with a Defence representative cohort may name it (its case id), if its scheduling did not.',
  descriptionFr:
    'Consigner qu’un engagement planifié a eu lieu (ou que le témoignage a été préparé), ou qu’il a été annulé. Une séance tenue avec une cohorte de personnes représentantes de la Défense peut préciser cette cohorte (identifiant de son dossier), si la planification ne l’a pas fait.',
  example: { outcome: 'held', engagementId: 'engagement-1' },
});

/**
 * Submit a prepared sharing to the program for Defence representatives. A sharing "will only be
 * submitted with your consent": the command carries when the class member gave it.
 */
export const SubmitSharing = z.strictObject({
  type: z.literal('SubmitSharing'),
  data: z.strictObject({
    engagementId: ScheduledEngagementId,
    consentGivenAt: Instant.optional(),
    /** Defaults to the class member's anonymity preference. */
    anonymous: z.boolean().optional(),
  }),
}).meta({
  description:
    'Submit a prepared written or recorded sharing, with the class member’s consent ("it will only be submitted with your consent"), anonymously if they asked.',
  descriptionFr:
    'Transmettre un témoignage écrit ou enregistré déjà préparé, avec le consentement du membre du groupe («\u00a0il ne sera transmis qu’avec votre consentement\u00a0»), de façon anonyme si le membre du groupe l’a demandé.',
  example: { engagementId: 'engagement-1' },
});

export const CompleteEngagementPhase = z.strictObject({
  type: z.literal('CompleteEngagementPhase'),
  data: z.strictObject({}),
}).meta({
  description:
    'End phase 2 once at least one engagement was held and none is still scheduled. Starts phase 3, reflection.',
  descriptionFr:
    'Terminer la phase 2 une fois qu’au moins un engagement a eu lieu et qu’aucun n’est encore planifié. Amorce la phase 3, la réflexion.',
  example: {},
});

/** How the class member wants their input used ("validate how they want their input to be used"). */
export const InputUse = z.enum(['defenceRepresentativeLearning', 'programImprovement', 'cultureChangeResearch']);
export type InputUse = z.infer<typeof InputUse>;

/** "Maintaining a connection with the program in order to obtain updates … and potentially participate in research or consultations." */
export const StayConnected = z.strictObject({
  programUpdates: z.boolean(),
  researchAndConsultations: z.boolean(),
});
export type StayConnected = z.infer<typeof StayConnected>;

export const GoalsMet = z.enum(['met', 'notMet', 'notYetKnown']);
export type GoalsMet = z.infer<typeof GoalsMet>;

const reflectionFields = {
  reflectedAt: Instant.optional(),
  /** The class member's feedback, in their words. Personal information. */
  feedback: text(4000).optional(),
  /** "With their consent, the restorative practitioner will explore options to follow up with them sometime after the process." */
  followUpConsent: z.boolean(),
};

export const RecordReflection = z.strictObject({
  type: z.literal('RecordReflection'),
  data: z.discriminatedUnion('goalsMet', [
    z.strictObject({
      goalsMet: z.literal('met'),
      ...reflectionFields,
      inputUse: distinct(InputUse),
      stayConnected: StayConnected,
    }),
    z.strictObject({ goalsMet: z.literal('notMet'), ...reflectionFields }),
    z.strictObject({ goalsMet: z.literal('notYetKnown'), ...reflectionFields }),
  ]),
}).meta({
  description:
    'Phase 3: were the class member’s goals met? If so, their feedback, how they want their input used and whether they want to stay connected; in every case, whether they consent to a follow-up.',
  descriptionFr:
    'Phase 3\u00a0: les objectifs du membre du groupe ont-ils été atteints\u00a0? Si oui, ses commentaires, l’utilisation souhaitée de ses contributions et son souhait de maintenir ou non le lien avec le programme\u00a0; dans tous les cas, son consentement ou non à un suivi.',
  example: {
    goalsMet: 'met',
    feedback: 'I felt listened to and I want my letter used in future cohorts.',
    inputUse: ['defenceRepresentativeLearning', 'programImprovement'],
    stayConnected: { programUpdates: true, researchAndConsultations: false },
    followUpConsent: true,
  },
});

/** Goals not met: the class member and practitioner decided on next steps in phase 2. */
export const ReturnToEngagement = z.strictObject({
  type: z.literal('ReturnToEngagement'),
  data: z.strictObject({}),
}).meta({
  description:
    'Goals not (yet) met: the class member takes next steps in phase 2.',
  descriptionFr:
    'Objectifs non atteints (ou pas encore)\u00a0: le membre du groupe passe aux prochaines étapes à la phase 2.',
  example: {},
});

export const CloseEngagement = z.strictObject({
  type: z.literal('CloseEngagement'),
  data: z.strictObject({
    /** Schedules a follow-up this many weeks after closing; needs the class member's consent. */
    followUpInWeeks: z.number().int().min(1).max(104).optional(),
  }),
}).meta({
  description:
    'Close the process after the reflection; with the class member’s consent, schedule a follow-up some weeks later: a calendar clock that warns and breaches like the others, met by the follow-up.',
  descriptionFr:
    'Clore le processus après la réflexion\u00a0; avec le consentement du membre du groupe, prévoir un suivi quelques semaines plus tard\u00a0: un délai en jours civils qui, comme les autres, donne lieu à des avertissements et peut être dépassé, et qui est respecté par le suivi.',
  example: { followUpInWeeks: 12 },
});

export const RecordFollowUp = z.strictObject({
  type: z.literal('RecordFollowUp'),
  data: z.discriminatedUnion('outcome', [
    z.strictObject({ outcome: z.literal('held'), heldAt: Instant.optional(), goalsMet: GoalsMet }),
    z.strictObject({ outcome: z.literal('notReached') }),
  ]),
}).meta({
  description:
    'Record the follow-up with the class member after the process (or that they could not be reached): meets the follow-up clock and completes the case. It cannot be dated earlier than its due date minus the tolerance recorded at closing (7 days by default).',
  descriptionFr:
    'Consigner le suivi auprès du membre du groupe après le processus (ou l’impossibilité de le joindre)\u00a0: le délai de suivi est alors respecté et le dossier est terminé. La date du suivi ne peut être antérieure à son échéance moins la tolérance consignée à la clôture (7\u00a0jours par défaut).',
  example: { outcome: 'held', goalsMet: 'met' },
});

/**
 * "Class members are in control of the information they provide" and a sharing "will only be
 * submitted with your consent": consent given may be taken back, at any time after the sharing was
 * submitted, the case completed or withdrawn included. The sharing is named by its engagement id,
 * the id that scheduled, prepared and submitted it.
 */
export const WithdrawSharingConsent = z.strictObject({
  type: z.literal('WithdrawSharingConsent'),
  data: z.strictObject({
    engagementId: SubmittedSharingId,
    /** When the class member said so; now when absent. */
    consentWithdrawnAt: Instant.optional(),
  }),
}).meta({
  description:
    'The class member withdrew their consent to a sharing they had submitted: it is no longer to be used. Possible at any time after its submission, once the case is completed or withdrawn too.',
  descriptionFr:
    'Le membre du groupe a retiré son consentement à un témoignage déjà transmis\u00a0: celui-ci ne doit plus être utilisé. Ce retrait est possible en tout temps après la transmission, y compris une fois le dossier terminé ou après le retrait de sa participation.',
  example: { engagementId: 'engagement-1' },
});

/**
 * Phase 3 asks the class member to "validate how they want their input to be used" and whether to
 * keep "a connection with the program in order to obtain updates … and potentially participate in
 * research or consultations". Being "in control of the information they provide", they may revise
 * these choices at any time from phase 3 on, goals met or not: each revision is a fact of its own.
 */
export const ReviseInputChoices = z.strictObject({
  type: z.literal('ReviseInputChoices'),
  data: z.strictObject({
    /** How their input may be used now; empty when it is to be used in no way. */
    inputUse: distinct(InputUse).optional(),
    stayConnected: StayConnected.optional(),
    /** When the class member said so; now when absent. */
    revisedAt: Instant.optional(),
  }),
}).meta({
  description:
    'The class member changed how their input may be used, or whether they stay connected with the program for updates and for research or consultations. Possible at any time from phase 3 on, whether or not the goals were met, after the case is completed or withdrawn too; only what changed is recorded.',
  descriptionFr:
    'Le membre du groupe a modifié l’utilisation permise de ses contributions, ou son choix de maintenir le lien avec le programme pour en recevoir des nouvelles et pour participer à des recherches ou consultations. Possible en tout temps à partir de la phase 3, que les objectifs aient été atteints ou non, y compris une fois le dossier terminé ou après le retrait de sa participation\u00a0; seul ce qui change est consigné.',
  example: { inputUse: ['programImprovement'], stayConnected: { programUpdates: true, researchAndConsultations: false } },
});

/**
 * "You can change your mind about participating at any time", even after completing. No reason is
 * asked: the class member owes the program no explanation. Consent to the sharings they submitted
 * ends with their participation unless they ask that the sharings still be used (notes.md).
 */
export const Withdraw = z.strictObject({
  type: z.literal('Withdraw'),
  data: z.strictObject({
    withdrawnAt: Instant.optional(),
    /** The class member asks that the sharings they submitted may still be used. */
    keepSharings: z.boolean().default(false),
  }),
}).meta({
  description:
    'The class member changed their mind about participating. Possible at any stage, after completion too; no reason is asked. Cancels the engagements still scheduled, as cancelled by the class member, and withdraws consent to the sharings they submitted unless they ask that these may still be used.',
  descriptionFr:
    'Le membre du groupe a changé d’avis quant à sa participation. Le retrait est possible à toute étape, même une fois le processus terminé\u00a0; aucun motif n’est demandé. Les engagements encore planifiés sont annulés à la demande du membre du groupe, et son consentement aux témoignages transmis est retiré, sauf s’il demande qu’ils puissent encore être utilisés.',
  example: {},
});

/**
 * "You can change your mind about participating at any time" goes both ways: a class member who
 * withdrew may ask to take part again. A supervisor records it; the case resumes where it makes sense.
 */
export const ResumeParticipation = z.strictObject({
  type: z.literal('ResumeParticipation'),
  data: z.strictObject({ requestedAt: Instant.optional() }),
}).meta({
  description:
    'A class member who withdrew asks to take part again (recorded by a supervisor). The history stays as it was; the case resumes at the stage it was withdrawn from: before a practitioner, in preparation, choosing how to take part again in phase 2, in reflection, or completed for one who withdrew after completing. Consent withdrawn to sharings stays withdrawn.',
  descriptionFr:
    'Un membre du groupe demande à participer de nouveau après son retrait (demande consignée par le personnel de supervision). L’historique demeure inchangé\u00a0; le dossier reprend à l’étape où le retrait a eu lieu\u00a0: avant l’affectation d’une praticienne ou d’un praticien, en préparation, au nouveau choix du mode de participation à la phase 2, en réflexion, ou à l’étape terminée pour la personne qui s’était retirée après la fin du processus. Le consentement retiré à des témoignages demeure retiré.',
  example: {},
});

export const RestorativeEngagementCommand = z.discriminatedUnion('type', [
  ReceiveOptIn,
  ConfirmParticipation,
  AssignPractitioner,
  ReassignPractitioner,
  RecordPreparationSession,
  SetGoals,
  CompletePreparation,
  ChooseParticipation,
  ScheduleEngagement,
  RecordEngagement,
  SubmitSharing,
  CompleteEngagementPhase,
  RecordReflection,
  ReturnToEngagement,
  CloseEngagement,
  RecordFollowUp,
  WithdrawSharingConsent,
  ReviseInputChoices,
  Withdraw,
  ResumeParticipation,
]);
export type RestorativeEngagementCommand = z.output<typeof RestorativeEngagementCommand>;
