import { v7 as uuidv7 } from 'uuid';
import { DuplicateEventIdError, type RecordedEvent } from '../../src/event-store/event-store';
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
});
