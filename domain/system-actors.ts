/**
 * The ids of the actors Mend itself records events under (role `system`), never a person's. Free
 * of imports: the console names them in a case's history.
 */

/** What records a clock's warnings and breaches when they fall due. */
export const SLA_SCHEDULER_ID = 'sla-scheduler';
