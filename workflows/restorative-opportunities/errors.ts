import { defineError, defineTimeInFuture, defineTooFarAhead, quoted, type ErrorTexts, type Language } from '../../domain/errors';
import { FACILITATION_WORDING, FACILITATION_WORDING_FR, type Assignment, type Consent, type MediationModel, type NoContactConditionKind, type Party, type RestorativeOpportunitiesCommand } from './commands';
import { restorativeOpportunitiesLabels } from './labels';

/** A command as the console names it, in a refusal that asks for it. */
const command = (type: RestorativeOpportunitiesCommand['type'], language: Language) => quoted(restorativeOpportunitiesLabels.commands, type, language);

/** A party's answer on consent as the form offers it. */
const answer = (consent: Consent, language: Language) => quoted(restorativeOpportunitiesLabels.values, consent, language);

/** Each kind of condition, in English and in French with its article (both are feminine in French). */
const CONDITIONS: Record<NoContactConditionKind, { en: string; fr: string; frNoun: string }> = {
  courtNonCommunicationOrder: {
    en: 'court non-communication order',
    fr: "l’ordonnance de non-communication rendue par le tribunal",
    frNoun: 'ordonnance de non-communication rendue par le tribunal',
  },
  paroleBoardNoContactCondition: {
    en: 'Parole Board of Canada no-contact condition',
    fr: 'la condition de non-communication imposée par la Commission des libérations conditionnelles du Canada',
    frNoun: 'condition de non-communication imposée par la Commission des libérations conditionnelles du Canada',
  },
};

const PARTIES: Record<Party, Record<Language, string>> = {
  victim: { en: 'the victim', fr: 'la victime' },
  offender: { en: 'the offender', fr: 'le délinquant' },
};

const MODELS: Record<MediationModel, Record<Language, string>> = {
  letterExchange: { en: 'letter exchange', fr: 'échange de lettres' },
  videoExchange: { en: 'video exchange', fr: 'échange de messages vidéo' },
  faceToFace: { en: 'face-to-face meeting', fr: 'rencontre en personne' },
  shuttleMediation: { en: 'shuttle mediation through the mediator', fr: "médiation indirecte par l’entremise de la médiatrice ou du médiateur" },
  groupConference: { en: 'group conference', fr: 'conférence de groupe' },
};

const ASSIGNMENTS: Record<Assignment, Record<Language, string>> = {
  intakeOfficer: { en: 'intake officer', fr: 'la personne responsable de l’évaluation initiale' },
  mediator: { en: 'mediator', fr: 'la médiatrice ou le médiateur' },
};

const list = (labels: readonly string[], and: string): string =>
  labels.length <= 1 ? labels.join('') : `${labels.slice(0, -1).join(', ')} ${and} ${labels[labels.length - 1]}`;

export const OffenderSelfReferral = defineError('RO.OFFENDER_SELF_REFERRAL', 'rule', {
  en: () =>
    'The Restorative Opportunities program does not accept requests made directly by an offender. The offender can express their interest to a CSC staff person (for example a parole officer, chaplain or psychologist), who forwards it to the program as an institutional or community referral.',
  fr: () =>
    "Le programme Possibilités de justice réparatrice n’accepte pas les demandes présentées directement par un délinquant. Le délinquant peut exprimer son intérêt à un membre du personnel du SCC (par exemple à la libération conditionnelle, à l’aumônerie ou en psychologie), qui transmet la demande au programme sous forme de renvoi de l’établissement ou de la collectivité.",
});

export const RepresentativeForUnregisteredVictim = defineError('RO.REPRESENTATIVE_FOR_UNREGISTERED_VICTIM', 'rule', {
  en: () =>
    'A victim representative can make a request only on behalf of a registered victim. Register the victim with CSC Victim Services first, or record the request as the victim’s own: non-registered victims may ask themselves.',
  fr: () =>
    "Une personne représentant la victime ne peut présenter une demande qu’au nom d’une victime inscrite. Inscrivez d’abord la victime auprès des Services aux victimes du SCC, ou consignez la demande comme celle de la victime\u00a0: les victimes non inscrites peuvent présenter une demande elles-mêmes.",
});

/** A fact dated later than now, named by its field's label and said beside the field, as in every workflow. */
export const TimeInTheFuture = defineTimeInFuture('RO.TIME_IN_THE_FUTURE', restorativeOpportunitiesLabels.fields);

