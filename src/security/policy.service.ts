import { Injectable, Logger } from '@nestjs/common';
import { CaseNotFound, defineError } from '../../domain/errors';
import { roleLabel, type Actor } from '../../domain/roles';
import type { Bilingual } from '../../domain/validation';
import type { CommandGrant, ReadScope } from '../../domain/access';
import type { ServiceLanguage } from '../../domain/staff';
import type { WorkflowLabels } from '../../domain/workflow';
import { WorkflowRegistry } from '../workflows/workflow-registry';
import { QUERY_PERMISSIONS, SEES_PERSONAL_DATA, type PersonRole, type QueryPermission } from './permissions';

/** What was refused, said in both languages (an infinitive phrase: "read this case", "consulter ce dossier"). */
type Action = Bilingual;

export const RoleForbidden = defineError<{ role: string; action: Action }>('ACCESS.ROLE_FORBIDDEN', 'forbidden', {
  en: (p) => `The ${roleLabel(p.role).en} role may not ${p.action.en}.`,
  fr: (p) => `Le rôle «\u00a0${roleLabel(p.role).fr}\u00a0» ne permet pas ${/^[aeéèêiouh]/i.test(p.action.fr) ? 'd’' : 'de '}${p.action.fr}.`,
});

/**
 * A case the role may know exists, but not act on unless it is theirs: named by its reference
 * (`CMP-2026-00012`), as practitioners know cases, where it has one; by its id otherwise (a case
 * opened before references). The id stays in the params either way.
 */
export const NotAssigned = defineError<{ caseId: string; reference?: string | null | undefined; action: Action }>('ACCESS.NOT_ASSIGNED', 'forbidden', {
  en: (p) => `Case ${p.reference ?? p.caseId} is not assigned to you, so you may not ${p.action.en}.`,
  fr: (p) => `Le dossier ${p.reference ?? p.caseId} ne vous est pas attribué\u00a0: vous ne pouvez pas ${p.action.fr}.`,
});

const READ_CASE: Action = { en: 'read this case', fr: 'consulter ce dossier' };
const RUN_COMMANDS: Action = { en: 'record a step on a case', fr: 'consigner une étape dans un dossier' };

/** Running a command, named as its workflow labels it for people (as the API names it where it has no label), quoted. */
export const runCommand = (command: string, labels?: WorkflowLabels): Action => {
  const name = labels?.commands[command] ?? { en: command, fr: command };
  return { en: `run “${name.en}”`, fr: `exécuter la commande «\u00a0${name.fr}\u00a0»` };
};

const QUERY_ACTIONS: Readonly<Record<QueryPermission, Action>> = {
  'cases.read': { en: 'read cases', fr: 'consulter les dossiers' },
  'cases.history': { en: 'read the history of cases', fr: 'consulter l’historique des dossiers' },
  'cases.export': { en: 'export cases', fr: 'exporter des dossiers' },
  'caseload.read': { en: 'read caseloads', fr: 'consulter les charges de travail' },
  'workload.read': { en: 'read the workload of each person', fr: 'consulter la charge de travail de chaque personne' },
  'complaints.board': { en: 'read the complaints board', fr: 'consulter le tableau des plaintes' },
  'sla.read': { en: 'read the service standard clocks', fr: 'consulter les délais des normes de service' },
  'audit.verify': { en: 'verify the hash chain', fr: 'vérifier la chaîne de hachage' },
  'audit.access': { en: 'read the access log', fr: 'consulter le journal des accès' },
  'workflows.read': { en: 'read the workflows', fr: 'consulter les processus' },
  'calendar.read': { en: 'read the business calendar', fr: 'consulter le calendrier des jours ouvrables' },
  'projections.read': { en: 'read the projections', fr: 'consulter les projections' },
  'metrics.read': { en: 'read the metrics', fr: 'consulter les métriques' },
  'subjects.erase': { en: 'erase a person’s data', fr: 'effacer les données d’une personne' },
  'staff.read': { en: 'read the staff directory', fr: 'consulter le répertoire du personnel' },
  'staff.manage': { en: 'manage the staff directory', fr: 'gérer le répertoire du personnel' },
};

