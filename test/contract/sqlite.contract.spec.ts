import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { DuplicateEventIdError } from '../../src/event-store/event-store';
import { SqliteEventStore } from '../../src/event-store/sqlite-event-store';
import { describeEventStoreContract } from './event-store.contract';

function tempStore(options: { durability?: 'full' | 'normal' } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'mend-contract-'));
  const store = new SqliteEventStore({ filename: join(dir, 'events.sqlite'), pollIntervalMs: 20, ...options });
  return {
    store,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describeEventStoreContract('sqlite (file, synchronous=FULL)', async () => tempStore());
describeEventStoreContract('sqlite (file, synchronous=NORMAL)', async () => tempStore({ durability: 'normal' }));

describe('sqlite event store: beyond the contract', () => {
  it('refuses an event id already stored in another stream (ids are unique in the store)', async () => {
    const { store, cleanup } = tempStore();
    try {
      const id = uuidv7();
      await store.append('a-1', [{ id, type: 'X', data: {}, metadata: {} }], { expectedRevision: 'no_stream' });
      await expect(
        store.append('b-1', [{ id, type: 'X', data: {}, metadata: {} }], { expectedRevision: 'no_stream' }),
      ).rejects.toBeInstanceOf(DuplicateEventIdError);
      await expect(store.readStream('b-1')).rejects.toThrow('not found');
    } finally {
      await cleanup();
    }
  });

  it('keeps its events across a reopen of the same file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mend-reopen-'));
    const filename = join(dir, 'events.sqlite');
    try {
      const first = new SqliteEventStore({ filename });
      await first.append('c-1', [{ id: uuidv7(), type: 'X', data: { kept: true }, metadata: {} }], { expectedRevision: 'no_stream' });
      await first.close();
      const second = new SqliteEventStore({ filename });
      const [read] = await second.readStream('c-1');
      expect(read!.data).toEqual({ kept: true });
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('commits appends requested together in one transaction, each checked alone', async () => {
    const { store, cleanup } = tempStore();
    try {
      const results = await Promise.allSettled(
        Array.from({ length: 50 }, (_, i) =>
          store.append(`g-${i % 10}`, [{ id: uuidv7(), type: 'X', data: { i }, metadata: {} }], {
            expectedRevision: i < 10 ? 'no_stream' : 'any',
          }),
        ),
      );
      expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
      const all = await store.readAll();
      expect(all).toHaveLength(50);
      expect(new Set(all.map((e) => e.recordedAt)).size).toBeLessThanOrEqual(2);
    } finally {
      await cleanup();
    }
  });

  it('reads after the head it wrote only until another connection commits to the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mend-heads-'));
    const filename = join(dir, 'events.sqlite');
    const event = (n: number) => ({ id: uuidv7(), type: 'X', data: { n }, metadata: {} });
    const mine = new SqliteEventStore({ filename });
    const other = new SqliteEventStore({ filename });
    try {
      await mine.append('h-1', [event(0)], { expectedRevision: 'no_stream' });
      expect(await mine.readStream('h-1', { fromRevision: 1 })).toEqual([]);
      await other.append('h-1', [event(1)], { expectedRevision: 0 });
      expect((await mine.readStream('h-1', { fromRevision: 1 })).map((e) => e.data)).toEqual([{ n: 1 }]);
      // Its own append after that: known again, and what it wrote is read back.
      await mine.append('h-1', [event(2)], { expectedRevision: 1 });
      expect((await mine.readStream('h-1', { fromRevision: 2 })).map((e) => e.data)).toEqual([{ n: 2 }]);
      expect(await mine.readStream('h-1', { fromRevision: 3 })).toEqual([]);
      // A refused append (wrong expected revision) moves nothing.
      await expect(mine.append('h-1', [event(9)], { expectedRevision: 0 })).rejects.toThrow();
      await other.append('h-1', [event(3)], { expectedRevision: 2 });
      expect((await mine.readStream('h-1', { fromRevision: 3 })).map((e) => e.data)).toEqual([{ n: 3 }]);
    } finally {
      await mine.close();
      await other.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
