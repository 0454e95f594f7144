import type { ClockDeclaration } from '../../domain/clocks/declarations';

/**
 * "Within 30 days of the date of your initial claim decision": a written request to join must
 * arrive in this window. Recorded as a clock met at receipt, so that an auditor sees it was respected.
 */
export const optInWindowClock = {
  key: 'optInWindow',
  label: { en: 'Opt-in window', fr: 'Délai d’adhésion' },
  basis: 'calendar',
  metBy: ['ReceiveOptIn'],
} as const satisfies ClockDeclaration;

export const restorativeEngagementClocks: readonly ClockDeclaration[] = [optInWindowClock];
