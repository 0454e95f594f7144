import { z } from 'zod';
import { DEFAULT_REGION, RegionCode } from '../../domain/regions';
import { withFrench } from '../../domain/validation';
import { ChosenSubjectId, Instant, LocalDate, StaffId, staffOf, SubjectId, subjectOf, text } from '../../domain/schemas';

export { Instant, LocalDate, StaffId, SubjectId };

/** The clause the protocols add to a no-contact condition so that the program can facilitate contact (2.c, 2.d). */
export const FACILITATION_WORDING = "unless deemed appropriate and facilitated by CSC's Restorative Opportunities Program";
/**
 * The same clause in a condition written in French. The protocols give it in English only: this is
 * Mend's rendering, and a French clause is recognised by its terms (FRENCH_WORDING_TERMS), not letter for letter.
 */
export const FACILITATION_WORDING_FR = 'à moins que cela ne soit jugé approprié et facilité par le programme Possibilités de justice réparatrice du SCC';
const Note = text(5000);

/** The two parties of a victim-offender mediation. A victim representative acts as the victim. */
export const Party = z.enum(['victim', 'offender']);
export type Party = z.infer<typeof Party>;

/**
 * A participant as the program knows them: a real name or a pseudonym (`pseudonym: true`), and how
 * to reach them. Every field is optional: a participant can be registered with nothing but a new
 * data subject id, which `decide` mints when `subjectId` is absent. Personal information.
 */
export const PersonInput = z.strictObject({
  subjectId: ChosenSubjectId.optional(),
  name: text(200).optional(),
  pseudonym: z.boolean().optional(),
  contact: text(500).optional(),
});

/** The offender, optionally with their FPS number (CSC's fingerprint serial number). Personal information. */
export const OffenderInput = PersonInput.extend({
  fpsNumber: text(20).optional(),
});

/** The CSC staff person an offender expressed their interest to, who forwards it to the program. */
export const StaffRole = z.enum([
  'paroleOfficer',
  'chaplain',
  'psychologist',
  'elderOrSpiritualAdvisor',
  'programOfficer',
  'victimServicesOfficer',
  'other',
]);

export const ReferredBy = z.strictObject({
  staffRole: StaffRole,
  /** Staff of CSC, not of Mend's directory. */
  staffId: staffOf().optional(),
  /** The institution or parole office the referral comes from. */
  site: text(200).optional(),
});

/** An offender in the community: conditionally released, or supervised under a long-term supervision order. */
export const CommunityStatus = z.enum(['conditionalRelease', 'longTermSupervision']);

const referral = {
  region: RegionCode.default(DEFAULT_REGION),
  /** When the program received the referral: the business time it is recorded at. */
  receivedAt: Instant,
  victim: PersonInput,
  offender: OffenderInput,
};

/**
 * The referral types of the protocols. `offender` is a request an offender made directly to the
 * program: it parses, so that `decide` can refuse it with the rule (RO.OFFENDER_SELF_REFERRAL).
 */
export const ReceiveReferral = z.strictObject({
  type: z.literal('ReceiveReferral'),
  data: z.discriminatedUnion('source', [
    /** A victim's own request; registered and non-registered victims alike. */
    z.strictObject({ source: z.literal('victim'), ...referral, victimRegistered: z.boolean() }),
    /** A victim representative acting on behalf of a registered victim. */
    z.strictObject({
      source: z.literal('victimRepresentative'),
      ...referral,
      victimRegistered: z.boolean(),
      representative: PersonInput,
    }),
    /** CSC staff communicating the request of an offender in an institution. */
    z.strictObject({ source: z.literal('institutional'), ...referral, referredBy: ReferredBy }),
    /** CSC staff communicating the request of a conditionally released or long-term offender. */
    z.strictObject({
      source: z.literal('community'),
      ...referral,
      referredBy: ReferredBy,
      offenderStatus: CommunityStatus,
    }),
    z.strictObject({ source: z.literal('offender'), ...referral, victim: PersonInput.optional() }),
  ]),
}).meta({
  description:
    'Record a referral received by the NHQ Restorative Justice Unit: from a victim (registered or not), a victim representative acting for a registered victim, or CSC staff communicating the request of an offender in an institution (institutional) or in the community (community). A request made directly by an offender is refused: it must come through a CSC staff person.',
  descriptionFr:
    'Consigner un renvoi reçu par l’Unité de la justice réparatrice de l’AC\u00a0: d’une victime (inscrite ou non), d’une personne représentant une victime inscrite et agissant en son nom, ou d’un membre du personnel du SCC qui transmet la demande d’un délinquant en établissement ou dans la collectivité. Une demande présentée directement par un délinquant est refusée\u00a0: elle doit être transmise par un membre du personnel du SCC.',
  example: {
    source: 'victim',
    region: 'ON',
    receivedAt: '2026-01-12T14:30:00-05:00',
    victimRegistered: true,
    victim: { name: 'Sam Tremblay', contact: 'sam.tremblay@example.org, 613-555-0175' },
    offender: { name: 'Jordan Roy', fpsNumber: '123456A' },
  },
});