export const OtherCaseload = defineError<{ role: string }>('ACCESS.OTHER_CASELOAD', 'forbidden', {
  en: (p) => `The ${roleLabel(p.role).en} role may see only its own caseload.`,
  fr: (p) => `Le rôle «\u00a0${roleLabel(p.role).fr}\u00a0» ne permet de consulter que sa propre charge de travail.`,
});

/** What the policy needs to know of a case. */
export interface CaseAccessFacts {
  readonly caseId: string;
  readonly workflow: string;
  /** The workflow version the case runs on; its grants apply. The latest when not given. */
  readonly workflowVersion?: number;
  readonly assignees: readonly string[];
  /** The workflow whose read scope applies, when not the case's own (a complaint about an RO case reads as an RO case). */
  readonly readAs?: string;
  /** The human reference of the case (`CMP-2026-00012`), which a refusal names it by; null or absent when it has none. */
  readonly reference?: string | null;
  /** The official language the case is served in, or both, when its workflow records it: whom it may be assigned to (AssigneeCheck). */
  readonly serviceLanguage?: ServiceLanguage;
}

/** How a role's lists are narrowed. */
export interface ListScope {
  /** Workflows whose cases, and the cases read as theirs, this role may not see at all. */
  readonly hiddenWorkflows: readonly string[];
  /** Set when the role sees only the cases assigned to it. */
  readonly assignee?: string;
}

const isPerson = (actor: Actor): actor is Actor & { role: PersonRole } => actor.role !== 'system';

/** The workflow whose read scope a case is read under: its own, or the one its summary names. */
const readAs = (facts: Pick<CaseAccessFacts, 'workflow' | 'readAs'>): string => facts.readAs ?? facts.workflow;

/**
 * The one place authorisation is decided (DESIGN.md §7), from each workflow's definition (its
 * commands' grants and its read scope) and the query permissions. It fails closed: a workflow it
 * does not know is hidden, a command without grants is refused to every role. Every denial
 * is thrown as a 403 with its reason — or, for a case the role may not know exists, as the 404
 * of a case that does not exist — and logged.
 */
@Injectable()
export class PolicyService {
  private readonly logger = new Logger('Access');
  /** Whether a workflow grants the role any command, by role: the registry does not change once built. */
  private readonly writers = new Map<PersonRole, boolean>();

  constructor(private readonly registry: WorkflowRegistry) {}

  /** Route-level permission for queries and operations. */
  require(actor: Actor, permission: QueryPermission): void {
    if (!isPerson(actor)) return;
    if (!(QUERY_PERMISSIONS[permission] as readonly string[]).includes(actor.role)) {
      throw this.deny(actor, RoleForbidden({ role: actor.role, action: QUERY_ACTIONS[permission] }), { permission });
    }
  }

  /** May this actor read this case's content? 404 when the role may not know it exists. */
  authorizeRead(actor: Actor, facts: CaseAccessFacts, action: Action = READ_CASE): void {
    const scope = this.scope(actor, readAs(facts));
    if (scope === 'hidden' || (scope === 'needToKnow' && !facts.assignees.includes(actor.id))) {
      throw this.deny(actor, CaseNotFound({ caseId: facts.caseId }), { caseId: facts.caseId, hidden: true });
    }
    if (scope === 'denied') throw this.deny(actor, RoleForbidden({ role: actor.role, action: action }), { caseId: facts.caseId });
    if (scope === 'assigned' && !facts.assignees.includes(actor.id)) {
      throw this.deny(actor, NotAssigned({ caseId: facts.caseId, reference: facts.reference, action }), { caseId: facts.caseId });
    }
  }

  /**
   * May this actor read this case? For lookups that must not tell a case the actor may not read
   * from one that does not exist (a reference, a search): they answer both alike.
   */
  mayRead(actor: Actor, facts: CaseAccessFacts): boolean {
    // As authorizeRead decides, under the scope of the workflow the case is read as.
    const scope = this.scope(actor, readAs(facts));
    return scope === 'all' || ((scope === 'assigned' || scope === 'needToKnow') && facts.assignees.includes(actor.id));
  }

