import { Client } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import {
  DuplicateEventIdError,
  WrongExpectedRevisionError,
  type AppendResult,
  type EventToAppend,
  type RecordedEvent,
} from '../../src/event-store/event-store';
import { PostgresEventStore } from '../../src/event-store/postgres-event-store';
import { describeWithPostgres, dropSchema, freshSchema } from '../support/postgres';
import { describeEventStoreContract } from './event-store.contract';

describeWithPostgres('postgres event store', (url) => {
  async function tempStore(options: { pollIntervalMs?: number; now?: () => number } = {}) {
    const schema = freshSchema();
    const store = await PostgresEventStore.open({ connectionString: url, schema, ...options });
    return {
      store,
      schema,
      cleanup: async () => {
        await store.close();
        await dropSchema(url, schema);
      },
    };
  }

  describeEventStoreContract('postgres', () => tempStore());

  describe('beyond the contract', () => {
    it('refuses an event id already stored in another stream (ids are unique in the store)', async () => {
      const { store, cleanup } = await tempStore();
      try {
        const id = uuidv7();
        await store.append('a-1', [{ id, type: 'X', data: {}, metadata: {} }], { expectedRevision: 'no_stream' });
        await expect(store.append('b-1', [{ id, type: 'X', data: {}, metadata: {} }], { expectedRevision: 'no_stream' })).rejects.toBeInstanceOf(
          DuplicateEventIdError,
        );
        await expect(store.readStream('b-1')).rejects.toThrow('not found');
      } finally {
        await cleanup();
      }
    });

    it('two stores on one schema (two nodes): concurrent re-appends of the same ids store them once', async () => {
      const first = await tempStore();
      const second = await PostgresEventStore.open({ connectionString: url, schema: first.schema });
      try {
        const ids = Array.from({ length: 20 }, () => uuidv7());
        const outcomes = await Promise.all(
          ids.flatMap((id, n) =>
            [first.store, second].map((store) =>
              store.append(`breach-${n}`, [{ id, type: 'Breached', data: { n }, metadata: {} }], { expectedRevision: 'any' }),
            ),
          ),
        );
        expect(outcomes.every((o) => o.nextExpectedRevision === 0)).toBe(true);
        expect(await first.store.readAll()).toHaveLength(20);
      } finally {
        await second.close();
        await first.cleanup();
      }
    });

    it('a subscriber on another node sees every append of many concurrent writers, in position order, none skipped', async () => {
      // The trap of a sequence as the global position: a transaction that drew a lower position may
      // commit after one that drew a higher one. A subscriber must still receive both, in order.
      const writerNode = await tempStore();
      const readerNode = await PostgresEventStore.open({ connectionString: url, schema: writerNode.schema, pollIntervalMs: 60_000 });
      try {
        const writers = 20;
        const perWriter = 25;
        const subscription = readerNode.subscribeAll({ fromPosition: 'start', maxBatchSize: 7 });
        const received: RecordedEvent[] = [];
        const reading = (async () => {
          for await (const batch of subscription) {
            received.push(...batch);
            if (received.length >= writers * perWriter) break;
          }
        })();
        await Promise.all(
          Array.from({ length: writers }, async (_, w) => {
            for (let n = 0; n < perWriter; n++) {
              await writerNode.store.append(`w-${w}`, [{ id: uuidv7(), type: 'X', data: { w, n }, metadata: {} }], {
                expectedRevision: n === 0 ? 'no_stream' : n - 1,
              });
            }
          }),
        );
        await reading;
        await subscription.close();
        const positions = received.map((e) => e.position);
        expect(positions).toEqual([...positions].sort((a, b) => a - b));
        expect(positions).toEqual((await readerNode.readAll()).map((e) => e.position));
        expect(new Set(received.map((e) => e.id)).size).toBe(writers * perWriter);
      } finally {
        await readerNode.close();
        await writerNode.cleanup();
      }
    });

    it('keeps recordedAt to the millisecond, from the store clock', async () => {
      const { store, cleanup } = await tempStore({ now: () => Date.parse('2026-03-04T05:06:07.089Z') });
      try {
        await store.append('t-1', [{ id: uuidv7(), type: 'X', data: {}, metadata: {} }], { expectedRevision: 'no_stream' });
        const [read] = await store.readStream('t-1');
        expect(read!.recordedAt).toBe('2026-03-04T05:06:07.089Z');
      } finally {
        await cleanup();
      }
    });
  });

  describe('group commit (appends queued while a transaction is in flight share the next one)', () => {
    const one = (data: unknown = {}): EventToAppend => ({ id: uuidv7(), type: 'X', data, metadata: {} });

    /** The transaction that wrote each event (xmin), by position: appends of one batch share it. */
    async function transactions(schema: string): Promise<Map<number, string>> {
      const client = new Client({ connectionString: url });
      await client.connect();
      try {
        const { rows } = await client.query<{ position: string; xmin: string }>(
          `SELECT position, xmin::text AS xmin FROM "${schema}".mend_events ORDER BY position`,
        );
        return new Map(rows.map((r) => [Number(r.position), r.xmin]));
      } finally {
        await client.end();
      }
    }

    it('one append of a batch conflicting fails alone with its own error; the others land in the same transaction', async () => {
      const { store, schema, cleanup } = await tempStore();
      try {
        await store.append('g-conflict', [one()], { expectedRevision: 'no_stream' });
        // Issued in one turn of the event loop: one batch.
        const outcomes = await Promise.allSettled([
          store.append('g-a', [one(), one()], { expectedRevision: 'no_stream' }),
          store.append('g-conflict', [one()], { expectedRevision: 'no_stream' }),
          store.append('g-b', [one()], { expectedRevision: 'any' }),
          store.append('g-missing', [one()], { expectedRevision: 3 }),
          store.append('g-c', [one()], { expectedRevision: 'no_stream' }),
        ]);
        expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected', 'fulfilled']);
        const conflict = (outcomes[1] as PromiseRejectedResult).reason as WrongExpectedRevisionError;
        expect(conflict).toBeInstanceOf(WrongExpectedRevisionError);
        expect(conflict).toMatchObject({ streamId: 'g-conflict', expected: 'no_stream', actual: 0 });
        expect((outcomes[3] as PromiseRejectedResult).reason).toMatchObject({ streamId: 'g-missing', expected: 3, actual: 'no_stream' });
        const landed = outcomes.filter((o) => o.status === 'fulfilled').map((o) => (o as PromiseFulfilledResult<AppendResult>).value);
        expect(landed).toEqual([
          { nextExpectedRevision: 1, position: 3 },
          { nextExpectedRevision: 0, position: 4 },
          { nextExpectedRevision: 0, position: 5 },
        ]);
        expect((await store.readAll()).map((e) => [e.streamId, e.revision, e.position])).toEqual([
          ['g-conflict', 0, 1],
          ['g-a', 0, 2],
          ['g-a', 1, 3],
          ['g-b', 0, 4],
          ['g-c', 0, 5],
        ]);
        const xmin = await transactions(schema);
        expect(new Set([2, 3, 4, 5].map((p) => xmin.get(p))).size).toBe(1);
        expect(xmin.get(1)).not.toBe(xmin.get(2));
      } finally {
        await cleanup();
      }
    });

    it('two appends to one stream in one batch, expected revisions in sequence, both land in order', async () => {
      const { store, schema, cleanup } = await tempStore();
      try {
        const results = await Promise.all([
          store.append('g-seq', [one({ n: 0 }), one({ n: 1 })], { expectedRevision: 'no_stream' }),
          store.append('g-seq', [one({ n: 2 })], { expectedRevision: 1 }),
          store.append('g-seq', [one({ n: 3 })], { expectedRevision: 'stream_exists' }),
          store.append('g-seq', [], { expectedRevision: 3 }),
        ]);
        expect(results).toEqual([
          { nextExpectedRevision: 1, position: 2 },
          { nextExpectedRevision: 2, position: 3 },
          { nextExpectedRevision: 3, position: 4 },
          { nextExpectedRevision: 3, position: 4 },
        ]);
        expect((await store.readStream('g-seq')).map((e) => [e.revision, (e.data as { n: number }).n])).toEqual([
          [0, 0],
          [1, 1],
          [2, 2],
          [3, 3],
        ]);
        expect(new Set((await transactions(schema)).values()).size).toBe(1);
      } finally {
        await cleanup();
      }
    });

    it('a duplicate id fails alone, and the same events twice in one batch are stored once', async () => {
      const { store, cleanup } = await tempStore();
      try {
        const taken = one();
        await store.append('g-owner', [taken], { expectedRevision: 'no_stream' });
        const again = one();
        const outcomes = await Promise.allSettled([
          store.append('g-x', [one()], { expectedRevision: 'no_stream' }),
          store.append('g-thief', [taken], { expectedRevision: 'any' }),
          store.append('g-twice', [again], { expectedRevision: 'no_stream' }),
          store.append('g-twice', [again], { expectedRevision: 'no_stream' }),
          store.append('g-y', [one()], { expectedRevision: 'no_stream' }),
        ]);
        expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled']);
        expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(DuplicateEventIdError);
        expect((outcomes[1] as PromiseRejectedResult).reason).toMatchObject({ streamId: 'g-thief', eventId: taken.id });
        expect((outcomes[2] as PromiseFulfilledResult<AppendResult>).value).toEqual((outcomes[3] as PromiseFulfilledResult<AppendResult>).value);
        expect((await store.readAll()).map((e) => e.streamId)).toEqual(['g-owner', 'g-x', 'g-twice', 'g-y']);
      } finally {
        await cleanup();
      }
    });

    it('an id repeated inside one append (the statement fails as a whole) fails alone: the others of its batch still land', async () => {
      const { store, cleanup } = await tempStore();
      try {
        const repeated = one();
        const later = one();
        await store.append('g-later', [later], { expectedRevision: 'no_stream' });
        const outcomes = await Promise.allSettled([
          store.append('g-1', [one()], { expectedRevision: 'no_stream' }),
          store.append('g-repeat', [repeated, one(), repeated], { expectedRevision: 'no_stream' }),
          store.append('g-2', [one(), later], { expectedRevision: 'no_stream' }),
          store.append('g-1', [one()], { expectedRevision: 0 }),
        ]);
        expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
        expect((outcomes[1] as PromiseRejectedResult).reason).toMatchObject({ name: 'DuplicateEventIdError', streamId: 'g-repeat', eventId: repeated.id });
        expect((outcomes[2] as PromiseRejectedResult).reason).toMatchObject({ name: 'DuplicateEventIdError', streamId: 'g-2', eventId: later.id });
        expect((await store.readAll()).map((e) => [e.streamId, e.revision])).toEqual([
          ['g-later', 0],
          ['g-1', 0],
          ['g-1', 1],
        ]);
      } finally {
        await cleanup();
      }
    });

    it('a payload that cannot be serialised fails its own append, not its batch', async () => {
      const { store, cleanup } = await tempStore();
      try {
        const outcomes = await Promise.allSettled([
          store.append('g-ok-1', [one()], { expectedRevision: 'no_stream' }),
          store.append('g-bad', [one({ n: 1n })], { expectedRevision: 'no_stream' }),
          store.append('g-ok-2', [one()], { expectedRevision: 'no_stream' }),
        ]);
        expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
        expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(TypeError);
        expect((await store.readAll()).map((e) => e.streamId)).toEqual(['g-ok-1', 'g-ok-2']);
      } finally {
        await cleanup();
      }
    });

    it('positions are contiguous and follow commit order: each append resolves after every lower position has committed', async () => {
      const { store, schema, cleanup } = await tempStore();
      try {
        const resolved: AppendResult[] = [];
        await Promise.all(
          Array.from({ length: 30 }, async (_, w) => {
            for (let n = 0; n < 10; n++) {
              const size = 1 + ((w + n) % 3);
              const events = Array.from({ length: size }, () => one({ w, n }));
              const current = await store.append(`g-w-${w}`, events, { expectedRevision: 'any' });
              resolved.push(current);
            }
          }),
        );
        const all = await store.readAll();
        expect(all.map((e) => e.position)).toEqual(Array.from({ length: all.length }, (_, i) => i + 1));
        // Callers learn of their appends in position order: nothing resolved before a lower position committed.
        const positions = resolved.map((r) => r.position);
        expect(positions).toEqual([...positions].sort((a, b) => a - b));
        // Every transaction wrote one contiguous range of positions, and they did not interleave.
        const xmin = [...(await transactions(schema)).entries()];
        const ranges = new Map<string, number[]>();
        for (const [position, tx] of xmin) ranges.set(tx, [...(ranges.get(tx) ?? []), position]);
        for (const range of ranges.values()) expect(range[range.length - 1]! - range[0]! + 1).toBe(range.length);
        expect(ranges.size).toBeLessThan(300);
      } finally {
        await cleanup();
      }
    });

    it('a batch holds at most 5,000 events: larger queues take several transactions, in order', async () => {
      const { store, schema, cleanup } = await tempStore();
      try {
        const big = () => Array.from({ length: 2_000 }, () => one());
        const results = await Promise.all([0, 1, 2].map((n) => store.append(`g-big-${n}`, big(), { expectedRevision: 'no_stream' })));
        expect(results.map((r) => r.position)).toEqual([2_000, 4_000, 6_000]);
        const xmin = await transactions(schema);
        expect(xmin.get(1)).toBe(xmin.get(4_000));
        expect(xmin.get(4_000)).not.toBe(xmin.get(4_001));
      } finally {
        await cleanup();
      }
    });

    it('a node of the previous version (mend_append, one append per call) still takes turns with the batches', async () => {
      const { store, schema, cleanup } = await tempStore();
      const client = new Client({ connectionString: url });
      await client.connect();
      try {
        const old = (n: number) =>
          client.query(`SELECT * FROM "${schema}".mend_append($1, $2, $3, $4, $5, $6, $7)`, [
            'g-old',
            n === 0 ? 'no_stream' : String(n - 1),
            [uuidv7()],
            ['X'],
            ['{}'],
            ['{}'],
            new Date(),
          ]);
        await Promise.all([
          (async () => {
            for (let n = 0; n < 20; n++) await old(n);
          })(),
          ...Array.from({ length: 5 }, async (_, w) => {
            for (let n = 0; n < 20; n++) await store.append(`g-new-${w}`, [one()], { expectedRevision: n === 0 ? 'no_stream' : n - 1 });
          }),
        ]);
        const all = await store.readAll();
        expect(all.map((e) => e.position)).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
        expect(all.filter((e) => e.streamId === 'g-old').map((e) => e.revision)).toEqual(Array.from({ length: 20 }, (_, i) => i));
      } finally {
        await client.end();
        await cleanup();
      }
    });

    it('a subscriber on a third node never skips while two nodes append in batches, some appends failing', async () => {
      const first = await tempStore();
      const second = await PostgresEventStore.open({ connectionString: url, schema: first.schema });
      const reader = await PostgresEventStore.open({ connectionString: url, schema: first.schema, pollIntervalMs: 60_000 });
      try {
        const subscription = reader.subscribeAll({ fromPosition: 'start', maxBatchSize: 5 });
        const received: RecordedEvent[] = [];
        let expected = Number.POSITIVE_INFINITY;
        const reading = (async () => {
          for await (const batch of subscription) {
            received.push(...batch);
            if (received.length >= expected) break;
          }
        })();
        let landed = 0;
        await Promise.all(
          [first.store, second].flatMap((node, k) =>
            Array.from({ length: 10 }, async (_, w) => {
              for (let n = 0; n < 15; n++) {
                // Every fifth append expects a revision the stream does not have: it fails inside its batch.
                const stale = n % 5 === 4;
                const outcome = await node
                  .append(`g-n${k}-${w}`, [one({ k, w, n })], { expectedRevision: stale ? 'no_stream' : 'any' })
                  .then(() => 'ok', (error: unknown) => error);
                if (outcome === 'ok') landed++;
                else expect(outcome).toBeInstanceOf(WrongExpectedRevisionError);
              }
            }),
          ),
        );
        expected = landed;
        expect(landed).toBe(2 * 10 * 12);
        // The reader stops at the count; if it already holds everything it is waiting for more: end it.
        if (received.length >= expected) await subscription.close();
        await reading;
        await subscription.close();
        const positions = received.map((e) => e.position);
        expect(positions).toEqual((await reader.readAll()).map((e) => e.position));
        expect(new Set(received.map((e) => e.id)).size).toBe(landed);
      } finally {
        await reader.close();
        await second.close();
        await first.cleanup();
      }
    });

    it('a schema at version 1 (before group commit) is upgraded in place: its events stay, appends go through mend_append_batch', async () => {
      const { store, schema, cleanup } = await tempStore();
      const client = new Client({ connectionString: url });
      await client.connect();
      try {
        await store.append('g-v1', [one()], { expectedRevision: 'no_stream' });
        await client.query(`DROP FUNCTION "${schema}".mend_append_batch`);
        await client.query(`UPDATE "${schema}".mend_schema_versions SET version = 1 WHERE component = 'event-store'`);
        const upgraded = await PostgresEventStore.open({ connectionString: url, schema });
        try {
          await expect(upgraded.append('g-v1', [one()], { expectedRevision: 0 })).resolves.toEqual({ nextExpectedRevision: 1, position: 2 });
        } finally {
          await upgraded.close();
        }
        const { rows } = await client.query<{ version: number }>(
          `SELECT version FROM "${schema}".mend_schema_versions WHERE component = 'event-store'`,
        );
        expect(rows[0]?.version).toBe(2);
      } finally {
        await client.end();
        await cleanup();
      }
    });

    it('close() commits the appends already accepted before it ends the pool', async () => {
      const schema = freshSchema();
      const store = await PostgresEventStore.open({ connectionString: url, schema });
      try {
        const pending = Array.from({ length: 5 }, (_, n) => store.append(`g-close-${n}`, [one()], { expectedRevision: 'no_stream' }));
        await store.close();
        await expect(Promise.all(pending)).resolves.toHaveLength(5);
        await expect(store.append('g-late', [one()], { expectedRevision: 'any' })).rejects.toThrow('closed');
        const reopened = await PostgresEventStore.open({ connectionString: url, schema });
        expect(await reopened.readAll()).toHaveLength(5);
        await reopened.close();
      } finally {
        await dropSchema(url, schema);
      }
    });
  });
});
