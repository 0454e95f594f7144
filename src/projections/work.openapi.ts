import { StaffMemberNotFound } from '../../domain/staff';
import { errorAnswer, errors, json, minPositionParam, queryParam as query, ref, type OpenApiSection } from '../http/openapi';
import { InboxItemSchema, InboxSchema, WorkloadRowSchema, WorkloadSchema } from './work.schemas';

const minPosition = minPositionParam();

/** My work: a person's inbox, the workload per person. */
export const workOpenApi: OpenApiSection = {
  tags: [{ name: 'work', description: 'My work: a person’s inbox of cases by the next due clock, and the workload of each person' }],
  schemas: { InboxItem: InboxItemSchema, Inbox: InboxSchema, WorkloadRow: WorkloadRowSchema, Workload: WorkloadSchema },
  paths: {
    '/inbox': {
      get: {
        operationId: 'getInbox',
        tags: ['work'],
        summary: 'Your open cases, the one whose clock falls due first first, each with what it waits for and the commands you may run',
        description:
          'Practitioners read their own inbox; supervisors and the Restorative Justice Unit may read anyone’s with ?assignee=, within the workflows ' +
          'their role may read. Cases without an open clock come last. 404 names an assignee the staff directory does not hold and who holds no case.',
        parameters: [
          query('assignee', 'Whose inbox (default: yours); practitioners may name only themselves'),
          query('limit', '1–200, default 50', { type: 'integer', minimum: 1, maximum: 200 }),
          query('cursor', 'From the previous page'),
          minPosition,
        ],
        responses: {
          '200': { description: 'A page of the inbox', content: json(ref('Inbox')) },
          ...errors(400, 401, 403, 503),
          ...errorAnswer(404, 'The assignee is not in the staff directory and holds no case you may know of', StaffMemberNotFound),
        },
      },
    },
    '/workload': {
      get: {
        operationId: 'getWorkload',
        tags: ['work'],
        summary: 'Open cases and clocks per person (running, warned, overdue, breached), and the open cases nobody is assigned to',
        description: 'For supervisors and the Restorative Justice Unit: only cases of the workflows their role may read are counted.',
        parameters: [minPosition],
        responses: { '200': { description: 'The workload', content: json(ref('Workload')) }, ...errors(400, 401, 403, 503) },
      },
    },
  },
};
