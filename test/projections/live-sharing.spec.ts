import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { RecordedEvent } from '../../src/event-store/event-store';
import { SqliteEventStore } from '../../src/event-store/sqlite-event-store';
import { ProjectionEventDecoder } from '../../src/projections/projection-event.decoder';
import { startApp, type RunningApp } from '../support/app';
import { Random } from '../support/random';
import { writeCases } from '../support/store-writer';

/**
 * The live projections share their reads: one page of the log per position in a turn of the event
 * loop, and one validation per event. Sharing must never hand a reader less than it would read
 * itself after a commit, nor let an event that fails its schemas through.
 */
describe('live projections share what they read', () => {
  describe('pages of the log (SqliteEventStore.readAfter)', () => {
    let dir: string;
    let store: SqliteEventStore;
    const append = (streamId: string, n: number) =>
      store.append(
        streamId,
        Array.from({ length: n }, (_, i) => ({ id: uuidv7(), type: 'Noted', data: { i }, metadata: {} })),
        { expectedRevision: 'any' },
      );

    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'mend-shared-page-'));
      store = new SqliteEventStore({ filename: join(dir, 'events.sqlite') });
    });
    afterEach(async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('gives readers at the same position in one turn the same page, read once', async () => {
      await append('a-1', 3);
      const first = store.readAfter(0, 500);
      expect(store.readAfter(0, 500)).toBe(first);
      expect(first.map((e) => e.position)).toEqual([1, 2, 3]);
      // Another position or size is another read.
      expect(store.readAfter(1, 500)).not.toBe(first);
      expect(store.readAfter(1, 500).map((e) => e.position)).toEqual([2, 3]);
    });

    it('never shares a page read before a commit with a reader after it, even in the same turn', async () => {
      await append('a-1', 2);
      // The commit is scheduled for the next turn, before the page read now is let go.
      const appended = append('a-1', 1);
      const before = store.readAfter(0, 500);
      const after = await appended.then(() => store.readAfter(0, 500));
      expect(before.map((e) => e.position)).toEqual([1, 2]);
      expect(after.map((e) => e.position)).toEqual([1, 2, 3]);
    });

    it('reads afresh in a later turn (another process may have appended meanwhile)', async () => {
      await append('a-1', 1);
      const first = store.readAfter(0, 500);
      const other = new SqliteEventStore({ filename: join(dir, 'events.sqlite') });
      try {
        await other.append('b-1', [{ id: uuidv7(), type: 'Noted', data: {}, metadata: {} }], { expectedRevision: 'no_stream' });
      } finally {
        await other.close();
      }
      await new Promise((resolve) => setImmediate(resolve));
      const later = store.readAfter(0, 500);
      expect(later).not.toBe(first);
      expect(later.map((e) => e.streamId)).toEqual(['a-1', 'b-1']);
    });

    it('delivers one commit to several live subscriptions from one read', async () => {
      const subscriptions = [store.subscribeAll({ fromPosition: 'end' }), store.subscribeAll({ fromPosition: 'end' }), store.subscribeAll({ fromPosition: 'end' })];
      const firstBatches = subscriptions.map(async (subscription) => {
        for await (const batch of subscription) return batch;
        throw new Error('the subscription ended');
      });
      // Let every subscription reach its wait for a commit.
      await new Promise((resolve) => setTimeout(resolve, 20));
      await append('c-1', 4);
      const batches = await Promise.all(firstBatches);
      await Promise.all(subscriptions.map((s) => s.close()));
      expect(batches[0]!.map((e) => e.position)).toEqual([1, 2, 3, 4]);
      expect(batches[1]).toBe(batches[0]);
      expect(batches[2]).toBe(batches[0]);
    });
  });

  describe('wakes of the live subscriptions (SqliteEventStore wakeIntervalMs)', () => {
    let dir: string;
    let store: SqliteEventStore;
    const append = (streamId: string) => store.append(streamId, [{ id: uuidv7(), type: 'Noted', data: {}, metadata: {} }], { expectedRevision: 'any' });
    /** The subscription's next batch, or a failure after `ms` (the poll for other processes is an hour away). */
    const next = async (iterator: AsyncIterator<readonly RecordedEvent[]>, ms = 5_000) => {
      let timer: NodeJS.Timeout | undefined;
      try {
        return await Promise.race([
          iterator.next().then((result) => result.value as readonly RecordedEvent[]),
          new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no batch within ${ms} ms`)), ms))),
        ]);
      } finally {
        clearTimeout(timer);
      }
    };
    const open = (wakeIntervalMs: number) => {
      store = new SqliteEventStore({ filename: join(dir, 'events.sqlite'), pollIntervalMs: 3_600_000, wakeIntervalMs });
      const subscription = store.subscribeAll({ fromPosition: 'end' });
      return { subscription, iterator: subscription[Symbol.asyncIterator]() };
    };

    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'mend-wakes-'));
    });
    afterEach(async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('wakes them at once on the first commit after a quiet spell', async () => {
      const { iterator } = open(3_600_000);
      const first = next(iterator);
      await new Promise((resolve) => setTimeout(resolve, 20));
      await append('a-1');
      expect((await first).map((e) => e.position)).toEqual([1]);
    });

    it('delivers commits made within the interval of the last wake together, at its end', async () => {
      const { iterator } = open(400);
      const first = next(iterator);
      await new Promise((resolve) => setTimeout(resolve, 20));
      await append('a-1');
      const woken = performance.now();
      expect((await first).map((e) => e.position)).toEqual([1]);
      const second = next(iterator);
      await append('a-1');
      await append('b-1');
      const batch = await second;
      expect(batch.map((e) => e.position)).toEqual([2, 3]);
      expect(performance.now() - woken).toBeGreaterThanOrEqual(350);
    });

    it('gives a held-back wake at once when a reader waits for a position (hurrySubscriptions)', async () => {
      const { iterator } = open(3_600_000);
      const first = next(iterator);
      await new Promise((resolve) => setTimeout(resolve, 20));
      await append('a-1');
      await first;
      const second = next(iterator);
      let delivered = false;
      void second.then(() => (delivered = true));
      await append('a-1');
      // Held back for the hour's interval: nothing comes by itself.
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(delivered).toBe(false);
      store.hurrySubscriptions();
      expect((await second).map((e) => e.position)).toEqual([2]);
      // Nothing held back: hurrying again wakes no one.
      store.hurrySubscriptions();
    });

    it('closes with a wake still to come, and ends the subscription', async () => {
      const { subscription, iterator } = open(3_600_000);
      const first = next(iterator);
      await new Promise((resolve) => setTimeout(resolve, 20));
      await append('a-1');
      await first;
      const pending = iterator.next();
      await append('a-1');
      await store.close();
      await subscription.close();
      expect((await pending).done).toBe(true);
    });
  });

  describe('validation of case events (ProjectionEventDecoder.decode)', () => {
    let running: RunningApp;
    let decoder: ProjectionEventDecoder;
    let events: readonly RecordedEvent[];

    beforeAll(async () => {
      running = await startApp({ start: '2026-03-10T15:00:00Z' });
      await writeCases(running.app, { random: new Random(3), cases: 4, clock: running.clock, commandsPerCase: 3 });
      decoder = running.app.get(ProjectionEventDecoder);
      events = (await running.store.readAll()).filter((e) => decoder.workflowOf(e) !== undefined);
    }, 60_000);
    afterAll(async () => running.close());

    it('decodes a stored event once for every projection that reads it', () => {
      expect(events.length).toBeGreaterThan(8);
      for (const event of events) {
        const decoded = decoder.decode(event);
        expect(decoded?.position).toBe(event.position);
        expect(decoder.decode(event)).toBe(decoded);
      }
    });

    it('gives an event read again (another object) its own decoding, equal to the first', () => {
      const event = events[0]!;
      const copy: RecordedEvent = { ...event, data: structuredClone(event.data), metadata: structuredClone(event.metadata) };
      const decoded = decoder.decode(copy);
      expect(decoded).not.toBe(decoder.decode(event));
      expect(decoded).toEqual(decoder.decode(event));
    });

    it('refuses an event that breaks its schema every time it is asked, not only the first', () => {
      const event = events.find((e) => e.type === 'ComplaintReceived') ?? events[0]!;
      const broken: RecordedEvent = { ...event, metadata: { ...event.metadata, occurredAt: 'yesterday' } };
      expect(() => decoder.decode(broken)).toThrow(/cannot be decoded/);
      expect(() => decoder.decode(broken)).toThrow(/cannot be decoded/);
    });
  });
});
