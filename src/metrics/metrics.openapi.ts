import { errors, type OpenApiSection } from '../http/openapi';

export const metricsOpenApi: OpenApiSection = {
  paths: {
    '/metrics': {
      get: {
        operationId: 'getMetrics',
        tags: ['operations'],
        summary: 'Prometheus metrics (admin, supervisor): HTTP, appends, projections, SLA scheduler and clocks, process',
        description: 'The text a Prometheus server scrapes, with the bearer token of an admin or supervisor. Counts carry no personal data.',
        responses: {
          '200': { description: 'Prometheus text exposition format 0.0.4', content: { 'text/plain': { schema: { type: 'string' } } } },
          ...errors(401, 403),
        },
      },
    },
  },
};
