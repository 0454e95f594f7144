import { defineError, defineTimeInFuture, defineTooFarAhead, listed, quoted, type ErrorTexts, type Language } from '../../domain/errors';
import type { RestorativeEngagementCommand } from './commands';
import { restorativeEngagementLabels } from './labels';
import type { PreparationItem } from './machine';

/** A command as the console names it, in a refusal that asks for it. */
const command = (type: RestorativeEngagementCommand['type'], language: Language) => quoted(restorativeEngagementLabels.commands, type, language);

type Labels<K extends string> = Readonly<Record<K, Readonly<Record<Language, string>>>>;

/**
 * How the choices a class member can make read in each official language, spelt as the form's values
 * (labels.ts): a delivery qualifies the mode of delivery (« mode de prestation »: virtuel, indirect),
 * a setting says how they take part (individuellement, en groupe).
 */
const CHOICE_LABELS: Labels<string> = {
  writtenSharing: { en: 'written sharing', fr: 'témoignage écrit' },
  recordedSharing: { en: 'recorded sharing', fr: 'témoignage enregistré' },
  engagementSession: { en: 'engagement session with Defence representatives', fr: "séance d’engagement avec des personnes représentantes de la Défense" },
  inPerson: { en: 'in person', fr: 'en personne' },
  virtual: { en: 'virtual', fr: 'virtuel' },
  indirect: { en: 'indirect', fr: 'indirect' },
  individual: { en: 'individually', fr: 'individuellement' },
  group: { en: 'in a group', fr: 'en groupe' },
};

const PREPARATION_LABELS: Labels<PreparationItem> = {
  meeting: { en: 'a first session with their restorative practitioner', fr: 'une première rencontre avec sa praticienne ou son praticien en approche réparatrice' },
  confidentialityLimits: {
    en: 'an explanation of the limits of confidentiality',
    fr: 'une explication des limites de la confidentialité',
  },
  goals: { en: 'their goals and objectives', fr: 'ses buts et objectifs' },
};

const label = (labels: Labels<string>, language: Language) => (key: string) => labels[key]?.[language] ?? key;
const list = (keys: readonly string[], labels: Labels<string>, language: Language) => listed(keys.map(label(labels, language)), language);

/** The days a written request's opt-in window was counted from and judged by, as a refusal names them. */
interface OptInWindowDays {
  readonly claimDecisionDate: string;
  /** Given with the request; the window counted from it if later than the decision. */
  readonly decisionLetterReceivedOn?: string;
  readonly lastDay: string;
  /** Given with the request; the window was judged by it, else by `receivedOn`. */
  readonly requestSentOn?: string;
  readonly receivedOn: string;
}

const countedFromLetter = (p: OptInWindowDays): p is OptInWindowDays & { decisionLetterReceivedOn: string } =>
  p.decisionLetterReceivedOn !== undefined && p.decisionLetterReceivedOn > p.claimDecisionDate;

/**
 * "You must send a written request to the claims administrator within 30 days of the date of your
 * initial claim decision" (000:78); "30 days from receiving it", the decision letter (001:9). A refusal
 * says which days it used, and which days not given could change it.
 */
