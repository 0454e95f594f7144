import { clockKey, type ClockDeclaration } from '../../domain/clocks/declarations';

/**
 * The complaint's clocks: what its decisions start and stop, what read models of complaints look
 * up (the escalation board), and how the API and the console name them. Pure names and numbers.
 */

/** "We will acknowledge receipt of a complaint sent electronically within two business days." */
export const ACKNOWLEDGEMENT_BUSINESS_DAYS = 2;
/** "Your complaint will be responded to within 30 business days": at every level of review. */
export const RESPONSE_BUSINESS_DAYS = 30;

export const acknowledgementClock = {
  key: 'acknowledgement',
  label: { en: 'Acknowledgement', fr: 'Accusé de réception' },
  basis: 'business',
  metBy: ['AcknowledgeComplaint'],
  // "We will acknowledge receipt … within two business days": acknowledging needs nothing from the complainant.
  pausable: false,
  runsWithoutStop: {
    en: `acknowledging receipt of a complaint needs nothing from the complainant, so its ${ACKNOWLEDGEMENT_BUSINESS_DAYS} business days run without a stop. A response clock can be paused while awaiting information from the complainant.`,
    fr: `accuser réception d’une plainte n’exige rien de la personne plaignante, et ses ${ACKNOWLEDGEMENT_BUSINESS_DAYS} jours ouvrables courent donc sans interruption. Un délai de réponse peut être suspendu en attendant des renseignements de la personne plaignante.`,
  },
} as const satisfies ClockDeclaration;

/** One response clock per level of review: a review request starts the next level's. */
export const responseClockDeclaration = {
  key: 'response-<level>',
  label: { en: 'Response, level <level>', fr: 'Réponse, palier <level>' },
  basis: 'business',
  metBy: ['Respond'],
} as const satisfies ClockDeclaration;



export const ACKNOWLEDGEMENT_CLOCK = acknowledgementClock.key;
export const responseClock = (level: number): string => clockKey(responseClockDeclaration, { level });

/**
 * After a response below the last level, the complainant's time to use the right of review
 * (calendar days, the `reviewWindowDays` setting): when it passes without a request, the complaint
 * closes. No service standard (ClockStarted.standard is false).
 */
export const reviewWindowClockDeclaration = {
  key: 'review-window-<level>',
  label: { en: 'Review window, level <level>', fr: 'Délai de demande de révision, palier <level>' },
  basis: 'calendar',
  metBy: ['RequestReview'],
} as const satisfies ClockDeclaration;

export const reviewWindowClock = (level: number): string => clockKey(reviewWindowClockDeclaration, { level });

export const complaintClocks: readonly ClockDeclaration[] = [acknowledgementClock, responseClockDeclaration, reviewWindowClockDeclaration];
