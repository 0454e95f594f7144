import type { AnyWorkflowDefinition } from '../../domain/workflow';
import type { ComplaintContext } from '../../workflows/complaint/machine';
import { complaintWorkflow } from '../../workflows/complaint';
import { defenceCohortWorkflow } from '../../workflows/defence-cohort';
import { activeRepresentatives, type DefenceCohortContext } from '../../workflows/defence-cohort/machine';
import { restorativeEngagementWorkflow } from '../../workflows/restorative-engagement';
import { engagementsIn, missingPreparation, sharingsToSubmit, type RestorativeEngagementContext } from '../../workflows/restorative-engagement/machine';
import { restorativeOpportunitiesWorkflow } from '../../workflows/restorative-opportunities';
import { blockingConditions, type RestorativeOpportunitiesContext } from '../../workflows/restorative-opportunities/machine';
import { informationSessionWorkflow } from '../../workflows/information-session';
import type { InformationSessionContext } from '../../workflows/information-session/machine';
import { supportCoordinationWorkflow } from '../../workflows/support-coordination';
import type { SupportCoordinationContext } from '../../workflows/support-coordination/machine';
import type { PersonActor, WorkflowDriver } from '../support/workflow-model';

const supervisor: PersonActor = { id: 'supervisor-1', role: 'supervisor' };
const practitioner = (id: string): PersonActor => ({ id, role: 'practitioner' });

const example = (definition: AnyWorkflowDefinition, command: string): Record<string, unknown> => {
  const found = definition.commands.find((c) => c.type === command);
  if (!found) throw new Error(`${definition.name} has no command ${command}`);
  return { ...found.example };
};

/**
 * Restorative engagement: a supervisor takes the intake steps and assigns; the assigned
 * practitioner does the rest. Ids of engagements scheduled earlier; a reflection whose goals were
 * met and one whose were not (the way back to phase 2); closing with and without a follow-up;
 * withdrawal from every stage and the resumption that follows.
 */
const restorativeEngagement: WorkflowDriver = {
  definition: restorativeEngagementWorkflow,
  actorOf(command, context: RestorativeEngagementContext) {
    const assigned = context.practitionerIds[0];
    if (['ReceiveOptIn', 'ConfirmParticipation', 'AssignPractitioner', 'ReassignPractitioner', 'ResumeParticipation'].includes(command)) return supervisor;
    return assigned !== undefined ? practitioner(assigned) : supervisor;
  },
  reader: supervisor,
  // Preparation and engagements progress towards guards before the commands offered change.
  abstraction: (context: RestorativeEngagementContext) => ({
    missing: missingPreparation(context),
    scheduled: engagementsIn(context, 'scheduled').length > 0,
    held: engagementsIn(context, 'held').length > 0,
    toSubmit: sharingsToSubmit(context).length > 0,
    goalsMet: context.reflection?.goalsMet ?? null,
    // Where a resumption leads.
    withdrawnFrom: context.withdrawnFrom ?? null,
  }),
  variants(command, context: RestorativeEngagementContext) {
    const re = (name: string) => example(restorativeEngagementWorkflow, name);
    switch (command) {
      case 'ScheduleEngagement':
        return [{ ...re(command), engagementId: `engagement-${context.engagements.length + 1}` }];
      case 'RecordEngagement': {
        const scheduled = engagementsIn(context, 'scheduled')[0];
        return scheduled ? [{ outcome: 'held', engagementId: scheduled.engagementId }] : [];
      }
      case 'SubmitSharing': {
        const sharing = sharingsToSubmit(context)[0];
        return sharing ? [{ engagementId: sharing.engagementId }] : [];
      }
      case 'RecordReflection':
        return [re(command), { goalsMet: 'notMet', feedback: 'I still want to be heard by a senior leader.', followUpConsent: false }];
      case 'CloseEngagement':
        // A follow-up a week later, which the tolerance (a week) lets the model record at once; and none.
        return [{ followUpInWeeks: 1 }, {}];
      default:
        return undefined;
    }
  },
};

/**
 * Restorative opportunities, confidential to the Restorative Justice Unit: intake with and without
 * a no-contact condition, and not suitable; each party's consent; a model that needs a meeting and
 * one that does not; amending the condition in place; reassigning the intake officer (a mediator
 * comes later); the assigned mediator running the mediation steps.
 */
