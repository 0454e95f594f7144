import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { EventStoreUnavailableError } from '../../src/event-store/event-store';
import { SqliteEventStore } from '../../src/event-store/sqlite-event-store';

/** A stand-in for the disk: each sync waits until the test ends it (or fails it). */
class Disk {
  readonly syncs: { end(): void; fail(error: Error): void }[] = [];
  readonly sync = () =>
    new Promise<void>((resolve, reject) => {
      this.syncs.push({ end: resolve, fail: reject });
    });
}

const event = (n: number) => ({ id: uuidv7(), type: 'Noted', data: { n }, metadata: {} });
const settled = async <T>(promise: Promise<T>) => {
  let state: 'pending' | 'resolved' | 'rejected' = 'pending';
  promise.then(
    () => (state = 'resolved'),
    () => (state = 'rejected'),
  );
  // Past the commit (setImmediate) and any microtasks after it.
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setImmediate(resolve));
  return state;
};

/**
 * With full durability, SQLite commits without syncing and the store syncs the WAL off the event
 * loop (GroupSync): an append is answered only once the WAL holding it is on disk, and no reader
 * of the log is handed an event before then.
 */
describe('sqlite event store: appends acknowledged once synced', () => {
  let dir: string;
  let disk: Disk;
  let store: SqliteEventStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mend-group-sync-'));
    disk = new Disk();
    store = new SqliteEventStore({ filename: join(dir, 'events.sqlite'), syncWal: disk.sync });
  });
  afterEach(async () => {
    for (const sync of disk.syncs) sync.end();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers an append, and lets subscriptions read it, only once the sync after its commit has ended', async () => {
    const append = store.append('s-1', [event(1)], { expectedRevision: 'no_stream' });
    expect(await settled(append)).toBe('pending');
    expect(disk.syncs).toHaveLength(1);
    // Committed, so the stream reads it; not synced, so the log's readers are not given it.
    expect(await store.readStream('s-1')).toHaveLength(1);
    expect(store.readAfter(0, 500)).toEqual([]);
    disk.syncs[0]!.end();
    expect((await append).nextExpectedRevision).toBe(0);
    expect(store.readAfter(0, 500).map((e) => e.data)).toEqual([{ n: 1 }]);
  });

  it('syncs the commits made during a sync together, in the next one', async () => {
    const first = store.append('s-1', [event(1)], { expectedRevision: 'no_stream' });
    await settled(first);
    const later = [store.append('s-2', [event(2)], { expectedRevision: 'no_stream' })];
    await settled(later[0]!);
    later.push(store.append('s-3', [event(3)], { expectedRevision: 'no_stream' }));
    await settled(later[1]!);
    expect(disk.syncs).toHaveLength(1);
    disk.syncs[0]!.end();
    await first;
    expect(await settled(Promise.all(later))).toBe('pending');
    expect(disk.syncs).toHaveLength(2);
    // Only the first commit is on disk: the readers stop before the second.
    expect(store.readAfter(0, 500).map((e) => e.streamId)).toEqual(['s-1']);
    disk.syncs[1]!.end();
    await Promise.all(later);
    expect(store.readAfter(0, 500).map((e) => e.streamId)).toEqual(['s-1', 's-2', 's-3']);
  });

  it('answers a refused append at once, without waiting for a sync', async () => {
    await settled(store.append('s-1', [event(1)], { expectedRevision: 'no_stream' }));
    const refused = store.append('s-1', [event(2)], { expectedRevision: 'no_stream' });
    expect(await settled(refused)).toBe('rejected');
    await expect(refused).rejects.toThrow(/s-1/);
  });

  it('when a sync fails: refuses the appends it held and every later one, and never gives their events to readers', async () => {
    const lost = store.append('s-1', [event(1)], { expectedRevision: 'no_stream' });
    await settled(lost);
    disk.syncs[0]!.fail(Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' }));
    await expect(lost).rejects.toBeInstanceOf(EventStoreUnavailableError);
    await expect(lost).rejects.toThrow(/could not be synced to disk \(EIO: i\/o error, fdatasync\)/);
    await expect(store.append('s-2', [event(2)], { expectedRevision: 'no_stream' })).rejects.toBeInstanceOf(EventStoreUnavailableError);
    expect(store.readAfter(0, 500)).toEqual([]);
    // What /ready asks of the store.
    await expect(store.headPosition()).rejects.toThrow(/could not be synced/);
  });

  it('answers the appends still syncing before it closes', async () => {
    const append = store.append('s-1', [event(1)], { expectedRevision: 'no_stream' });
    await settled(append);
    const closed = store.close();
    disk.syncs[0]!.end();
    await closed;
    expect((await append).position).toBe(1);
  });
});

describe('sqlite event store: the WAL synced by fdatasync', () => {
  it('keeps appends answered across a reopen, and gives them to subscriptions', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mend-fdatasync-'));
    const filename = join(dir, 'events.sqlite');
    try {
      const store = new SqliteEventStore({ filename });
      await Promise.all([1, 2, 3].map((n) => store.append(`f-${n}`, [event(n)], { expectedRevision: 'no_stream' })));
      expect(store.readAfter(0, 500)).toHaveLength(3);
      await store.close();
      const reopened = new SqliteEventStore({ filename });
      expect((await reopened.readAll()).map((e) => e.data)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
      await reopened.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
