import { CLOCK_EVENT_LABELS, CLOCK_FIELD_LABELS, CLOCK_VALUE_LABELS } from '../../../domain/clocks/events';
import { z } from 'zod';
import { grants, readScopes } from '../../../domain/access';
import { assertNever } from '../../../domain/assert-never';
import { personalInformationCorrection } from '../../../domain/corrections';
import type { DecideContext } from '../../../domain/decide-context';
import type { NewEvent } from '../../../domain/envelope';
import { DEFAULT_REGION, REGION_LABELS, RegionCode } from '../../../domain/regions';
import { StaffId } from '../../../domain/schemas';
import type { CaseState, EventDefinition, WorkflowDefinition, WorkflowLabels } from '../../../domain/workflow';
import { OfficerAssigned, RequestAnswered, RequestClosed, RequestReceived } from './events';
import { informationRequestMachine, type InformationRequestContext } from './machine';

/**
 * A workflow beside the registered ones, kept under test/ and registered only in test apps: the proof that a workflow
 * is one folder. Nothing outside this folder names it.
 */
const ReceiveRequest = z.strictObject({
  receivedAt: z.iso.datetime({ offset: true }),
  region: RegionCode.default(DEFAULT_REGION),
  topic: z.enum(['restorativeEngagement', 'complaints', 'other']),
  requester: z.strictObject({ name: z.string().min(1).max(200), contact: z.string().min(1).max(500) }),
});
const AssignOfficer = z.strictObject({ officerId: StaffId });
const AnswerRequest = z.strictObject({ answer: z.string().min(1).max(5000) });
const CloseRequest = z.strictObject({});

type Command =
  | { type: 'ReceiveRequest'; data: z.infer<typeof ReceiveRequest> }
  | { type: 'AssignOfficer'; data: z.infer<typeof AssignOfficer> }
  | { type: 'AnswerRequest'; data: z.infer<typeof AnswerRequest> }
  | { type: 'CloseRequest'; data: z.infer<typeof CloseRequest> };

const contextOf = (state: CaseState) => state.snapshot.context as InformationRequestContext;

function decide(command: NewEvent, state: CaseState, ctx: DecideContext): NewEvent[] {
  const cmd = command as Command;
  switch (cmd.type) {
    case 'ReceiveRequest':
      return [{ type: 'RequestReceived', data: { ...cmd.data, requester: { subjectId: ctx.newId(), ...cmd.data.requester } } }];
    case 'AssignOfficer':
      return [{ type: 'OfficerAssigned', data: cmd.data }];
    case 'AnswerRequest':
      return [{ type: 'RequestAnswered', data: { requesterId: contextOf(state).requesterId!, answer: cmd.data.answer } }];
    case 'CloseRequest':
      return [{ type: 'RequestClosed', data: {} }];
    default:
      return assertNever(cmd);
  }
}

const labels: WorkflowLabels = {
  title: { en: 'Information request', fr: 'Demande de renseignements' },
  description: { en: 'A question about the programs, answered by an officer.', fr: 'Une question sur les programmes, à laquelle répond un agent.' },
  states: {
    new: { en: 'New', fr: 'Nouvelle' },
    received: { en: 'Received', fr: 'Reçue' },
    assigned: { en: 'Assigned', fr: 'Attribuée' },
    answered: { en: 'Answered', fr: 'Répondue' },
    closed: { en: 'Closed', fr: 'Fermée' },
  },
  commands: {
    ReceiveRequest: { en: 'Receive a request', fr: 'Recevoir une demande' },
    AssignOfficer: { en: 'Assign an officer', fr: 'Affecter un agent' },
    AnswerRequest: { en: 'Answer the request', fr: 'Répondre à la demande' },
    CloseRequest: { en: 'Close the request', fr: 'Fermer la demande' },
  },
  events: {
    ...CLOCK_EVENT_LABELS,
    RequestReceived: { en: 'Request received', fr: 'Demande reçue' },
    OfficerAssigned: { en: 'Officer assigned', fr: 'Agent affecté à la demande' },
    RequestAnswered: { en: 'Request answered', fr: 'Demande répondue' },
    RequestClosed: { en: 'Request closed', fr: 'Demande fermée' },
  },
  fields: {
    ...CLOCK_FIELD_LABELS,
    receivedAt: { en: 'Received on', fr: 'Date de réception' },
    topic: { en: 'Topic', fr: 'Sujet' },
    requester: { en: 'Requester', fr: 'Demandeur' },
    'requester.name': { en: 'Name', fr: 'Nom' },
    'requester.contact': { en: 'Contact information', fr: 'Coordonnées' },
    'requester.subjectId': { en: 'Person identifier', fr: 'Identifiant de la personne' },
    requesterId: { en: 'Requester identifier', fr: 'Identifiant du demandeur' },
    officerId: { en: 'Officer', fr: 'Agent' },
    answer: { en: 'Answer', fr: 'Réponse' },
  },
  values: {
    ...CLOCK_VALUE_LABELS,
    ...REGION_LABELS,
    restorativeEngagement: { en: 'Restorative Engagement', fr: 'Engagement réparateur' },
    complaints: { en: 'Complaints', fr: 'Plaintes' },
    other: { en: 'Other', fr: 'Autre' },
  },
};