export const BeginIntakeAssessment = z.strictObject({
  type: z.literal('BeginIntakeAssessment'),
  data: z.strictObject({
    /** The Restorative Justice Unit officer who assesses the referral: the case's first assignment. */
    intakeOfficerId: staffOf('rju'),
  }),
}).meta({
  description:
    'A Restorative Justice Unit officer takes the referral and begins its intake assessment. The first assignment of the case.',
  descriptionFr:
    'Un membre du personnel de l’Unité de la justice réparatrice prend en charge le renvoi et en commence l’évaluation initiale. Il s’agit de la première affectation du dossier.',
  example: { intakeOfficerId: 'rju-officer-1' },
});

/** A court order not to communicate with the victim, or a Parole Board of Canada condition of no contact. */
export const NoContactConditionKind = z.enum(['courtNonCommunicationOrder', 'paroleBoardNoContactCondition']);
export type NoContactConditionKind = z.infer<typeof NoContactConditionKind>;

/**
 * Only the clause the condition carries to allow mediation, never the whole condition (which names
 * the victim): it must contain "unless deemed appropriate and facilitated by CSC's Restorative
 * Opportunities Program".
 */
export const FacilitationWording = text(500);

export const SafetyConcerns = z.enum(['none', 'managed', 'unresolved']);

export const NotSuitableReason = z.enum([
  'offenderDoesNotAcceptResponsibility',
  'safetyConcerns',
  'riskOfRevictimization',
  'offenderNotUnderCscJurisdiction',
  'victimCannotBeReached',
  'other',
]);

const IntakeCondition = z.strictObject({
  kind: NoContactConditionKind,
  /** The facilitation clause, when the condition was drafted with it already. */
  facilitationWording: FacilitationWording.optional(),
});

export const AssessIntake = z.strictObject({
  type: z.literal('AssessIntake'),
  data: z
    .strictObject({
      outcome: z.enum(['suitable', 'notSuitable']),
      offenderAcceptedResponsibility: z.boolean(),
      safetyConcerns: SafetyConcerns,
      /** Every court non-communication order and Parole Board no-contact condition in place; `[]` when there is none. */
      noContactConditions: z.array(IntakeCondition).max(2),
      notSuitableReason: NotSuitableReason.optional(),
    })
    .superRefine((data, issues) => {
      const kinds = data.noContactConditions.map((c) => c.kind);
      if (new Set(kinds).size !== kinds.length) {
        issues.addIssue({ code: 'custom', path: ['noContactConditions'], message: withFrench('list each kind of condition once', 'indiquez chaque type de condition une seule fois') });
      }
      if (data.outcome === 'notSuitable' && data.notSuitableReason === undefined) {
        issues.addIssue({ code: 'custom', path: ['notSuitableReason'], message: withFrench('required when the outcome is not suitable', 'obligatoire lorsque le dossier ne se prête pas à une démarche') });
      }
      if (data.outcome === 'suitable' && data.notSuitableReason !== undefined) {
        issues.addIssue({ code: 'custom', path: ['notSuitableReason'], message: withFrench('only when the outcome is not suitable', 'seulement lorsque le dossier ne se prête pas à une démarche') });
      }
    }),
}).meta({
  description:
    'Record the intake assessment: has the offender taken responsibility, are there safety concerns, and is a court non-communication order or a Parole Board no-contact condition in place? A condition flags the case: the victim and the offender cannot be brought into communication until it carries the facilitation wording. A case that is not suitable ends here.',
  descriptionFr:
    'Consigner l’évaluation initiale\u00a0: le délinquant reconnaît-il sa responsabilité, existe-t-il des préoccupations en matière de sécurité, et une ordonnance de non-communication du tribunal ou une condition de non-communication de la Commission des libérations conditionnelles du Canada est-elle en vigueur\u00a0? Toute condition entraîne le signalement du dossier\u00a0: la victime et le délinquant ne peuvent être mis en communication tant qu’elle n’est pas assortie du libellé autorisant la facilitation. Un dossier qui ne convient pas prend fin à cette étape.',
  example: { outcome: 'suitable', offenderAcceptedResponsibility: true, safetyConcerns: 'none', noContactConditions: [] },
});

