import type { ProjectionDefinition } from '../projection';
import { STAFF_CATEGORY, type StaffMember } from '../../domain/staff';
import type { RegionCode } from '../../domain/regions';
import type { PersonRole } from '../../domain/roles';

/**
 * The staff directory: one row per staff member, folded from their `staff-<id>` stream. Caseloads
 * are not kept here: they are counted from the cases read model's assignees when asked.
 */
export const staffProjection: ProjectionDefinition = {
  name: 'staff',
  version: 1,
  description: 'The staff directory: id, display name, role, region, languages',
  workflows: [],
  categories: [STAFF_CATEGORY],
  tables: [
    {
      name: 'staff',
      create: (t) => [
        `CREATE TABLE ${t} (
          staff_id TEXT PRIMARY KEY,
          display_name TEXT NOT NULL,
          role TEXT NOT NULL,
          region TEXT NOT NULL,
          languages TEXT NOT NULL,
          active INTEGER NOT NULL,
          revision INTEGER NOT NULL,
          position INTEGER NOT NULL,
          updated_at TEXT NOT NULL
        )`,
        `CREATE INDEX ${t}_by_role ON ${t} (role, region, display_name)`,
      ],
    },
  ],
};

/** A row of the `staff` table. */
export interface StaffRow {
  staff_id: string;
  display_name: string;
  role: string;
  region: string;
  languages: string;
  active: number;
  revision: number;
  position: number;
  updated_at: string;
}

/** A staff member with where their stream stands. */
export interface StaffRecord extends StaffMember {
  readonly revision: number;
  readonly position: number;
  readonly updatedAt: string;
}

export function toStaffRow(record: StaffRecord): StaffRow {
  return {
    staff_id: record.staffId,
    display_name: record.displayName,
    role: record.role,
    region: record.region,
    languages: JSON.stringify(record.languages),
    active: record.active ? 1 : 0,
    revision: record.revision,
    position: record.position,
    updated_at: record.updatedAt,
  };
}

export function fromStaffRow(row: StaffRow): StaffRecord {
  return {
    staffId: row.staff_id,
    displayName: row.display_name,
    role: row.role as PersonRole,
    region: row.region as RegionCode,
    languages: JSON.parse(row.languages) as StaffRecord['languages'],
    active: row.active === 1,
    revision: row.revision,
    position: row.position,
    updatedAt: row.updated_at,
  };
}
