import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { ChainVerifier } from '../../src/audit/chain-verifier';
import { ChainedStreamWriter, EMPTY_CHAIN } from '../../src/event-store/chained-stream-writer';
import { WrongExpectedRevisionError, type EventToAppend } from '../../src/event-store/event-store';
import { SqliteEventStore } from '../../src/event-store/sqlite-event-store';

const event = (n: number, id = uuidv7()): EventToAppend => ({ id, type: 'Noted', data: { n }, metadata: { occurredAt: `2026-03-0${n}T12:00:00.000Z` } });

describe('the chained-stream writer (cases, the access log and erasure records write through it)', () => {
  let dir: string;
  let store: SqliteEventStore;
  let writer: ChainedStreamWriter;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mend-chain-'));
    store = new SqliteEventStore({ filename: join(dir, 'events.sqlite'), durability: 'normal' });
    writer = new ChainedStreamWriter(store);
  });

  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const verify = async () => {
    const verifier = new ChainVerifier();
    for (const recorded of await store.readAll()) verifier.add(recorded);
    return verifier.result();
  };

  it('links each event to the one before, in one append and across appends, as the verifier checks them', async () => {
    const first = await writer.append('notes-1', EMPTY_CHAIN, [event(1), event(2)]);
    const second = await writer.append('notes-1', first.tail, [event(3)]);

    expect(second).toMatchObject({ tail: { revision: 2 }, written: 1 });
    expect(await writer.tail('notes-1')).toEqual(second.tail);
    const stored = await store.readStream('notes-1');
    expect(stored.map((e) => e.metadata['prevHash'])).toEqual([EMPTY_CHAIN.hash, stored[0]!.metadata['hash'], stored[1]!.metadata['hash']]);
    expect(await verify()).toMatchObject({ ok: true, streams: 1, events: 3 });
  });

  it('refuses to append after a tail the stream has moved past, so a chain never forks', async () => {
    const { tail } = await writer.append('notes-1', EMPTY_CHAIN, [event(1)]);
    await writer.append('notes-1', tail, [event(2)]);

    await expect(writer.append('notes-1', tail, [event(3)])).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    await expect(writer.append('notes-1', EMPTY_CHAIN, [event(3)])).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    expect(await verify()).toMatchObject({ ok: true, events: 2 });
  });

  it('appends at the end whatever another writer appended meanwhile, from a stale cached tail too', async () => {
    const { tail: stale } = await writer.append('notes-1', EMPTY_CHAIN, [event(1)]);
    await Promise.all([1, 2, 3, 4].map((n) => writer.appendAtEnd('notes-1', [event(n)])));
    const last = await writer.appendAtEnd('notes-1', [event(5)], stale);

    expect(last).toMatchObject({ tail: { revision: 5 }, written: 1 });
    expect(await verify()).toMatchObject({ ok: true, events: 6 });
  });

  it('with ids another writer stored first, writes nothing and reports the tail as stored', async () => {
    const ids = [uuidv7(), uuidv7()];
    const opened = await writer.append('notes-1', EMPTY_CHAIN, [event(1)]);
    const theirs = await writer.append('notes-1', opened.tail, [event(2, ids[0]), event(3, ids[1])], { idsMayBeStored: true });
    // The same ids, decided a moment later by another writer: other metadata, so other hashes.
    const mine = await writer.append('notes-1', opened.tail, [{ ...event(2, ids[0]), metadata: { occurredAt: 'later' } }, { ...event(3, ids[1]), metadata: { occurredAt: 'later' } }], {
      idsMayBeStored: true,
    });

    expect(theirs).toMatchObject({ written: 2 });
    expect(mine).toEqual({ ...theirs, written: 0 });
    expect(await store.readStream('notes-1')).toHaveLength(3);
    expect(await verify()).toMatchObject({ ok: true, events: 3 });
  });
});
