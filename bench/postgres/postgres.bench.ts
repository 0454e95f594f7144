import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import type { EventToAppend } from '../../src/event-store/event-store';
import { PostgresEventStore } from '../../src/event-store/postgres-event-store';

/*
 * PostgreSQL appends through Mend's store against raw `pg` inserts of the same rows into a table of
 * the same shape, in the same run, on the same server: 50 concurrent writers, 1 and 100 events per
 * append. Not part of `npm run bench` yet; run it beside a throwaway server:
 *
 *   scripts/with-postgres.sh node -r ./test/support/register.js bench/postgres/postgres.bench.ts [appends per writer]
 *
 * The throwaway server runs with fsync=off, so commits cost no disk sync: the numbers compare the
 * work around a commit (Mend's lock, checks and notify vs a bare insert), not disk latency.
 */
const url = process.env.MEND_TEST_POSTGRES_URL ?? process.env.MEND_BENCH_POSTGRES_URL;
const WRITERS = 50;
const PER_WRITER = Number(process.argv[2] ?? 40);

const payload = { channel: 'electronic', region: 'ON', text: 'My preparation meeting was cancelled twice without notice.', receivedAt: new Date().toISOString() };
const metadata = { actor: { id: 'supervisor-1', role: 'supervisor' }, correlationId: randomUUID(), workflow: 'complaint', workflowVersion: 1 };
const batch = (size: number): EventToAppend[] => Array.from({ length: size }, () => ({ id: uuidv7(), type: 'ComplaintReceived', data: payload, metadata }));

async function timed(run: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await run();
  return (performance.now() - started) / 1000;
}

async function main(): Promise<void> {
  if (!url) throw new Error('Set MEND_TEST_POSTGRES_URL (scripts/with-postgres.sh does)');
  const schema = `mend_bench_${Date.now()}`;
  const store = await PostgresEventStore.open({ connectionString: url, schema, poolSize: WRITERS });
  const raw = new Pool({ connectionString: url, max: WRITERS });
  await raw.query(`CREATE TABLE "${schema}".raw_events (LIKE "${schema}".mend_events INCLUDING ALL)`);
  try {
    for (const size of [1, 100]) {
      const mend = await timed(() =>
        Promise.all(
          Array.from({ length: WRITERS }, async (_, w) => {
            const stream = `bench-${size}-${w}-${randomUUID()}`;
            for (let n = 0; n < PER_WRITER; n++) await store.append(stream, batch(size), { expectedRevision: n === 0 ? 'no_stream' : n * size - 1 });
          }),
        ).then(() => undefined),
      );
      const bare = await timed(() =>
        Promise.all(
          Array.from({ length: WRITERS }, async (_, w) => {
            const stream = `raw-${size}-${w}-${randomUUID()}`;
            for (let n = 0; n < PER_WRITER; n++) {
              const events = batch(size);
              await raw.query(
                `INSERT INTO "${schema}".raw_events (id, stream_id, revision, type, data, metadata, recorded_at)
                 SELECT u.id, $1, $2::bigint + u.n - 1, u.type, u.data::json, u.metadata::json, now()
                 FROM unnest($3::text[], $4::text[], $5::text[], $6::text[]) WITH ORDINALITY AS u(id, type, data, metadata, n)`,
                [stream, n * size, events.map((e) => e.id), events.map((e) => e.type), events.map((e) => JSON.stringify(e.data)), events.map((e) => JSON.stringify(e.metadata))],
              );
            }
          }),
        ).then(() => undefined),
      );
      const events = WRITERS * PER_WRITER * size;
      const line = (name: string, seconds: number) => `${name}: ${Math.round(events / seconds).toLocaleString('en')} events/s (${Math.round((WRITERS * PER_WRITER) / seconds).toLocaleString('en')} appends/s)`;
      console.log(`${size} event(s) per append, ${WRITERS} writers × ${PER_WRITER} appends — ${line('Mend', mend)}; ${line('raw pg', bare)}; Mend/raw ${Math.round((bare / mend) * 100)}%`);
    }
  } finally {
    await raw.query(`DROP SCHEMA "${schema}" CASCADE`);
    await raw.end();
    await store.close();
  }
}

void main();
