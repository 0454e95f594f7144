import type { PersonRole } from './roles';

/**
 * How much of a workflow's cases a role may read: all of them; those assigned to the person (a
 * 403 for the others); `needToKnow`: those assigned to the person, every other case hidden (a 404,
 * absent from lists and counts, as if it did not exist); none (a 403 that says so); or hidden (a
 * 404, as if the case did not exist).
 */
export type ReadScope = 'all' | 'assigned' | 'needToKnow' | 'denied' | 'hidden';

/** Who may run a command: anyone of the role, or only those the case is assigned to. */
export type CommandGrant = 'any' | 'assigned';

/** The roles that may run one command. A role not listed may not run it; a command with no grants is run by no one. */
export type Grants = Readonly<Partial<Record<PersonRole, CommandGrant>>>;

/** Who may read a workflow's cases, role by role. Every role is named, so that no role is forgotten. */
export type ReadScopes = Readonly<Record<PersonRole, ReadScope>>;

/**
 * The common shapes of grants and read scopes, so that a workflow's folder says who may do what in
 * words (DESIGN.md §7): practitioners act only on cases assigned to them; supervisors open and
 * assign cases, take the intake steps that come before an assignment, and reassign; auditors and
 * admins never write.
 */
export const grants = {
  /** The practitioner the case is assigned to. */
  assignedPractitioner: { practitioner: 'assigned' },
  /** The assigned practitioner, or a supervisor (steps that can come before anyone is assigned). */
  assignedOrSupervisor: { practitioner: 'assigned', supervisor: 'any' },
  /** Receiving a new case: any practitioner or supervisor. */
  intake: { practitioner: 'any', supervisor: 'any' },
  /** Assignments and the decisions that come before one. */
  supervisorOnly: { supervisor: 'any' },
  /** The NHQ Restorative Justice Unit: referrals, intake, assignments, conditions, closure. */
  rju: { rju: 'any' },
  /**
   * The mediator's own work on a case assigned to them (preparing the parties, the model, the
   * meeting, the dialogue, the follow-up), which the Restorative Justice Unit may also record.
   */
  rjuOrAssignedMediator: { rju: 'any', mediator: 'assigned' },
} as const satisfies Record<string, Grants>;

export const readScopes = {
  /**
   * Cases of the programs the department runs itself: practitioners see those assigned to them,
   * supervisors and auditors all; the Restorative Justice Unit belongs to another department, so
   * these cases are not theirs to know of, nor its mediators' and RO auditors'; admins read no case
   * content.
   */
  departmental: {
    practitioner: 'assigned',
    supervisor: 'all',
    auditor: 'all',
    rju: 'hidden',
    mediator: 'hidden',
    roAuditor: 'hidden',
    admin: 'denied',
  },
  /**
   * Confidential to the Restorative Justice Unit: its staff see every case, a mediator only the
   * cases assigned to them (need-to-know), an RO-cleared auditor every case (redacted); to every
   * other role a case does not exist.
   */
  confidentialToRju: {
    practitioner: 'hidden',
    supervisor: 'hidden',
    auditor: 'hidden',
    rju: 'all',
    mediator: 'needToKnow',
    roAuditor: 'all',
    admin: 'hidden',
  },
} as const satisfies Record<string, ReadScopes>;
