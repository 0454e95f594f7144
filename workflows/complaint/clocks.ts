/**
 * The complaint's clocks, by key: what its decisions start and stop, and what read models of
 * complaints look up (the escalation board). Pure names and numbers, shared by both.
 */

/** "We will acknowledge receipt of a complaint sent electronically within two business days." */
export const ACKNOWLEDGEMENT_BUSINESS_DAYS = 2;
/** "Your complaint will be responded to within 30 business days": at every level of review. */
export const RESPONSE_BUSINESS_DAYS = 30;

export const ACKNOWLEDGEMENT_CLOCK = 'acknowledgement';
export const responseClock = (level: number): string => `response-${level}`;
/**
 * After a response below the last level, the complainant's time to use the right of review
 * (calendar days, the `reviewWindowDays` setting): when it passes without a request, the complaint closes.
 */
export const reviewWindowClock = (level: number): string => `review-window-${level}`;
