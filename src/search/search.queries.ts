import { Inject, Injectable } from '@nestjs/common';
import type { CaseRow } from '../../projections/cases';
import { toSummary, type CaseSummary } from '../projections/cases/case-queries';
import { READ_MODELS } from '../projections/projections.tokens';
import type { ProjectionTables } from '../projections/projector';
import type { ReadModelDatabase } from '../projections/read-model.database';
import type { ListScope } from '../security/policy.service';
import { hiddenCaseParams, hideCases } from '../projections/hidden-cases';

/** The search index's SQL: what its projector writes, and the searches, which read it with the cases read model. */

const INDEX_TERM = 'INSERT OR IGNORE INTO {search_terms} (term, case_id, subject, field) VALUES (?, ?, ?, ?)';
const FORGET_FIELD = 'DELETE FROM {search_terms} WHERE subject = ? AND case_id = ? AND field = ?';
const FORGET_SUBJECT = 'DELETE FROM {search_terms} WHERE subject = ?';

export const searchRows = {
  index: (tables: ProjectionTables, term: string, caseId: string, subject: string, field: string): void => void tables.statement(INDEX_TERM).run(term, caseId, subject, field),
  /** A corrected field's earlier words, in the case it was corrected in. */
  forgetField: (tables: ProjectionTables, subject: string, caseId: string, field: string): void => void tables.statement(FORGET_FIELD).run(subject, caseId, field),
  forget: (tables: ProjectionTables, subject: string): void => void tables.statement(FORGET_SUBJECT).run(subject),
};

/** What to look for: a case reference, or keyed hashes of words that must all appear in one case. */
export type SearchCriterion = { readonly reference: string } | { readonly terms: readonly string[] };

export interface SearchPage {
  readonly items: readonly CaseSummary[];
  /** How many cases the caller may read match, across all pages. */
  readonly total: number;
}

@Injectable()
export class SearchQueries {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModelDatabase) {}

  /**
   * The cases matching, newest update first, among those the scope lets the caller read: the scope
   * is applied in the query, so neither the page nor the total tells of a case the caller may not see.
   */
  search(criterion: SearchCriterion, scope: ListScope, options: { workflow?: string; limit: number }): SearchPage {
    const where: string[] = [];
    const params: Record<string, unknown> = {};
    if ('reference' in criterion) {
      where.push('reference = @reference');
      params['reference'] = criterion.reference;
    } else {
      if (criterion.terms.length === 0) return { items: [], total: 0 };
      where.push(
        'case_id IN (SELECT case_id FROM search_terms WHERE term IN (SELECT value FROM json_each(@terms)) GROUP BY case_id HAVING count(DISTINCT term) = @termCount)',
      );
      params['terms'] = JSON.stringify(criterion.terms);
      params['termCount'] = criterion.terms.length;
    }
    if (options.workflow) {
      where.push('workflow = @workflow');
      params['workflow'] = options.workflow;
    }
    where.push(...hideCases(scope.hiddenWorkflows));
    Object.assign(params, hiddenCaseParams(scope.hiddenWorkflows));
    if (scope.assignee) {
      where.push('case_id IN (SELECT case_id FROM case_assignees WHERE assignee_id = @assignee)');
      params['assignee'] = scope.assignee;
    }
    const filter = `WHERE ${where.join(' AND ')}`;
    const db = this.readModels.db;
    const total = db.prepare<Record<string, unknown>, { n: number }>(`SELECT count(*) AS n FROM cases ${filter}`).get(params)!.n;
    const rows = db
      .prepare<Record<string, unknown>, CaseRow>(`SELECT * FROM cases ${filter} ORDER BY updated_at DESC, case_id DESC LIMIT @limit`)
      .all({ ...params, limit: options.limit });
    return { items: rows.map(toSummary), total };
  }
}
