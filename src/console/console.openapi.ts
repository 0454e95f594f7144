import type { OpenApiSection } from '../http/openapi';

export const consoleOpenApi: OpenApiSection = {
  paths: {
    '/': {
      get: {
        tags: ['console'],
        summary: 'The web console for practitioners, supervisors and auditors (a single page that asks for a token, then uses this API)',
        security: [],
        responses: {
          '200': { description: 'The console page', content: { 'text/html': { schema: { type: 'string' } } } },
          '404': { description: 'The console is not built on this instance (npm run build:console)' },
        },
      },
    },
  },
};
