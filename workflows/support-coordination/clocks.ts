import type { ClockDeclaration } from '../../domain/clocks/declarations';

/**
 * "Your assigned Response and Support coordinator will make first contact with you": a clock of
 * business days (a setting) from the opt-in, met by the first contact.
 */
export const firstContactClock = {
  key: 'firstContact',
  label: { en: 'First contact', fr: 'Premier contact' },
  basis: 'business',
  metBy: ['RecordFirstContact'],
} as const satisfies ClockDeclaration;

export const supportCoordinationClocks: readonly ClockDeclaration[] = [firstContactClock];

export const FIRST_CONTACT_CLOCK = firstContactClock.key;
