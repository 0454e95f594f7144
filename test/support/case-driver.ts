import { createCalendarProvider } from '../../domain/calendar';
import type { DecideContext } from '../../domain/decide-context';
import { allowedCommands, initialCaseState } from '../../domain/fold';
import { processCommand } from '../../domain/process';
import type { RegionCode } from '../../domain/regions';
import type { Actor } from '../../domain/roles';
import { DEFAULT_SETTINGS } from '../../domain/settings';
import type { AnyWorkflowDefinition, CaseState } from '../../domain/workflow';
import { workflowDefinitions } from '../../workflows/registry';
import { complaintContext } from '../../workflows/complaint/decide';
import { nextLevel } from '../../workflows/complaint/machine';
import { engagementsIn, sharingsToSubmit, type RestorativeEngagementContext } from '../../workflows/restorative-engagement/machine';
import { blockingConditions, type RestorativeOpportunitiesContext } from '../../workflows/restorative-opportunities/machine';
import type { InformationSessionContext } from '../../workflows/information-session/machine';
import type { SupportCoordinationContext } from '../../workflows/support-coordination/machine';
import type { Random } from './random';
import { registeredWorkflows } from './workflow-spec';

/** A command chosen for a case, with who runs it. */
export interface PlannedCommand {
  readonly command: string;
  readonly data: Record<string, unknown>;
  readonly actor: Actor;
}

export const SUPERVISOR: Actor = { id: 'supervisor-1', role: 'supervisor' };
export const RJU: Actor = { id: 'rju-1', role: 'rju' };
const PRACTITIONERS = ['practitioner-1', 'practitioner-2', 'practitioner-3', 'practitioner-4'];
const REGIONS: readonly RegionCode[] = ['ON', 'ON', 'QC', 'BC', 'NS', 'AB', 'MB'];
/** Commands that end a case early: taken now and then, so most cases live long enough to move. */
const ENDINGS = new Set(['Withdraw', 'WithdrawComplaint', 'DetermineNotSuitable', 'RecordWithdrawal', 'CancelInformationSession']);

const calendars = createCalendarProvider();

function example(definition: AnyWorkflowDefinition, command: string): Record<string, unknown> {
  const found = definition.commands.find((c) => c.type === command);
  if (!found) throw new Error(`${definition.name} has no command ${command}`);
  return { ...found.example };
}

