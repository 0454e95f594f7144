import { errors, idParam, json, queryParam as query, ref, type OpenApiSection } from '../http/openapi';
import { AccessPageSchema, CaseAsOfSchema, HistoryPageSchema, VerificationSchema } from './audit.schemas';
import { CONTENT_TYPES } from './export-format';

const count = { type: 'integer', minimum: 0 };
const instant = { type: 'string', format: 'date-time' };
const readNote = 'Each successful call is recorded in the case’s access log (GET /audit/access) before the answer is sent; when the record cannot be stored the read is refused with a 503.';

export const auditOpenApi: OpenApiSection = {
  tags: [{ name: 'audit', description: 'History, the case as of a moment, exports, hash-chain verification, the access log' }],
  schemas: { HistoryPage: HistoryPageSchema, Verification: VerificationSchema, AccessPage: AccessPageSchema, CaseAsOf: CaseAsOfSchema },
  paths: {
    '/cases/{id}/history': {
      get: {
        operationId: 'getCaseHistory',
        tags: ['audit'],
        summary: 'Every event of the case, oldest first: type, actor, business and store times, revision, position, data',
        description: readNote,
        parameters: [
          idParam,
          query('fromRevision', 'First revision of the page (the `next` of the previous page)', count),
          query('limit', 'Events per page, 1 to 1000 (default 100)', { type: 'integer', minimum: 1, maximum: 1000 }),
        ],
        responses: { '200': { description: 'A page of the history', content: json(ref('HistoryPage')) }, ...errors(400, 401, 403, 404, 503) },
      },
    },
    '/cases/{id}/state': {
      get: {
        operationId: 'getCaseAsOf',
        tags: ['audit'],
        summary: 'The case as it stood at a moment: after every event that occurred (or was recorded) at or before asOf, or up to a revision',
        description:
          'Give exactly one of asOf and revision. With asOf, `axis=business` (the default) replays every event that occurred by then (occurredAt), ' +
          'marking in enteredLater those the log recorded only afterwards; `axis=recorded` replays what the log held then (recordedAt). ' +
          'A clock whose due time had passed by that moment is shown breached even when the scheduler recorded its breach later (breachDerived says when). ' +
          'A moment to come is refused (400 AUDIT.AS_OF_IN_FUTURE, naming the service’s now). ' +
          `The case is replayed with the workflow version it runs on, and allowedCommands lists what the workflow allowed then (whoever the reader is). ${readNote}`,
        parameters: [
          idParam,
          query('asOf', 'ISO 8601 time with its offset, e.g. 2026-03-02T09:00:00-05:00', instant),
          query('revision', 'A revision of the case', count),
          query('axis', 'business (occurredAt, default) | recorded (recordedAt): which time asOf is on', { type: 'string', enum: ['business', 'recorded'] }),
        ],
        responses: {
          '200': {
            description: 'The case view then, with the moment it describes',
            content: json(ref('CaseAsOf')),
          },
          ...errors(400, 401, 403, 503),
          '404': {
            description: 'No such case, a time before its first event (the message gives that time: AUDIT.CASE_NOT_YET_OPENED, or AUDIT.CASE_NOT_YET_RECORDED on the recorded axis), or a revision past its last',
            content: json(ref('Error')),
          },
        },
      },
    },
    '/cases/{id}/export': {
      get: {
        operationId: 'exportCase',
        tags: ['audit'],
        summary: 'The case’s history as a file: NDJSON (one history item per line) or CSV (RFC 4180, with a header row)',
        description: readNote,
        parameters: [idParam, query('format', 'ndjson (default) or csv', { type: 'string', enum: ['ndjson', 'csv'] })],
        responses: {
          '200': {
            description: 'Streamed as an attachment',
            content: {
              [CONTENT_TYPES.ndjson]: { schema: { type: 'string' } },
              [CONTENT_TYPES.csv]: { schema: { type: 'string' } },
            },
          },
          ...errors(400, 401, 403, 404, 503),
        },
      },
    },
    '/audit/verify': {
      get: {
        operationId: 'verifyHashChains',
        tags: ['audit'],
        summary: 'Verify the hash chains of every stream, or of one case (its stream and its access log), and compare the store with its latest signed checkpoint',
        description:
          'Names the first event of each stream whose content, order or link does not match: hash mismatch, broken link, revision gap, revision out of order. ' +
          'When signed checkpoints are stored (`mend audit checkpoint`), everything up to the latest genuine one is compared with it: streams deleted, events deleted from a stream’s end, events rewritten and re-chained, streams inserted, the event count; on SQLite, missing positions. ' +
          'Checkpoints whose signature does not verify with the audit public key are reported as forged. Streams the caller may not know exist (RO cases, their access logs) are neither counted nor named.',
        parameters: [
          query('caseId', 'Only this case', { type: 'string', format: 'uuid' }),
          query('checkpoint', 'A checkpoint digest published earlier (64 hex digits, optionally after sha256:): the store must still hold that genuine checkpoint', {
            type: 'string',
            pattern: '^(sha256:)?[0-9a-f]{64}$',
          }),
        ],
        responses: { '200': { description: 'The verdict', content: json(ref('Verification')) }, ...errors(400, 401, 403, 404) },
      },
    },
    '/audit/access': {
      get: {
        operationId: 'listAccessRecords',
        tags: ['audit'],
        summary: 'Who read which case’s content, and when (auditors, RO auditors and supervisors)',
        description:
          'Reads of cases the caller may not know exist (RO cases) are skipped before the page is filled. Without caseId the whole store is scanned, at most 10,000 events per call: a page may then hold fewer items than the limit and a `next` cursor to go on.',
        parameters: [
          query('caseId', 'Reads of this case', { type: 'string', format: 'uuid' }),
          query('actorId', 'Reads by this person'),
          query('from', 'Reads at or after this time', instant),
          query('to', 'Reads before this time', instant),
          query('cursor', 'The `next` of the previous page', count),
          query('limit', 'Records per page, 1 to 1000 (default 100)', { type: 'integer', minimum: 1, maximum: 1000 }),
        ],
        responses: { '200': { description: 'A page of access records', content: json(ref('AccessPage')) }, ...errors(400, 401, 403) },
      },
    },
  },
};
