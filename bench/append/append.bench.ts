import { join } from 'node:path';
import type { RecordedEvent } from '../../src/event-store/event-store';
import { SqliteEventStore, type SqliteDurability } from '../../src/event-store/sqlite-event-store';
import { scratchDir } from '../fixtures/bench-context';
import { figure, paired, perSecond, timed, type Figure, type Section } from '../report/figures';
import type { Profile } from '../profile';
import { RawEventsTable } from './raw-sqlite';
import { batched, concurrent, runThroughStore, sequential, type Workload } from './workloads';

const TARGET = 0.5;

/** Appends through a fresh SqliteEventStore; events per second. */
export async function mendAppendRate(workload: Workload, durability: SqliteDurability): Promise<number> {
  const dir = scratchDir('append');
  const store = new SqliteEventStore({ filename: join(dir.path, 'events.sqlite'), durability });
  try {
    return perSecond(workload.events, await timed(() => runThroughStore(store, workload)));
  } finally {
    await store.close();
    dir.remove();
  }
}

async function rawAppendRate(workload: Workload, durability: SqliteDurability): Promise<number> {
  const dir = scratchDir('raw');
  const table = new RawEventsTable(join(dir.path, 'events.sqlite'), durability);
  try {
    return perSecond(workload.events, await timed(() => table.run(workload)));
  } finally {
    table.close();
    dir.remove();
  }
}

export async function appendSection(profile: Profile, template: readonly RecordedEvent[]): Promise<Section> {
  const { append } = profile;
  const workloads: [string, Workload][] = [
    ['1 event per append, sequential awaits', sequential(template, append.sequential)],
    [`${append.batchSize} events per append`, batched(template, append.batched, append.batchSize)],
    [`${append.concurrency} concurrent 1-event appends (group commit)`, concurrent(template, append.concurrent, append.concurrency)],
  ];
  const figures: Figure[] = [];
  for (const durability of ['full', 'normal'] as const) {
    for (const [label, workload] of workloads) {
      const [mend, raw] = await paired(
        profile.runs,
        () => mendAppendRate(workload, durability),
        () => rawAppendRate(workload, durability),
      );
      figures.push(
        figure({
          label: `append ${durability.toUpperCase()}: ${label}`,
          unit: 'events/s',
          mend,
          baseline: { ...raw, label: 'raw better-sqlite3 inserts, same rows and commits' },
          target: TARGET,
          details: { events: workload.events, appends: workload.groups.reduce((n, g) => n + g.length, 0), commits: workload.groups.length },
        }),
      );
    }
  }
  return {
    id: 'append',
    title: 'Append through SqliteEventStore vs raw better-sqlite3 (the physical limit)',
    figures,
    notes: [
      `Events are a stored complaint history (${template.length} events, ~${Math.round(JSON.stringify(template).length / template.length)} bytes each) cycled with fresh UUIDv7 ids; a fresh file per run.`,
      'The raw baseline inserts the same rows (JSON serialised in the loop) into a table of the same shape with the same pragmas, one transaction per commit group, with no revision check.',
      'Concurrent appends: Mend receives them in one turn of the event loop and group-commits them; the raw baseline commits each wave in one transaction.',
    ],
  };
}
