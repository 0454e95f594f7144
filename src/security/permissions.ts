import type { Role } from '../../domain/roles';

/**
 * Who may do what in Mend: one table, enforced in one place (PolicyService). DESIGN.md §7.
 *
 * - practitioners act only on cases assigned to them (assignment is itself an event);
 * - supervisors read everything (but RO content), open and assign cases, take the intake steps
 *   that come before an assignment, and reassign;
 * - auditors read and export, never write, and see personal information redacted;
 * - `rju` (the NHQ Restorative Justice Unit and RO mediators) alone see and act on RO cases —
 *   to everyone else an RO case does not exist (404, absent from lists);
 * - admins manage configuration and erasure, and read no case content.
 */

/**
 * How much of a workflow's cases a role may read: all of them, those assigned to the person,
 * none (a 403 that says so), or hidden (a 404, as if the case did not exist).
 */
export type ReadScope = 'all' | 'assigned' | 'denied' | 'hidden';

/** Who may run a command: anyone of the role, or only those the case is assigned to. */
export type CommandGrant = 'any' | 'assigned';

export type PersonRole = Exclude<Role, 'system'>;

const REGULAR_CASES: Readonly<Record<PersonRole, ReadScope>> = {
  practitioner: 'assigned',
  supervisor: 'all',
  auditor: 'all',
  // The Restorative Justice Unit belongs to another department: SMSRC cases are not theirs to know of.
  rju: 'hidden',
  admin: 'denied',
};

/** Confidentiality by program: RO case content stays with the Restorative Justice Unit. */
export const CASE_READ_SCOPE: Readonly<Record<string, Readonly<Record<PersonRole, ReadScope>>>> = {
  'restorative-engagement': REGULAR_CASES,
  complaint: REGULAR_CASES,
  'restorative-opportunities': { practitioner: 'hidden', supervisor: 'hidden', auditor: 'hidden', rju: 'all', admin: 'hidden' },
};

/** Roles that see personal information (names, contacts, narratives) in the cases they may read; others see `[redacted]`. */
export const SEES_PERSONAL_DATA: Readonly<Record<PersonRole, boolean>> = {
  practitioner: true,
  supervisor: true,
  auditor: false,
  rju: true,
  admin: false,
};

type Grants = Readonly<Partial<Record<PersonRole, CommandGrant>>>;

const assignedPractitioner: Grants = { practitioner: 'assigned' };
const assignedOrSupervisor: Grants = { practitioner: 'assigned', supervisor: 'any' };
const intake: Grants = { practitioner: 'any', supervisor: 'any' };
const supervisorOnly: Grants = { supervisor: 'any' };
const rju: Grants = { rju: 'any' };

/** Every command of every workflow. A test fails when a workflow has a command this table does not list. */
export const COMMAND_PERMISSIONS: Readonly<Record<string, Readonly<Record<string, Grants>>>> = {
  'restorative-engagement': {
    ReceiveOptIn: intake,
    ConfirmParticipation: supervisorOnly,
    AssignPractitioner: supervisorOnly,
    ReassignPractitioner: supervisorOnly,
    RecordPreparationSession: assignedPractitioner,
    SetGoals: assignedPractitioner,
    CompletePreparation: assignedPractitioner,
    ChooseParticipation: assignedPractitioner,
    ScheduleEngagement: assignedPractitioner,
    RecordEngagement: assignedPractitioner,
    SubmitSharing: assignedPractitioner,
    CompleteEngagementPhase: assignedPractitioner,
    RecordReflection: assignedPractitioner,
    ReturnToEngagement: assignedPractitioner,
    CloseEngagement: assignedPractitioner,
    RecordFollowUp: assignedPractitioner,
    // A class member may withdraw before anyone is assigned: a supervisor records it then.
    Withdraw: assignedOrSupervisor,
  },
  complaint: {
    ReceiveComplaint: intake,
    // Acknowledgement is due within 2 business days, assigned or not.
    AcknowledgeComplaint: assignedOrSupervisor,
    AssignHandler: supervisorOnly,
    Respond: assignedPractitioner,
    AcceptResponse: assignedOrSupervisor,
    RequestReview: assignedOrSupervisor,
    PauseClock: assignedOrSupervisor,
    ResumeClock: assignedOrSupervisor,
    CloseComplaint: assignedOrSupervisor,
    WithdrawComplaint: assignedOrSupervisor,
  },
  'restorative-opportunities': {
    ReceiveReferral: rju,
    BeginIntakeAssessment: rju,
    AssessIntake: rju,
    AssignMediator: rju,
    ReassignCase: rju,
    RecordNoContactCondition: rju,
    RecordConditionAmended: rju,
    RecordPreparation: rju,
    AgreeSupportPerson: rju,
    SelectModel: rju,
    ArrangeMeeting: rju,
    RecordDialogue: rju,
    BeginFollowUp: rju,
    RecordFollowUp: rju,
    CloseCase: rju,
    DetermineNotSuitable: rju,
    Withdraw: rju,
  },
};

/** Queries and operations that are not a case command, by the roles that may use them. */
export const QUERY_PERMISSIONS = {
  /** GET /cases/:id, GET /cases — further limited by CASE_READ_SCOPE. */
  'cases.read': ['practitioner', 'supervisor', 'auditor', 'rju'],
  /** GET /cases/:id/history, /state — further limited by CASE_READ_SCOPE. */
  'cases.history': ['practitioner', 'supervisor', 'auditor', 'rju'],
  /** GET /cases/:id/export, mend export. */
  'cases.export': ['supervisor', 'auditor', 'rju'],
  /** GET /caseload/:id — a practitioner only their own. */
  'caseload.read': ['practitioner', 'supervisor', 'rju'],
  'complaints.board': ['supervisor', 'auditor'],
  'sla.read': ['supervisor', 'auditor'],
  'audit.verify': ['auditor', 'admin'],
  'audit.access': ['auditor', 'supervisor', 'admin'],
  'workflows.read': ['practitioner', 'supervisor', 'auditor', 'rju', 'admin'],
  'projections.read': ['supervisor', 'admin'],
  'metrics.read': ['admin', 'supervisor'],
  'subjects.erase': ['admin'],
} as const satisfies Record<string, readonly PersonRole[]>;

export type QueryPermission = keyof typeof QUERY_PERMISSIONS;