/** A planned time more than two years ahead: a mistyped year, not a plan. */
export const TooFarAhead = defineTooFarAhead('RO.TOO_FAR_AHEAD', restorativeOpportunitiesLabels.fields);

/** A field of a command as its form names it. */
const field = (name: string, language: Language) => quoted(restorativeOpportunitiesLabels.fields, name, language);

/** A referral dated before the program existed: `began` is the year it began. */
export const ReferralBeforeProgram = defineError<{ field: string; value: string; began: string }>('RO.BEFORE_PROGRAM', 'rule', {
  en: (p) => `${field(p.field, 'en')}: ${p.value} is before CSC’s Restorative Opportunities program began, in ${p.began}.`,
  fr: (p) => `${field(p.field, 'fr')}\u00a0: ${p.value} précède la création du programme Possibilités de justice réparatrice du SCC, en ${p.began}.`,
});

/** The same, beside the field, which a form names already. */
export const BEFORE_PROGRAM_AT_FIELD: ErrorTexts<{ field: string; value: string; began: string }> = {
  en: (p) => `${p.value} is before CSC’s Restorative Opportunities program began, in ${p.began}.`,
  fr: (p) => `${p.value} précède la création du programme Possibilités de justice réparatrice du SCC, en ${p.began}.`,
};

/** A fact of the case dated before the referral that opened it: `receivedAt` as the case's region's clock shows it. */
export const BeforeReferral = defineError<{ field: string; value: string; receivedAt: string }>('RO.BEFORE_REFERRAL', 'rule', {
  en: (p) => `${field(p.field, 'en')}: ${p.value} is before the referral was received (${p.receivedAt}).`,
  fr: (p) => `${field(p.field, 'fr')}\u00a0: ${p.value} précède la réception du renvoi (${p.receivedAt}).`,
});

/** The same, beside the field, which a form names already. */
export const BEFORE_REFERRAL_AT_FIELD: ErrorTexts<{ field: string; value: string; receivedAt: string }> = {
  en: (p) => `${p.value} is before the referral was received (${p.receivedAt}).`,
  fr: (p) => `${p.value} précède la réception du renvoi (${p.receivedAt}).`,
};

/** A meeting held before the day it was arranged for: it was moved, and its new date is not recorded yet. */
export const DialogueBeforeMeeting = defineError<{ field: string; value: string; scheduledOn: string }>('RO.DIALOGUE_BEFORE_MEETING', 'rule', {
  en: (p) =>
    `${field(p.field, 'en')}: ${p.value} is before the day the meeting was arranged for (${p.scheduledOn}). If it was moved to an earlier day, record its new date first (${command('ArrangeMeeting', 'en')}).`,
  fr: (p) =>
    `${field(p.field, 'fr')}\u00a0: ${p.value} précède le jour prévu pour la rencontre (${p.scheduledOn}). Si elle a été avancée, consignez d’abord sa nouvelle date (${command('ArrangeMeeting', 'fr')}).`,
});

/** The same, beside the field, which a form names already. */
export const DIALOGUE_BEFORE_MEETING_AT_FIELD: ErrorTexts<{ field: string; value: string; scheduledOn: string }> = {
  en: (p) =>
    `${p.value} is before the day the meeting was arranged for (${p.scheduledOn}). If it was moved to an earlier day, record its new date first (${command('ArrangeMeeting', 'en')}).`,
  fr: (p) =>
    `${p.value} précède le jour prévu pour la rencontre (${p.scheduledOn}). Si elle a été avancée, consignez d’abord sa nouvelle date (${command('ArrangeMeeting', 'fr')}).`,
};

export const OffenderResponsibilityNotAccepted = defineError('RO.OFFENDER_RESPONSIBILITY_NOT_ACCEPTED', 'rule', {
  en: () =>
    'A case is suitable for victim-offender mediation only when the offender has taken responsibility for their actions. Record the intake as not suitable, or complete the assessment once they have.',
  fr: () =>
    "Un dossier ne se prête à la médiation entre la victime et le délinquant que si le délinquant a assumé la responsabilité de ses actes. Concluez que le dossier ne convient pas, ou terminez l’évaluation lorsqu’il l’aura fait.",
});

export const SafetyConcernsUnresolved = defineError('RO.SAFETY_CONCERNS_UNRESOLVED', 'rule', {
  en: () =>
    'A case cannot be found suitable while safety concerns are unresolved: the priority is a safe process without risk of further victimization. Manage the concerns first, or record the case as not suitable.',
  fr: () =>
    "Un dossier ne peut être jugé convenir à la médiation tant que des préoccupations en matière de sécurité ne sont pas réglées\u00a0: la priorité est un processus sûr, sans risque de nouvelle victimisation. Gérez d’abord ces préoccupations, ou concluez que le dossier ne convient pas.",
});

