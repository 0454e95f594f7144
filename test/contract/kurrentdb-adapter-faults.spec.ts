import { PassThrough } from 'node:stream';
import { Metadata } from '@grpc/grpc-js';
import { END, MaxAppendSizeExceededError, START, StreamNotFoundError as KurrentStreamNotFoundError, type AllStreamSubscription, type ReadPosition } from '@kurrent/kurrentdb-client';
import { AppendTooLargeError, EventStoreUnavailableError, StreamNotFoundError } from '../../src/event-store/event-store';
import { KurrentDbEventStore } from '../../src/event-store/kurrentdb-event-store';
import { asDomainError, STATUS_BY_KIND } from '../../src/http/exception.filter';
import { connectionCredentials, isTransient, toStoreError } from '../../src/event-store/kurrentdb-mapping';
import { KurrentDbAllSubscription } from '../../src/event-store/kurrentdb-subscription';

/*
 * Fault injection without a server: errors and subscription sources shaped as the client 1.3.1
 * hands them over. These pin error paths a real server produces only under load or on old versions;
 * they do not replace the opt-in contract suite against a real KurrentDB (kurrentdb.contract.spec.ts).
 */
describe('KurrentDB adapter faults (fault injection, no server)', () => {
  it('a URL-encoded password is decoded for the reads of the native bridge', () => {
    expect(connectionCredentials('kurrentdb://admin:p%40ss%3Aw%2Frd@node1:2113,node2:2113?tls=true')).toEqual({ username: 'admin', password: 'p@ss:w/rd' });
    expect(connectionCredentials('esdb+discover://ops%20team:changeit@cluster.example:2113')).toEqual({ username: 'ops team', password: 'changeit' });
    expect(connectionCredentials('kurrentdb://kurrentdb:2113?tls=false')).toBeUndefined();
  });

  it('MaxAppendSizeExceeded is a typed too-large error (413), not the raw client error', () => {
    const mapped = toStoreError(MaxAppendSizeExceededError.fromMaxAppendSize(1_048_576), { streamId: 'complaint-1', expected: 0 });
    expect(mapped).toBeInstanceOf(AppendTooLargeError);
    expect(mapped).toMatchObject({ streamId: 'complaint-1', limit: 1_048_576 });
    const { error, unexpected } = asDomainError(mapped, { method: 'POST', url: '/cases', headers: {} }, { bodyLimit: 1_000_000, rateLimitPerAddress: 100 });
    expect(unexpected).toBe(false);
    expect(STATUS_BY_KIND[error.kind]).toBe(413);
    expect(error.code).toBe('REQUEST.APPEND_TOO_LARGE');
    expect(error.message).toContain('1048576 bytes');
  });

  it('"consumer too slow" (ABORTED on EventStoreDB 22.10/23.10) is transient: the subscription resumes', () => {
    const aborted = Object.assign(new Error('10 ABORTED: Consumer too slow to handle event while live.'), {
      code: 10,
      details: 'Consumer too slow to handle event while live.',
      metadata: new Metadata(),
    });
    expect(isTransient(aborted)).toBe(true);
  });

  it("a subscription from a resolved 'end' that drops before its first event resumes from that position, not from the new end", async () => {
    const head = { commit: 4_096n, prepare: 4_096n };
    const opened: ReadPosition[] = [];
    const sources: PassThrough[] = [];
    const open = (from: ReadPosition) => {
      opened.push(from);
      const source = new PassThrough({ objectMode: true });
      sources.push(source);
      return Object.assign(source, { unsubscribe: async () => void source.destroy() }) as unknown as AllStreamSubscription;
    };
    const subscription = new KurrentDbAllSubscription(open, Promise.resolve(head), 10, () => undefined);
    const iterator = subscription[Symbol.asyncIterator]();
    const first = iterator.next();
    await new Promise((resolve) => setImmediate(resolve));
    expect(opened).toEqual([head]);
    // The server drops the subscription (node restarting) before any event arrives.
    sources[0]!.emit('error', Object.assign(new Error('14 UNAVAILABLE: node restarting'), { code: 14, details: 'node restarting', metadata: new Metadata() }));
    while (opened.length < 2) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(opened[1]).toEqual(head);
    expect(opened).not.toContain(END);
    expect(opened).not.toContain(START);
    sources[1]!.write({ event: { id: 'e1', streamId: 'complaint-1', type: 'ComplaintReceived', revision: 0n, data: {}, metadata: {}, position: { commit: 5_000n, prepare: 5_000n }, created: new Date('2026-01-05T14:00:00.123Z') } });
    const batch = await first;
    expect(batch.value).toEqual([expect.objectContaining({ id: 'e1', position: 5_000, recordedAt: '2026-01-05T14:00:00.123Z' })]);
    await subscription.close();
  });

  describe('over a scripted client: appends that get no answer before their deadline ("idempotent, not ready"), and reads', () => {
    const deadline = () => Object.assign(new Error('4 DEADLINE_EXCEEDED: Deadline exceeded'), { code: 4, details: 'Deadline exceeded', metadata: new Metadata() });
    const stored = (id: string, revision: number, commit: bigint) => ({
      event: { id, streamId: 'complaint-1', type: 'ClockBreached', revision: BigInt(revision), data: {}, metadata: {}, position: { commit, prepare: commit }, created: new Date('2026-03-04T22:00:01.000Z') },
    });
    /** The adapter over a scripted client: every append times out; the stream holds `events`. */
    function storeWith(events: ReturnType<typeof stored>[]) {
      const store = new KurrentDbEventStore('kurrentdb://127.0.0.1:1?tls=false');
      const reads: unknown[] = [];
      const missing = events.length === 0;
      Object.assign(store as unknown as { client: unknown }, {
        client: {
          appendToStream: () => Promise.reject(deadline()),
          readStream: (_stream: string, options: { fromRevision: bigint | string; maxCount?: number }) => {
            reads.push(options.fromRevision);
            if (missing) return { [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(new KurrentStreamNotFoundError(undefined as never, 'complaint-1')) }) };
            const from = typeof options.fromRevision === 'bigint' ? options.fromRevision : 0n;
            return (async function* () {
              yield* events.filter((e) => e.event.revision >= from).slice(0, options.maxCount);
            })();
          },
        },
      });
      return { store, reads };
    }
    const breach = [{ id: '0195f3a0-0000-7000-8000-00000000b001', type: 'ClockBreached', data: {}, metadata: {} }];

    it('succeeds with the stored position when the same ids already follow the expected revision', async () => {
      // Another scheduler's append of the same breach was staged first and has committed since.
      const { store, reads } = storeWith([stored('e0', 0, 100n), stored('e1', 1, 200n), stored(breach[0]!.id, 2, 300n)]);
      await expect(store.append('complaint-1', breach, { expectedRevision: 1 })).resolves.toEqual({ nextExpectedRevision: 2, position: 300 });
      expect(reads).toEqual([2n]);
    });

    it('stays unavailable (503) when other events, or none, follow the expected revision', async () => {
      await expect(storeWith([stored('e0', 0, 100n), stored('e1', 1, 200n), stored('other', 2, 300n)]).store.append('complaint-1', breach, { expectedRevision: 1 })).rejects.toBeInstanceOf(EventStoreUnavailableError);
      await expect(storeWith([stored('e0', 0, 100n), stored('e1', 1, 200n)]).store.append('complaint-1', breach, { expectedRevision: 1 })).rejects.toBeInstanceOf(EventStoreUnavailableError);
    });

    it('does not guess where the ids belong without an exact expected revision', async () => {
      const { store, reads } = storeWith([stored(breach[0]!.id, 0, 100n)]);
      await expect(store.append('complaint-1', breach, { expectedRevision: 'any' })).rejects.toBeInstanceOf(EventStoreUnavailableError);
      expect(reads).toEqual([]);
    });

    it('reads an existing stream past its end in one call, and a missing stream as not found', async () => {
      const existing = storeWith([stored('e0', 0, 100n)]);
      await expect(existing.store.readStream('complaint-1', { fromRevision: 1 })).resolves.toEqual([]);
      expect(existing.reads).toEqual([1n]);
      await expect(storeWith([]).store.readStream('complaint-1', { fromRevision: 1 })).rejects.toBeInstanceOf(StreamNotFoundError);
    });
  });
});
