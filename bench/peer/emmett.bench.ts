import { join } from 'node:path';
import Database from 'better-sqlite3';
import { getSQLiteEventStore, sqliteConnection, type SQLiteConnection, type SQLiteEventStore } from '@event-driven-io/emmett-sqlite';
import type { RecordedEvent } from '../../src/event-store/event-store';
import { SqliteEventStore, type SqliteDurability } from '../../src/event-store/sqlite-event-store';
import { batched, runThroughStore, sequential, type Workload } from '../append/workloads';
import { scratchDir } from '../fixtures/bench-context';
import { figure, measured, perSecond, timed, type Figure, type Measured, type Section } from '../report/figures';
import type { Profile } from '../profile';

const TARGET = 2;

/**
 * How Emmett reaches its file: its default opens a connection per operation (so a pragma cannot be
 * set for it); a shared connection can be switched to synchronous=NORMAL like Mend.
 */
interface EmmettMode {
  readonly label: string;
  readonly singleton: boolean;
  readonly durability: SqliteDurability;
}

const MODES: readonly EmmettMode[] = [
  { label: 'connection per operation, FULL', singleton: false, durability: 'full' },
  { label: 'singleton connection, FULL', singleton: true, durability: 'full' },
  { label: 'singleton connection, NORMAL', singleton: true, durability: 'normal' },
];

interface Rates {
  readonly append: number;
  readonly read: number;
  /** Appends Emmett failed with SQLITE_BUSY and that were tried again. */
  readonly retries?: number;
}

/** How often an Emmett append that failed to commit is tried again before the run fails. */
const EMMETT_ATTEMPTS = 8;

const streamsOf = (workload: Workload) => [...new Set(workload.groups.flatMap((group) => group.map((call) => call.streamId)))];

async function mendRates(workload: Workload, durability: SqliteDurability): Promise<Rates> {
  const dir = scratchDir('peer-mend');
  const store = new SqliteEventStore({ filename: join(dir.path, 'events.sqlite'), durability });
  try {
    const append = perSecond(workload.events, await timed(() => runThroughStore(store, workload)));
    let read = 0;
    const readMs = await timed(async () => {
      for (const streamId of streamsOf(workload)) read += (await store.readStream(streamId)).length;
    });
    return { append, read: perSecond(read, readMs) };
  } finally {
    await store.close();
    dir.remove();
  }
}

/** The failure of Emmett on node-sqlite3 that a second try gets past (see emmettRates). */
const transient = (error: unknown): boolean => (error as { code?: string }).code === 'SQLITE_BUSY';

/**
 * Creates Emmett's file already in WAL. Every connection Emmett opens sends `PRAGMA journal_mode = WAL` without
 * waiting for it and without a callback, and its next statement runs alongside on node-sqlite3's thread pool. On a
 * file not yet in WAL, that PRAGMA then fails ("cannot change into wal mode from within a transaction"), and
 * node-sqlite3 raises the error as an uncaught exception no caller can catch: 53 of 300 fresh stores here, and two
 * CI runs in December 2026. On a file already in WAL the PRAGMA changes nothing: 0 of 1,000, with two other processes
 * keeping both cores busy.
 */
function createInWal(fileName: string): void {
  const db = new Database(fileName);
  try {
    db.pragma('journal_mode = WAL');
  } finally {
    db.close();
  }
}

