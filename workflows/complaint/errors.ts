import { defineError, defineTimeInFuture, quoted, type ErrorTexts } from '../../domain/errors';
import type { EscalationLevel } from '../../domain/settings';
import { complaintLabels } from './labels';

/** A level in a refusal, as the chain records it: French readers read its title in French where configuration gives it. */
type Level = { readonly level: number; readonly title: string; readonly titleFr?: string };

/** `{ nextTitle, nextTitleFr }` of the level a review would go to, for a refusal that names it. */
export const nextTitleOf = ({ title, titleFr }: EscalationLevel) => (titleFr === undefined ? { nextTitle: title } : { nextTitle: title, nextTitleFr: titleFr });

/**
 * A response below the last level must tell the complainant who the complaint can be elevated to:
 * their name and contact information (their role is the next level's title, filled in). Said beside
 * `data.nextLevel` too.
 */
export const ResponseMissingNextLevel = defineError<{ level: number; nextLevel: number; nextTitle: string; nextTitleFr?: string }>(
  'COMPLAINT.RESPONSE_MISSING_NEXT_LEVEL',
  'rule',
  {
    en: (p) =>
      `A response at level ${p.level} must give the name and contact information of the person the complaint can be elevated to (level ${p.nextLevel}, ${p.nextTitle}) if the complainant is not satisfied.`,
    fr: (p) =>
      `Une réponse au palier ${p.level} doit indiquer le nom et les coordonnées de la personne à qui la plainte peut être soumise (palier ${p.nextLevel}, ${p.nextTitleFr ?? p.nextTitle}) si la personne plaignante n’est pas satisfaite.`,
  },
);

/** At the last level of the chain there is no one to elevate to: naming someone would promise a review that does not exist. */
export const ResponseNamesLevelBeyondChain = defineError<Level>(
  'COMPLAINT.NO_NEXT_LEVEL',
  'rule',
  {
    en: (p) =>
      `Level ${p.level} (${p.title}) is the last level of review: the response cannot name a further level of authority.`,
    fr: (p) =>
      `Le palier ${p.level} (${p.titleFr ?? p.title}) est le dernier palier de révision\u00a0: la réponse ne peut pas désigner d’autre palier d’autorité.`,
  },
);

export const ReviewChainEnded = defineError<Level>('COMPLAINT.REVIEW_CHAIN_ENDED', 'rule', {
  en: (p) =>
    `The complaint was answered at level ${p.level} (${p.title}), the last level of review: there is no further level to request a review from.`,
  fr: (p) =>
    `La plainte a reçu une réponse au palier ${p.level} (${p.titleFr ?? p.title}), le dernier palier de révision\u00a0: il n’existe aucun autre palier auquel demander une révision.`,
});

export const ReceivedInFuture = defineTimeInFuture('COMPLAINT.RECEIVED_IN_FUTURE', complaintLabels.fields);

/** `earliest`: the first day a complaint is accepted as received, a local date of the complaint's region. */
type BeforePrograms = { receivedAt: string; earliest: string };

/** No complaint was received before the oldest program a complaint can concern began (notes.md). */
export const ReceivedBeforePrograms = defineError<BeforePrograms>('COMPLAINT.RECEIVED_BEFORE_PROGRAMS', 'rule', {
  en: (p) =>
    `${quoted(complaintLabels.fields, 'receivedAt', 'en')}: ${p.receivedAt} is before ${p.earliest}, the earliest date a complaint is accepted as received: the oldest program a complaint can concern, CSC’s Restorative Opportunities program, began in ${p.earliest.slice(0, 4)}. Check the date it was received.`,
  fr: (p) =>
    `${quoted(complaintLabels.fields, 'receivedAt', 'fr')}\u00a0: ${p.receivedAt} précède le ${p.earliest}, la date de réception la plus ancienne acceptée pour une plainte\u00a0: le plus ancien programme que peut viser une plainte, le programme Possibilités de justice réparatrice du SCC, a été créé en ${p.earliest.slice(0, 4)}. Vérifiez la date de réception.`,
});

