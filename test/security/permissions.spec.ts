import { Logger } from '@nestjs/common';
import { CaseNotFound } from '../../domain/errors';
import { PersonRole, type Actor } from '../../domain/roles';
import { workflowDefinitions } from '../../workflows/registry';
import { QUERY_PERMISSIONS, type QueryPermission } from '../../src/security/permissions';
import { NotAssigned, OtherCaseload, PolicyService, RoleForbidden } from '../../src/security/policy.service';
import { WorkflowRegistry } from '../../src/workflows/workflow-registry';
import type { AnyWorkflowDefinition } from '../../domain/workflow';

/**
 * The grants of every workflow's commands and the query permissions, tested exhaustively against
 * the rules of DESIGN.md §7 written out here as a specification: every role against every command
 * of every workflow (assigned and not), and every query permission.
 */
const RO = 'restorative-opportunities';
/** Commands only a supervisor runs: assignments, and confirming participation before anyone is assigned. */
const SUPERVISOR_ONLY = new Set([
  'AssignPractitioner',
  'ReassignPractitioner',
  'AssignHandler',
  'ConfirmParticipation',
  'AssignCoordinator',
  'ReassignCoordinator',
  // A withdrawn class member asks the program to take part again.
  'ResumeParticipation',
  // A cohort's practitioners are the program's to choose; ending a cohort is the program's decision.
  'ReplacePractitioner',
  'DisbandCohort',
]);
/** Opening commands only a supervisor runs: forming a Defence representative cohort. */
const SUPERVISOR_OPENINGS = new Set(['FormCohort']);
/** Steps a supervisor takes because they can come before anyone is assigned, or close a case on the person's behalf. */
const SUPERVISOR_STEPS = new Set([
  'ConfirmParticipation',
  'Withdraw',
  // A class member's word on their input, after completion too, when their practitioner may be gone.
  'WithdrawSharingConsent',
  'ReviseInputChoices',
  'AcknowledgeComplaint',
  'AcceptResponse',
  'RequestReview',
  'PauseClock',
  'ResumeClock',
  'CloseComplaint',
  'WithdrawComplaint',
  'AddRepresentative',
  'WithdrawRepresentative',
  'StartCohort',
  'NoteFormalComplaint',
  'CloseSupport',
  'RecordWithdrawal',
  'ScheduleInformationSession',
  'RegisterAttendee',
  'CancelRegistration',
  'RecordSessionHeld',
  'CancelInformationSession',
  // A person's name or contact details, corrected in any program's case (domain/corrections).
  'CorrectPersonalInformation',
]);

/**
 * Steps a supervisor takes once assigned: a complaint's response, which at a review level is the
 * manager's or executive's the escalation chain names.
 */
const SUPERVISOR_WHEN_ASSIGNED = new Set(['Respond']);

/** The mediation itself, which the mediator assigned to an RO case records (and the unit may too). */
const MEDIATOR_COMMANDS = new Set([
  'RecordPreparation',
  'AgreeSupportPerson',
  'WithdrawSupportPersonAgreement',
  'SelectModel',
  'ArrangeMeeting',
  'RecordDialogue',
  'BeginFollowUp',
  'RecordFollowUp',
  'Withdraw',
  'CorrectPersonalInformation',
]);

type Expected = 'allowed' | 'forbidden' | 'not assigned' | 'hidden';

function expected(role: PersonRole, workflow: string, command: string, opening: boolean, assigned: boolean): Expected {
  if (workflow === RO) {
    if (role === 'rju') return 'allowed';
    // Need-to-know: to a mediator, an RO case not assigned to them does not exist.
    if (role === 'mediator') return !assigned || opening ? 'hidden' : MEDIATOR_COMMANDS.has(command) ? 'allowed' : 'forbidden';
    // The RO-cleared auditor reads every RO case and, as every auditor, writes none.
    if (role === 'roAuditor') return 'forbidden';
    return 'hidden';
  }
  // SMSRC cases do not exist for the Restorative Justice Unit (which receives the complaints about its own program), its mediators and RO auditors; admins and auditors never write.
  if (role === 'rju') return opening && workflow === 'complaint' ? 'allowed' : 'hidden';
  if (role === 'mediator' || role === 'roAuditor') return 'hidden';
  if (role === 'admin' || role === 'auditor') return 'forbidden';
  if (opening) return SUPERVISOR_OPENINGS.has(command) && role !== 'supervisor' ? 'forbidden' : 'allowed';
  if (role === 'supervisor' && workflow === 'complaint' && SUPERVISOR_WHEN_ASSIGNED.has(command)) return assigned ? 'allowed' : 'not assigned';
  if (role === 'supervisor') return SUPERVISOR_ONLY.has(command) || SUPERVISOR_STEPS.has(command) ? 'allowed' : 'forbidden';
  if (SUPERVISOR_ONLY.has(command)) return 'forbidden';
  return assigned ? 'allowed' : 'not assigned';
}