export const OptInWindowClosed = defineError<OptInWindowDays>('RE.OPT_IN_WINDOW_CLOSED', 'rule', {
  en: (p) =>
    [
      `A written request to join the Restorative Engagement program must be sent to the claims administrator within 30 days of ${
        countedFromLetter(p)
          ? `the day the class member received the initial claim decision letter (${p.decisionLetterReceivedOn}; the decision is dated ${p.claimDecisionDate})`
          : `the initial claim decision (${p.claimDecisionDate})`
      }.`,
      `The window closed at the end of ${p.lastDay}; this request was ${p.requestSentOn !== undefined ? `sent on ${p.requestSentOn} and received on ${p.receivedOn}` : `received on ${p.receivedOn}`}.`,
      ...(p.requestSentOn === undefined ? ['If it was sent earlier, give the day it was sent.'] : []),
      ...(p.decisionLetterReceivedOn === undefined ? [`If the decision letter reached the class member after ${p.claimDecisionDate}, give that day: the window counts from it.`] : []),
    ].join(' '),
  fr: (p) =>
    [
      `Une demande écrite de participation au programme d’engagement réparateur doit être envoyée à l’administrateur des réclamations dans les 30 jours suivant ${
        countedFromLetter(p)
          ? `la réception, par le membre du groupe, de la lettre de décision initiale sur la réclamation (reçue le ${p.decisionLetterReceivedOn}, décision datée du ${p.claimDecisionDate})`
          : `la décision initiale sur la réclamation (${p.claimDecisionDate})`
      }.`,
      `Le délai a pris fin à la fin de la journée du ${p.lastDay}\u00a0; cette demande a été ${p.requestSentOn !== undefined ? `envoyée le ${p.requestSentOn} et reçue le ${p.receivedOn}` : `reçue le ${p.receivedOn}`}.`,
      ...(p.requestSentOn === undefined ? ['Si elle a été envoyée plus tôt, indiquez le jour de son envoi.'] : []),
      ...(p.decisionLetterReceivedOn === undefined
        ? [`Si la lettre de décision est parvenue au membre du groupe après le ${p.claimDecisionDate}, indiquez ce jour\u00a0: le délai court à partir de celui-ci.`]
        : []),
    ].join(' '),
});

/** A request is sent before it is received: a day sent after its receipt is a mistake in the input. */
export const RequestSentAfterReceipt = defineError<{ requestSentOn: string; receivedOn: string }>('RE.REQUEST_SENT_AFTER_RECEIPT', 'rule', {
  en: (p) => `The request cannot have been sent on ${p.requestSentOn}: the claims administrator received it on ${p.receivedOn}. Check the day it was sent.`,
  fr: (p) =>
    `La demande ne peut pas avoir été envoyée le ${p.requestSentOn}\u00a0: l’administrateur des réclamations l’a reçue le ${p.receivedOn}. Vérifiez le jour de son envoi.`,
});

/** A decision letter is received after the decision it carries: a day before it is a mistake in the input. */
export const DecisionLetterBeforeDecision = defineError<{ decisionLetterReceivedOn: string; claimDecisionDate: string }>(
  'RE.DECISION_LETTER_BEFORE_DECISION',
  'rule',
  {
    en: (p) =>
      `The decision letter cannot have been received on ${p.decisionLetterReceivedOn}, before the initial claim decision of ${p.claimDecisionDate}. Check both days.`,
    fr: (p) =>
      `La lettre de décision ne peut pas avoir été reçue le ${p.decisionLetterReceivedOn}, avant la décision initiale sur la réclamation du ${p.claimDecisionDate}. Vérifiez ces deux dates.`,
  },
);

/** No written request to join the program was received before the program was launched (seed 000). */
export const BeforeProgramLaunch = defineError<{ receivedAt: string; launchedOn: string }>('RE.BEFORE_PROGRAM_LAUNCH', 'rule', {
  en: (p) =>
    `A written request to join the Restorative Engagement program cannot have been received on ${p.receivedAt}: the program was launched on ${p.launchedOn}. Check the date it was received.`,
  fr: (p) =>
    `Une demande écrite de participation au programme d’engagement réparateur ne peut pas avoir été reçue le ${p.receivedAt}\u00a0: le programme a été lancé le ${p.launchedOn}. Vérifiez la date de réception.`,
});

/** The same, beside the field, which a form names already. */
export const BEFORE_PROGRAM_LAUNCH_AT_FIELD: ErrorTexts<{ receivedAt: string; launchedOn: string }> = {
  en: (p) => `${p.receivedAt} is before the Restorative Engagement program was launched (${p.launchedOn}).`,
  fr: (p) => `${p.receivedAt} précède le lancement du programme d’engagement réparateur (${p.launchedOn}).`,
};

/** Facts are recorded after they happen: a time later than now is a mistake in the input. */
export const TimeInFuture = defineTimeInFuture('RE.TIME_IN_FUTURE', restorativeEngagementLabels.fields);

/** A planned time more than two years ahead: a mistyped year, not a plan. */
export const TooFarAhead = defineTooFarAhead('RE.TOO_FAR_AHEAD', restorativeEngagementLabels.fields);