/** The same, beside `data.receivedAt`, which a form names already. */
export const RECEIVED_BEFORE_PROGRAMS_AT_FIELD: ErrorTexts<BeforePrograms> = {
  en: (p) => `${p.receivedAt} is before ${p.earliest}, the earliest date a complaint is accepted as received (the oldest program a complaint can concern began in ${p.earliest.slice(0, 4)}).`,
  fr: (p) => `${p.receivedAt} précède le ${p.earliest}, la date de réception la plus ancienne acceptée pour une plainte (le plus ancien programme que peut viser une plainte a été créé en ${p.earliest.slice(0, 4)}).`,
};

/** An acknowledgement is told to the complainant after the complaint reached the program, and not in the future. */
export const AcknowledgedOutOfRange = defineError<{ acknowledgedAt: string; receivedAt: string; now: string }>(
  'COMPLAINT.ACKNOWLEDGED_OUT_OF_RANGE',
  'rule',
  {
    en: (p) => `The complaint cannot be acknowledged at ${p.acknowledgedAt}: an acknowledgement is given between its receipt (${p.receivedAt}) and now (${p.now}).`,
    fr: (p) => `L’accusé de réception de la plainte ne peut pas être daté du ${p.acknowledgedAt}\u00a0: il est donné entre sa réception (${p.receivedAt}) et maintenant (${p.now}).`,
  },
);

/** What a response is dated after: the start of its level (the complaint's receipt, or the review request that brought it there), or its acknowledgement. */
export type ResponseStart = 'receipt' | 'reviewRequest' | 'acknowledgement';
const RESPONSE_STARTS: Readonly<Record<ResponseStart, { en: string; fr: string }>> = {
  receipt: { en: 'the receipt of the complaint', fr: 'la réception de la plainte' },
  reviewRequest: { en: 'the request for a review at this level', fr: 'la demande de révision à ce palier' },
  acknowledgement: { en: 'the acknowledgement of its receipt', fr: 'l’accusé de réception' },
};

/** A response is sent after its level began and the complaint was acknowledged, and not in the future. */
export const RespondedOutOfRange = defineError<{ respondedAt: string; level: number; since: ResponseStart; sinceAt: string; now: string }>(
  'COMPLAINT.RESPONDED_OUT_OF_RANGE',
  'rule',
  {
    en: (p) =>
      `The level ${p.level} response cannot be dated ${p.respondedAt}: a response is sent between ${RESPONSE_STARTS[p.since].en} (${p.sinceAt}) and now (${p.now}).`,
    fr: (p) =>
      `La réponse du palier ${p.level} ne peut pas être datée du ${p.respondedAt}\u00a0: une réponse est envoyée entre ${RESPONSE_STARTS[p.since].fr} (${p.sinceAt}) et maintenant (${p.now}).`,
  },
);

/** A review is requested of a response the complainant received, so after it was sent, and not in the future. */
export const ReviewRequestedOutOfRange = defineError<{ requestedAt: string; level: number; respondedAt: string; now: string }>(
  'COMPLAINT.REVIEW_REQUESTED_OUT_OF_RANGE',
  'rule',
  {
    en: (p) =>
      `The request for a review of the level ${p.level} response cannot be dated ${p.requestedAt}: a review is requested between that response (${p.respondedAt}) and now (${p.now}).`,
    fr: (p) =>
      `La demande de révision de la réponse du palier ${p.level} ne peut pas être datée du ${p.requestedAt}\u00a0: une révision est demandée entre cette réponse (${p.respondedAt}) et maintenant (${p.now}).`,
  },
);

export const ReassignmentRequiresSupervisor = defineError<{ handlerId: string; level: number }>(
  'COMPLAINT.REASSIGNMENT_REQUIRES_SUPERVISOR',
  'forbidden',
  {
    en: (p) => `The complaint is already assigned to ${p.handlerId} at level ${p.level}; only a supervisor can reassign it.`,
    fr: (p) => `La plainte est déjà attribuée à ${p.handlerId} au palier ${p.level}\u00a0; seul le personnel de supervision peut la réattribuer.`,
  },
  { staff: ['handlerId'] },
);