export const AssignMediator = z.strictObject({
  type: z.literal('AssignMediator'),
  data: z.strictObject({ mediatorId: staffOf('mediator') }),
}).meta({
  description:
    'Assign the RO mediator who prepares the parties and facilitates the dialogue.',
  descriptionFr:
    'Affecter au dossier la médiatrice ou le médiateur du programme Possibilités de justice réparatrice, qui prépare les parties et anime le dialogue.',
  example: { mediatorId: 'mediator-1' },
});

export const Assignment = z.enum(['intakeOfficer', 'mediator']);
export type Assignment = z.infer<typeof Assignment>;

export const ReassignCase = z.strictObject({
  type: z.literal('ReassignCase'),
  data: z.strictObject({
    assignment: Assignment,
    /** An intake officer is a Restorative Justice Unit officer; a mediator, an RO mediator. */
    assigneeId: staffOf('rju', 'mediator'),
    /** Why, for the audit trail: workload, leave, a conflict of interest. Not about the participants. */
    reason: text(500).optional(),
  }),
}).meta({
  description:
    'Give the case to another intake officer or mediator, at any stage after the first assignment (the Restorative Justice Unit only); a mediator who is replaced no longer sees the case.',
  descriptionFr:
    'Confier l’évaluation initiale ou la médiation du dossier à une autre personne, à toute étape après la première attribution (l’Unité de la justice réparatrice seulement)\u00a0; la médiatrice ou le médiateur remplacé n’a plus accès au dossier.',
  example: { assignment: 'mediator', assigneeId: 'mediator-2', reason: 'Caseload rebalanced after a leave.' },
});

export const RecordNoContactCondition = z.strictObject({
  type: z.literal('RecordNoContactCondition'),
  data: z.strictObject({
    kind: NoContactConditionKind,
    imposedOn: LocalDate,
    facilitationWording: FacilitationWording.optional(),
  }),
}).meta({
  description:
    'Record a court non-communication order or Parole Board no-contact condition imposed or learned of after intake (e.g. at a conditional release). Unless it already carries the facilitation wording, it blocks communication between the victim and the offender.',
  descriptionFr:
    'Consigner une ordonnance de non-communication du tribunal ou une condition de non-communication de la Commission des libérations conditionnelles du Canada imposée, ou dont on a pris connaissance, après l’évaluation initiale (p. ex. lors d’une mise en liberté sous condition). À moins d’être déjà assortie du libellé autorisant la facilitation, elle bloque la communication entre la victime et le délinquant.',
  example: { kind: 'paroleBoardNoContactCondition', imposedOn: '2026-02-02' },
});

/**
 * What a court varied in its non-communication order so that the program may facilitate contact.
 * The protocols prescribe a wording for Parole Board conditions only (2.c, 2.d); for a court order
 * they say only that requests are "referred to the NHQ Restorative Justice Unit" (2.a), and the
 * court words its variation as it sees fit. Never the order's text, which names the victim.
 */
export const CourtVariation = z.enum(['programFacilitatedCommunication', 'communicationWithVictimConsent', 'otherException']);
export type CourtVariation = z.infer<typeof CourtVariation>;

