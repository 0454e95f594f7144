import { errors, type OpenApiSection } from '../http/openapi';

export const metricsOpenApi: OpenApiSection = {
  paths: {
    '/metrics': {
      get: {
        tags: ['operations'],
        summary: 'Prometheus metrics (admin, supervisor): HTTP, appends, projections, SLA scheduler and clocks, process',
        responses: {
          '200': { description: 'Prometheus text exposition format 0.0.4', content: { 'text/plain': { schema: { type: 'string' } } } },
          ...errors(401, 403),
        },
      },
    },
  },
};