/** The data a command is sent with in this state, or undefined when this driver would not send it now. */
function dataFor(definition: AnyWorkflowDefinition, command: string, state: CaseState, random: Random, now: Date): Record<string, unknown> | undefined {
  const base = example(definition, command);
  const context = state.snapshot.context as unknown;
  switch (`${definition.name}/${command}`) {
    case 'restorative-engagement/ReceiveOptIn':
    case 'restorative-opportunities/ReceiveReferral':
      return { ...base, region: random.pick(REGIONS) };
    case 'complaint/ReceiveComplaint':
      return { ...base, region: random.pick(REGIONS), channel: random.pick(['electronic', 'mail']) };
    case 'restorative-engagement/AssignPractitioner':
      return { practitionerIds: practitioners(random) };
    case 'restorative-engagement/ReassignPractitioner': {
      const current = (context as RestorativeEngagementContext).practitionerIds.join();
      const next = practitioners(random);
      return next.join() === current ? undefined : { ...base, practitionerIds: next };
    }
    case 'restorative-engagement/ScheduleEngagement':
      return { ...base, engagementId: `engagement-${(context as RestorativeEngagementContext).engagements.length + 1}` };
    case 'restorative-engagement/RecordEngagement': {
      const scheduled = engagementsIn(context as RestorativeEngagementContext, 'scheduled')[0];
      return scheduled && { outcome: 'held', engagementId: scheduled.engagementId };
    }
    case 'restorative-engagement/SubmitSharing': {
      const sharing = sharingsToSubmit(context as RestorativeEngagementContext)[0];
      return sharing && { engagementId: sharing.engagementId };
    }
    case 'restorative-engagement/RecordReflection':
      return random.chance(0.7) ? base : { goalsMet: 'notMet', feedback: 'I still want to be heard by a senior leader.', followUpConsent: false };
    case 'restorative-engagement/CloseEngagement':
      return random.chance(0.5) ? base : {};
    case 'restorative-opportunities/BeginIntakeAssessment':
      return { intakeOfficerId: `rju-officer-${random.int(1, 3)}` };
    case 'restorative-opportunities/AssessIntake':
      return random.pick([
        base,
        base,
        { ...base, noContactConditions: [{ kind: 'paroleBoardNoContactCondition' }] },
        { outcome: 'notSuitable', offenderAcceptedResponsibility: false, safetyConcerns: 'none', noContactConditions: [], notSuitableReason: 'offenderDoesNotAcceptResponsibility' },
      ]);
    case 'restorative-opportunities/AssignMediator':
      return { mediatorId: `mediator-${random.int(1, 3)}` };
    case 'restorative-opportunities/ReassignCase': {
      const current = (context as RestorativeOpportunitiesContext).intakeOfficerId;
      return { assignment: 'intakeOfficer', assigneeId: current === 'rju-officer-9' ? 'rju-officer-8' : 'rju-officer-9', reason: base['reason'] };
    }
    case 'restorative-opportunities/RecordConditionAmended': {
      const kind = blockingConditions(context as RestorativeOpportunitiesContext)[0];
      // A court varies its order in its own words: what it varied, not the Parole Board's wording.
      if (kind === 'courtNonCommunicationOrder') return { kind, amendedOn: base['amendedOn'], variation: 'programFacilitatedCommunication' };
      return kind && { ...base, kind };
    }
    case 'restorative-opportunities/RecordPreparation':
      return random.chance(0.5) ? base : { ...base, party: 'offender', notes: 'Ready to answer the victim’s questions.' };
    case 'restorative-opportunities/SelectModel':
      return { model: random.pick(['faceToFace', 'letterExchange']) };
    case 'complaint/AssignHandler': {
      const c = complaintContext(state);
      // A reviewer at a higher level must not have handled a lower one: a new handler for every assignment.
      return { handlerId: `practitioner-c${c.level}-${c.assignments.length + 1}` };
    }
    case 'complaint/Respond':
      return nextLevel(complaintContext(state)) ? base : { response: base['response'] };
    case 'complaint/PauseClock':
      return { ...base, clock: `response-${complaintContext(state).level}` };
    case 'complaint/ResumeClock':
      return { clock: `response-${complaintContext(state).level}` };
    case 'support-coordination/RecordOptIn':
      return random.chance(0.7)
        ? { ...base, region: random.pick(REGIONS) }
        : { ...base, region: random.pick(REGIONS), client: { anonymous: true, contact: 'anonymous@example.org', location: 'outsideCanada' } };
    case 'support-coordination/AssignCoordinator':
      return { coordinatorId: random.pick(PRACTITIONERS), timeZone: random.pick(['America/Halifax', 'America/Toronto', 'America/Vancouver']) };
    case 'support-coordination/ReassignCoordinator': {
      const current = (context as SupportCoordinationContext).coordinatorId;
      return { ...base, coordinatorId: random.pick(PRACTITIONERS.filter((p) => p !== current)) };
    }
    case 'support-coordination/MakeReferral':
      return random.chance(0.5) ? base : { to: 'mplo', clientConsented: true, anonymous: true };
    case 'information-session/RequestInformationSession':
      return random.chance(0.5) ? { ...base, region: random.pick(REGIONS) } : { ...base, audience: random.pick(['classMembers', 'futureDefenceRepresentatives']) };
    case 'information-session/ScheduleInformationSession': {
      // Already begun, so that it can be recorded held later; not before it was requested.
      const session = context as InformationSessionContext;
      const presenter = session.presenterId ?? random.pick(PRACTITIONERS);
      const startsAt = Math.max(now.getTime() - 3_600_000, Date.parse(session.requestedAt ?? now.toISOString()));
      return { ...base, startsAt: new Date(startsAt).toISOString(), presenterId: presenter };
    }
    case 'information-session/RegisterAttendee':
      return { ...base, registrationId: `registration-${(context as InformationSessionContext).registrationIds.length + 1}` };
    case 'information-session/CancelRegistration': {
      const registrationId = (context as InformationSessionContext).registrations[0];
      return registrationId !== undefined ? { registrationId } : undefined;
    }
    default:
      return base;
  }
}

