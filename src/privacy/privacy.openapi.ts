import { errors, json, ref, type OpenApiSection } from '../http/openapi';
import { ErasureResultSchema } from './privacy.schemas';
import { EraseRequest } from './retention';


export const privacyOpenApi: OpenApiSection = {
  tags: [{ name: 'privacy', description: 'Erasure of a data subject’s personal information (crypto-shredding), within the Privacy Act’s retention rules' }],
  schemas: { EraseRequest: EraseRequest.meta({ id: 'EraseRequest' }), ErasureResult: ErasureResultSchema },
  paths: {
    '/subjects/{subjectId}/erase': {
      post: {
        operationId: 'eraseSubject',
        tags: ['privacy'],
        summary: "Erase a data subject's personal information everywhere (their key is destroyed)",
        description:
          'Admins only. The Privacy Act keeps personal information used in a case for the retention period (MEND_RETENTION_YEARS, default 2) after its last use: ' +
          "within it, the request must record the person's consent (who gave it, when), or it is refused with 422 ERASURE.RETENTION_PERIOD saying until when. " +
          'The erasure is recorded with the ground that applied. History still replays; the fields read [erased]. ' +
          'A repeated request for a subject already erased is answered with that erasure (its time, ground and position; keyDestroyed false) and records nothing. ' +
          'When an erasure ledger is configured (MEND_ERASURE_LEDGER), the erasure is written there first, so a restore of an older backup erases the person again; if it cannot be written, nothing is erased (503 SERVICE.ERASURE_LEDGER_UNAVAILABLE).',
        parameters: [
          { name: 'subjectId', in: 'path', required: true, schema: { type: 'string', pattern: '^[A-Za-z0-9._:@-]{1,200}$' }, description: 'The data subject id recorded in their events' },
        ],
        requestBody: { required: false, content: json(ref('EraseRequest')) },
        responses: {
          '200': { description: 'Erased (or recorded as erased when there was no key)', content: json(ref('ErasureResult')) },
          ...errors(400, 401, 403, 422, 429, 503),
        },
      },
    },
  },
};
