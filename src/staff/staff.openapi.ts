import { PersonRole } from '../../domain/roles';
import { AddStaffMember, StaffMemberExists, StaffMemberNotFound, StaffRevisionConflict, UpdateStaffMember } from '../../domain/staff';
import { errorAnswer, errors, json, minPositionParam, queryParam as query, ref, type OpenApiSection } from '../http/openapi';
import { StaffEntrySchema, StaffListSchema, StaffMemberSchema } from './staff.schemas';

const staffIdParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' }, description: 'Staff id: the subject of the person’s tokens' };
const notInDirectory = errorAnswer(404, 'No one in the staff directory has this id', StaffMemberNotFound);
const etag = { ETag: { description: 'The revision of the person’s entry, for If-Match', schema: { type: 'string' } } };

export const staffOpenApi: OpenApiSection = {
  tags: [{ name: 'staff', description: 'The staff directory: who takes cases, where, in which languages, with their caseload' }],
  schemas: { StaffMember: StaffMemberSchema, StaffEntry: StaffEntrySchema, StaffList: StaffListSchema, AddStaffMember, UpdateStaffMember },
  paths: {
    '/staff': {
      get: {
        operationId: 'listStaff',
        tags: ['staff'],
        summary: 'The directory, by display name, each person with their current caseload: what assignment pickers offer',
        description:
          'For supervisors, the RJU and administrators. A picker asks `?role=practitioner&region=ON`. The caseload counts the open cases assigned to the person among those your role may know of.',
        parameters: [
          query('role', 'Only this role', { type: 'string', enum: [...PersonRole.options] }),
          query('region', 'Only this province or territory code'),
          query('language', 'Only people working in this official language', { type: 'string', enum: ['en', 'fr'] }),
          query('active', 'true (default): people who take cases now; false: former staff; all', { type: 'string', enum: ['true', 'false', 'all'] }),
          minPositionParam(),
        ],
        responses: { '200': { description: 'The people', content: json(ref('StaffList')) }, ...errors(400, 401, 403, 503) },
      },
      post: {
        operationId: 'addStaffMember',
        tags: ['staff'],
        summary: 'Add a person to the directory (administrators)',
        description: 'Their id is the subject of their tokens, so that case assignments and audit records name them. 409 when the id is in the directory already.',
        requestBody: { required: true, content: json(ref('AddStaffMember')) },
        responses: {
          '201': { description: 'The person’s entry', headers: etag, content: json(ref('StaffMember')) },
          ...errors(400, 401, 403),
          ...errorAnswer(409, 'The id is in the directory already', StaffMemberExists),
        },
      },
    },
    '/staff/me': {
      get: {
        operationId: 'getMyStaffEntry',
        tags: ['staff'],
        summary: 'Your own entry: the person your token’s subject names',
        description: 'Any role. 404 when the directory does not name you.',
        responses: {
          '200': { description: 'Your entry', content: json(ref('StaffEntry')) },
          ...errors(401),
          ...errorAnswer(404, 'The staff directory does not name you', StaffMemberNotFound),
        },
      },
    },
    '/staff/{id}': {
      get: {
        operationId: 'getStaffMember',
        tags: ['staff'],
        summary: 'One person’s entry, from their stream, with their caseload',
        description: 'Read from the person’s stream, so it is current at once after a change; the caseload counts the open cases assigned to them that your role may know of.',
        parameters: [staffIdParam],
        responses: {
          '200': { description: 'The entry', headers: etag, content: json(ref('StaffEntry')) },
          ...errors(400, 401, 403),
          ...notInDirectory,
        },
      },
      post: {
        operationId: 'updateStaffMember',
        tags: ['staff'],
        summary: 'Change some of a person’s fields (administrators); the others are kept',
        description: 'Send `If-Match: "<revision>"` to be refused (409) if someone changed the entry in between. `active: false` when the person no longer takes cases.',
        parameters: [staffIdParam, { name: 'If-Match', in: 'header', required: false, schema: { type: 'string' } }],
        requestBody: { required: true, content: json(ref('UpdateStaffMember')) },
        responses: {
          '200': { description: 'The entry', headers: etag, content: json(ref('StaffMember')) },
          ...errors(400, 401, 403),
          ...notInDirectory,
          ...errorAnswer(409, 'The entry changed since the revision sent in If-Match (or while this change was written)', StaffRevisionConflict),
        },
      },
    },
  },
};