export const FacilitationWordingMissing = defineError<{ condition: NoContactConditionKind }>(
  'RO.FACILITATION_WORDING_MISSING',
  'rule',
  {
    en: (p) =>
      `The ${CONDITIONS[p.condition].en} allows victim-offender mediation only once it carries the wording “${FACILITATION_WORDING}”. The wording given does not contain it.`,
    fr: (p) =>
      `${capitalize(CONDITIONS[p.condition].fr)} ne permet la médiation entre la victime et le délinquant qu’une fois assortie du libellé prévu par les protocoles\u00a0: «\u00a0${FACILITATION_WORDING_FR}\u00a0» (en anglais, «\u00a0${FACILITATION_WORDING}\u00a0»). Le libellé fourni ne le contient pas.`,
  },
);

export const ConditionNotInPlace = defineError<{ condition: NoContactConditionKind }>('RO.CONDITION_NOT_IN_PLACE', 'rule', {
  en: (p) =>
    `No ${CONDITIONS[p.condition].en} that forbids contact is recorded on this case, so there is nothing to amend. If one was imposed, record it first (${command('RecordNoContactCondition', 'en')}).`,
  fr: (p) =>
    `Aucune ${CONDITIONS[p.condition].frNoun} interdisant le contact n’est consignée dans ce dossier\u00a0: il n’y a rien à modifier. Si une telle mesure a été imposée, consignez-la d’abord (${command('RecordNoContactCondition', 'fr')}).`,
});

export const ConditionNotRecorded = defineError<{ condition: NoContactConditionKind }>('RO.CONDITION_NOT_RECORDED', 'rule', {
  en: (p) => `No ${CONDITIONS[p.condition].en} is recorded on this case, so there is none to record as ended.`,
  fr: (p) => `Aucune ${CONDITIONS[p.condition].frNoun} n’est consignée dans ce dossier\u00a0: il n’y en a aucune dont consigner la fin.`,
});

/**
 * How each kind of condition comes to allow the dialogue. The protocols prescribe the facilitation
 * wording for a Parole Board condition, which CSC staff recommend once the Restorative Justice Unit
 * advises them of the upcoming dialogue (2.c, 2.d); a court varies its own order, the request going
 * through the unit (2.a). `staffAdvisedOn`: the day the unit advised CSC staff, if it did.
 */
const HOW_LIFTED: Record<NoContactConditionKind, Record<Language, (staffAdvisedOn: string | undefined) => string>> = {
  paroleBoardNoContactCondition: {
    en: (advisedOn) =>
      `The Parole Board of Canada no-contact condition must first be amended to add the wording “${FACILITATION_WORDING}”: record the amendment with ${command('RecordConditionAmended', 'en')}. ${
        advisedOn !== undefined
          ? `The Restorative Justice Unit advised CSC staff of the upcoming dialogue on ${advisedOn}, so that they recommend the amendment.`
          : `The Restorative Justice Unit advises CSC staff of the upcoming dialogue, so that they recommend the amendment (${command('AdviseStaffOfDialogue', 'en')}).`
      }`,
    fr: (advisedOn) =>
      `La condition de non-communication imposée par la Commission des libérations conditionnelles du Canada doit d’abord être modifiée pour y ajouter le libellé prévu par les protocoles\u00a0: «\u00a0${FACILITATION_WORDING_FR}\u00a0» (en anglais, «\u00a0${FACILITATION_WORDING}\u00a0»). Consignez la modification avec ${command('RecordConditionAmended', 'fr')}. ${
        advisedOn !== undefined
          ? `L’Unité de la justice réparatrice a avisé le personnel du SCC du dialogue à venir le ${advisedOn}, afin qu’il recommande la modification.`
          : `L’Unité de la justice réparatrice avise le personnel du SCC du dialogue à venir, afin qu’il recommande la modification (${command('AdviseStaffOfDialogue', 'fr')}).`
      }`,
  },
  courtNonCommunicationOrder: {
    en: () =>
      `The court non-communication order must first be varied by the court to allow it, at a request made through the NHQ Restorative Justice Unit: record what the court varied with ${command('RecordConditionAmended', 'en')}.`,
    fr: () =>
      `L’ordonnance de non-communication rendue par le tribunal doit d’abord être modifiée par le tribunal pour le permettre, à la suite d’une demande présentée par l’entremise de l’Unité de la justice réparatrice de l’AC\u00a0: consignez la modification apportée par le tribunal avec ${command('RecordConditionAmended', 'fr')}.`,
  },
};

