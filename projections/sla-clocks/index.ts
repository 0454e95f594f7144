import type { ProjectionDefinition } from '../projection';

export * from './fold';
export * from './rows';
export * from './weeks';

/**
 * SLA clocks: one row per clock of every case, the warnings and breaches as they were recorded,
 * and counters per (workflow, read-as workflow, region, level). Serves the scheduler's sweep and
 * `GET /sla/*`. `read_as` is the workflow whose read scope applies to the clock's case (its own, or
 * the one its events' metadata names): what every reader's view leaves out is decided on it. A
 * clock that is no service standard (`standard` 0) is kept for the sweep but counted and alerted nowhere.
 *
 * The scheduler's sweep reads a partial index on `next_deadline_at` that holds only running clocks,
 * so its cost grows with the clocks that are due, not with the clocks that exist.
 */
export const slaClocksProjection: ProjectionDefinition = {
  name: 'sla-clocks',
  version: 4, // 3: a clock met on time, entered after its breach was recorded, reads met; 4: French names
  description: 'SLA clocks with their next deadline, warnings and breaches, counts per group, and outcomes per week',
  tables: [
    {
      name: 'sla_clocks',
      create: (t) => [
        `CREATE TABLE ${t} (
          case_id TEXT NOT NULL,
          clock TEXT NOT NULL,
          stream_id TEXT NOT NULL,
          workflow TEXT NOT NULL,
          read_as TEXT NOT NULL,
          standard INTEGER NOT NULL,
          region TEXT NOT NULL,
          level INTEGER NOT NULL,
          name TEXT NOT NULL,
          name_fr TEXT,
          basis TEXT NOT NULL,
          days INTEGER NOT NULL,
          status TEXT NOT NULL,
          warned INTEGER NOT NULL,
          warned_thresholds TEXT NOT NULL,
          pending_warnings TEXT NOT NULL,
          started_at TEXT NOT NULL,
          due_at TEXT NOT NULL,
          next_deadline_at TEXT,
          paused_at TEXT,
          breached_at TEXT,
          met_at TEXT,
          on_time INTEGER,
          cancelled_at TEXT,
          revision INTEGER NOT NULL,
          position INTEGER NOT NULL,
          updated_at TEXT NOT NULL,
          PRIMARY KEY (case_id, clock)
        ) WITHOUT ROWID`,
        `CREATE INDEX ${t}_due ON ${t} (next_deadline_at, case_id) WHERE next_deadline_at IS NOT NULL`,
        `CREATE INDEX ${t}_by_due ON ${t} (due_at, case_id, clock)`,
        `CREATE INDEX ${t}_by_status ON ${t} (status, due_at, case_id, clock)`,
      ],
    },
    {
      name: 'sla_alerts',
      create: (t) => [
        `CREATE TABLE ${t} (
          position INTEGER PRIMARY KEY,
          type TEXT NOT NULL,
          case_id TEXT NOT NULL,
          clock TEXT NOT NULL,
          workflow TEXT NOT NULL,
          read_as TEXT NOT NULL,
          region TEXT NOT NULL,
          level INTEGER NOT NULL,
          name TEXT NOT NULL,
          name_fr TEXT,
          threshold REAL,
          at TEXT NOT NULL,
          due_at TEXT NOT NULL,
          occurred_at TEXT NOT NULL
        )`,
      ],
    },
    {
      name: 'sla_summary',
      create: (t) => [
        `CREATE TABLE ${t} (
          workflow TEXT NOT NULL,
          read_as TEXT NOT NULL,
          region TEXT NOT NULL,
          level INTEGER NOT NULL,
          running INTEGER NOT NULL,
          warned INTEGER NOT NULL,
          paused INTEGER NOT NULL,
          breached INTEGER NOT NULL,
          met INTEGER NOT NULL,
          met_on_time INTEGER NOT NULL,
          cancelled INTEGER NOT NULL,
          PRIMARY KEY (workflow, read_as, region, level)
        ) WITHOUT ROWID`,
      ],
    },
    {
      // Clocks met on time, met late and breached, by the week (its Monday) the outcome happened: on-time rates over time.
      name: 'sla_weeks',
      create: (t) => [
        `CREATE TABLE ${t} (
          week TEXT NOT NULL,
          workflow TEXT NOT NULL,
          read_as TEXT NOT NULL,
          region TEXT NOT NULL,
          level INTEGER NOT NULL,
          met_on_time INTEGER NOT NULL,
          met_late INTEGER NOT NULL,
          breached INTEGER NOT NULL,
          PRIMARY KEY (week, workflow, read_as, region, level)
        ) WITHOUT ROWID`,
      ],
    },
  ],
};
