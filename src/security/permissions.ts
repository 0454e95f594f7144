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
 * - `rju` (the NHQ Restorative Justice Unit and RO mediators) alone see and act on RO cases —
 *   to everyone else an RO case does not exist (404, absent from lists);
 * - admins manage configuration and erasure, and read no case content.
 */

/** Roles that see personal information (names, contacts, narratives) in the cases they may read; others see `[redacted]`. */
export const SEES_PERSONAL_DATA: Readonly<Record<PersonRole, boolean>> = {
  practitioner: true,
  supervisor: true,
  auditor: false,
  rju: true,
  admin: false,
};

/** Queries and operations that are not a case command, by the roles that may use them. */
export const QUERY_PERMISSIONS = {
  /** GET /cases/:id, GET /cases — further limited by the workflow's read scope. */
  'cases.read': ['practitioner', 'supervisor', 'auditor', 'rju'],
  /** GET /cases/:id/history, /state — further limited by the workflow's read scope. */
  'cases.history': ['practitioner', 'supervisor', 'auditor', 'rju'],
  /** GET /cases/:id/export, mend export. */
  'cases.export': ['supervisor', 'auditor', 'rju'],
  /** GET /caseload/:id — a practitioner only their own. */
  'caseload.read': ['practitioner', 'supervisor', 'rju'],
  /** GET /workload — open cases and clocks per person, within the workflows the role may read. */
  'workload.read': ['supervisor', 'rju'],
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
