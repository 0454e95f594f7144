/** How much work each section does: `--quick` for the smoke test and a first look, the full run for the report. */
export interface Profile {
  readonly name: 'smoke' | 'quick' | 'full';
  readonly runs: number;
  readonly append: { readonly sequential: number; readonly batched: number; readonly batchSize: number; readonly concurrent: number; readonly concurrency: number };
  readonly peer: { readonly sequential: number; readonly batched: number };
  readonly http: { readonly seconds: number; readonly connections: number; readonly runs: number };
  /** Steady command rates (commands/s), stepped up, each held `seconds`, over `cases` complaints. */
  readonly lag: { readonly rates: readonly number[]; readonly seconds: number; readonly cases: number };
  readonly fold: { readonly caseEvents: number; readonly replays: number; readonly asOfRuns: number };
  readonly rebuild: { readonly events: number; readonly runs: number };
  readonly sla: { readonly totals: readonly number[]; readonly due: number; readonly runs: number };
  readonly backup: { readonly events: number; readonly clients: number };
  readonly multiNode: { readonly clients: number; readonly seconds: number; readonly runs: number };
  readonly postgres: { readonly writers: number; readonly appendsPerWriter: number; readonly batchedAppendsPerWriter: number; readonly batchSize: number };
}

export const QUICK: Profile = {
  name: 'quick',
  runs: 3,
  append: { sequential: 200, batched: 10_000, batchSize: 100, concurrent: 10_000, concurrency: 250 },
  peer: { sequential: 100, batched: 2_000 },
  http: { seconds: 2, connections: 10, runs: 3 },
  lag: { rates: [100, 200, 400, 800], seconds: 5, cases: 40 },
  fold: { caseEvents: 1_000, replays: 5, asOfRuns: 5 },
  rebuild: { events: 20_000, runs: 1 },
  sla: { totals: [10_000, 100_000], due: 1_000, runs: 5 },
  backup: { events: 50_000, clients: 5 },
  multiNode: { clients: 12, seconds: 5, runs: 3 },
  postgres: { writers: 50, appendsPerWriter: 40, batchedAppendsPerWriter: 4, batchSize: 100 },
};

export const FULL: Profile = {
  name: 'full',
  runs: 5,
  append: { sequential: 3_000, batched: 100_000, batchSize: 100, concurrent: 50_000, concurrency: 250 },
  peer: { sequential: 500, batched: 20_000 },
  http: { seconds: 10, connections: 10, runs: 5 },
  lag: { rates: [100, 200, 400, 600, 800, 1000, 1200, 1500], seconds: 60, cases: 60 },
  fold: { caseEvents: 1_000, replays: 40, asOfRuns: 21 },
  rebuild: { events: 1_000_000, runs: 3 },
  sla: { totals: [10_000, 100_000, 1_000_000], due: 1_000, runs: 11 },
  backup: { events: 1_000_000, clients: 5 },
  multiNode: { clients: 24, seconds: 10, runs: 5 },
  postgres: { writers: 50, appendsPerWriter: 100, batchedAppendsPerWriter: 20, batchSize: 100 },
};

/** Just enough of every section to prove it runs end to end: the smoke test's profile. */
export const SMOKE: Profile = {
  name: 'smoke',
  runs: 1,
  append: { sequential: 20, batched: 1_000, batchSize: 100, concurrent: 1_000, concurrency: 250 },
  peer: { sequential: 20, batched: 200 },
  http: { seconds: 1, connections: 4, runs: 1 },
  lag: { rates: [10, 20], seconds: 1, cases: 4 },
  fold: { caseEvents: 60, replays: 1, asOfRuns: 1 },
  rebuild: { events: 2_000, runs: 1 },
  sla: { totals: [2_000, 5_000], due: 100, runs: 1 },
  backup: { events: 2_000, clients: 2 },
  multiNode: { clients: 3, seconds: 1, runs: 1 },
  postgres: { writers: 50, appendsPerWriter: 2, batchedAppendsPerWriter: 1, batchSize: 100 },
};