function outcome(run: () => void): Expected {
  try {
    run();
    return 'allowed';
  } catch (error) {
    if (CaseNotFound.is(error)) return 'hidden';
    if (NotAssigned.is(error)) return 'not assigned';
    if (RoleForbidden.is(error) || OtherCaseload.is(error)) return 'forbidden';
    throw error;
  }
}

describe('the permissions', () => {
  const policy = new PolicyService(new WorkflowRegistry(workflowDefinitions));
  beforeAll(() => Logger.overrideLogger(false));

  const cases = workflowDefinitions.flatMap((definition) =>
    definition.commands.flatMap((command) =>
      PersonRole.options.flatMap((role) =>
        [true, false].map((assigned) => ({ workflow: definition.name, command: command.type, opening: command.type === definition.openingCommand, role, assigned })),
      ),
    ),
  );

  it.each(cases)('$role, assigned $assigned: $workflow $command', ({ workflow, command, opening, role, assigned }) => {
    const actor: Actor = { id: 'person-1', role };
    const facts = { caseId: 'c0ffee00-0000-4000-8000-000000000001', workflow, assignees: assigned ? ['person-1'] : ['someone-else'] };
    const got = opening
      ? outcome(() => policy.authorizeOpening(actor, workflow, command))
      : outcome(() => policy.authorizeCommand(actor, facts, command));
    const want = expected(role, workflow, command, opening, assigned);
    // Opening commands have no case yet, so an RO referral by another role is a plain 403.
    expect(got).toBe(opening && want === 'hidden' ? 'forbidden' : want);
  });

  it('offers in a case view exactly the commands the actor may run', () => {
    for (const definition of workflowDefinitions) {
      const all = definition.commands.map((c) => c.type).filter((c) => c !== definition.openingCommand);
      for (const role of PersonRole.options) {
        for (const assigned of [true, false]) {
          const actor: Actor = { id: 'person-1', role };
          const facts = { caseId: 'c', workflow: definition.name, assignees: assigned ? ['person-1'] : [] };
          const offered = policy.commandsFor(actor, facts, all);
          expect(offered).toEqual(all.filter((c) => expected(role, definition.name, c, false, assigned) === 'allowed'));
        }
      }
    }
  });

  const queryExpectations: Record<QueryPermission, readonly PersonRole[]> = {
    'cases.read': ['practitioner', 'supervisor', 'auditor', 'rju', 'mediator', 'roAuditor'],
    'cases.history': ['practitioner', 'supervisor', 'auditor', 'rju', 'mediator', 'roAuditor'],
    'cases.export': ['supervisor', 'auditor', 'rju', 'mediator', 'roAuditor'],
    'caseload.read': ['practitioner', 'supervisor', 'rju', 'mediator'],
    'workload.read': ['supervisor', 'rju'],
    'complaints.board': ['supervisor', 'auditor'],
    'sla.read': ['supervisor', 'auditor', 'roAuditor'],
    'audit.verify': ['auditor', 'roAuditor', 'admin'],
    'audit.access': ['auditor', 'roAuditor', 'supervisor'],
    'workflows.read': ['practitioner', 'supervisor', 'auditor', 'rju', 'mediator', 'roAuditor', 'admin'],
    'calendar.read': ['practitioner', 'supervisor', 'auditor', 'rju', 'mediator', 'roAuditor', 'admin'],
    'projections.read': ['supervisor', 'admin'],
    'metrics.read': ['admin', 'supervisor'],
    'subjects.erase': ['admin'],
    'staff.read': ['supervisor', 'rju', 'admin'],
    'staff.manage': ['admin'],
  };

  it('covers every query permission in this specification', () => {
    expect(Object.keys(QUERY_PERMISSIONS).sort()).toEqual(Object.keys(queryExpectations).sort());
  });

  it('the console shows the workload of each person to the roles that may read it, and asks for it for no other', () => {
    // Loaded, not imported: the console's modules bring the browser's types, which the server's do not share.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { ROLE_PAGES } = require('../../console/src/shared/roles') as { ROLE_PAGES: Record<string, { workload: boolean }> };
    const shown = PersonRole.options.filter((role) => ROLE_PAGES[role]!.workload);
    expect(shown).toEqual(queryExpectations['workload.read']);
  });

  it.each(Object.keys(queryExpectations).flatMap((permission) => PersonRole.options.map((role) => ({ permission: permission as QueryPermission, role }))))(
    '$role: $permission',
    ({ permission, role }) => {
      const got = outcome(() => policy.require({ id: 'person-1', role }, permission));
      expect(got).toBe(queryExpectations[permission].includes(role) ? 'allowed' : 'forbidden');
    },
  );

  it('reads: practitioners only their assigned cases, rju and RO auditors only RO, mediators only their RO cases, auditors and supervisors all else, admins none', () => {
    const read = (role: PersonRole, workflow: string, assigned: boolean) =>
      outcome(() =>
        policy.authorizeRead({ id: 'person-1', role }, { caseId: 'c', workflow, assignees: assigned ? ['person-1'] : [] }),
      );
    for (const workflow of ['restorative-engagement', 'complaint']) {
      expect(read('practitioner', workflow, true)).toBe('allowed');
      expect(read('practitioner', workflow, false)).toBe('not assigned');
      expect(read('supervisor', workflow, false)).toBe('allowed');
      expect(read('auditor', workflow, false)).toBe('allowed');
      expect(read('rju', workflow, false)).toBe('hidden');
      for (const assigned of [true, false]) expect(read('mediator', workflow, assigned)).toBe('hidden');
      expect(read('roAuditor', workflow, false)).toBe('hidden');
      expect(read('admin', workflow, false)).toBe('forbidden');
    }
    for (const role of ['practitioner', 'supervisor', 'auditor', 'admin'] as const) expect(read(role, RO, true)).toBe('hidden');
    expect(read('rju', RO, false)).toBe('allowed');
    expect(read('roAuditor', RO, false)).toBe('allowed');
    expect(read('mediator', RO, true)).toBe('allowed');
    // Need-to-know: another mediator's case is answered as one that does not exist, not with a 403 that confirms it.
    expect(read('mediator', RO, false)).toBe('hidden');
  });

  it('lists: a role that sees only the cases assigned to it is narrowed to them; audit and SLA views leave out what it may not see whole', () => {
    const scope = (role: PersonRole) => policy.listScope({ id: 'person-1', role });
    const departmental = workflowDefinitions.filter((d) => d.name !== RO).map((d) => d.name);
    expect(scope('mediator')).toEqual({ hiddenWorkflows: departmental, assignee: 'person-1' });
    expect(scope('roAuditor')).toEqual({ hiddenWorkflows: departmental });
    expect(scope('rju')).toEqual({ hiddenWorkflows: departmental });
    expect(policy.hiddenWorkflows({ id: 'person-1', role: 'mediator' }).sort()).toEqual(workflowDefinitions.map((d) => d.name).sort());
    expect(policy.unknowableWorkflows({ id: 'person-1', role: 'mediator' }).sort()).toEqual(workflowDefinitions.map((d) => d.name).sort());
    expect(policy.hiddenWorkflows({ id: 'person-1', role: 'roAuditor' })).toEqual(departmental);
    expect(policy.hiddenWorkflows({ id: 'person-1', role: 'auditor' })).toEqual([RO]);
  });

  it('caseloads: a role that sees only its own cases sees only its own caseload', () => {
    const caseload = (role: PersonRole, of: string) => outcome(() => policy.authorizeCaseload({ id: 'person-1', role }, of));
    for (const role of ['practitioner', 'mediator'] as const) {
      expect(caseload(role, 'person-1')).toBe('allowed');
      expect(caseload(role, 'person-2')).toBe('forbidden');
    }
    for (const role of ['supervisor', 'rju'] as const) expect(caseload(role, 'person-2')).toBe('allowed');
  });

  it('reads and runs a case read as another workflow (a complaint about an RO case) under that workflow’s read scope', () => {
    const complaint = workflowDefinitions.find((d) => d.name === 'complaint')!;
    const facts = (assigned: boolean) => ({ caseId: 'c', workflow: complaint.name, readAs: RO, assignees: assigned ? ['person-1'] : [] });
    for (const role of ['practitioner', 'supervisor', 'auditor', 'admin'] as const) {
      const actor: Actor = { id: 'person-1', role };
      expect(outcome(() => policy.authorizeRead(actor, facts(true)))).toBe('hidden');
      for (const command of complaint.commands) expect([command.type, outcome(() => policy.authorizeCommand(actor, facts(true), command.type))]).toEqual([command.type, 'hidden']);
      expect(policy.commandsFor(actor, facts(true), complaint.commands.map((c) => c.type))).toEqual([]);
    }
    const rju: Actor = { id: 'person-1', role: 'rju' };
    expect(outcome(() => policy.authorizeRead(rju, facts(false)))).toBe('allowed');
    expect(outcome(() => policy.authorizeCommand(rju, facts(false), 'AssignHandler'))).toBe('allowed');
    // The response is the handler's: the one the complaint is assigned to.
    expect(outcome(() => policy.authorizeCommand(rju, facts(false), 'Respond'))).toBe('not assigned');
    expect(outcome(() => policy.authorizeCommand(rju, facts(true), 'Respond'))).toBe('allowed');
  });

  it('treats a workflow that is not registered as invisible to everyone, and lets no one open one (fail closed)', () => {
    for (const role of PersonRole.options) {
      const actor: Actor = { id: 'person-1', role };
      expect(outcome(() => policy.authorizeRead(actor, { caseId: 'c', workflow: 'unlisted', assignees: ['person-1'] }))).toBe('hidden');
      expect(outcome(() => policy.authorizeCommand(actor, { caseId: 'c', workflow: 'unlisted', assignees: ['person-1'] }, 'DoIt'))).toBe('hidden');
      expect(outcome(() => policy.authorizeOpening(actor, 'unlisted', 'OpenIt'))).toBe('forbidden');
    }
  });
});

