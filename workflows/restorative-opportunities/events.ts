import { z } from 'zod';
import { RegionCode } from '../../domain/regions';
import { fieldKind, recordOf } from '../../domain/schemas';
import {
  CommunityStatus,
  ConditionEnding,
  Consent,
  CourtVariation,
  ExceptionalCircumstances,
  Instant,
  LocalDate,
  MediationModel,
  MeetingRoom,
  NoContactConditionKind,
  NotSuitableReason,
  Party,
  ReferredBy,
  SafetyConcerns,
  StaffRole,
  Assignment,
  StaffId,
  SubjectId,
  Venue,
} from './commands';

const Note = z.string().min(1).max(5000);

/**
 * The facilitation clause a condition carries, as recorded: the program's own wording
 * (FACILITATION_WORDING), once the clause given was found to contain it — never the caller's text,
 * which may quote the condition and name the victim.
 */
const RecordedWording = fieldKind(z.string().min(1).max(500), 'code');

/** A participant with their data subject id. `name` and `contact` are personal information, encrypted per subject. */
export const Person = z.strictObject({
  subjectId: SubjectId,
  name: z.string().min(1).max(200).optional(),
  pseudonym: z.boolean().optional(),
  contact: z.string().min(1).max(500).optional(),
});

export const Offender = Person.extend({
  fpsNumber: z.string().min(1).max(20).optional(),
});

/**
 * Whether a no-contact condition stops the parties from communicating: `inPlace` until it carries
 * the facilitation wording, then `facilitationPermitted`.
 */
export const ConditionStatus = z.enum(['inPlace', 'facilitationPermitted']);
export type ConditionStatus = z.infer<typeof ConditionStatus>;

const referral = {
  region: RegionCode,
  receivedAt: Instant,
  victim: Person,
  offender: Offender,
};

/** A referral reached the NHQ Restorative Justice Unit. */
export const ReferralReceived = z.strictObject({
  type: z.literal('ReferralReceived'),
  data: z.discriminatedUnion('source', [
    z.strictObject({ source: z.literal('victim'), ...referral, victimRegistered: z.boolean() }),
    z.strictObject({
      source: z.literal('victimRepresentative'),
      ...referral,
      victimRegistered: z.literal(true),
      representative: Person,
    }),
    z.strictObject({ source: z.literal('institutional'), ...referral, referredBy: ReferredBy }),
    z.strictObject({ source: z.literal('community'), ...referral, referredBy: ReferredBy, offenderStatus: CommunityStatus }),
  ]),
}).meta({ description: 'A referral reached the NHQ Restorative Justice Unit.', descriptionFr: 'Un renvoi est parvenu à l’Unité de la justice réparatrice de l’AC.' });

export const IntakeAssessmentBegun = z.strictObject({
  type: z.literal('IntakeAssessmentBegun'),
  data: z.strictObject({ intakeOfficerId: StaffId }),
}).meta({
  description: 'A Restorative Justice Unit officer began the intake assessment.',
  descriptionFr: 'Un membre du personnel de l’Unité de la justice réparatrice a commencé l’évaluation initiale.',
});

export const ConditionAtIntake = z.strictObject({
  kind: NoContactConditionKind,
  status: ConditionStatus,
  facilitationWording: RecordedWording.optional(),
});

export const IntakeAssessed = z.strictObject({
  type: z.literal('IntakeAssessed'),
  data: z.strictObject({
    outcome: z.enum(['suitable', 'notSuitable']),
    offenderAcceptedResponsibility: z.boolean(),
    safetyConcerns: SafetyConcerns,
    noContactConditions: z.array(ConditionAtIntake).max(2),
    notSuitableReason: NotSuitableReason.optional(),
  }),
}).meta({
  description: 'The intake assessment found the case suitable or not, and recorded any no-contact conditions.',
  descriptionFr: 'L’évaluation initiale a établi si le dossier convient ou non et a consigné les éventuelles conditions de non-communication.',
});

export const MediatorAssigned = z.strictObject({
  type: z.literal('MediatorAssigned'),
  data: z.strictObject({ mediatorId: StaffId }),
}).meta({ description: 'A mediator was assigned to the case.', descriptionFr: 'Une médiatrice ou un médiateur a été affecté au dossier.' });

export const CaseReassigned = z.strictObject({
  type: z.literal('CaseReassigned'),
  data: z.strictObject({
    assignment: Assignment,
    assigneeId: StaffId,
    previousAssigneeId: StaffId,
    reason: z.string().min(1).max(500).optional(),
  }),
}).meta({
  description: 'The case was given to another intake officer or mediator.',
  descriptionFr: 'L’évaluation initiale ou la médiation du dossier a été confiée à une autre personne.',
});