/** A fact of the case, or a time an engagement was scheduled for, dated before the class member's opt-in was received: said beside its field too. */
export const BeforeOptIn = defineError<{ field: string; value: string; receivedAt: string }>('RE.BEFORE_OPT_IN', 'rule', {
  en: (p) => `${quoted(restorativeEngagementLabels.fields, p.field, 'en')}: ${p.value} is before the class member’s opt-in was received (${p.receivedAt}).`,
  fr: (p) => `${quoted(restorativeEngagementLabels.fields, p.field, 'fr')}\u00a0: ${p.value} précède la réception de l’adhésion du membre du groupe (${p.receivedAt}).`,
});

/** The same, beside the field, which a form names already. */
export const BEFORE_OPT_IN_AT_FIELD: ErrorTexts<{ field: string; value: string; receivedAt: string }> = {
  en: (p) => `${p.value} is before the class member’s opt-in was received (${p.receivedAt}).`,
  fr: (p) => `${p.value} précède la réception de l’adhésion du membre du groupe (${p.receivedAt}).`,
};

export const ReassignmentRequiresSupervisor = defineError<{ practitioners: readonly string[] }>(
  'RE.REASSIGNMENT_REQUIRES_SUPERVISOR',
  'forbidden',
  {
    en: (p) => `The case is assigned to ${listed(p.practitioners, 'en')}; only a supervisor can reassign it.`,
    fr: (p) => `Le dossier est attribué à ${listed(p.practitioners, 'fr')}\u00a0; seul le personnel de supervision peut le réattribuer.`,
  },
  { staff: ['practitioners'] },
);

export const PreparationIncomplete = defineError<{ missing: readonly PreparationItem[] }>('RE.PREPARATION_INCOMPLETE', 'rule', {
  en: (p) =>
    `Preparation (phase 1) is not complete: the class member still needs ${list(p.missing, PREPARATION_LABELS, 'en')} before engagement can begin.`,
  fr: (p) =>
    `La préparation (phase 1) n’est pas terminée\u00a0: il manque encore au membre du groupe ${list(p.missing, PREPARATION_LABELS, 'fr')} avant que l’engagement puisse commencer.`,
});

/** "Honouring choices for how they would like to participate": an engagement follows the class member's choices. */
export const ChoiceNotMade = defineError<{ choice: string; chosen: readonly string[] }>('RE.OPTION_NOT_CHOSEN', 'rule', {
  en: (p) =>
    `The class member did not choose "${label(CHOICE_LABELS, 'en')(p.choice)}" (they chose: ${list(p.chosen, CHOICE_LABELS, 'en')}). Record their new choice with ${command('ChooseParticipation', 'en')} first.`,
  fr: (p) =>
    `Le membre du groupe n’a pas choisi «\u00a0${label(CHOICE_LABELS, 'fr')(p.choice)}\u00a0» (ses choix\u00a0: ${list(p.chosen, CHOICE_LABELS, 'fr')}). Consignez d’abord son nouveau choix avec ${command('ChooseParticipation', 'fr')}.`,
});

export const EngagementIdTaken = defineError<{ engagementId: string }>('RE.ENGAGEMENT_ID_TAKEN', 'rule', {
  en: (p) => `This case already has an engagement ${p.engagementId}.`,
  fr: (p) => `Ce dossier a déjà un engagement ${p.engagementId}.`,
});

export const NothingScheduled = defineError('RE.NOTHING_SCHEDULED', 'rule', {
  en: () => `No engagement is scheduled, so there is none to record: schedule it first (${command('ScheduleEngagement', 'en')}).`,
  fr: () => `Aucun engagement n’est prévu, il n’y a donc rien à consigner\u00a0: planifiez-le d’abord (${command('ScheduleEngagement', 'fr')}).`,
});

export const NoSharingToSubmit = defineError('RE.NO_SHARING_TO_SUBMIT', 'rule', {
  en: () => 'No prepared written or recorded sharing is waiting to be submitted.',
  fr: () => "Aucun témoignage écrit ou enregistré préparé n’attend d’être transmis.",
});

export const UnknownEngagement = defineError<{ engagementId: string; known: string }>('RE.ENGAGEMENT_UNKNOWN', 'rule', {
  en: (p) => `This case has no engagement ${p.engagementId}. Its engagements: ${p.known}.`,
  fr: (p) => `Ce dossier n’a pas d’engagement ${p.engagementId}. Ses engagements\u00a0: ${p.known}.`,
});