async function emmettRates(workload: Workload, mode: EmmettMode): Promise<Rates> {
  const dir = scratchDir('peer-emmett');
  const fileName = join(dir.path, 'events.sqlite');
  createInWal(fileName);
  let connection: SQLiteConnection | undefined;
  let store: SQLiteEventStore;
  if (mode.singleton) {
    // `singleton: true` alone keeps a per-operation connection for a file: the shared connection must be passed in.
    connection = sqliteConnection({ fileName });
    if (mode.durability === 'normal') await connection.command('PRAGMA synchronous = NORMAL');
    store = getSQLiteEventStore({ fileName, schema: { autoMigration: 'CreateOrUpdate' }, connectionOptions: { singleton: true, connection } });
  } else {
    store = getSQLiteEventStore({ fileName, schema: { autoMigration: 'CreateOrUpdate' } });
  }
  try {
    let retries = 0;
    // Emmett 0.42.4 on node-sqlite3 now and then fails a COMMIT with SQLITE_BUSY "SQL statements in progress" (a
    // RETURNING statement not yet finalised); it rolls back, and the call can be tried again.
    const retrying = async <T>(work: () => Promise<T>): Promise<T> => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await work();
        } catch (error) {
          if (attempt === EMMETT_ATTEMPTS || !transient(error)) throw error;
          retries += 1;
          // Give node-sqlite3 a few turns to finalise the open statement.
          await new Promise((resolve) => setTimeout(resolve, 5 * attempt));
        }
      }
    };
    await retrying(() => store.schema.migrate());
    const appendToStream = (call: Workload['groups'][number][number]) => {
      const events = call.events.map((event) => ({ type: event.type, data: event.data as Record<string, unknown>, metadata: event.metadata as Record<string, unknown> }));
      return retrying(() => store.appendToStream(call.streamId, events));
    };
    const append = perSecond(
      workload.events,
      await timed(async () => {
        for (const group of workload.groups) for (const call of group) await appendToStream(call);
      }),
    );
    let read = 0;
    const readMs = await timed(async () => {
      for (const streamId of streamsOf(workload)) read += (await retrying(() => store.readStream(streamId))).events.length;
    });
    return { append, read: perSecond(read, readMs), retries };
  } finally {
    connection?.close();
    dir.remove();
  }
}

/** The same appends and reads through Emmett's SQLite event store, both ways it can hold its connection. */
export async function peerSection(profile: Profile, template: readonly RecordedEvent[]): Promise<Section> {
  const { peer } = profile;
  const workloads: [string, Workload][] = [
    ['1 event per append, sequential awaits', sequential(template, peer.sequential)],
    ['100 events per append', batched(template, peer.batched, 100)],
  ];
  const figures: Figure[] = [];
  for (const [label, workload] of workloads) {
    const mend: Record<SqliteDurability, Rates[]> = { full: [], normal: [] };
    const emmett = MODES.map(() => [] as Rates[]);
    for (let run = 0; run < profile.runs; run++) {
      for (const durability of ['full', 'normal'] as const) mend[durability].push(await mendRates(workload, durability));
      for (const [i, mode] of MODES.entries()) emmett[i]!.push(await emmettRates(workload, mode));
    }
    const of = (rates: Rates[], key: 'append' | 'read'): Measured => measured(rates.map((r) => r[key]));
    const compare = (key: 'append' | 'read', what: string, target?: number) =>
      MODES.forEach((mode, i) =>
        figures.push(
          figure({
            label: `${what}, Mend ${mode.durability.toUpperCase()} vs Emmett ${mode.label}`,
            unit: 'events/s',
            mend: of(mend[mode.durability], key),
            baseline: { ...of(emmett[i]!, key), label: `Emmett SQLite, ${mode.label}` },
            ...(target ? { target } : {}),
            details: { emmettRetries: emmett[i]!.reduce((n, r) => n + (r.retries ?? 0), 0) },
          }),
        ),
      );
    compare('append', `append: ${label}`, TARGET);
    if (workload.name === 'batched') compare('read', 'readStream of 100-event streams');
  }
  return {
    id: 'peer',
    title: "Peer: the same appends and reads through Emmett's SQLite event store (@event-driven-io/emmett-sqlite 0.42.4)",
    figures,
    notes: [
      'Both stores in WAL (Emmett’s file is created in WAL before it opens it, see createInWal); Emmett keeps SQLite’s default synchronous=FULL, which can only be changed on a shared connection; a fresh file per run; Emmett’s schema is created before timing.',
      'Under FULL every commit waits for the disk’s sync, for both stores: one event per append cannot go faster than the raw limit of the append section, so 2x is out of reach there by construction.',
      `Emmett now and then fails a commit with SQLITE_BUSY ("SQL statements in progress") and rolls back; such an append is tried again up to ${EMMETT_ATTEMPTS} times, the retries counted in the figure's details.`,
      'Mend is given the exact expected revision; Emmett none (it reads the stream position itself, one query more): with an exact expectedStreamVersion, Emmett 0.42.4 fails on the 10th event of a stream (SQLITE_BUSY: cannot commit transaction - SQL statements in progress).',
      'Emmett runs on node-sqlite3 (asynchronous, a worker thread per call); Mend on better-sqlite3 (synchronous). Emmett’s default opens and closes a connection for every operation.',
      'Concurrent appends are not compared: Emmett’s shared connection tracks transaction nesting in one counter, so concurrent appends on it would share or break each other’s transactions.',
    ],
  };
}