/**
 * `conditions`: those that still forbid contact; `staffAdvisedOn`: the day the Restorative Justice
 * Unit advised CSC staff of the upcoming dialogue; `meetingOn`: the day of a meeting already
 * arranged, which stays reserved but is not held until then.
 */
export const NoContactConditionNotAmended = defineError<{ conditions: readonly NoContactConditionKind[]; staffAdvisedOn?: string; meetingOn?: string }>(
  'RO.NO_CONTACT_CONDITION_NOT_AMENDED',
  'rule',
  {
    en: (p) => {
      const several = p.conditions.length > 1;
      return [
        `The victim and the offender cannot be brought into communication, by a meeting or by any exchange, while the ${list(
          p.conditions.map((c) => CONDITIONS[c].en),
          'and the',
        )} ${several ? 'forbid' : 'forbids'} it.`,
        ...p.conditions.map((c) => HOW_LIFTED[c].en(p.staffAdvisedOn)),
        `If ${several ? 'they have' : 'it has'} ended (expired, removed, or varied so as no longer to forbid contact), record that with ${command('RecordConditionEnded', 'en')}.`,
        p.meetingOn !== undefined &&
          `The meeting arranged for ${p.meetingOn} stays reserved, but it cannot be held until the condition allows it: if the amendment does not come in time, arrange the meeting again for a later day (${command('ArrangeMeeting', 'en')}), or choose another model.`,
        'The mediator may still meet each party separately: a meeting between the mediator and the offender is not a breach.',
      ]
        .filter(Boolean)
        .join(' ');
    },
    fr: (p) => {
      const several = p.conditions.length > 1;
      return [
        `La victime et le délinquant ne peuvent pas communiquer, ni par une rencontre ni par un échange, tant que ${list(
          p.conditions.map((c) => CONDITIONS[c].fr),
          'et',
        )} ${several ? "l’interdisent" : "l’interdit"}.`,
        ...p.conditions.map((c) => HOW_LIFTED[c].fr(p.staffAdvisedOn)),
        `${several ? 'Si elles ont pris fin (expirées, annulées, ou modifiées pour ne plus interdire le contact)' : 'Si elle a pris fin (expirée, annulée, ou modifiée pour ne plus interdire le contact)'}, consignez-le avec ${command('RecordConditionEnded', 'fr')}.`,
        p.meetingOn !== undefined &&
          `La rencontre prévue le ${p.meetingOn} reste réservée, mais elle ne peut avoir lieu tant que la condition ne le permet pas\u00a0: si la modification n’arrive pas à temps, organisez de nouveau la rencontre à une date ultérieure (${command('ArrangeMeeting', 'fr')}), ou choisissez un autre modèle.`,
        'La médiatrice ou le médiateur peut toujours rencontrer chaque partie séparément\u00a0: une rencontre entre la médiatrice ou le médiateur et le délinquant ne constitue pas un manquement.',
      ]
        .filter(Boolean)
        .join(' ');
    },
  },
);

/** The parties named, as the subject of a sentence. */
const partiesNamed = (named: readonly Party[], language: Language): string =>
  capitalize(list(named.map((party) => PARTIES[party][language]), language === 'en' ? 'and' : 'et'));

/**
 * `parties`: every party who does not consent now; `takenBack`: those of them who consented before
 * and took it back (the others have not consented yet).
 */
export const ConsentRequired = defineError<{ parties: readonly Party[]; takenBack: readonly Party[] }>('RO.CONSENT_REQUIRED', 'rule', {
  en: (p) => {
    const notYet = p.parties.filter((party) => !p.takenBack.includes(party));
    return [
      'A mediation model is chosen, a meeting arranged and a dialogue recorded only while both parties, prepared separately, consent to communicate.',
      notYet.length > 0 && `${partiesNamed(notYet, 'en')} ${notYet.length > 1 ? 'have' : 'has'} not consented yet.`,
      p.takenBack.length > 0 &&
        `${partiesNamed(p.takenBack, 'en')} ${p.takenBack.length > 1 ? 'have' : 'has'} taken their consent back: the case goes on, and a consent taken back may be given again at a preparation session.`,
    ]
      .filter(Boolean)
      .join(' ');
  },
  fr: (p) => {
    const notYet = p.parties.filter((party) => !p.takenBack.includes(party));
    return [
      'Un modèle de médiation n’est choisi, une rencontre n’est organisée et un dialogue n’est consigné que si les deux parties, préparées séparément, consentent à communiquer.',
      notYet.length > 0 && `${partiesNamed(notYet, 'fr')} ${notYet.length > 1 ? 'n’ont pas encore donné leur' : 'n’a pas encore donné son'} consentement.`,
      p.takenBack.length > 0 &&
        `${partiesNamed(p.takenBack, 'fr')} ${p.takenBack.length > 1 ? 'ont retiré leur' : 'a retiré son'} consentement\u00a0: le dossier se poursuit, et un consentement retiré peut être donné de nouveau lors d’une séance de préparation.`,
    ]
      .filter(Boolean)
      .join(' ');
  },
});

