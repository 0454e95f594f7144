import { errors, json, minPositionParam, queryParam as query, ref, workflowQueryParam, type OpenApiSection } from '../http/openapi';
import { SearchResultSchema } from './search.schemas';

export const searchOpenApi: OpenApiSection = {
  tags: [{ name: 'search', description: 'Find cases by reference, by person (name or pseudonym) or by external reference' }],
  schemas: { SearchResult: SearchResultSchema },
  paths: {
    '/search': {
      get: {
        operationId: 'searchCases',
        tags: ['search'],
        summary: 'Cases by reference (CMP-2026-00042), or by words of a name, pseudonym, claim reference or FPS number',
        description:
          'A query that is a case reference finds that case. Otherwise every word must appear in one of the case’s searchable fields (each workflow declares them); accents and case do not matter ("emilie" finds "Émilie"). Only cases you may read are found and counted. Searching by person needs a role that sees personal information (auditors search by reference). The index keeps keyed hashes, never names, and forgets an erased person. A search by words is recorded in the access log of each case it returns (read `search`, without the words): it tells who is in them.',
        parameters: [
          { ...query('q', 'A case reference, or up to 10 words', { type: 'string', minLength: 1, maxLength: 200 }), required: true },
          workflowQueryParam(),
          query('limit', '1–100, default 25', { type: 'integer', minimum: 1, maximum: 100 }),
          minPositionParam(),
        ],
        responses: { '200': { description: 'The cases found', content: json(ref('SearchResult')) }, ...errors(400, 401, 403, 503) },
      },
    },
  },
};
