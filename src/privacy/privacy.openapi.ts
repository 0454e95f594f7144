import { z } from 'zod';
import { errors, json, ref, type OpenApiSection } from '../http/openapi';

const ErasureResultSchema = z.object({
  subjectId: z.string(),
  erasedAt: z.string().meta({ description: 'When the key was destroyed' }),
  keyDestroyed: z.boolean().meta({ description: 'False when the subject had no key (never recorded, or already erased)' }),
  position: z.number().int().meta({ description: 'Store position of the erasure event' }),
});

export const privacyOpenApi: OpenApiSection = {
  schemas: { ErasureResult: ErasureResultSchema },
  tags: [{ name: 'privacy', description: 'Erasure of a data subject’s personal information (crypto-shredding)' }],
  paths: {
    '/subjects/{subjectId}/erase': {
      post: {
        operationId: 'eraseSubject',
        tags: ['privacy'],
        summary: 'Erase a data subject: destroy their key, so every field sealed for them reads [erased]',
        description: 'Administrators only. History still replays and hashes still verify; the erasure itself is recorded as an event.',
        parameters: [{ name: 'subjectId', in: 'path', required: true, schema: { type: 'string', minLength: 1, maxLength: 200 }, description: 'The data subject id recorded in their events' }],
        responses: { '200': { description: 'The erasure', content: json(ref('ErasureResult')) }, ...errors(400, 401, 403, 422, 429, 503) },
      },
    },
  },
};