/** A no-contact condition was imposed, or learned of, after intake (e.g. at a conditional release). */
export const NoContactConditionRecorded = z.strictObject({
  type: z.literal('NoContactConditionRecorded'),
  data: z.strictObject({
    kind: NoContactConditionKind,
    imposedOn: LocalDate,
    status: ConditionStatus,
    facilitationWording: RecordedWording.optional(),
  }),
}).meta({
  description: 'A no-contact condition imposed or learned of after intake was recorded.',
  descriptionFr: 'Une condition de non-communication imposée, ou dont on a pris connaissance, après l’évaluation initiale a été consignée.',
});

/**
 * The condition now allows victim-offender mediation: a Parole Board condition with the wording
 * "unless deemed appropriate and facilitated by CSC's Restorative Opportunities Program"; a court
 * order varied by the court in its own words.
 */
export const NoContactConditionAmended = z.strictObject({
  type: z.literal('NoContactConditionAmended'),
  data: z.discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('paroleBoardNoContactCondition'),
      amendedOn: LocalDate,
      facilitationWording: RecordedWording,
    }),
    z.strictObject({
      kind: z.literal('courtNonCommunicationOrder'),
      amendedOn: LocalDate,
      /** What the court varied; absent in amendments recorded before, which carried the program's wording instead. */
      variation: CourtVariation.optional(),
      facilitationWording: RecordedWording.optional(),
    }),
  ]),
}).meta({
  description: 'A no-contact condition now allows mediation: amended with the facilitation wording, or varied by the court.',
  descriptionFr:
    'Une condition de non-communication permet désormais la médiation\u00a0: elle a été modifiée par l’ajout du libellé autorisant la facilitation, ou par le tribunal.',
});

/** A no-contact condition expired, was removed, or was varied so that it no longer forbids contact. */
export const NoContactConditionEnded = z.strictObject({
  type: z.literal('NoContactConditionEnded'),
  data: z.strictObject({
    kind: NoContactConditionKind,
    endedOn: LocalDate,
    how: ConditionEnding,
  }),
}).meta({
  description: 'A no-contact condition ended: it expired, was removed, or was varied so that it no longer forbids contact.',
  descriptionFr: 'Une condition de non-communication a pris fin\u00a0: elle a expiré, elle a été annulée, ou elle a été modifiée de sorte qu’elle n’interdit plus le contact.',
});

/** The Restorative Justice Unit advised CSC staff of the upcoming dialogue, so that they recommend amending the Parole Board condition. */
export const StaffAdvisedOfDialogue = z.strictObject({
  type: z.literal('StaffAdvisedOfDialogue'),
  data: z.strictObject({
    advisedAt: Instant,
    staffRole: StaffRole.optional(),
  }),
}).meta({
  description: 'The Restorative Justice Unit advised CSC staff of the upcoming dialogue, so that they recommend amending the no-contact condition.',
  descriptionFr:
    'L’Unité de la justice réparatrice a avisé le personnel du SCC du dialogue à venir, afin qu’il recommande de modifier la condition de non-communication.',
});

export const PreparationSessionHeld = z.strictObject({
  type: z.literal('PreparationSessionHeld'),
  data: z.strictObject({
    party: Party,
    /** The data subject the notes belong to: the party prepared. */
    subjectId: SubjectId,
    heldAt: Instant,
    consent: Consent,
    /** The arranged meeting that the party's consent taken back called off. */
    cancelledMeetingId: recordOf('MeetingArranged', 'meetingId').optional(),
    notes: Note.optional(),
  }),
}).meta({ description: 'The mediator met one party to prepare them.', descriptionFr: 'La médiatrice ou le médiateur a rencontré une partie pour la préparer.' });

export const SupportPersonAgreed = z.strictObject({
  type: z.literal('SupportPersonAgreed'),
  data: z.strictObject({
    supports: Party,
    person: Person,
  }),
}).meta({ description: 'All participants agreed to the presence of a support person.', descriptionFr: 'Toutes les personnes participantes ont accepté la présence d’une personne de soutien.' });

/** A participant no longer agrees to the presence of a support person, who may no longer attend. */
export const SupportPersonAgreementWithdrawn = z.strictObject({
  type: z.literal('SupportPersonAgreementWithdrawn'),
  data: z.strictObject({
    personId: SubjectId,
    withdrawnBy: Party,
    /** The arranged meeting that names them: it must be arranged again without them before it is held. */
    meetingToRearrangeId: recordOf('MeetingArranged', 'meetingId').optional(),
  }),
}).meta({
  description: 'A participant withdrew their agreement to the presence of a support person.',
  descriptionFr: 'Une personne participante a retiré son accord à la présence d’une personne de soutien.',
});