export const AlreadyAssigned = defineError<{ handlerId: string; level: number }>('COMPLAINT.ALREADY_ASSIGNED', 'rule', {
  en: (p) => `The complaint is already assigned to ${p.handlerId} at level ${p.level}.`,
  fr: (p) => `La plainte est déjà attribuée à ${p.handlerId} au palier ${p.level}.`,
}, { staff: ['handlerId'] });

/** The right of review is a review by the next level of authority, not by someone who already decided the complaint. */
export const ReviewerNotIndependent = defineError<{ handlerId: string; level: number; earlierLevel: number }>(
  'COMPLAINT.REVIEWER_NOT_INDEPENDENT',
  'rule',
  {
    en: (p) =>
      `This complaint was assigned to ${p.handlerId} at level ${p.earlierLevel}, who saw it there and cannot review it at level ${p.level}: a review must be done by someone else.`,
    fr: (p) =>
      `Cette plainte a été confiée à ${p.handlerId} au palier ${p.earlierLevel}\u00a0: cette personne l’a vue et ne peut pas la réviser au palier ${p.level}. La révision doit être faite par une autre personne.`,
  },
  { staff: ['handlerId'] },
);

/** The person named for the next level holds the role of the next level of the chain, not another. */
export const ResponseNamesAnotherLevel = defineError<{ level: number; nextLevel: number; nextTitle: string; nextTitleFr?: string; named: string }>(
  'COMPLAINT.RESPONSE_NAMES_ANOTHER_LEVEL',
  'rule',
  {
    en: (p) =>
      `A response at level ${p.level} names who the complaint can be elevated to at the next level of its chain, level ${p.nextLevel} (${p.nextTitle}), not "${p.named}": leave the position empty and it is filled in.`,
    fr: (p) =>
      `Une réponse au palier ${p.level} désigne la personne à qui la plainte peut être soumise au palier suivant de sa chaîne, le palier ${p.nextLevel} (${p.nextTitleFr ?? p.nextTitle}), et non «\u00a0${p.named}\u00a0»\u00a0: laissez le poste vide et il sera rempli.`,
  },
);

/**
 * "You have a right of review": below the last level, only the complainant ends it, or the review
 * window passing. `lastDay`: the window's last day, a local date in the complaint's region.
 */
export const RightOfReviewOpen = defineError<{ level: number; nextLevel: number; nextTitle: string; nextTitleFr?: string; lastDay: string }>(
  'COMPLAINT.RIGHT_OF_REVIEW_OPEN',
  'rule',
  {
    en: (p) =>
      `The complainant may request a review by level ${p.nextLevel} (${p.nextTitle}) until the end of ${p.lastDay}: the complaint cannot be closed before. It closes by itself if no review is requested by then, or when the complainant accepts the response or withdraws.`,
    fr: (p) =>
      `La personne plaignante peut demander une révision par le palier ${p.nextLevel} (${p.nextTitleFr ?? p.nextTitle}) jusqu’à la fin de la journée du ${p.lastDay}\u00a0: la plainte ne peut pas être fermée avant. Elle se ferme d’elle-même si aucune révision n’est demandée d’ici là, ou lorsqu’elle accepte la réponse ou retire sa plainte.`,
  },
);

/** A second acknowledgement: the complainant was told once. */
export const AlreadyAcknowledged = defineError('COMPLAINT.ALREADY_ACKNOWLEDGED', 'not_allowed', {
  en: () => 'Receipt of this complaint was already acknowledged: it is recorded once.',
  fr: () => 'L’accusé de réception de cette plainte a déjà été consigné\u00a0: il ne l’est qu’une fois.',
});