export const RecordConditionAmended = z.strictObject({
  type: z.literal('RecordConditionAmended'),
  data: z.discriminatedUnion('kind', [
    /** The Parole Board amended its condition with the wording the protocols prescribe. */
    z.strictObject({
      kind: z.literal('paroleBoardNoContactCondition'),
      amendedOn: LocalDate,
      facilitationWording: FacilitationWording,
    }),
    /** The court varied its order to allow the program's facilitated contact, in its own words. */
    z.strictObject({
      kind: z.literal('courtNonCommunicationOrder'),
      amendedOn: LocalDate,
      variation: CourtVariation,
    }),
  ]),
}).meta({
  description:
    `Record that a no-contact condition now allows mediation. A Parole Board of Canada condition is amended by adding the wording “${FACILITATION_WORDING}”: give only the added clause, never the whole condition (which names the victim). A court non-communication order is varied by the court in its own words: give what the court varied (communication facilitated by CSC’s Restorative Opportunities Program, communication the victim consents to, or another exception), not its text.`,
  descriptionFr:
    `Consigner qu’une condition de non-communication permet désormais la médiation. Une condition de la Commission des libérations conditionnelles du Canada est modifiée par l’ajout du libellé «\u00a0${FACILITATION_WORDING_FR}\u00a0» (en anglais, «\u00a0${FACILITATION_WORDING}\u00a0»)\u00a0: ne fournir que la clause ajoutée, jamais la condition entière (qui nomme la victime). Une ordonnance de non-communication est modifiée par le tribunal dans ses propres termes\u00a0: indiquer ce que le tribunal a modifié (communication facilitée par le programme Possibilités de justice réparatrice du SCC, communication à laquelle la victime consent, ou autre exception), et non son texte.`,
  example: { kind: 'paroleBoardNoContactCondition', amendedOn: '2026-02-16', facilitationWording: FACILITATION_WORDING },
});

/** How a no-contact condition ended: it expired, it was removed, or it was varied so that it no longer forbids contact. */
export const ConditionEnding = z.enum(['expired', 'removed', 'varied']);

export const RecordConditionEnded = z.strictObject({
  type: z.literal('RecordConditionEnded'),
  data: z.strictObject({
    kind: NoContactConditionKind,
    endedOn: LocalDate,
    /** How it ended; never the condition's text, which names the victim. */
    how: ConditionEnding,
  }),
}).meta({
  description:
    'Record that a court non-communication order or Parole Board no-contact condition recorded on the case has ended: it expired, was removed, or was varied so that it no longer forbids contact. It no longer blocks communication between the victim and the offender. Give only how and when it ended, never the condition itself (which names the victim). A condition varied to add the facilitation wording is recorded as amended instead.',
  descriptionFr:
    'Consigner qu’une ordonnance de non-communication du tribunal ou une condition de non-communication de la Commission des libérations conditionnelles du Canada consignée dans le dossier a pris fin\u00a0: elle a expiré, elle a été annulée, ou elle a été modifiée de sorte qu’elle n’interdit plus le contact. Elle ne bloque plus la communication entre la victime et le délinquant. Ne fournir que la façon dont elle a pris fin et la date, jamais la condition elle-même (qui nomme la victime). Une condition modifiée pour y ajouter le libellé autorisant la facilitation est consignée comme modifiée.',
  example: { kind: 'paroleBoardNoContactCondition', endedOn: '2026-02-16', how: 'expired' },
});

/**
 * The protocols, 2.d: "CSC staff who are advised by the NHQ Restorative Justice Unit of an upcoming
 * facilitated dialogue between a victim and an offender who currently has a no contact condition
 * will recommend the amendment of the condition".
 */
export const AdviseStaffOfDialogue = z.strictObject({
  type: z.literal('AdviseStaffOfDialogue'),
  data: z.strictObject({
    /** When the Restorative Justice Unit advised them. */
    advisedAt: Instant,
    /** Whom it advised, by position: usually the offender's parole officer. */
    staffRole: StaffRole.optional(),
  }),
}).meta({
  description:
    'The Restorative Justice Unit records that it advised CSC staff of the upcoming facilitated dialogue, so that they recommend amending the Parole Board of Canada no-contact condition with the facilitation wording. Once both parties consent and a model is chosen, while the condition is in place; the meeting may be arranged meanwhile, but the dialogue waits for the amendment.',
  descriptionFr:
    'L’Unité de la justice réparatrice consigne qu’elle a avisé le personnel du SCC du dialogue facilité à venir, afin qu’il recommande de modifier la condition de non-communication imposée par la Commission des libérations conditionnelles du Canada en y ajoutant le libellé autorisant la facilitation. Possible une fois que les deux parties consentent et qu’un modèle est choisi, tant que la condition est en vigueur\u00a0; la rencontre peut être organisée entre-temps, mais le dialogue attend la modification.',
  example: { advisedAt: '2026-02-04T10:00:00-05:00', staffRole: 'paroleOfficer' },
});