const restorativeOpportunities: WorkflowDriver = {
  definition: restorativeOpportunitiesWorkflow,
  // The mediator records the mediation on the cases assigned to them; the unit everything else.
  actorOf(command, context: RestorativeOpportunitiesContext) {
    const mediates = restorativeOpportunitiesWorkflow.commands.find((c) => c.type === command)?.grants.mediator === 'assigned';
    return mediates && context.mediatorId ? { id: context.mediatorId, role: 'mediator' } : { id: 'rju-1', role: 'rju' };
  },
  reader: { id: 'rju-1', role: 'rju' },
  variants(command, context: RestorativeOpportunitiesContext) {
    const ro = (name: string) => example(restorativeOpportunitiesWorkflow, name);
    switch (command) {
      case 'AssessIntake':
        return [
          ro(command),
          { ...ro(command), noContactConditions: [{ kind: 'paroleBoardNoContactCondition' }] },
          {
            outcome: 'notSuitable',
            offenderAcceptedResponsibility: false,
            safetyConcerns: 'none',
            noContactConditions: [],
            notSuitableReason: 'offenderDoesNotAcceptResponsibility',
          },
        ];
      case 'ReassignCase':
        return [{ assignment: 'intakeOfficer', assigneeId: context.intakeOfficerId === 'rju-officer-2' ? 'rju-officer-3' : 'rju-officer-2' }];
      case 'RecordConditionAmended': {
        const kind = blockingConditions(context)[0];
        // A court varies its order in its own words: what it varied, not the Parole Board's wording.
        if (kind === 'courtNonCommunicationOrder') return [{ kind, amendedOn: ro(command)['amendedOn'], variation: 'programFacilitatedCommunication' }];
        return kind ? [{ ...ro(command), kind }] : [];
      }
      case 'RecordPreparation': {
        const sessions = [ro(command), { ...ro(command), party: 'offender', notes: 'Ready to answer the victim’s questions.' }];
        // The victim takes back a consent they gave (which calls an arranged meeting off).
        return context.consent.victim === 'given' ? [...sessions, { ...ro(command), consent: 'takenBack' }] : sessions;
      }
      case 'SelectModel':
        return [{ model: 'faceToFace' }, { model: 'letterExchange' }];
      case 'AgreeSupportPerson': {
        // The support person's id chosen, not minted: a state the graph merged with another names them alike.
        const agreed = ro(command) as { person: Record<string, unknown> };
        return [{ ...agreed, person: { ...agreed.person, subjectId: `support-person-${context.supportPersonIds.length + 1}` } }];
      }
      case 'WithdrawSupportPersonAgreement': {
        const personId = context.supportPersonIds[0];
        return personId !== undefined ? [{ personId, withdrawnBy: 'victim' }] : [];
      }
      default:
        return undefined;
    }
  },
};

/**
 * Complaint: a supervisor receives it and sends it to a new handler at each assignment (a reviewer
 * at a higher level must not have handled a lower one); the handler responds; a response naming
 * the next level, and one without it for the last level; feedback as well as complaints.
 */
const complaint: WorkflowDriver = {
  definition: complaintWorkflow,
  actorOf(command, context: ComplaintContext) {
    if (command === 'ReceiveComplaint' || command === 'AssignHandler' || context.handlerId === undefined) return supervisor;
    return practitioner(context.handlerId);
  },
  reader: supervisor,
  // The level decides whether a review can be requested later; a handler assigned before the acknowledgement decides where it leads;
  // feedback runs no review window, so it may close as soon as it is answered while a complaint waits for the complainant.
  abstraction: (context: ComplaintContext) => ({ level: context.level, handler: context.handlerId !== undefined, kind: context.kind }),
  variants(command, context: ComplaintContext) {
    const c = (name: string) => example(complaintWorkflow, name);
    switch (command) {
      case 'ReceiveComplaint':
        return [c(command), { ...c(command), kind: 'feedback' }];
      case 'AssignHandler':
        return [{ handlerId: `practitioner-${context.assignments.length + 1}` }];
      case 'Respond':
        return [c(command), { response: (c(command) as { response: string }).response }];
      default:
        return undefined;
    }
  },
};

/**
 * Support coordination: a supervisor records the opt-in (named and anonymous) and assigns or
 * reassigns the coordinator, who does the rest (first contact at the server's time, which lies in
 * every staffed zone's business hours); a formal complaint intended then registered; closure as
 * unreachable before first contact, with needs met after it.
 */
const supportCoordination: WorkflowDriver = {
  definition: supportCoordinationWorkflow,
  actorOf(command, context: SupportCoordinationContext) {
    if (['RecordOptIn', 'AssignCoordinator', 'ReassignCoordinator'].includes(command) || context.coordinatorId === undefined) return supervisor;
    return practitioner(context.coordinatorId);
  },
  reader: supervisor,
  // Which formal-complaint notes remain, and whether first contact was made (closure outcomes differ).
  abstraction: (context: SupportCoordinationContext) => ({ formalComplaint: context.formalComplaint, reached: context.firstContactAt !== undefined }),
  variants(command, context: SupportCoordinationContext) {
    const rsc = (name: string) => example(supportCoordinationWorkflow, name);
    switch (command) {
      case 'RecordOptIn':
        return [rsc(command), { channel: 'email', client: { anonymous: true, contact: 'anon@example.org', location: 'outsideCanada' }, language: 'fr' }];
      case 'ReassignCoordinator':
        return [{ ...rsc(command), coordinatorId: context.coordinatorId === 'practitioner-2' ? 'practitioner-3' : 'practitioner-2' }];
      case 'MakeReferral':
        return [rsc(command), { to: 'mplo', clientConsented: true, anonymous: true }];
      case 'NoteFormalComplaint':
        return [{ status: 'intended' }, { status: 'registered' }];
      case 'CloseSupport':
        return [rsc(command), { outcome: 'unreachable' }];
      default:
        return undefined;
    }
  },
};