/** The review window is paused (the complainant is in hospital, say): it has no end until it is resumed. */
export const RightOfReviewPaused = defineError<{ level: number; nextLevel: number; nextTitle: string; nextTitleFr?: string }>(
  'COMPLAINT.RIGHT_OF_REVIEW_PAUSED',
  'rule',
  {
    en: (p) =>
      `The complainant's time to request a review by level ${p.nextLevel} (${p.nextTitle}) is paused: the complaint cannot be closed while it is. Resume it, or record that the complainant accepts the response or withdraws.`,
    fr: (p) =>
      `Le délai de la personne plaignante pour demander une révision par le palier ${p.nextLevel} (${p.nextTitleFr ?? p.nextTitle}) est en pause\u00a0: la plainte ne peut pas être fermée tant qu’il l’est. Reprenez-le, ou consignez que la personne accepte la réponse ou retire sa plainte.`,
  },
);

/** `lastDay`: the review window's last day, a local date in the complaint's region. */
export const ReviewWindowPassed = defineError<{ level: number; lastDay: string }>('COMPLAINT.REVIEW_WINDOW_PASSED', 'rule', {
  en: (p) => `The time to request a review of the level ${p.level} response ran out at the end of ${p.lastDay}.`,
  fr: (p) => `Le délai pour demander la révision de la réponse du palier ${p.level} a expiré à la fin de la journée du ${p.lastDay}.`,
});

/** The same, beside `data.requestedAt`: a request the complainant sent in time and entered late is dated when it was sent. */
export const REVIEW_WINDOW_PASSED_AT_FIELD: ErrorTexts<{ level: number; lastDay: string }> = {
  en: (p) => `The review window ended at the end of ${p.lastDay}: if the complainant sent the request by then, give the date it was sent.`,
  fr: (p) => `Le délai de révision a expiré à la fin de la journée du ${p.lastDay}\u00a0: si la personne plaignante a envoyé sa demande au plus tard ce jour-là, indiquez la date de son envoi.`,
};

/**
 * A request the complainant sent within the review window, entered after the window's end closed
 * the complaint (`reviewNotRequested`): a closed complaint is not reopened (notes.md), so the
 * refusal tells staff how the request is still answered. `lastDay`: the window's last local day.
 */
export const ClosedBeforeReviewRecorded = defineError<{ level: number; nextLevel: number; nextTitle: string; nextTitleFr?: string; lastDay: string; requestedAt: string }>(
  'COMPLAINT.CLOSED_BEFORE_REVIEW_RECORDED',
  'rule',
  {
    en: (p) =>
      `The request for a review dated ${p.requestedAt} was sent in time, but the complaint closed when its review window ended, at the end of ${p.lastDay}, because no request had been recorded by then; a closed complaint cannot be reopened. Receive the request as a new complaint, received on the date the complainant sent it, quoting this complaint's reference and concerning the same program, if it named one, and have a supervisor assign it to the person who holds level ${p.nextLevel} (${p.nextTitle}).`,
    fr: (p) =>
      `La demande de révision datée du ${p.requestedAt} a été envoyée à temps, mais la plainte a été fermée à l’expiration de son délai de révision, à la fin de la journée du ${p.lastDay}, faute de demande consignée d’ici là\u00a0; une plainte fermée ne peut pas être rouverte. Recevez la demande comme une nouvelle plainte, reçue à la date où la personne plaignante l’a envoyée, qui mentionne la référence de cette plainte et vise le même programme, le cas échéant, et faites-la attribuer par le personnel de supervision à la personne qui occupe le palier ${p.nextLevel} (${p.nextTitleFr ?? p.nextTitle}).`,
  },
);

/** `known`: each program Mend runs, by its title and the name the API takes for it. */
export const UnknownProgram = defineError<{ program: string; known: readonly { readonly name: string; readonly title: { en: string; fr: string } }[] }>(
  'COMPLAINT.UNKNOWN_PROGRAM',
  'invalid',
  {
    en: (p) => `"${p.program}" is not a program Mend runs. Programs: ${p.known.map((w) => `${w.title.en} (${w.name})`).join(', ') || 'none'}.`,
    fr: (p) =>
      `«\u00a0${p.program}\u00a0» n’est pas un programme géré par Mend. Programmes\u00a0: ${p.known.map((w) => `${w.title.fr} (${w.name})`).join(', ') || 'aucun'}.`,
  },
);
