import type { OpenApiSection } from '../http/openapi';

export const consoleOpenApi: OpenApiSection = {
  tags: [{ name: 'console', description: 'The web console' }],
  paths: {
    '/': {
      get: {
        operationId: 'getConsole',
        tags: ['console'],
        description: 'Served without a token; the page keeps the token it is given in the tab’s session storage and sends it in a header.',
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
