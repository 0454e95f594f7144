import { z } from 'zod';
import { CaseSummarySchema, StaffNamesSchema } from '../projections/projections.schemas';

/** What GET /search answers: the source of its OpenAPI shape and of the console's type. */
export const SearchResultSchema = z
  .object({
    matchedBy: z.enum(['reference', 'words']).meta({ description: 'How the query was read: as a case reference, or as words of names and external references' }),
    items: z.array(CaseSummarySchema).meta({ description: 'Newest update first; at most `limit`' }),
    total: z.number().int().meta({ description: 'Cases you may read that match, across all pages' }),
    staff: StaffNamesSchema,
  })
  .meta({ id: 'SearchResult' });
