import { StaffMemberNotFound } from '../../domain/staff';
import { CaseloadSchema, CasePageSchema, CaseSummarySchema, ComplaintBoardSchema, ProjectionStatusSchema } from './projections.schemas';
import { errorAnswer, errors, json, minPositionParam, queryParam as query, ref, workflowQueryParam, type OpenApiSection } from '../http/openapi';

const minPosition = minPositionParam();

export const projectionsOpenApi: OpenApiSection = {
  tags: [{ name: 'boards', description: 'Boards of a workflow’s open cases' }],
  schemas: { CaseSummary: CaseSummarySchema, CasePage: CasePageSchema, Caseload: CaseloadSchema, ComplaintBoard: ComplaintBoardSchema, ProjectionStatus: ProjectionStatusSchema },
  paths: {
    '/cases': {
      get: {
        operationId: 'listCases',
        tags: ['cases'],
        summary: 'Case summaries, filtered, newest update first, cursor-paged, with the total',
        description: 'Only the cases your role may see are listed and counted. Pass a page’s `nextCursor` as `?cursor=` to get the next one.',
        parameters: [
          workflowQueryParam(),
          query('state', 'A state, or a parent state (phase2 matches phase2.engaging)'),
          query('status', 'open | closed'),
          query('region', 'Province or territory code'),
          query('assignee', 'An assigned practitioner, mediator or handler id'),
          query('updatedSince', 'ISO 8601 instant with offset', { type: 'string', format: 'date-time' }),
          query('attention', 'true: only the cases a fact of their details marks as calling for a supervisor’s attention (`x-mend-attention` in GET /workflows, as a cohort left with fewer representatives than its minimum)', { type: 'string', enum: ['true'] }),
          query('ids', 'Only these cases: 1 to 100 case ids, comma-separated (how a client names the cases an event links to; a list is not access-logged as a case read is)'),
          query('limit', '1–200, default 50', { type: 'integer', minimum: 1, maximum: 200 }),
          query('cursor', 'From the previous page'),
          minPosition,
        ],
        responses: { '200': { description: 'A page of cases', content: json(ref('CasePage')) }, ...errors(400, 401, 403, 503) },
      },
    },
    '/caseload/{practitionerId}': {
      get: {
        operationId: 'getCaseload',
        tags: ['cases'],
        summary: 'A person’s caseload: the open cases assigned to them',
        description:
          'Practitioners and mediators read their own caseload; supervisors and the RJU read anyone’s, within the workflows their role may see (the RJU: restorative opportunities). ' +
          '404 names someone the staff directory does not hold and who holds no case.',
        parameters: [
          { name: 'practitionerId', in: 'path', required: true, schema: { type: 'string' } },
          query('status', 'open (default) | closed'),
          workflowQueryParam(),
          query('limit', '1–200, default 50', { type: 'integer' }),
          query('cursor', 'From the previous page'),
          minPosition,
        ],
        responses: {
          '200': { description: 'A page of their cases', content: json(ref('Caseload')) },
          ...errors(400, 401, 403, 503),
          ...errorAnswer(404, 'The person is not in the staff directory and holds no case you may know of', StaffMemberNotFound),
        },
      },
    },
    '/complaints/board': {
      get: {
        operationId: 'getComplaintBoard',
        tags: ['boards'],
        summary: 'The escalation board: open complaints per level of authority, earliest response due first',
        description: 'For supervisors and complaint handlers: where each open complaint stands in the chain of review.',
        parameters: [query('region', 'Province or territory code'), query('level', 'One level', { type: 'integer' }), minPosition],
        responses: { '200': { description: 'Levels with counts by state and their complaints', content: json(ref('ComplaintBoard')) }, ...errors(400, 401, 403, 503) },
      },
    },
    '/projections': {
      get: {
        operationId: 'listProjections',
        tags: ['operations'],
        summary: 'Each read model: status, checkpoint, lag in events and seconds',
        description: 'For administrators and supervisors: a failed projection names the position and the error it stopped at; one whose last batch could not be stored (a full disk) says why in `retrying` while it tries again.',
        responses: { '200': { description: 'Projection status', content: json({ type: 'array', items: ref('ProjectionStatus') }) }, ...errors(401, 403) },
      },
    },
  },
};
