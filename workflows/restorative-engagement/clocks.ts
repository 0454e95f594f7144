import type { ClockDeclaration } from '../../domain/clocks/declarations';

/**
 * "Within 30 days of the date of your initial claim decision", or "from receiving it" when its letter
 * came later: a written request to join must be sent in this window. Recorded as a clock met by the
 * request (the day it was sent, else its receipt), so that an auditor sees it was respected. It is
 * the class member's own deadline, not the program's service standard: started with `standard:
 * false` (decide.ts), it warns no one and counts in no on-time rate.
 */
export const optInWindowClock = {
  key: 'optInWindow',
  label: { en: 'Opt-in window', fr: 'Délai d’adhésion' },
  basis: 'calendar',
  metBy: ['ReceiveOptIn'],
} as const satisfies ClockDeclaration;

/**
 * "With their consent, the restorative practitioner will explore options to follow up with them
 * sometime after the process": started when the engagement closes with a follow-up, met by it.
 */
export const followUpClock = {
  key: 'followUp',
  label: { en: 'Follow-up', fr: 'Suivi' },
  basis: 'calendar',
  metBy: ['RecordFollowUp'],
} as const satisfies ClockDeclaration;

export const restorativeEngagementClocks: readonly ClockDeclaration[] = [optInWindowClock, followUpClock];