const events: EventDefinition[] = [
  {
    type: 'RequestReceived',
    schema: RequestReceived.shape.data,
    description: { en: 'A question reached the program.', fr: 'Une question est parvenue au programme.' },
    personalData: [{ subject: 'requester.subjectId', fields: ['requester.name', 'requester.contact'] }],
  },
  { type: 'OfficerAssigned', schema: OfficerAssigned.shape.data, description: { en: 'An officer took the request.', fr: 'Un agent a pris la demande en charge.' } },
  {
    type: 'RequestAnswered',
    schema: RequestAnswered.shape.data,
    description: { en: 'The requester was answered.', fr: 'Le demandeur a reçu une réponse.' },
    personalData: [{ subject: 'requesterId', fields: ['answer'] }],
  },
  { type: 'RequestClosed', schema: RequestClosed.shape.data, description: { en: 'The request was closed.', fr: 'La demande a été fermée.' } },
];

// The people it records may have their personal information corrected: one line, as in every workflow.
const correction = personalInformationCorrection({ events, labels, grants: grants.assignedOrSupervisor });

export const informationRequestWorkflow: WorkflowDefinition = {
  name: 'information-request',
  version: 1,
  category: 'informationRequest',
  referencePrefix: 'IRQ',
  labels: correction.labels,
  readScope: readScopes.departmental,
  machine: informationRequestMachine,
  openingCommand: 'ReceiveRequest',
  commands: [
    {
      type: 'ReceiveRequest',
      schema: ReceiveRequest,
      description: { en: 'Record a question from a member of the public.', fr: 'Enregistrer une question d’un membre du public.' },
      example: { receivedAt: '2026-03-02T09:00:00-05:00', region: 'ON', topic: 'other', requester: { name: 'Kim', contact: 'kim@example.org' } },
      primaryEvent: 'RequestReceived',
      grants: grants.intake,
    },
    {
      type: 'AssignOfficer',
      schema: AssignOfficer,
      description: { en: 'Give the request to the officer who answers it.', fr: 'Confier la demande à l’agent qui y répond.' },
      example: { officerId: 'practitioner-1' },
      primaryEvent: 'OfficerAssigned',
      grants: grants.supervisorOnly,
      assigns: true,
    },
    {
      type: 'AnswerRequest',
      schema: AnswerRequest,
      description: { en: 'Record the answer sent to the requester.', fr: 'Enregistrer la réponse envoyée au demandeur.' },
      example: { answer: 'The program runs in every region; a practitioner will call you.' },
      primaryEvent: 'RequestAnswered',
      grants: grants.assignedPractitioner,
    },
    { type: 'CloseRequest', schema: CloseRequest, description: { en: 'Close an answered request.', fr: 'Fermer une demande à laquelle on a répondu.' }, example: {}, primaryEvent: 'RequestClosed', grants: grants.assignedOrSupervisor },
    correction.command,
  ],
  events: [...events, correction.event],
  decide,
  details: z.strictObject({}),
  summarize(state) {
    const context = contextOf(state);
    return { region: context.region, assignees: context.officerId ? [context.officerId] : [], details: {} };
  },
};