  /**
   * Could this person, in their role, work this case once it is assigned to them: read it, and take
   * every step its workflow keeps for the people assigned (those some role may take only on its own
   * cases: a coordinator's first contact), or, in a workflow that keeps none, at least one step? A
   * supervisor named coordinator could take none of the coordinator's steps, and the case would stall.
   */
  mayWork(person: Actor, facts: CaseAccessFacts): boolean {
    if (!isPerson(person)) return false;
    const assigned = { ...facts, assignees: [...facts.assignees, person.id] };
    const steps = this.registry.find(facts.workflow, facts.workflowVersion)?.commands ?? [];
    const assigneesSteps = steps.filter((c) => Object.values(c.grants ?? {}).includes('assigned'));
    const takes = (c: (typeof steps)[number]) => c.grants?.[person.role] !== undefined;
    return this.mayRead(person, assigned) && (assigneesSteps.length > 0 ? assigneesSteps.every(takes) : steps.some(takes));
  }

  /**
   * May this actor open a case that is read as another workflow's cases are (a complaint about a
   * program)? Not when that workflow's cases are hidden from their role: they could not read what
   * they opened, and its reference, numbered in that workflow's series, would count cases they may
   * not know of. The answer depends on the workflow named, never on its cases.
   */
  authorizeReadAs(actor: Actor, facts: CaseAccessFacts): void {
    const workflow = readAs(facts);
    if (!isPerson(actor) || workflow === facts.workflow || !this.unknowableWorkflows(actor).includes(workflow)) return;
    const title = this.registry.get(workflow).labels.title;
    const action = { en: `open a case about ${title.en}`, fr: `ouvrir un dossier visant le programme «\u00a0${title.fr}\u00a0»` };
    throw this.deny(actor, RoleForbidden({ role: actor.role, action }), { caseId: facts.caseId, readAs: workflow });
  }

  /**
   * May this actor run any command at all? A role that no workflow grants a command (admins and
   * auditors never write) is refused before any case is looked at, whatever the id, as a read of a
   * case is refused to a role without `cases.read`: the answer must not tell a case that exists
   * from one that does not.
   */
  authorizeAnyCommand(actor: Actor): void {
    if (!isPerson(actor)) return;
    let writes = this.writers.get(actor.role);
    if (writes === undefined) {
      writes = this.registry.all().some((d) => d.commands.some((c) => c.grants?.[actor.role] !== undefined));
      this.writers.set(actor.role, writes);
    }
    if (!writes) throw this.deny(actor, RoleForbidden({ role: actor.role, action: RUN_COMMANDS }), {});
  }

  /** May this actor open a case with this command? */
  authorizeOpening(actor: Actor, workflow: string, command: string): void {
    if (!isPerson(actor)) return;
    const definition = this.registry.find(workflow);
    // A command the workflow does not have is not a permission question: the decision refuses it (400).
    if (definition && !definition.commands.some((c) => c.type === command)) return;
    if (!this.grant(actor.role, { workflow }, command)) {
      throw this.deny(actor, RoleForbidden({ role: actor.role, action: runCommand(command, definition?.labels) }), { workflow, command });
    }
  }

  /** May this actor run this command on this case? Checked before the decision is made. */
  authorizeCommand(actor: Actor, facts: CaseAccessFacts, command: string): void {
    if (!isPerson(actor)) return;
    if (!this.knowable(actor, facts)) {
      throw this.deny(actor, CaseNotFound({ caseId: facts.caseId }), { caseId: facts.caseId, hidden: true, command });
    }
    // A command the case's workflow does not have is refused by the decision, naming the workflow:
    // only to those who may read the case. Others get the answer a read gives, revealing nothing.
    if (!this.known(facts, command)) return this.authorizeRead(actor, facts, runCommand(command));
    const grant = this.grant(actor.role, facts, command);
    // Named only when refused: the path every command takes stays as it was.
    const action = () => runCommand(command, this.registry.find(facts.workflow, facts.workflowVersion)?.labels);
    if (!grant) throw this.deny(actor, RoleForbidden({ role: actor.role, action: action() }), { caseId: facts.caseId, command });
    if (grant === 'assigned' && !facts.assignees.includes(actor.id)) {
      throw this.deny(actor, NotAssigned({ caseId: facts.caseId, reference: facts.reference, action: action() }), { caseId: facts.caseId, command });
    }
  }