export const EngagementAlreadyRecorded = defineError<{ engagementId: string; outcome: string }>(
  'RE.ENGAGEMENT_ALREADY_RECORDED',
  'rule',
  {
    en: (p) => `Engagement ${p.engagementId} is already recorded as ${p.outcome === 'held' ? 'held' : 'cancelled'}. Schedule a new engagement instead.`,
    fr: (p) =>
      `L’engagement ${p.engagementId} est déjà consigné comme ${p.outcome === 'held' ? 'tenu' : 'annulé'}. Planifiez plutôt un nouvel engagement.`,
  },
);

export const NotASharing = defineError<{ engagementId: string }>('RE.NOT_A_SHARING', 'rule', {
  en: (p) => `Engagement ${p.engagementId} is an engagement session, not a written or recorded sharing: there is nothing to submit.`,
  fr: (p) => `L’engagement ${p.engagementId} est une séance d’engagement, et non un témoignage écrit ou enregistré\u00a0: il n’y a rien à transmettre.`,
});

export const SharingNotPrepared = defineError<{ engagementId: string; status: string }>('RE.SHARING_NOT_PREPARED', 'rule', {
  en: (p) =>
    `Sharing ${p.engagementId} is ${p.status === 'cancelled' ? 'cancelled' : 'not prepared yet'}: record it as held before submitting it.`,
  fr: (p) =>
    `Le témoignage ${p.engagementId} est ${p.status === 'cancelled' ? 'annulé' : 'pas encore préparé'}\u00a0: consignez-le comme préparé avant de le transmettre.`,
});

export const SharingAlreadySubmitted = defineError<{ engagementId: string }>('RE.SHARING_ALREADY_SUBMITTED', 'rule', {
  en: (p) => `Sharing ${p.engagementId} was already submitted.`,
  fr: (p) => `Le témoignage ${p.engagementId} a déjà été transmis.`,
});

/** "If you choose to share your experience(s), you may do so anonymously": a preference the program honours. */
export const AnonymityPreferenceConflict = defineError<{ engagementId: string }>('RE.ANONYMITY_PREFERENCE', 'rule', {
  en: (p) =>
    `The class member asked to share anonymously: sharing ${p.engagementId} cannot be submitted with their identity. If they changed their mind, record it with ${command('ChooseParticipation', 'en')} first.`,
  fr: (p) =>
    `Le membre du groupe a demandé à témoigner de façon anonyme\u00a0: le témoignage ${p.engagementId} ne peut pas être transmis avec son identité. En cas de changement d’avis, consignez-le d’abord avec ${command('ChooseParticipation', 'fr')}.`,
});

export const NoEngagementHeld = defineError('RE.NO_ENGAGEMENT_HELD', 'rule', {
  en: () => 'Phase 2 cannot end before at least one engagement has been held or one sharing prepared.',
  fr: () => "La phase 2 ne peut pas se terminer avant qu’au moins un engagement ait eu lieu ou qu’un témoignage ait été préparé.",
});

export const EngagementsPending = defineError<{ engagementIds: readonly string[] }>('RE.ENGAGEMENTS_PENDING', 'rule', {
  en: (p) => `Phase 2 cannot end while engagements are still scheduled: record ${p.engagementIds.join(', ')} as held or cancelled first.`,
  fr: (p) =>
    `La phase 2 ne peut pas se terminer tant que des engagements sont prévus\u00a0: consignez d’abord ${p.engagementIds.join(', ')} comme tenus ou annulés.`,
});

export const ReflectionRequired = defineError('RE.REFLECTION_REQUIRED', 'rule', {
  en: () => `Record the class member’s reflection on whether their goals were met first (${command('RecordReflection', 'en')}).`,
  fr: () => `Consignez d’abord la réflexion du membre du groupe sur l’atteinte de ses objectifs (${command('RecordReflection', 'fr')}).`,
});

export const GoalsAlreadyMet = defineError('RE.GOALS_MET', 'rule', {
  en: () =>
    'The class member said their goals and objectives were met: there are no next steps to take in phase 2. If that changed, record a new reflection first.',
  fr: () =>
    "Le membre du groupe a indiqué que ses buts et objectifs ont été atteints\u00a0: aucune autre étape n’est à prévoir en phase 2. Si cela a changé, consignez d’abord une nouvelle réflexion.",
});

