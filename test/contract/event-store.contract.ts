import { randomUUID } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import {
  StreamNotFoundError,
  WrongExpectedRevisionError,
  type AllSubscription,
  type EventStore,
  type EventToAppend,
  type RecordedEvent,
} from '../../src/event-store/event-store';

export interface StoreUnderTest {
  readonly store: EventStore;
  cleanup(): Promise<void>;
}

/** A stream name of the `category-uuid` shape, unique per test so the suite can run against a shared server. */
const newStream = (category = 'contractTest') => `${category}-${randomUUID()}`;

const event = (type = 'SomethingHappened', data: unknown = { n: 1 }, metadata: Record<string, unknown> = {}): EventToAppend => ({
  id: uuidv7(),
  type,
  data,
  metadata,
});

const events = (count: number, type = 'SomethingHappened') =>
  Array.from({ length: count }, (_, n) => event(type, { n }));

/** Reads from a subscription until `predicate` holds on everything received, or fails after `timeoutMs`. */
async function collect(
  subscription: AllSubscription,
  predicate: (received: RecordedEvent[]) => boolean,
  timeoutMs = 10_000,
): Promise<{ received: RecordedEvent[]; batches: number[] }> {
  const received: RecordedEvent[] = [];
  const batches: number[] = [];
  const iterator = subscription[Symbol.asyncIterator]();
  const deadline = Date.now() + timeoutMs;
  while (!predicate(received)) {
    const remaining = deadline - Date.now();
    if (remaining <= 0) throw new Error(`Subscription timed out with ${received.length} events`);
    let timer: NodeJS.Timeout | undefined;
    const next = await Promise.race([
      iterator.next(),
      new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), remaining))),
    ]);
    clearTimeout(timer);
    if (next === 'timeout') throw new Error(`Subscription timed out with ${received.length} events`);
    if (next.done) break;
    batches.push(next.value.length);
    received.push(...next.value);
  }
  return { received, batches };
}

const ofStream = (streamId: string) => (list: RecordedEvent[]) => list.filter((e) => e.streamId === streamId);

/**
 * The contract every EventStore adapter honours (DESIGN.md §3). Run against SQLite always and
 * against EventStoreDB/KurrentDB when a server is configured.
 */