/**
 * A party's word, at a preparation session, on communicating with the other party. `given`: they
 * consent; `notYet`: they have not consented, and preparation continues; `takenBack`: they
 * consented before and no longer do — the case goes on (participation is voluntary at every stage,
 * and ending it is `Withdraw`), and they may consent again at a later session.
 */
export const Consent = z.enum(['given', 'notYet', 'takenBack']);
export type Consent = z.infer<typeof Consent>;

export const RecordPreparation = z.strictObject({
  type: z.literal('RecordPreparation'),
  data: z.strictObject({
    /** Each party is prepared separately, by the mediator. */
    party: Party,
    heldAt: Instant,
    consent: Consent,
    /** The mediator's notes of the session (needs, questions, hopes). Personal information. */
    notes: Note.optional(),
  }),
}).meta({
  description:
    'Record a preparation session between the mediator and one party, and whether that party now consents to communicate with the other: given, not yet, or taken back (they consented before and no longer do). A party who takes their consent back stays in the process and may consent again later; until they do, no model is chosen, no meeting is arranged or held and no exchange is recorded, and a meeting already arranged is cancelled. Allowed whatever no-contact condition is in place: meeting the mediator is not a breach.',
  descriptionFr:
    'Consigner une séance de préparation entre la médiatrice ou le médiateur et une partie, et indiquer si cette partie consent désormais à communiquer avec l’autre\u00a0: consentement donné, pas encore donné, ou retiré (donné auparavant, il ne l’est plus). La partie qui retire son consentement reste dans le processus et peut consentir de nouveau plus tard\u00a0; d’ici là, aucun modèle n’est choisi, aucune rencontre n’est organisée ni tenue, aucun échange n’est consigné, et la rencontre déjà organisée est annulée. Séance permise quelle que soit la condition de non-communication en vigueur\u00a0: rencontrer la médiatrice ou le médiateur ne constitue pas un manquement.',
  example: {
    party: 'victim',
    heldAt: '2026-01-27T15:00:00-05:00',
    consent: 'given',
    notes: 'Wants to ask why their home was chosen; would prefer to meet in person.',
  },
});

export const AgreeSupportPerson = z.strictObject({
  type: z.literal('AgreeSupportPerson'),
  data: z.strictObject({
    /** Whom the support person accompanies. All participants agreed to their presence. */
    supports: Party,
    person: PersonInput,
  }),
}).meta({
  description:
    'Record a support person for the victim or the offender whose presence all participants discussed and agreed upon.',
  descriptionFr:
    'Consigner, pour la victime ou le délinquant, une personne de soutien dont la présence a été discutée et acceptée par toutes les personnes participantes.',
  example: { supports: 'victim', person: { name: 'Alex Tremblay', contact: '613-555-0199' } },
});

/**
 * Only support persons "whose presence had been discussed and agreed upon by all participants" may
 * attend (protocols), and participation is voluntary "at all stages": a participant may take back
 * their agreement to a support person.
 */
export const WithdrawSupportPersonAgreement = z.strictObject({
  type: z.literal('WithdrawSupportPersonAgreement'),
  data: z.strictObject({
    /** The support person whose presence is no longer agreed. */
    personId: subjectOf('SupportPersonAgreed', 'person'),
    /** The participant who withdrew their agreement. */
    withdrawnBy: Party,
  }),
}).meta({
  description:
    'Record that the victim or the offender no longer agrees to the presence of a support person: the person may no longer attend. A meeting already arranged that names them cannot be recorded as held until it is arranged again without them.',
  descriptionFr:
    'Consigner que la victime ou le délinquant n’accepte plus la présence d’une personne de soutien\u00a0: cette personne ne peut plus assister à la rencontre. Une rencontre déjà organisée qui la compte parmi les personnes présentes ne peut être consignée comme tenue avant d’avoir été organisée de nouveau sans elle.',
  example: { personId: 'subject-support', withdrawnBy: 'offender' },
});

