import type { Messages } from '../i18n/i18n';
import { href, type Route } from './router';
import type { Role } from './session';

interface NavItem {
  readonly label: keyof Messages;
  readonly href: string;
  readonly page: Route['page'];
}

/** What the console offers a role: its home page, its menu, and whether a case opens in the audit view. */
export interface RolePages {
  readonly home: 'caseload' | 'cases' | 'sla' | 'audit' | 'staff';
  readonly nav: readonly NavItem[];
  /**
   * Auditors read a case as its history and verification, never as a page to act on, with personal
   * information redacted: so they find a case by its reference only, never by a person's words.
   */
  readonly audits: boolean;
  /**
   * Whether the role reads only the cases assigned to it (the API's read scopes `assigned` and
   * `needToKnow`): after a step that hands a case to someone else, or the opening of a case not
   * assigned to them, the console does not ask for what it would be refused.
   */
  readonly ownCasesOnly: boolean;
  /** Whether the role reads the workload of each person (GET /workload: the API's `workload.read`), where the SLA dashboard shows it. */
  readonly workload: boolean;
}

const caseload: NavItem = { label: 'navCaseload', href: href.caseload(), page: 'caseload' };
const cases: NavItem = { label: 'navCases', href: href.cases(), page: 'cases' };
const audit: NavItem = { label: 'navAudit', href: href.audit(), page: 'audit' };
const reads: NavItem = { label: 'navReads', href: href.reads(), page: 'reads' };
const search: NavItem = { label: 'navSearch', href: href.search(), page: 'search' };
const staff: NavItem = { label: 'navStaff', href: href.staff(), page: 'staff' };
const open: NavItem = { label: 'navOpen', href: href.open(), page: 'open' };
const erasure: NavItem = { label: 'navErasure', href: href.erasure(), page: 'erasure' };

/**
 * One table of what each role is offered, so that no page switches on a role. What a role may see
 * is the API's to decide: a mediator's caseload and an RO auditor's audit list hold only what the
 * API lets them read.
 */
export const ROLE_PAGES: Readonly<Record<Role, RolePages>> = {
  // Their caseload holds their open cases; Cases, those closed too (the API lists only the cases they may read).
  practitioner: { home: 'caseload', nav: [caseload, cases, open, search], audits: false, ownCasesOnly: true, workload: false },
  supervisor: { home: 'sla', nav: [{ label: 'navSla', href: href.sla(), page: 'sla' }, cases, open, search, staff, reads], audits: false, ownCasesOnly: false, workload: true },
  auditor: { home: 'audit', nav: [audit, search, reads], audits: true, ownCasesOnly: false, workload: false },
  rju: { home: 'cases', nav: [cases, open, search, staff], audits: false, ownCasesOnly: false, workload: true },
  mediator: { home: 'caseload', nav: [caseload, cases, search], audits: false, ownCasesOnly: true, workload: false },
  roAuditor: { home: 'audit', nav: [audit, search, reads], audits: true, ownCasesOnly: false, workload: false },
  admin: { home: 'staff', nav: [staff, erasure], audits: false, ownCasesOnly: false, workload: false },
};

/** Whether the person may still read a case as a command left it (its assignees then): never asked of the API, which would refuse and log it. */
export const mayRead = (session: { readonly id: string; readonly role: Role }, view: { readonly assignees: readonly string[] }): boolean =>
  !ROLE_PAGES[session.role].ownCasesOnly || view.assignees.includes(session.id);