export const NoConsentToTakeBack = defineError<{ party: Party }>('RO.NO_CONSENT_TO_TAKE_BACK', 'rule', {
  en: (p) =>
    `${partiesNamed([p.party], 'en')} has not consented to communicate with the other party, or has already taken their consent back: there is no consent to take back. Record ${answer('notYet', 'en')} instead.`,
  fr: (p) =>
    `${partiesNamed([p.party], 'fr')} n’a pas consenti à communiquer avec l’autre partie, ou a déjà retiré son consentement\u00a0: il n’y a aucun consentement à retirer. Consignez plutôt ${answer('notYet', 'fr')}.`,
});

export const ConsentAlreadyGiven = defineError<{ party: Party }>('RO.CONSENT_ALREADY_GIVEN', 'rule', {
  en: (p) =>
    `${partiesNamed([p.party], 'en')} consented to communicate with the other party at an earlier session, and ${answer('notYet', 'en')} would leave that consent standing. Record ${answer('given', 'en')} if the consent stands, or ${answer('takenBack', 'en')} if it no longer does: the case goes on, and a consent taken back may be given again.`,
  fr: (p) =>
    `${partiesNamed([p.party], 'fr')} a consenti à communiquer avec l’autre partie lors d’une séance précédente, et ${answer('notYet', 'fr')} laisserait ce consentement en vigueur. Consignez ${answer('given', 'fr')} si le consentement est maintenu, ou ${answer('takenBack', 'fr')} s’il ne l’est plus\u00a0: le dossier se poursuit, et un consentement retiré peut être donné de nouveau.`,
});

export const NoMediatorAssigned = defineError('RO.NO_MEDIATOR_ASSIGNED', 'rule', {
  en: () => `No mediator is assigned to this case yet: assign one with ${command('AssignMediator', 'en')}.`,
  fr: () => `La médiation de ce dossier n’est encore confiée à personne\u00a0: affectez une médiatrice ou un médiateur avec ${command('AssignMediator', 'fr')}.`,
});

export const AlreadyAssigned = defineError<{ assignment: Assignment; assigneeId: string }>('RO.ALREADY_ASSIGNED', 'rule', {
  en: (p) => `${p.assigneeId} is already this case's ${ASSIGNMENTS[p.assignment].en}.`,
  fr: (p) => `${p.assigneeId} est déjà ${ASSIGNMENTS[p.assignment].fr} de ce dossier.`,
}, { staff: ['assigneeId'] });

export const ModelAlreadySelected = defineError<{ model: MediationModel }>('RO.MODEL_ALREADY_SELECTED', 'rule', {
  en: (p) => `The ${MODELS[p.model].en} is already the selected model. To change an arranged meeting, arrange it again.`,
  fr: (p) =>
    `Le modèle «\u00a0${MODELS[p.model].fr}\u00a0» est déjà choisi. Pour changer une rencontre organisée, organisez-la de nouveau.`,
});

export const MeetingSpaceNotPrivate = defineError('RO.MEETING_SPACE_NOT_PRIVATE', 'rule', {
  en: () =>
    'The institution or parole office must provide a closed room, such as a boardroom, meeting room or chapel, private enough that the meeting is neither interrupted nor observed.',
  fr: () =>
    "L’établissement ou le bureau de libération conditionnelle doit fournir une pièce fermée, comme une salle de conférence, une salle de réunion ou une chapelle, assez privée pour que la rencontre ne soit ni interrompue ni observée.",
});