/** The victim-offender mediation models of the program. */
export const MediationModel = z.enum(['letterExchange', 'videoExchange', 'faceToFace', 'shuttleMediation', 'groupConference']);
export type MediationModel = z.infer<typeof MediationModel>;

export const SelectModel = z.strictObject({
  type: z.literal('SelectModel'),
  data: z.strictObject({ model: MediationModel }),
}).meta({
  description:
    'Choose the mediation model the participants need: letter exchange, video exchange, face-to-face meeting, shuttle mediation through the mediator, or group conference. Only while both parties consent.',
  descriptionFr:
    'Choisir le modèle de médiation qui répond aux besoins des personnes participantes\u00a0: échange de lettres, échange de vidéos, rencontre face à face, médiation indirecte (navette) par l’entremise de la médiatrice ou du médiateur, ou conférence de groupe. Possible seulement tant que les deux parties y consentent.',
  example: { model: 'faceToFace' },
});

export const Venue = z.strictObject({
  kind: z.enum(['institution', 'paroleOffice']),
  /** The institution or parole office, e.g. "Collins Bay Institution". */
  site: text(200),
});

export const MeetingRoom = z.enum(['boardroom', 'meetingRoom', 'chapel', 'otherPrivateRoom', 'visitsAndCorrespondenceArea']);

export const ExceptionalCircumstances = z.strictObject({
  reason: z.enum(['noOtherSpaceAvailable', 'securityRequirement', 'accessibilityNeeds', 'other']),
  /** No visitors or staff other than those agreed upon before the meeting will be in the area. */
  areaClosedToOthers: z.boolean(),
});

export const ArrangeMeeting = z.strictObject({
  type: z.literal('ArrangeMeeting'),
  data: z.strictObject({
    scheduledFor: Instant,
    venue: Venue,
    room: MeetingRoom,
    /** Required to use the Visits and Correspondence area. */
    exceptionalCircumstances: ExceptionalCircumstances.optional(),
    /** Besides the mediator, the victim and the offender: support persons already agreed by all participants. */
    supportPersonIds: z.array(subjectOf('SupportPersonAgreed', 'person')).max(10).default([]),
    /** The room is closed and private enough that the meeting is neither interrupted nor observed. */
    privateAndUninterrupted: z.boolean(),
    /** Institutional staff will not record the dialogue (audio or video), and no outside party will hear it. */
    notRecordedOrOverheard: z.boolean(),
    /** Institutional staff will have entry documents naming the victims, with their arrival times, at the principal entrance. */
    entryDocumentsArranged: z.boolean().optional(),
  }),
}).meta({
  description:
    'For a face-to-face meeting or group conference: record the date, time and room reserved with the institution or parole office: a closed private room (not the Visits and Correspondence area unless in exceptional circumstances), attended only by the mediator, the parties and agreed support persons, not recorded by staff, with entry documents ready for the victims. Refused while a party does not consent. Allowed while a no-contact condition awaits its amendment: the reservation is made ahead, but the meeting is recorded as held only once the condition allows it.',
  descriptionFr:
    'Pour une rencontre face à face ou une conférence de groupe\u00a0: consigner la date, l’heure et la salle réservées auprès de l’établissement ou du bureau de libération conditionnelle, soit une salle privée et fermée (et non le secteur des visites et de la correspondance, sauf circonstances exceptionnelles), où n’assistent que la médiatrice ou le médiateur, les parties et les personnes de soutien acceptées, sans enregistrement par le personnel, et avec des documents d’entrée prêts pour les victimes. Impossible tant qu’une partie n’y consent pas. Permis pendant qu’une condition de non-communication attend sa modification\u00a0: la réservation se fait d’avance, mais la rencontre n’est consignée comme tenue qu’une fois que la condition le permet.',
  example: {
    scheduledFor: '2026-02-24T10:00:00-05:00',
    venue: { kind: 'institution', site: 'Collins Bay Institution' },
    room: 'chapel',
    supportPersonIds: [],
    privateAndUninterrupted: true,
    notRecordedOrOverheard: true,
    entryDocumentsArranged: true,
  },
});

