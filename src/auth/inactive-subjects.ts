/**
 * The subjects no request is served for, whatever token they hold: the people the staff directory
 * marks inactive (src/staff/inactive-staff.ts provides it). Asked on every request: in memory.
 */
export interface InactiveSubjects {
  has(subject: string): boolean;
}

export const INACTIVE_SUBJECTS = Symbol('InactiveSubjects');
