import { z } from 'zod';

/** What POST /subjects/:id/erase answers: the source of its OpenAPI shape and of the console's type. Nothing here may import NestJS. */
export const ErasureResultSchema = z
  .object({
    subjectId: z.string(),
    erasedAt: z.string().meta({ description: 'When the key was destroyed' }),
    keyDestroyed: z.boolean().meta({ description: 'False when the subject had no key (never recorded, or already erased)' }),
    position: z.number().int().meta({ description: 'Store position of the erasure event' }),
    ground: z.enum(['consent', 'retentionElapsed', 'neverUsed']).meta({
      description: "Why the erasure was allowed: the person's consent, the retention period after the data's last use has passed, or no case used the data",
    }),
  })
  .meta({ id: 'ErasureResult' });
export type ErasureResult = z.infer<typeof ErasureResultSchema>;