export const RecordDialogue = z.strictObject({
  type: z.literal('RecordDialogue'),
  data: z.strictObject({
    /** When the meeting took place, or the exchange (of letters, videos, relayed messages) was completed. */
    heldAt: Instant,
  }),
}).meta({
  description:
    'Record that the dialogue took place: the arranged meeting was held, or the exchange of letters, videos or relayed messages was completed. Refused while a party does not consent, while a no-contact condition remains in force without its amendment, or while the meeting arranged names a support person whose presence is no longer agreed.',
  descriptionFr:
    'Consigner la tenue du dialogue\u00a0: la rencontre organisée a eu lieu, ou l’échange de lettres, de vidéos ou de messages relayés est terminé. Impossible tant qu’une partie n’y consent pas, tant qu’une condition de non-communication reste en vigueur sans avoir été modifiée, ou tant que la rencontre organisée compte une personne de soutien dont la présence n’est plus acceptée.',
  example: { heldAt: '2026-02-24T10:00:00-05:00' },
});

export const BeginFollowUp = z.strictObject({
  type: z.literal('BeginFollowUp'),
  data: z.strictObject({}),
}).meta({
  description:
    'The dialogues are over: the mediator follows up with each party.',
  descriptionFr:
    'Les dialogues sont terminés\u00a0: la médiatrice ou le médiateur assure le suivi auprès de chaque partie.',
  example: {},
});

export const RecordFollowUp = z.strictObject({
  type: z.literal('RecordFollowUp'),
  data: z.strictObject({
    party: Party,
    heldAt: Instant,
    notes: Note.optional(),
  }),
}).meta({
  description:
    'Record a follow-up session between the mediator and one party.',
  descriptionFr:
    'Consigner une séance de suivi entre la médiatrice ou le médiateur et une partie.',
  example: { party: 'victim', heldAt: '2026-02-27T11:00:00-05:00' },
});

export const CloseCase = z.strictObject({
  type: z.literal('CloseCase'),
  data: z.strictObject({}),
}).meta({
  description:
    'Close the case after follow-up.',
  descriptionFr:
    'Fermer le dossier après le suivi.',
  example: {},
});

export const DetermineNotSuitable = z.strictObject({
  type: z.literal('DetermineNotSuitable'),
  data: z.strictObject({ reason: NotSuitableReason }),
}).meta({
  description:
    'Ongoing case assessment found the case no longer suitable for mediation (e.g. a safety concern arose): the case ends.',
  descriptionFr:
    'L’évaluation continue du dossier a permis de conclure que celui-ci ne convient plus à la médiation (p. ex. une préoccupation en matière de sécurité est apparue)\u00a0: le dossier prend fin.',
  example: { reason: 'safetyConcerns' },
});

export const Withdraw = z.strictObject({
  type: z.literal('Withdraw'),
  data: z.strictObject({
    /** Who withdraws: participation is voluntary for everyone, at every stage. No reason is required. */
    party: Party,
    /** What the party chose to say about it. Personal information. */
    note: Note.optional(),
  }),
}).meta({
  description:
    'The victim or the offender no longer wishes to take part. Participation is voluntary for everyone at every stage: possible until the case ends, no reason required.',
  descriptionFr:
    'La victime ou le délinquant ne souhaite plus participer. La participation est volontaire pour chaque personne, à chaque étape\u00a0: le retrait est possible jusqu’à la fin du dossier, sans qu’aucun motif soit exigé.',
  example: { party: 'victim' },
});

export const RestorativeOpportunitiesCommand = z.discriminatedUnion('type', [
  ReceiveReferral,
  BeginIntakeAssessment,
  AssessIntake,
  AssignMediator,
  ReassignCase,
  RecordNoContactCondition,
  RecordConditionAmended,
  RecordConditionEnded,
  AdviseStaffOfDialogue,
  RecordPreparation,
  AgreeSupportPerson,
  WithdrawSupportPersonAgreement,
  SelectModel,
  ArrangeMeeting,
  RecordDialogue,
  BeginFollowUp,
  RecordFollowUp,
  CloseCase,
  DetermineNotSuitable,
  Withdraw,
]);
/** A command as `decide` receives it: its data already parsed by its schema. */
export type RestorativeOpportunitiesCommand = z.output<typeof RestorativeOpportunitiesCommand>;