export function describeEventStoreContract(engineName: string, createStore: () => Promise<StoreUnderTest>): void {
  describe(`event store contract: ${engineName}`, () => {
    let subject: StoreUnderTest;
    let store: EventStore;

    beforeEach(async () => {
      subject = await createStore();
      store = subject.store;
    });

    afterEach(async () => {
      await subject.cleanup();
    });

    describe('appending with an expected revision', () => {
      it('creates a stream with no_stream and numbers its events from revision 0', async () => {
        const stream = newStream();
        const result = await store.append(stream, events(3), { expectedRevision: 'no_stream' });
        expect(result.nextExpectedRevision).toBe(2);
        const read = await store.readStream(stream);
        expect(read.map((e) => e.revision)).toEqual([0, 1, 2]);
        expect(result.position).toBe(read[2]!.position);
      });

      it('refuses no_stream when the stream exists, naming its actual revision', async () => {
        const stream = newStream();
        await store.append(stream, events(2), { expectedRevision: 'no_stream' });
        const error = await store.append(stream, events(1), { expectedRevision: 'no_stream' }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(WrongExpectedRevisionError);
        expect((error as WrongExpectedRevisionError).actual).toBe(1);
        expect((error as WrongExpectedRevisionError).streamId).toBe(stream);
      });

      it('appends when the expected revision is the last revision', async () => {
        const stream = newStream();
        await store.append(stream, events(2), { expectedRevision: 'no_stream' });
        const result = await store.append(stream, events(1), { expectedRevision: 1 });
        expect(result.nextExpectedRevision).toBe(2);
      });

      it('refuses a stale expected revision and stores nothing', async () => {
        const stream = newStream();
        await store.append(stream, events(3), { expectedRevision: 'no_stream' });
        const error = await store.append(stream, events(2), { expectedRevision: 0 }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(WrongExpectedRevisionError);
        expect((error as WrongExpectedRevisionError).actual).toBe(2);
        expect(await store.readStream(stream)).toHaveLength(3);
      });

      it('refuses an expected revision ahead of the stream', async () => {
        const stream = newStream();
        await store.append(stream, events(1), { expectedRevision: 'no_stream' });
        await expect(store.append(stream, events(1), { expectedRevision: 5 })).rejects.toBeInstanceOf(
          WrongExpectedRevisionError,
        );
      });

      it('refuses a numeric expected revision on a stream that does not exist', async () => {
        const error = await store.append(newStream(), events(1), { expectedRevision: 0 }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(WrongExpectedRevisionError);
        expect((error as WrongExpectedRevisionError).actual).toBe('no_stream');
      });

      it('appends with any whether or not the stream exists', async () => {
        const stream = newStream();
        expect((await store.append(stream, events(1), { expectedRevision: 'any' })).nextExpectedRevision).toBe(0);
        expect((await store.append(stream, events(2), { expectedRevision: 'any' })).nextExpectedRevision).toBe(2);
      });

      it('appends with stream_exists only to an existing stream', async () => {
        const stream = newStream();
        await expect(store.append(stream, events(1), { expectedRevision: 'stream_exists' })).rejects.toBeInstanceOf(
          WrongExpectedRevisionError,
        );
        await store.append(stream, events(1), { expectedRevision: 'no_stream' });
        expect((await store.append(stream, events(1), { expectedRevision: 'stream_exists' })).nextExpectedRevision).toBe(1);
      });

      it('gives later appends higher positions', async () => {
        const a = await store.append(newStream(), events(1), { expectedRevision: 'no_stream' });
        const b = await store.append(newStream(), events(1), { expectedRevision: 'no_stream' });
        expect(b.position).toBeGreaterThan(a.position);
      });
    });

    describe('idempotency by event id', () => {
      it('treats a re-append of the same ids at the same expected revision as a no-op', async () => {
        const stream = newStream();
        const batch = events(3);
        const first = await store.append(stream, batch, { expectedRevision: 'no_stream' });
        const again = await store.append(stream, batch, { expectedRevision: 'no_stream' });
        expect(again).toEqual(first);
        expect(await store.readStream(stream)).toHaveLength(3);
      });

      it('treats a re-append of the same ids with any as a no-op', async () => {
        const stream = newStream();
        const batch = events(2);
        await store.append(stream, batch, { expectedRevision: 'any' });
        await store.append(stream, batch, { expectedRevision: 'any' });
        const read = await store.readStream(stream);
        expect(read.map((e) => e.id)).toEqual(batch.map((e) => e.id));
      });

      it('keeps one copy when the same event is appended twice concurrently', async () => {
        const stream = newStream();
        const batch = events(1);
        await Promise.all([
          store.append(stream, batch, { expectedRevision: 'no_stream' }),
          store.append(stream, batch, { expectedRevision: 'no_stream' }),
        ]);
        expect(await store.readStream(stream)).toHaveLength(1);
      });
    });

    describe('reading a stream', () => {
      it('reads forwards in revision order with the stored type, data and metadata', async () => {
        const stream = newStream();
        const batch = [event('First', { a: 1 }, { actor: 'x' }), event('Second', { b: [1, 2] }, { actor: 'y' })];
        await store.append(stream, batch, { expectedRevision: 'no_stream' });
        const read = await store.readStream(stream);
        expect(read.map((e) => ({ id: e.id, type: e.type, data: e.data, metadata: e.metadata, streamId: e.streamId }))).toEqual(
          batch.map((e) => ({ id: e.id, type: e.type, data: e.data, metadata: e.metadata, streamId: stream })),
        );
        for (const recorded of read) expect(new Date(recorded.recordedAt).toISOString()).toBe(recorded.recordedAt);
      });

      it('reads backwards from the end', async () => {
        const stream = newStream();
        await store.append(stream, events(4), { expectedRevision: 'no_stream' });
        const read = await store.readStream(stream, { direction: 'backwards', maxCount: 2 });
        expect(read.map((e) => e.revision)).toEqual([3, 2]);
      });

      it('reads forwards from a revision with a bound', async () => {
        const stream = newStream();
        await store.append(stream, events(6), { expectedRevision: 'no_stream' });
        const read = await store.readStream(stream, { fromRevision: 2, maxCount: 3 });
        expect(read.map((e) => e.revision)).toEqual([2, 3, 4]);
      });

      it('reads backwards from a revision', async () => {
        const stream = newStream();
        await store.append(stream, events(6), { expectedRevision: 'no_stream' });
        const read = await store.readStream(stream, { direction: 'backwards', fromRevision: 3 });
        expect(read.map((e) => e.revision)).toEqual([3, 2, 1, 0]);
      });

      it('reads nothing past the end of an existing stream', async () => {
        const stream = newStream();
        await store.append(stream, events(2), { expectedRevision: 'no_stream' });
        expect(await store.readStream(stream, { fromRevision: 5 })).toEqual([]);
      });

      it('reads only events at or below a global position', async () => {
        const stream = newStream();
        const first = await store.append(stream, events(2), { expectedRevision: 'no_stream' });
        await store.append(stream, events(2), { expectedRevision: 1 });
        const read = await store.readStream(stream, { toPosition: first.position });
        expect(read.map((e) => e.revision)).toEqual([0, 1]);
      });

      it('throws StreamNotFoundError for a stream without events', async () => {
        const stream = newStream();
        const error = await store.readStream(stream).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(StreamNotFoundError);
        expect((error as StreamNotFoundError).streamId).toBe(stream);
      });
    });

    describe('reading all', () => {
      it('reads every stream in append order from an inclusive position', async () => {
        const a = newStream();
        const b = newStream();
        const first = await store.append(a, events(1), { expectedRevision: 'no_stream' });
        await store.append(b, events(1), { expectedRevision: 'no_stream' });
        await store.append(a, events(1), { expectedRevision: 0 });
        const read = (await store.readAll({ fromPosition: first.position })).filter((e) => e.streamId === a || e.streamId === b);
        expect(read.map((e) => `${e.streamId === a ? 'a' : 'b'}${e.revision}`)).toEqual(['a0', 'b0', 'a1']);
        expect(read[0]!.position).toBe(first.position);
        const positions = read.map((e) => e.position);
        expect([...positions].sort((x, y) => x - y)).toEqual(positions);
      });

      it('bounds a forwards read with maxCount', async () => {
        const stream = newStream();
        await store.append(stream, events(5), { expectedRevision: 'no_stream' });
        const [first] = await store.readStream(stream, { maxCount: 1 });
        const read = await store.readAll({ fromPosition: first!.position, maxCount: 2 });
        expect(read.map((e) => e.revision)).toEqual([0, 1]);
      });

      it('reads backwards from the end', async () => {
        const stream = newStream();
        await store.append(stream, events(3), { expectedRevision: 'no_stream' });
        const read = await store.readAll({ direction: 'backwards', maxCount: 3 });
        expect(read.map((e) => e.revision)).toEqual([2, 1, 0]);
        expect(read.every((e) => e.streamId === stream)).toBe(true);
      });

      it('reports the head position as the position of the last event', async () => {
        const result = await store.append(newStream(), events(2), { expectedRevision: 'no_stream' });
        expect(await store.headPosition()).toBe(result.position);
      });
    });

    describe('subscribing to all', () => {
      it('catches up on stored events then receives live ones', async () => {
        const stream = newStream();
        const checkpoint = await store.headPosition();
        await store.append(stream, events(3), { expectedRevision: 'no_stream' });
        const subscription = store.subscribeAll({ fromPosition: checkpoint });
        const live = (async () => {
          await new Promise((resolve) => setTimeout(resolve, 100));
          await store.append(stream, events(2), { expectedRevision: 2 });
        })();
        const { received } = await collect(subscription, (r) => ofStream(stream)(r).length >= 5);
        await live;
        await subscription.close();
        expect(ofStream(stream)(received).map((e) => e.revision)).toEqual([0, 1, 2, 3, 4]);
      });

      it('delivers only events after a checkpoint', async () => {
        const stream = newStream();
        const checkpoint = await store.append(stream, events(2), { expectedRevision: 'no_stream' });
        await store.append(stream, events(2), { expectedRevision: 1 });
        const subscription = store.subscribeAll({ fromPosition: checkpoint.position });
        const { received } = await collect(subscription, (r) => ofStream(stream)(r).length >= 2);
        await subscription.close();
        expect(received.every((e) => e.position > checkpoint.position)).toBe(true);
        expect(ofStream(stream)(received).map((e) => e.revision)).toEqual([2, 3]);
      });

      it('from the end, receives only what is appended afterwards', async () => {
        const old = newStream();
        await store.append(old, events(2), { expectedRevision: 'no_stream' });
        const subscription = store.subscribeAll({ fromPosition: 'end' });
        const fresh = newStream();
        await store.append(fresh, events(1), { expectedRevision: 'no_stream' });
        const { received } = await collect(subscription, (r) => ofStream(fresh)(r).length >= 1);
        await subscription.close();
        expect(ofStream(old)(received)).toEqual([]);
      });

      it('resumes from a checkpoint without gaps or duplicates', async () => {
        const stream = newStream();
        const from = await store.headPosition();
        await store.append(stream, events(4), { expectedRevision: 'no_stream' });
        const first = store.subscribeAll({ fromPosition: from });
        const { received: before } = await collect(first, (r) => ofStream(stream)(r).length >= 2);
        await first.close();
        const seen = ofStream(stream)(before);
        const checkpoint = seen[seen.length - 1]!.position;
        await store.append(stream, events(2), { expectedRevision: 3 });
        const second = store.subscribeAll({ fromPosition: checkpoint });
        const expected = 6 - seen.length;
        const { received: after } = await collect(second, (r) => ofStream(stream)(r).length >= expected);
        await second.close();
        const all = [...seen, ...ofStream(stream)(after)].map((e) => e.revision);
        expect(all).toEqual([0, 1, 2, 3, 4, 5]);
      });

      it('delivers non-empty batches no larger than maxBatchSize', async () => {
        const stream = newStream();
        const from = await store.headPosition();
        await store.append(stream, events(25), { expectedRevision: 'no_stream' });
        const subscription = store.subscribeAll({ fromPosition: from, maxBatchSize: 10 });
        const { batches, received } = await collect(subscription, (r) => ofStream(stream)(r).length >= 25);
        await subscription.close();
        expect(batches.every((size) => size > 0 && size <= 10)).toBe(true);
        expect(ofStream(stream)(received)).toHaveLength(25);
      });

      it('ends iteration when closed', async () => {
        const subscription = store.subscribeAll({ fromPosition: 'end' });
        const iterator = subscription[Symbol.asyncIterator]();
        const next = iterator.next();
        await subscription.close();
        await expect(next).resolves.toMatchObject({ done: true });
      });
    });

    describe('payloads', () => {
      it('round-trips a large payload (1 MB, under the 1 MiB append limit of KurrentDB 22.10–25.0)', async () => {
        const stream = newStream();
        const big = { text: 'x'.repeat(1_000_000), list: Array.from({ length: 1000 }, (_, i) => i) };
        await store.append(stream, [event('Big', big)], { expectedRevision: 'no_stream' });
        const [read] = await store.readStream(stream);
        expect(read!.data).toEqual(big);
      });

      it('round-trips unicode in data and metadata', async () => {
        const stream = newStream();
        const data = { fr: 'Réponse reçue à l’échéance — « déjà »', cree: 'ᐊᒥᐢᑲᐧᒋᐊᐧᓯᓈᐦᑭᐤ', emoji: '🙂', nul: 'a\u0000b' };
        const metadata = { actor: { id: 'praticienne-é', role: 'practitioner' } };
        await store.append(stream, [event('Unicode', data, metadata)], { expectedRevision: 'no_stream' });
        const [read] = await store.readStream(stream);
        expect(read!.data).toEqual(data);
        expect(read!.metadata).toEqual(metadata);
      });
    });

    describe('concurrent writers', () => {
      it('lets exactly one of 20 appenders at the same revision win; every loser gets a conflict', async () => {
        const stream = newStream();
        await store.append(stream, events(1), { expectedRevision: 'no_stream' });
        const outcomes = await Promise.allSettled(
          Array.from({ length: 20 }, (_, writer) =>
            store.append(stream, [event('Written', { writer })], { expectedRevision: 0 }),
          ),
        );
        const won = outcomes.filter((o) => o.status === 'fulfilled');
        const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(19);
        for (const loss of lost) expect(loss.reason).toBeInstanceOf(WrongExpectedRevisionError);
        expect((await store.readStream(stream)).map((e) => e.revision)).toEqual([0, 1]);
      });

      it('20 appenders retrying on conflict produce a contiguous stream without duplicates', async () => {
        const stream = newStream();
        const perWriter = 5;
        let conflicts = 0;
        const writer = async (w: number) => {
          for (let n = 0; n < perWriter; n++) {
            const mine = event('Written', { w, n });
            for (;;) {
              const last = await store
                .readStream(stream, { direction: 'backwards', maxCount: 1 })
                .then((read) => read[0]!.revision)
                .catch((error: unknown) => {
                  if (error instanceof StreamNotFoundError) return 'no_stream' as const;
                  throw error;
                });
              try {
                await store.append(stream, [mine], { expectedRevision: last });
                break;
              } catch (error) {
                if (!(error instanceof WrongExpectedRevisionError)) throw error;
                conflicts += 1;
              }
            }
          }
        };
        await Promise.all(Array.from({ length: 20 }, (_, w) => writer(w)));
        const read = await store.readStream(stream);
        expect(read.map((e) => e.revision)).toEqual(Array.from({ length: 20 * perWriter }, (_, i) => i));
        const keys = read.map((e) => JSON.stringify(e.data));
        expect(new Set(keys).size).toBe(20 * perWriter);
        expect(conflicts).toBeGreaterThan(0);
      });

      it('a conflicting append fails alone: concurrent appends to other streams succeed', async () => {
        const contested = newStream();
        await store.append(contested, events(1), { expectedRevision: 'no_stream' });
        const others = Array.from({ length: 5 }, () => newStream());
        const outcomes = await Promise.allSettled([
          store.append(contested, events(1), { expectedRevision: 7 }),
          ...others.map((s) => store.append(s, events(2), { expectedRevision: 'no_stream' })),
        ]);
        expect(outcomes[0]!.status).toBe('rejected');
        expect(outcomes.slice(1).every((o) => o.status === 'fulfilled')).toBe(true);
        for (const s of others) expect(await store.readStream(s)).toHaveLength(2);
      });

    });
  });
}
