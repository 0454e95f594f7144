import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import type { EventToAppend } from '../../src/event-store/event-store';
import { PostgresEventStore } from '../../src/event-store/postgres-event-store';
import { figure, paired, perSecond, timed, type Figure, type Section } from '../report/figures';
import type { Profile } from '../profile';

const TARGET = 0.5;

/** The server `npm run bench` runs against: scripts/with-postgres.sh starts a throwaway one and sets it. */
export const benchPostgresUrl = (): string | undefined => process.env.MEND_TEST_POSTGRES_URL;

/** A schema of its own for one run, dropped afterwards. */
const freshSchema = () => `mend_bench_${randomUUID().replaceAll('-', '').slice(0, 12)}`;

const payload = { channel: 'electronic', region: 'ON', text: 'My preparation meeting was cancelled twice without notice.', receivedAt: '2026-01-05T14:00:00.000Z' };
const metadata = { actor: { id: 'supervisor-1', role: 'supervisor' }, correlationId: '0b6f7a8e-1c2d-4e5f-8a9b-0c1d2e3f4a5b', workflow: 'complaint', workflowVersion: 1 };
const batch = (size: number): EventToAppend[] => Array.from({ length: size }, () => ({ id: uuidv7(), type: 'ComplaintReceived', data: payload, metadata }));

interface Workload {
  readonly writers: number;
  readonly appendsPerWriter: number;
  readonly size: number;
}

const eventsOf = (w: Workload) => w.writers * w.appendsPerWriter * w.size;

/** `writers` concurrent loops, each appending `appendsPerWriter` times to a stream of its own. */
async function writers(workload: Workload, append: (stream: string, events: EventToAppend[], n: number) => Promise<unknown>): Promise<number> {
  const ms = await timed(() =>
    Promise.all(
      Array.from({ length: workload.writers }, async (_, w) => {
        const stream = `bench-${w}-${randomUUID()}`;
        for (let n = 0; n < workload.appendsPerWriter; n++) await append(stream, batch(workload.size), n);
      }),
    ),
  );
  return perSecond(eventsOf(workload), ms);
}

/** Appends through a fresh PostgresEventStore (its own schema); events per second. */
export async function mendPostgresRate(url: string, workload: Workload): Promise<number> {
  const schema = freshSchema();
  const store = await PostgresEventStore.open({ connectionString: url, schema, poolSize: workload.writers });
  try {
    return await writers(workload, (stream, events, n) =>
      store.append(stream, events, { expectedRevision: n === 0 ? 'no_stream' : n * workload.size - 1 }),
    );
  } finally {
    await store.close();
    await dropSchema(url, schema);
  }
}

/**
 * Raw `pg` inserts of the same rows into a table of the same shape (same keys and constraints),
 * one statement per append, no lock, no revision check, no notify.
 */
async function rawPostgresRate(url: string, workload: Workload): Promise<number> {
  const schema = freshSchema();
  const pool = new Pool({ connectionString: url, max: workload.writers });
  try {
    await pool.query(`CREATE SCHEMA "${schema}"`);
    await pool.query(`CREATE TABLE "${schema}".raw_events (
      position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, id text NOT NULL UNIQUE, stream_id text NOT NULL,
      revision bigint NOT NULL CHECK (revision >= 0), type text NOT NULL, data json NOT NULL, metadata json NOT NULL,
      recorded_at timestamptz NOT NULL, UNIQUE (stream_id, revision))`);
    return await writers(workload, (stream, events, n) =>
      pool.query(
        `INSERT INTO "${schema}".raw_events (id, stream_id, revision, type, data, metadata, recorded_at)
         SELECT u.id, $1, $2::bigint + u.n - 1, u.type, u.data::json, u.metadata::json, $7
         FROM unnest($3::text[], $4::text[], $5::text[], $6::text[]) WITH ORDINALITY AS u(id, type, data, metadata, n)`,
        [
          stream,
          n * workload.size,
          events.map((e) => e.id),
          events.map((e) => e.type),
          events.map((e) => JSON.stringify(e.data)),
          events.map((e) => JSON.stringify(e.metadata)),
          new Date(),
        ],
      ),
    );
  } finally {
    await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
    await pool.end();
  }
}

async function dropSchema(url: string, schema: string): Promise<void> {
  const pool = new Pool({ connectionString: url, max: 1 });
  try {
    await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await pool.end();
  }
}

export const skippedNoPostgres = 'skipped: no PostgreSQL (MEND_TEST_POSTGRES_URL is not set; `npm run bench` starts one through scripts/with-postgres.sh, which needs Debian\'s postgresql or root to install it)';

export async function postgresSection(profile: Profile): Promise<Section> {
  const id = 'postgres';
  const title = 'Append through PostgresEventStore vs raw `pg` inserts (same server, same run)';
  const url = benchPostgresUrl();
  if (!url) return { id, title, figures: [], notes: [skippedNoPostgres] };
  const { postgres } = profile;
  const workloads: [string, Workload][] = [
    ['1 event per append', { writers: postgres.writers, appendsPerWriter: postgres.appendsPerWriter, size: 1 }],
    [`${postgres.batchSize} events per append`, { writers: postgres.writers, appendsPerWriter: postgres.batchedAppendsPerWriter, size: postgres.batchSize }],
  ];
  const figures: Figure[] = [];
  for (const [label, workload] of workloads) {
    const [mend, raw] = await paired(
      profile.runs,
      () => mendPostgresRate(url, workload),
      () => rawPostgresRate(url, workload),
    );
    figures.push(
      figure({
        label: `append: ${label}, ${workload.writers} concurrent writers`,
        unit: 'events/s',
        mend,
        baseline: { ...raw, label: 'raw pg inserts, same rows, one statement per append' },
        target: TARGET,
        details: { events: eventsOf(workload), appends: workload.writers * workload.appendsPerWriter, writers: workload.writers },
      }),
    );
  }
  return {
    id,
    title,
    figures,
    notes: [
      `Each writer appends to a stream of its own with the expected revision; a fresh schema per run; ${postgres.writers} connections on each side.`,
      'The raw baseline inserts the same rows (JSON text cast to json, as Mend does) into a table of the same shape and constraints, one statement per append: no lock, no revision check, no NOTIFY.',
      'Mend serialises appends on one advisory lock held to commit, so positions follow commit order (a subscriber never skips a position still in flight); it pays that lock once per transaction: the appends that arrive while a transaction is in flight share the next one (group commit, each append checked and failing alone).',
      'The raw baseline commits every append on its own: above 100%, Mend\'s group commit saves more round trips and commits than its checks and lock cost.',
      'The throwaway server of scripts/with-postgres.sh runs with fsync=off: the figures compare the work around a commit, not disk latency.',
    ],
  };
}