describe('a workflow with a command that has no grants', () => {
  // The complaint workflow as it would read if its author forgot to say who may acknowledge or open one.
  const complaint = workflowDefinitions.find((d) => d.name === 'complaint')!;
  const ungranted = new Set([complaint.openingCommand, 'AcknowledgeComplaint']);
  const careless: AnyWorkflowDefinition = {
    ...complaint,
    name: 'careless',
    category: 'careless',
    commands: complaint.commands.map((c) => (ungranted.has(c.type) ? ({ ...c, grants: undefined } as never) : c)),
  };
  const policy = new PolicyService(new WorkflowRegistry([careless]));
  beforeAll(() => Logger.overrideLogger(false));

  it.each(PersonRole.options)('refuses the command to %s, assigned or not, and offers it to no one (fail closed)', (role) => {
    const actor: Actor = { id: 'person-1', role };
    const facts = { caseId: 'c', workflow: 'careless', assignees: ['person-1'] };
    const refused = complaint.readScope[role] === 'hidden' ? 'hidden' : 'forbidden';
    expect(outcome(() => policy.authorizeOpening(actor, 'careless', complaint.openingCommand))).toBe('forbidden');
    expect(outcome(() => policy.authorizeCommand(actor, facts, 'AcknowledgeComplaint'))).toBe(refused);
    expect(policy.commandsFor(actor, facts, ['AcknowledgeComplaint'])).toEqual([]);
  });

  it('still grants the commands that have grants', () => {
    expect(outcome(() => policy.authorizeCommand({ id: 'person-1', role: 'supervisor' }, { caseId: 'c', workflow: 'careless', assignees: [] }, 'AssignHandler'))).toBe('allowed');
  });
});