  /** The commands of `allowed` this actor may run on this case (what the case view offers them). */
  commandsFor(actor: Actor, facts: CaseAccessFacts, allowed: readonly string[]): string[] {
    if (!isPerson(actor)) return [...allowed];
    if (!this.knowable(actor, facts)) return [];
    return allowed.filter((command) => {
      const grant = this.grant(actor.role, facts, command);
      return grant === 'any' || (grant === 'assigned' && facts.assignees.includes(actor.id));
    });
  }

  /** The next steps of a case, whoever may take them, for an actor who may know of it (none otherwise). */
  stepsKnownTo(actor: Actor, facts: CaseAccessFacts, steps: readonly string[]): string[] {
    return !isPerson(actor) || this.knowable(actor, facts) ? [...steps] : [];
  }

  /** Which cases this actor's lists may show. */
  listScope(actor: Actor): ListScope {
    if (!isPerson(actor)) return { hiddenWorkflows: [] };
    const workflows = this.registry.latest();
    const hiddenWorkflows = workflows.filter((d) => ['hidden', 'denied'].includes(d.readScope[actor.role])).map((d) => d.name);
    // One assignee narrows every workflow the role sees: no role sees all of one workflow and only its own of another.
    const assignedOnly = workflows.some((d) => ['assigned', 'needToKnow'].includes(d.readScope[actor.role]));
    return { hiddenWorkflows, ...(assignedOnly ? { assignee: actor.id } : {}) };
  }

  /**
   * Workflows that views over every case of a workflow (SLA clocks and counts, the access log)
   * leave out for this actor: all but those whose every case the role may read.
   */
  hiddenWorkflows(actor: Actor): string[] {
    return this.registry
      .latest()
      .map((d) => d.name)
      .filter((workflow) => this.scope(actor, workflow) !== 'all');
  }

  /**
   * Workflows some of whose cases this actor may not even know exist (answered 404, not 403): what
   * audit counts leave out.
   */
  unknowableWorkflows(actor: Actor): string[] {
    return this.registry
      .latest()
      .map((d) => d.name)
      .filter((workflow) => ['hidden', 'needToKnow'].includes(this.scope(actor, workflow)));
  }

  /** May this actor see a caseload? A role that sees only the cases assigned to it, only its own. */
  authorizeCaseload(actor: Actor, assigneeId: string): void {
    this.require(actor, 'caseload.read');
    const own = this.listScope(actor).assignee;
    if (own !== undefined && own !== assigneeId) throw this.deny(actor, OtherCaseload({ role: actor.role }), { assigneeId });
  }

  /** Does this actor see personal information in the case content they may read? */
  seesPersonalData(actor: Actor): boolean {
    return !isPerson(actor) || SEES_PERSONAL_DATA[actor.role];
  }

  /** May this actor know that this case exists? */
  private knowable(actor: Actor, facts: CaseAccessFacts): boolean {
    const scope = this.scope(actor, readAs(facts));
    return scope !== 'hidden' && (scope !== 'needToKnow' || facts.assignees.includes(actor.id));
  }

  private scope(actor: Actor, workflow: string): ReadScope {
    if (!isPerson(actor)) return 'all';
    // A workflow that is not registered is readable by no one: fail closed.
    return this.registry.find(workflow)?.readScope[actor.role] ?? 'hidden';
  }

  /** Does the case's workflow (at its version) have this command? Commands it lacks are refused by the decision (400). */
  private known(facts: Pick<CaseAccessFacts, 'workflow' | 'workflowVersion'>, command: string): boolean {
    return this.registry.find(facts.workflow, facts.workflowVersion)?.commands.some((c) => c.type === command) ?? false;
  }

  /** The grant a role holds for a command, from the definition of the case's workflow; none when anything is missing. */
  private grant(role: PersonRole, facts: Pick<CaseAccessFacts, 'workflow' | 'workflowVersion'>, command: string): CommandGrant | undefined {
    const definition = this.registry.find(facts.workflow, facts.workflowVersion);
    return definition?.commands.find((c) => c.type === command)?.grants?.[role];
  }

  private deny<E extends Error & { code: string }>(actor: Actor, error: E, context: Record<string, unknown>): E {
    this.logger.warn({ actor: actor.id, role: actor.role, code: error.code, ...context }, 'Access denied');
    return error;
  }
}
