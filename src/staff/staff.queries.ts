import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import { RegionCode } from '../../domain/regions';
import { PersonRole } from '../../domain/roles';
import { StaffLanguage } from '../../domain/staff';
import { fromStaffRow, type StaffRecord, type StaffRow } from '../../projections/staff';
import { READ_MODELS } from '../projections/projections.tokens';
import type { ProjectionTables } from '../projections/projector';
import type { ReadModelDatabase } from '../projections/read-model.database';
import { hiddenCaseParams, hideCases } from '../projections/hidden-cases';
import { MinPosition } from '../http/query-schemas';

/** The staff read model's SQL: what its projector writes, and what the directory and pickers read. */

const SELECT_STAFF = 'SELECT * FROM {staff} WHERE staff_id = ?';
const PUT_STAFF = `INSERT INTO {staff} (staff_id, display_name, role, region, languages, active, revision, position, updated_at)
  VALUES (@staff_id, @display_name, @role, @region, @languages, @active, @revision, @position, @updated_at)
  ON CONFLICT (staff_id) DO UPDATE SET display_name = excluded.display_name, role = excluded.role, region = excluded.region,
    languages = excluded.languages, active = excluded.active, revision = excluded.revision, position = excluded.position,
    updated_at = excluded.updated_at`;

export const staffRows = {
  get: (tables: ProjectionTables, staffId: string): StaffRow | undefined => tables.statement<[string], StaffRow>(SELECT_STAFF).get(staffId),
  put: (tables: ProjectionTables, row: StaffRow): void => void tables.statement(PUT_STAFF).run(row),
};

export const StaffListQuery = z.strictObject({
  role: PersonRole.optional(),
  region: RegionCode.optional(),
  language: StaffLanguage.optional(),
  /** Default: only the people who take cases now. */
  active: z.enum(['true', 'false', 'all']).default('true'),
  minPosition: MinPosition,
});
export type StaffListQuery = z.infer<typeof StaffListQuery>;

/** A staff member with the number of open cases assigned to them that the reader may know of. */
export type StaffWithCaseload = StaffRecord & { readonly caseload: number };

@Injectable()
export class StaffQueries {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModelDatabase) {}

  get(staffId: string, hiddenWorkflows: readonly string[]): StaffWithCaseload | undefined {
    const member = this.find(staffId);
    return member && { ...member, caseload: this.caseload(staffId, hiddenWorkflows) };
  }

  /** A person as the read model holds them, active or not. */
  find(staffId: string): StaffRecord | undefined {
    const row = this.readModels.db.prepare<[string], StaffRow>('SELECT * FROM staff WHERE staff_id = ?').get(staffId);
    return row && fromStaffRow(row);
  }

  /** The display names of those of `staffIds` the directory holds, active or not, by id. */
  names(staffIds: readonly string[]): Record<string, string> {
    if (staffIds.length === 0) return {};
    const rows = this.readModels.db
      .prepare<[string], { staff_id: string; display_name: string }>('SELECT staff_id, display_name FROM staff WHERE staff_id IN (SELECT value FROM json_each(?)) ORDER BY staff_id')
      .all(JSON.stringify(staffIds));
    return Object.fromEntries(rows.map((row) => [row.staff_id, row.display_name]));
  }

  /** The display names of the people a page of cases is assigned to, by id: what a list answers as `staff`. */
  assigneeNames(cases: readonly { readonly assignees: readonly string[] }[]): Record<string, string> {
    return this.names([...new Set(cases.flatMap((c) => c.assignees))]);
  }

  /** The entries changed after a position of the log, with the position each is as of. */
  changedSince(position: number): { staff_id: string; active: number; position: number }[] {
    return this.readModels
      .prepare<[number], { staff_id: string; active: number; position: number }>('SELECT staff_id, active, position FROM staff WHERE position > ?')
      .all(position);
  }

  /** Whether anyone has been added to the directory: a deployment that keeps none knows its staff from their tokens only. */
  kept(): boolean {
    // A CLI verb asks it before every recorded step until someone is added (a server asks InactiveStaff): a kept statement.
    return this.readModels.prepare<[], { kept: number }>('SELECT EXISTS (SELECT 1 FROM staff) AS kept').get()?.kept === 1;
  }

  /**
   * Whether a list of someone's cases names no one: the directory, once kept, does not hold them
   * and they hold no case the reader may know of (someone given cases before the directory was
   * kept is still answered). A deployment that keeps no directory knows its staff from their tokens.
   */
  namesNoOne(staffId: string, hiddenWorkflows: readonly string[]): boolean {
    if (!this.kept() || this.find(staffId) !== undefined) return false;
    const where = ['a.assignee_id = @staffId', ...hideCases(hiddenWorkflows, 'c.')];
    const held = this.readModels.db
      .prepare<Record<string, unknown>, { held: number }>(
        `SELECT EXISTS (SELECT 1 FROM case_assignees a JOIN cases c ON c.case_id = a.case_id WHERE ${where.join(' AND ')}) AS held`,
      )
      .get({ staffId, ...hiddenCaseParams(hiddenWorkflows) });
    return held?.held !== 1;
  }

  /** Open cases assigned to one person, among those the reader may know of. */
  caseload(staffId: string, hiddenWorkflows: readonly string[]): number {
    return this.caseloads([staffId], hiddenWorkflows).get(staffId) ?? 0;
  }

  /** The directory, filtered, by display name; each person with their caseload. */
  list(query: StaffListQuery, hiddenWorkflows: readonly string[]): StaffWithCaseload[] {
    const where: string[] = [];
    const params: Record<string, unknown> = {};
    if (query.role) {
      where.push('role = @role');
      params['role'] = query.role;
    }
    if (query.region) {
      where.push('region = @region');
      params['region'] = query.region;
    }
    if (query.language) {
      where.push('EXISTS (SELECT 1 FROM json_each(languages) WHERE value = @language)');
      params['language'] = query.language;
    }
    if (query.active !== 'all') {
      where.push('active = @active');
      params['active'] = query.active === 'true' ? 1 : 0;
    }
    const rows = this.readModels.db
      .prepare<Record<string, unknown>, StaffRow>(`SELECT * FROM staff ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY display_name, staff_id`)
      .all(params);
    const caseloads = this.caseloads(
      rows.map((r) => r.staff_id),
      hiddenWorkflows,
    );
    return rows.map((row) => ({ ...fromStaffRow(row), caseload: caseloads.get(row.staff_id) ?? 0 }));
  }

  /** Open cases assigned to each person, leaving out the workflows the reader may not know exist. */
  private caseloads(staffIds: readonly string[], hiddenWorkflows: readonly string[]): Map<string, number> {
    if (staffIds.length === 0) return new Map();
    const where = ['a.assignee_id IN (SELECT value FROM json_each(@ids))', "c.status = 'open'", ...hideCases(hiddenWorkflows, 'c.')];
    const params: Record<string, unknown> = { ids: JSON.stringify(staffIds), ...hiddenCaseParams(hiddenWorkflows) };
    const rows = this.readModels.db
      .prepare<Record<string, unknown>, { assignee_id: string; n: number }>(
        `SELECT a.assignee_id, count(*) AS n FROM case_assignees a JOIN cases c ON c.case_id = a.case_id
         WHERE ${where.join(' AND ')}
         GROUP BY a.assignee_id`,
      )
      .all(params);
    return new Map(rows.map((r) => [r.assignee_id, r.n]));
  }
}