/**
 * Information sessions: a supervisor opens (a unit's request and a session for class members) and
 * schedules; the presenter moves it, registers and cancels registrations, records it held (it
 * started before the server's time) or cancels it.
 */
const informationSession: WorkflowDriver = {
  definition: informationSessionWorkflow,
  actorOf(command, context: InformationSessionContext) {
    if (command === 'RequestInformationSession' || context.presenterId === undefined) return supervisor;
    return practitioner(context.presenterId);
  },
  reader: supervisor,
  // Whether registrations stand (one can be cancelled) decides what is offered; the audience whether any are taken.
  abstraction: (context: InformationSessionContext) => ({ audience: context.audience, registrations: context.registrations.length }),
  variants(command, context: InformationSessionContext) {
    const inf = (name: string) => example(informationSessionWorkflow, name);
    switch (command) {
      case 'RequestInformationSession':
        // Requested the day before the session below was given: a session starts after its request.
        return [
          { ...inf(command), requestedAt: '2026-03-02T14:00:00Z' },
          { audience: 'classMembers', region: 'QC', preferredLanguage: 'fr', requestedAt: '2026-03-02T14:00:00Z' },
        ];
      case 'ScheduleInformationSession':
        // Already given, so that it can be recorded held at the server's time.
        return [{ ...inf(command), startsAt: '2026-03-03T14:00:00Z', presenterId: context.presenterId ?? 'practitioner-1' }];
      case 'RegisterAttendee':
        return context.registrations.length < 1 ? [{ ...inf(command), registrationId: `registration-${context.registrationIds.length + 1}` }] : [];
      case 'CancelRegistration':
        return context.registrations.slice(0, 1).map((registrationId) => ({ registrationId }));
      default:
        return undefined;
    }
  },
};

/**
 * Defence representative cohort: a supervisor forms it, adds and replaces; the cohort's first
 * practitioner records the rest. Representatives join up to the maximum and leave down to below
 * the minimum (flagged), before and after the start; sessions of learning and of planning for
 * action (completion needs one); completion with the commitments of everyone still in the cohort.
 */
const defenceCohort: WorkflowDriver = {
  definition: defenceCohortWorkflow,
  actorOf(command, context: DefenceCohortContext) {
    const guide = context.practitionerIds[0];
    if (['FormCohort', 'AddRepresentative', 'ReplacePractitioner', 'DisbandCohort'].includes(command) || guide === undefined) return supervisor;
    return practitioner(guide);
  },
  reader: supervisor,
  // The number of representatives decides whether one can join, whether the cohort can start and
  // whether a departure is flagged; a planning session whether it can complete.
  abstraction: (context: DefenceCohortContext) => ({
    representatives: activeRepresentatives(context).length,
    planned: context.sessions.planningForAction > 0,
  }),
  variants(command, context: DefenceCohortContext) {
    const drc = (name: string) => example(defenceCohortWorkflow, name);
    const active = activeRepresentatives(context);
    switch (command) {
      case 'AddRepresentative':
        return [{ representative: { ...(drc(command)['representative'] as object), subjectId: `rep-${context.representatives.length + 1}` } }];
      case 'WithdrawRepresentative':
        // From the minimum only, so that every departure raises the flag (the graph would take one departure for all).
        return active.length === context.minimumRepresentatives ? [{ ...drc(command), representativeId: active.at(-1)! }] : [];
      case 'ReplacePractitioner': {
        const leaving = context.practitionerIds[1]!;
        return [{ ...drc(command), practitionerId: leaving, replacementId: leaving === 'practitioner-3' ? 'practitioner-4' : 'practitioner-3' }];
      }
      case 'RecordSession':
        return [drc(command), { ...drc(command), kind: 'planningForAction' }];
      case 'CompleteCohort':
        return [{ commitments: active.map((representativeId) => ({ representativeId, commitments: 'Brief my unit on what class members told us.' })) }];
      default:
        return undefined;
    }
  },
};

/** How each registered workflow is driven; a workflow without a driver fails the model-based test. */
export const workflowDrivers: readonly WorkflowDriver[] = [restorativeEngagement, restorativeOpportunities, complaint, supportCoordination, informationSession, defenceCohort];