export const VisitsAreaNotExceptional = defineError('RO.VISITS_AREA_NOT_EXCEPTIONAL', 'rule', {
  en: () =>
    'Meetings are not held in the Visits and Correspondence area except in exceptional circumstances: record the circumstances, or arrange a closed private room.',
  fr: () =>
    'Les rencontres ne se tiennent pas dans le secteur des visites et de la correspondance, sauf circonstances exceptionnelles\u00a0: consignez ces circonstances, ou réservez une pièce fermée et privée.',
});

export const VisitsAreaNotClosedToOthers = defineError('RO.VISITS_AREA_NOT_CLOSED_TO_OTHERS', 'rule', {
  en: () =>
    'When exceptional circumstances require the Visits and Correspondence area, it must hold no visitors or staff other than those agreed upon before the meeting.',
  fr: () =>
    "Lorsque des circonstances exceptionnelles imposent le secteur des visites et de la correspondance, celui-ci ne doit accueillir aucune autre personne, en visite ou membre du personnel, que celles convenues avant la rencontre.",
});

export const MeetingWouldBeRecorded = defineError('RO.MEETING_WOULD_BE_RECORDED', 'rule', {
  en: () =>
    'The dialogue must not be recorded, by audio or video, by institutional staff, nor heard by any outside party.',
  fr: () =>
    "Le dialogue ne doit pas être enregistré, ni en audio ni en vidéo, par le personnel de l’établissement, ni entendu par des tiers.",
});

export const EntryDocumentsNotArranged = defineError('RO.ENTRY_DOCUMENTS_NOT_ARRANGED', 'rule', {
  en: () =>
    'For a meeting in an institution, entry documents naming the victims and giving their arrival times must be ready at the principal entrance, so that their entry is treated as a sensitive matter. Arrange them with institutional staff first.',
  fr: () =>
    "Pour une rencontre dans un établissement, des documents d’entrée indiquant le nom des victimes et leur heure d’arrivée doivent être prêts à l’entrée principale, afin que leur entrée soit traitée avec discrétion. Prenez-en d’abord les dispositions avec le personnel de l’établissement.",
});

export const SupportPersonNotAgreed = defineError<{ ids: readonly string[] }>('RO.SUPPORT_PERSON_NOT_AGREED', 'rule', {
  en: (p) =>
    `Only support persons whose presence all participants discussed and agreed upon may attend. Not agreed: ${p.ids.join(', ')}. Record the agreement first (${command('AgreeSupportPerson', 'en')}).`,
  fr: (p) =>
    `Seules les personnes de soutien dont la présence a été discutée et acceptée par toutes les personnes participantes peuvent assister à la rencontre. Présence non acceptée\u00a0: ${p.ids.join(', ')}. Consignez d’abord l’accord (${command('AgreeSupportPerson', 'fr')}).`,
});

/** A support person named whose agreement is not on the case: never recorded, or already withdrawn. */
export const NoAgreementToWithdraw = defineError<{ personId: string }>('RO.NO_AGREEMENT_TO_WITHDRAW', 'rule', {
  en: (p) =>
    `${p.personId} is not a support person whose presence is agreed on this case: their agreement was never recorded, or it was already withdrawn. There is no agreement to withdraw.`,
  fr: (p) =>
    `${p.personId} n’est pas une personne de soutien dont la présence est acceptée dans ce dossier\u00a0: l’accord n’a jamais été consigné, ou il a déjà été retiré. Il n’y a aucun accord à retirer.`,
});

/**
 * The arranged meeting names support persons whose presence a participant no longer agrees to:
 * `ids`, and `meetingOn`, the day it was arranged for.
 */
export const SupportPersonNoLongerAgreed = defineError<{ ids: readonly string[]; meetingOn: string }>('RO.SUPPORT_PERSON_NO_LONGER_AGREED', 'rule', {
  en: (p) =>
    `The meeting arranged for ${p.meetingOn} names support persons whose presence is no longer agreed by all participants: ${p.ids.join(', ')}. Only support persons agreed upon by all participants may attend. Arrange the meeting again without them (${command('ArrangeMeeting', 'en')}), so that institutional staff expect only those agreed, before recording it as held.`,
  fr: (p) =>
    `La rencontre prévue le ${p.meetingOn} compte des personnes de soutien dont la présence n’est plus acceptée par toutes les personnes participantes\u00a0: ${p.ids.join(', ')}. Seules les personnes de soutien acceptées par toutes les personnes participantes peuvent y assister. Organisez de nouveau la rencontre sans elles (${command('ArrangeMeeting', 'fr')}), afin que le personnel de l’établissement n’attende que les personnes convenues, avant de la consigner comme tenue.`,
});

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