/** "With their consent, the restorative practitioner will explore options to follow up with them." */
export const FollowUpWithoutConsent = defineError('RE.FOLLOW_UP_WITHOUT_CONSENT', 'rule', {
  en: () => 'The class member did not consent to a follow-up: close the engagement without one, or record their consent in a new reflection.',
  fr: () =>
    "Le membre du groupe n’a pas consenti à un suivi\u00a0: fermez le dossier sans suivi, ou consignez son consentement dans une nouvelle réflexion.",
});

/** A follow-up "sometime after the process": not long before the day the class member was told to expect it. */
export const FollowUpTooEarly = defineError<{ on: string; earliestOn: string; dueOn: string }>('RE.FOLLOW_UP_TOO_EARLY', 'rule', {
  en: (p) => `The follow-up is due on ${p.dueOn} and can be recorded from ${p.earliestOn}; ${p.on} is too early.`,
  fr: (p) => `Le suivi est prévu le ${p.dueOn} et peut être consigné à partir du ${p.earliestOn}\u00a0; le ${p.on} est trop tôt.`,
});

/** Defence representative cohorts meet class members in engagement sessions; a written or recorded sharing has no cohort. */
export const CohortOnlyForSessions = defineError<{ option: string }>('RE.COHORT_ONLY_FOR_SESSIONS', 'rule', {
  en: (p) => `Only an engagement session is held with a Defence representative cohort, not a ${label(CHOICE_LABELS, 'en')(p.option)}.`,
  fr: (p) => `Seule une séance d’engagement se tient avec une cohorte de personnes représentantes de la Défense, et non un ${label(CHOICE_LABELS, 'fr')(p.option)}.`,
});

export const CohortMismatch = defineError<{ engagementId: string; scheduled: string; given: string }>('RE.COHORT_MISMATCH', 'rule', {
  en: (p) => `Engagement ${p.engagementId} was scheduled with cohort ${p.scheduled}, not ${p.given}.`,
  fr: (p) => `L’engagement ${p.engagementId} a été planifié avec la cohorte ${p.scheduled}, et non ${p.given}.`,
});

/**
 * A cohort's engagement session names a class member's case that does not take part in engagement
 * sessions: they withdrew, or have not chosen that option (in phase 2). The refusal does not say
 * which, to a cohort's practitioner who may not read the case.
 */
export const NotInEngagementSessions = defineError<{ caseId: string }>('RE.NOT_IN_ENGAGEMENT_SESSIONS', 'rule', {
  en: (p) =>
    `Restorative Engagement case ${p.caseId} is not taking part in engagement sessions: only a class member who chose them in phase 2, and has not withdrawn, can be recorded in one.`,
  fr: (p) =>
    `Le dossier d’engagement réparateur ${p.caseId} ne participe pas aux séances d’engagement\u00a0: seul un membre du groupe qui les a choisies à la phase 2, et qui ne s’est pas retiré, peut y être consigné.`,
});

/** The same, beside the field, which a form names already. */
export const UNKNOWN_ENGAGEMENT_AT_FIELD: ErrorTexts<{ engagementId: string; known: string }> = {
  en: (p) => `This case has no engagement ${p.engagementId}. Its engagements: ${p.known}.`,
  fr: (p) => `Ce dossier n’a pas d’engagement ${p.engagementId}. Ses engagements\u00a0: ${p.known}.`,
};

/** Consent is withdrawn from a sharing that was submitted with it: an engagement session, or a sharing never submitted, has none. */
export const SharingNotSubmitted = defineError<{ engagementId: string; session: boolean }>('RE.SHARING_NOT_SUBMITTED', 'rule', {
  en: (p) =>
    p.session
      ? `Engagement ${p.engagementId} is an engagement session, not a written or recorded sharing: there is no submission to withdraw consent from.`
      : `Sharing ${p.engagementId} was never submitted: it cannot be used without the class member’s consent, so there is none to withdraw.`,
  fr: (p) =>
    p.session
      ? `L’engagement ${p.engagementId} est une séance d’engagement, et non un témoignage écrit ou enregistré\u00a0: aucune transmission ne fait l’objet d’un consentement à retirer.`
      : `Le témoignage ${p.engagementId} n’a jamais été transmis\u00a0: il ne peut pas être utilisé sans le consentement du membre du groupe, il n’y a donc aucun consentement à retirer.`,
});