export const ModelSelected = z.strictObject({
  type: z.literal('ModelSelected'),
  data: z.strictObject({ model: MediationModel }),
}).meta({ description: 'The mediation model was chosen.', descriptionFr: 'Le modèle de médiation a été choisi.' });

/** The mediator reserved the date, time and room with institutional or parole office staff. */
export const MeetingArranged = z.strictObject({
  type: z.literal('MeetingArranged'),
  data: z.strictObject({
    meetingId: recordOf('MeetingArranged', 'meetingId'),
    /** The offender, whose whereabouts the venue tells: its site is sealed with their key. Absent only in events recorded before. */
    offenderId: SubjectId.optional(),
    scheduledFor: Instant,
    venue: Venue,
    room: MeetingRoom,
    exceptionalCircumstances: ExceptionalCircumstances.optional(),
    supportPersonIds: z.array(SubjectId).max(10),
    privateAndUninterrupted: z.literal(true),
    notRecordedOrOverheard: z.literal(true),
    entryDocumentsArranged: z.boolean().optional(),
  }),
}).meta({ description: 'The date, time and room of a meeting were reserved.', descriptionFr: 'La date, l’heure et la salle d’une rencontre ont été réservées.' });

/** The victim and the offender communicated: they met, or the exchange by the selected model was completed. */
export const DialogueHeld = z.strictObject({
  type: z.literal('DialogueHeld'),
  data: z.strictObject({
    model: MediationModel,
    heldAt: Instant,
    meetingId: recordOf('MeetingArranged', 'meetingId').optional(),
  }),
}).meta({ description: 'A victim-offender dialogue was held.', descriptionFr: 'Un dialogue entre la victime et le délinquant a eu lieu.' });

export const FollowUpBegun = z.strictObject({
  type: z.literal('FollowUpBegun'),
  data: z.strictObject({}),
}).meta({ description: 'Follow-up with the participants began after the dialogue.', descriptionFr: 'Le suivi auprès des personnes participantes a commencé après le dialogue.' });

export const FollowUpSessionHeld = z.strictObject({
  type: z.literal('FollowUpSessionHeld'),
  data: z.strictObject({
    party: Party,
    subjectId: SubjectId,
    heldAt: Instant,
    notes: Note.optional(),
  }),
}).meta({ description: 'The mediator followed up with one party.', descriptionFr: 'La médiatrice ou le médiateur a assuré un suivi auprès d’une partie.' });

export const CaseClosed = z.strictObject({
  type: z.literal('CaseClosed'),
  data: z.strictObject({}),
}).meta({ description: 'The case was closed.', descriptionFr: 'Le dossier a été fermé.' });

/** Ongoing case assessment found the case no longer suitable for mediation. */
export const CaseDeterminedNotSuitable = z.strictObject({
  type: z.literal('CaseDeterminedNotSuitable'),
  data: z.strictObject({ reason: NotSuitableReason }),
}).meta({ description: 'Ongoing assessment found the case no longer suitable.', descriptionFr: 'L’évaluation continue a permis de conclure que le dossier ne convient plus.' });

export const ParticipationWithdrawn = z.strictObject({
  type: z.literal('ParticipationWithdrawn'),
  data: z.strictObject({
    party: Party,
    subjectId: SubjectId,
    note: Note.optional(),
  }),
}).meta({ description: 'A party withdrew from the process.', descriptionFr: 'Une partie s’est retirée du processus.' });

export const RestorativeOpportunitiesEvent = z.discriminatedUnion('type', [
  ReferralReceived,
  IntakeAssessmentBegun,
  IntakeAssessed,
  MediatorAssigned,
  CaseReassigned,
  NoContactConditionRecorded,
  NoContactConditionAmended,
  NoContactConditionEnded,
  StaffAdvisedOfDialogue,
  PreparationSessionHeld,
  SupportPersonAgreed,
  SupportPersonAgreementWithdrawn,
  ModelSelected,
  MeetingArranged,
  DialogueHeld,
  FollowUpBegun,
  FollowUpSessionHeld,
  CaseClosed,
  CaseDeterminedNotSuitable,
  ParticipationWithdrawn,
]);
export type RestorativeOpportunitiesEvent = z.infer<typeof RestorativeOpportunitiesEvent>;
