import type { PersonRole } from '../../domain/roles';

export type { PersonRole };

/**
 * Who may do what in Mend beyond a workflow's own cases, enforced in one place (PolicyService).
 * DESIGN.md §7. Who may run a workflow's commands and read its cases is said by the workflow's
 * definition (`grants` on each command, `readScope`), in its folder.
 *
 * - practitioners act only on cases assigned to them (assignment is itself an event);
 * - supervisors read everything (but RO content), open and assign cases, take the intake steps
 *   that come before an assignment, and reassign;
 * - auditors read and export, never write, and see personal information redacted;
 * - `rju` (the NHQ Restorative Justice Unit) see and act on every RO case; a `mediator` sees and
 *   acts on only the RO cases assigned to them (need-to-know: any other case is a 404 to them); a
 *   `roAuditor` reads, exports and verifies RO cases, redacted, as auditors do the others' — to
 *   everyone else an RO case does not exist (404, absent from lists);
 * - admins manage configuration and erasure, and read no case content.
 */

/** Roles that see personal information (names, contacts, narratives) in the cases they may read; others see `[redacted]`. */
export const SEES_PERSONAL_DATA: Readonly<Record<PersonRole, boolean>> = {
  practitioner: true,
  supervisor: true,
  auditor: false,
  rju: true,
  mediator: true,
  roAuditor: false,
  admin: false,
};

/** Queries and operations that are not a case command, by the roles that may use them. */
export const QUERY_PERMISSIONS = {
  /** GET /cases/:id, GET /cases — further limited by the workflow's read scope. */
  'cases.read': ['practitioner', 'supervisor', 'auditor', 'rju', 'mediator', 'roAuditor'],
  /** GET /cases/:id/history, /state — further limited by the workflow's read scope. */
  'cases.history': ['practitioner', 'supervisor', 'auditor', 'rju', 'mediator', 'roAuditor'],
  /** GET /cases/:id/export, mend export. */
  'cases.export': ['supervisor', 'auditor', 'rju', 'mediator', 'roAuditor'],
  /** GET /caseload/:id — a role that sees only the cases assigned to it, only its own. */
  'caseload.read': ['practitioner', 'supervisor', 'rju', 'mediator'],
  /** GET /workload — open cases and clocks per person, within the workflows the role may read. */
  'workload.read': ['supervisor', 'rju'],
  'complaints.board': ['supervisor', 'auditor'],
  /** Views over every clock of a workflow: they leave out the workflows of which the role may not see every case. */
  'sla.read': ['supervisor', 'auditor', 'roAuditor'],
  'audit.verify': ['auditor', 'roAuditor', 'admin'],
  /** GET /audit/access — who read which case; not administrators, who know of no case's content and so of no read. */
  'audit.access': ['auditor', 'roAuditor', 'supervisor'],
  'workflows.read': ['practitioner', 'supervisor', 'auditor', 'rju', 'mediator', 'roAuditor', 'admin'],
  /** GET /calendar/holidays: public days off, by which the console counts business days as the clocks do. */
  'calendar.read': ['practitioner', 'supervisor', 'auditor', 'rju', 'mediator', 'roAuditor', 'admin'],
  'projections.read': ['supervisor', 'admin'],
  'metrics.read': ['admin', 'supervisor'],
  'subjects.erase': ['admin'],
  /** GET /staff: the directory and the assignment pickers, with caseloads. */
  'staff.read': ['supervisor', 'rju', 'admin'],
  /** POST /staff, PATCH /staff/:id, mend staff add|update. */
  'staff.manage': ['admin'],
} as const satisfies Record<string, readonly PersonRole[]>;

export type QueryPermission = keyof typeof QUERY_PERMISSIONS;