function practitioners(random: Random): string[] {
  const first = random.pick(PRACTITIONERS);
  if (random.chance(0.7)) return [first];
  const second = random.pick(PRACTITIONERS.filter((p) => p !== first));
  return [first, second];
}

/** Who may run this command on this case, from the command's grants: an assigned practitioner when there is one. */
function actorFor(definition: AnyWorkflowDefinition, command: string, state: CaseState, random: Random): Actor | undefined {
  const grants = definition.commands.find((c) => c.type === command)?.grants ?? {};
  const assignees = state.revision < 0 ? [] : definition.summarize(state).assignees;
  const candidates: Actor[] = [];
  if (grants.rju) candidates.push(RJU);
  if (grants.practitioner === 'assigned' && assignees.length > 0) candidates.push({ id: random.pick(assignees), role: 'practitioner' });
  if (grants.practitioner === 'any') candidates.push({ id: random.pick(PRACTITIONERS), role: 'practitioner' });
  if (grants.supervisor === 'any') candidates.push(SUPERVISOR);
  return candidates.length > 0 ? random.pick(candidates) : undefined;
}

export function decideContext(now: Date, actor: Actor): DecideContext {
  let next = 0;
  return { now, actor, newId: () => `local-${++next}`, calendars, settings: DEFAULT_SETTINGS, workflows: registeredWorkflows };
}

/**
 * Plans realistic work on cases of every registered workflow: which case to open, which command to
 * run next and as whom, with data valid in the case's state. It keeps its own copy of each case,
 * folded with the workflow's pure processing, so that what it sends is what a careful user would.
 */
export class CaseDriver {
  constructor(private readonly random: Random) {}

  /** A new case of a random workflow, weighted towards the busier programs. */
  open(): { definition: AnyWorkflowDefinition; planned: PlannedCommand } {
    const definition = this.random.pick([...workflowDefinitions, ...workflowDefinitions.filter((d) => d.name !== 'restorative-opportunities')]);
    const state = initialCaseState(definition);
    const actor = actorFor(definition, definition.openingCommand, state, this.random);
    if (!actor) throw new Error(`No one may open a ${definition.name} case`);
    return { definition, planned: { command: definition.openingCommand, data: dataFor(definition, definition.openingCommand, state, this.random, new Date(0))!, actor } };
  }

  /** The next command for a case, or undefined when it is finished (or this driver has nothing to send). */
  next(definition: AnyWorkflowDefinition, state: CaseState, now: Date): PlannedCommand | undefined {
    const meta = { occurredAt: now.toISOString(), actor: SUPERVISOR };
    const candidates = allowedCommands(definition, state, meta).filter((c) => c !== definition.openingCommand);
    for (let attempt = 0; attempt < 6 && candidates.length > 0; attempt++) {
      const command = this.random.pick(candidates);
      if (ENDINGS.has(command) && !this.random.chance(0.15)) continue;
      const data = dataFor(definition, command, state, this.random, now);
      const actor = actorFor(definition, command, state, this.random);
      if (!data || !actor) continue;
      try {
        processCommand(definition, state, { type: command, data }, decideContext(now, actor));
      } catch {
        continue;
      }
      return { command, data, actor };
    }
    return undefined;
  }
}

/** The case after a command the server accepted, folded locally with the time the server recorded. */
export function advance(definition: AnyWorkflowDefinition, state: CaseState, planned: PlannedCommand, now: Date): CaseState {
  return processCommand(definition, state, { type: planned.command, data: planned.data }, decideContext(now, planned.actor)).state;
}