/** The same, beside the field, which a form names already. */
export const SHARING_NOT_SUBMITTED_AT_FIELD: ErrorTexts<{ engagementId: string; session: boolean }> = {
  en: (p) => (p.session ? `${p.engagementId} is an engagement session, not a sharing.` : `${p.engagementId} was never submitted.`),
  fr: (p) => (p.session ? `${p.engagementId} est une séance d’engagement, et non un témoignage.` : `${p.engagementId} n’a jamais été transmis.`),
};

export const SharingConsentAlreadyWithdrawn = defineError<{ engagementId: string; consentWithdrawnAt: string }>('RE.SHARING_CONSENT_ALREADY_WITHDRAWN', 'rule', {
  en: (p) => `The class member already withdrew their consent to sharing ${p.engagementId} (${p.consentWithdrawnAt}): it is not to be used.`,
  fr: (p) => `Le membre du groupe a déjà retiré son consentement au témoignage ${p.engagementId} (${p.consentWithdrawnAt})\u00a0: celui-ci ne doit pas être utilisé.`,
});

/** The same, beside the field, which a form names already. */
export const SHARING_CONSENT_ALREADY_WITHDRAWN_AT_FIELD: ErrorTexts<{ engagementId: string; consentWithdrawnAt: string }> = {
  en: (p) => `Consent to ${p.engagementId} was already withdrawn (${p.consentWithdrawnAt}).`,
  fr: (p) => `Le consentement au témoignage ${p.engagementId} a déjà été retiré (${p.consentWithdrawnAt}).`,
};

/** Consent is withdrawn after it was given: a withdrawal dated before it is a mistake in the input. */
export const ConsentWithdrawnBeforeGiven = defineError<{ value: string; consentGivenAt: string }>('RE.CONSENT_WITHDRAWN_BEFORE_GIVEN', 'rule', {
  en: (p) => `Consent cannot have been withdrawn on ${p.value}: the class member gave it on ${p.consentGivenAt}. Check the date.`,
  fr: (p) => `Le consentement ne peut pas avoir été retiré le ${p.value}\u00a0: le membre du groupe l’a donné le ${p.consentGivenAt}. Vérifiez la date.`,
});

/** The same, beside the field, which a form names already. */
export const CONSENT_WITHDRAWN_BEFORE_GIVEN_AT_FIELD: ErrorTexts<{ value: string; consentGivenAt: string }> = {
  en: (p) => `${p.value} is before the consent was given (${p.consentGivenAt}).`,
  fr: (p) => `${p.value} précède le moment où le consentement a été donné (${p.consentGivenAt}).`,
};

/** A revision of the class member's choices records a change: none given, or the same choices again, is nothing to record. */
export const ChoicesUnchanged = defineError<{ anyGiven: boolean }>('RE.CHOICES_UNCHANGED', 'rule', {
  en: (p) =>
    p.anyGiven
      ? 'These are already the class member’s choices on the use of their input and on staying connected: there is no change to record.'
      : 'Give how the class member’s input may be used, whether they stay connected with the program, or both.',
  fr: (p) =>
    p.anyGiven
      ? 'Ce sont déjà les choix du membre du groupe quant à l’utilisation de ses contributions et au maintien du lien avec le programme\u00a0: il n’y a aucun changement à consigner.'
      : 'Indiquez l’utilisation permise des contributions du membre du groupe, son choix de maintenir ou non le lien avec le programme, ou les deux.',
});

/** The same, beside the field, which a form names already. */
export const CHOICES_UNCHANGED_AT_FIELD: ErrorTexts<{ anyGiven: boolean }> = {
  en: (p) => (p.anyGiven ? 'Already the class member’s choice: nothing changes.' : 'Give a choice to change.'),
  fr: (p) => (p.anyGiven ? 'C’est déjà le choix du membre du groupe\u00a0: rien ne change.' : 'Indiquez un choix à modifier.'),
};
