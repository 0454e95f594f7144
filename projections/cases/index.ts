import type { ProjectionDefinition } from '../projection';

export * from './case-record';
export * from './rows';

/**
 * Cases: one row per case with what lists and the case view show, and each assignee's caseload.
 * Serves `GET /cases`, `GET /cases/:id` and `GET /caseload/:practitionerId`. Lists leave out the
 * cases read as (`read_as`) workflows the reader may not know of.
 */
export const casesProjection: ProjectionDefinition = {
  name: 'cases',
  version: 5, // 4: a clock met on time, entered after its breach was recorded, reads met; 5: a state tagged `closed` reads closed
  description: 'Case summaries and views, and practitioner caseloads',
  tables: [
    {
      name: 'cases',
      create: (t) => [
        `CREATE TABLE ${t} (
          case_id TEXT PRIMARY KEY,
          reference TEXT,
          stream_id TEXT NOT NULL,
          workflow TEXT NOT NULL,
          workflow_version INTEGER NOT NULL,
          read_as TEXT NOT NULL,
          state TEXT NOT NULL,
          status TEXT NOT NULL,
          region TEXT NOT NULL,
          assignees TEXT NOT NULL,
          details TEXT NOT NULL,
          clocks TEXT NOT NULL,
          open_clocks INTEGER NOT NULL,
          next_due_at TEXT,
          revision INTEGER NOT NULL,
          position INTEGER NOT NULL,
          opened_at TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          persisted TEXT NOT NULL
        )`,
        `CREATE UNIQUE INDEX ${t}_by_reference ON ${t} (reference)`,
        `CREATE INDEX ${t}_by_updated ON ${t} (updated_at DESC, case_id DESC)`,
        `CREATE INDEX ${t}_by_workflow ON ${t} (workflow, updated_at DESC, case_id DESC)`,
        `CREATE INDEX ${t}_by_state ON ${t} (state, updated_at DESC)`,
        `CREATE INDEX ${t}_by_region ON ${t} (region, updated_at DESC)`,
      ],
    },
    {
      name: 'case_assignees',
      create: (t) => [
        `CREATE TABLE ${t} (
          assignee_id TEXT NOT NULL,
          case_id TEXT NOT NULL,
          PRIMARY KEY (assignee_id, case_id)
        ) WITHOUT ROWID`,
        `CREATE INDEX ${t}_by_case ON ${t} (case_id)`,
      ],
    },
  ],
};
