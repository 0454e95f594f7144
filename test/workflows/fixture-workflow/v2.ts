import { assertEvent, assign, setup } from 'xstate';
import { z } from 'zod';
import { grants } from '../../../domain/access';
import { acceptClockEvents } from '../../../domain/clocks/machine';
import type { ClockEvent } from '../../../domain/clocks/events';
import type { MachineEvent } from '../../../domain/envelope';
import { DEFAULT_REGION } from '../../../domain/regions';
import type { WorkflowDefinition } from '../../../domain/workflow';
import type { InformationRequestEvent } from './events';
import { informationRequestWorkflow as v1 } from './index';
import type { InformationRequestContext } from './machine';

/**
 * Version 2, added beside version 1 (a program change): an answer is now reviewed by a supervisor
 * before the request closes. A state added (`reviewed`), a rule changed (CloseRequest needs it).
 * Cases opened on version 1 keep running on version 1.
 */
const AnswerReviewed = z.strictObject({ type: z.literal('AnswerReviewed'), data: z.strictObject({}) });
type Event = (InformationRequestEvent | z.infer<typeof AnswerReviewed> | ClockEvent) & { readonly meta: MachineEvent['meta'] };

const machine = setup({
  types: { context: {} as InformationRequestContext, events: {} as Event },
  actions: {
    recordReceipt: assign(({ event }) => {
      assertEvent(event, 'RequestReceived');
      return { region: event.data.region, requesterId: event.data.requester.subjectId };
    }),
    recordOfficer: assign(({ event }) => {
      assertEvent(event, 'OfficerAssigned');
      return { officerId: event.data.officerId };
    }),
  },
}).createMachine({
  id: 'informationRequest',
  context: { region: DEFAULT_REGION },
  initial: 'new',
  on: { ...acceptClockEvents },
  states: {
    new: { on: { RequestReceived: { target: 'received', actions: 'recordReceipt' } } },
    received: { on: { OfficerAssigned: { target: 'assigned', actions: 'recordOfficer' } } },
    assigned: { on: { RequestAnswered: { target: 'answered' }, OfficerAssigned: { actions: 'recordOfficer' } } },
    answered: { on: { AnswerReviewed: { target: 'reviewed' } } },
    reviewed: { on: { RequestClosed: { target: 'closed' } } },
    closed: { type: 'final' },
  },
});

export const informationRequestWorkflowV2: WorkflowDefinition = {
  ...v1,
  version: 2,
  machine,
  labels: {
    ...v1.labels,
    states: { ...v1.labels.states, reviewed: { en: 'Answer reviewed', fr: 'Réponse révisée' } },
    commands: { ...v1.labels.commands, ReviewAnswer: { en: 'Review the answer', fr: 'Réviser la réponse' } },
    events: { ...v1.labels.events, AnswerReviewed: { en: 'Answer reviewed', fr: 'Réponse révisée' } },
  },
  commands: [
    ...v1.commands.filter((c) => c.type !== 'CloseRequest'),
    {
      type: 'ReviewAnswer',
      schema: z.strictObject({}),
      description: { en: 'A supervisor reviews the answer before the request closes.', fr: 'Un superviseur révise la réponse avant la fermeture de la demande.' },
      example: {},
      primaryEvent: 'AnswerReviewed',
      grants: grants.supervisorOnly,
    },
    ...v1.commands.filter((c) => c.type === 'CloseRequest'),
  ],
  events: [...v1.events, { type: 'AnswerReviewed', schema: AnswerReviewed.shape.data, description: { en: 'A supervisor reviewed the answer.', fr: 'Un superviseur a révisé la réponse.' } }],
  decide: (command, state, ctx) => (command.type === 'ReviewAnswer' ? [{ type: 'AnswerReviewed', data: {} }] : v1.decide(command, state, ctx)),
};
