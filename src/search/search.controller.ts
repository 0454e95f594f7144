import { Controller, Get, Query } from '@nestjs/common';
import { z } from 'zod';
import { CaseReference } from '../../domain/case-reference';
import type { Actor } from '../../domain/roles';
import { parseInput, withFrench } from '../../domain/validation';
import { casesProjection } from '../../projections/cases';
import { searchProjection, searchWords } from '../../projections/search';
import { staffProjection } from '../../projections/staff';
import { RecordsRead } from '../audit/records-read.decorator';
import { CurrentActor } from '../auth/actor.decorator';
import { ProjectionsService } from '../projections/projections.service';
import { PolicyService, RoleForbidden } from '../security/policy.service';
import { RequirePermission } from '../security/require-permission.decorator';
import { StaffQueries } from '../staff/staff.queries';
import { WorkflowRegistry } from '../workflows/workflow-registry';
import { SearchProjector } from './search.projector';
import { SearchQueries, type SearchPage } from './search.queries';
import { MinPosition, queryInteger } from '../http/query-schemas';

export const SearchQuery = z.strictObject({
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .refine((q) => searchWords(q).length > 0, withFrench('must contain a letter or a digit', 'doit contenir une lettre ou un chiffre'))
    .refine((q) => searchWords(q).length <= 10, withFrench('must have at most 10 words', 'doit compter au plus 10 mots')),
  workflow: z.string().min(1).max(100).optional(),
  limit: queryInteger(1, 100).default(25),
  minPosition: MinPosition,
});

const SEARCH_BY_PERSON = { en: 'search cases by the people in them', fr: 'chercher des dossiers par les personnes qui y figurent' };

type Found = SearchPage & { matchedBy: 'reference' | 'words'; staff: Record<string, string> };

/** A search by words tells who is in the cases it finds: each is recorded in its access log. A reference finds what its caller already named. */
const foundByPerson = (result: unknown): string[] => {
  const found = result as Found;
  return found.matchedBy === 'words' ? found.items.map((item) => item.caseId) : [];
};

/**
 * Search: a case reference (`CMP-2026-00042`), or words of the searchable fields the workflows
 * declare — a name or pseudonym, a claim reference, an FPS number — all of which must appear in a
 * case. Words are compared as keyed hashes (accents and case folded), never as text.
 */
@Controller('search')
export class SearchController {
  constructor(
    private readonly queries: SearchQueries,
    private readonly projector: SearchProjector,
    private readonly projections: ProjectionsService,
    private readonly policy: PolicyService,
    private readonly registry: WorkflowRegistry,
    private readonly staff: StaffQueries,
  ) {}

  @Get()
  @RequirePermission('cases.read')
  @RecordsRead('search', ['workflow'], foundByPerson)
  async search(@Query() raw: unknown, @CurrentActor() actor: Actor): Promise<Found> {
    const query = parseInput(SearchQuery, raw ?? {}, 'query');
    // A workflow no case could be of is a mistake, said so as /cases says it (400 WORKFLOW.UNKNOWN, naming the known ones), not an empty page.
    if (query.workflow !== undefined) this.registry.get(query.workflow);
    await this.projections.awaitPosition([casesProjection.name, searchProjection.name, staffProjection.name], query.minPosition);
    const scope = this.policy.listScope(actor);
    const options = { limit: query.limit, ...(query.workflow ? { workflow: query.workflow } : {}) };
    // Shaped like a reference with a workflow's prefix; other look-alikes (a claim reference CLM-2025-88412) are words.
    const reference = CaseReference.safeParse(query.q.toUpperCase());
    if (reference.success && this.registry.all().some((d) => reference.data.startsWith(`${d.referencePrefix}-`))) return this.named('reference', this.queries.search({ reference: reference.data }, scope, options));
    // Finding a case by a person's name tells who is in it: only roles that see personal information may.
    if (!this.policy.seesPersonalData(actor)) throw RoleForbidden({ role: actor.role, action: SEARCH_BY_PERSON });
    const terms = searchWords(query.q).map((word) => this.projector.term(word));
    return this.named('words', this.queries.search({ terms }, scope, options));
  }

  /** What was found, with the names of the staff its cases are assigned to. */
  private named<M extends 'reference' | 'words'>(matchedBy: M, page: SearchPage): SearchPage & { matchedBy: M; staff: Record<string, string> } {
    return { matchedBy, ...page, staff: this.staff.assigneeNames(page.items) };
  }
}
