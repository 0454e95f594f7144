import { z } from 'zod';
import { errors, json, ref, type OpenApiSection } from '../http/openapi';

const CheckSchema = z.record(z.string(), z.looseObject({ status: z.enum(['up', 'down']) }));

const ReadinessSchema = z
  .object({
    status: z.literal('ok'),
    info: CheckSchema,
    error: CheckSchema,
    details: CheckSchema.meta({ description: 'eventStore, keyStore, projections and slaScheduler, each up or down with why' }),
  })
  .meta({ id: 'Readiness' });

export const healthOpenApi: OpenApiSection = {
  schemas: { Readiness: ReadinessSchema },
  paths: {
    '/ready': {
      get: {
        operationId: 'getReadiness',
        tags: ['operations'],
        summary: 'Readiness: event store and key store reachable, projections running within the lag limit, SLA scheduler sweeping',
        description: 'Answers 503 with the failing check while any is down; needs no token.',
        security: [],
        responses: {
          '200': { description: 'Ready', content: json(ref('Readiness')) },
          ...errors(503),
        },
      },
    },
  },
};
