import { KurrentDbEventStore } from '../../src/event-store/kurrentdb-event-store';
import { describeEventStoreContract } from './event-store.contract';

/*
 * The event store contract against a real EventStoreDB/KurrentDB server (22.10+), for example the
 * node of `docker compose up kurrentdb` with
 * EVENTSTORE_CONNECTION_STRING=kurrentdb://localhost:2113?tls=false. Every test writes to streams
 * with fresh names, so the server may hold other data; the tests that read the head of $all expect
 * nobody else to append while they run. A secure server needs admin credentials in the connection
 * string: reading $all requires them.
 */
const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;

if (connectionString) {
  describeEventStoreContract('eventstoredb', async () => {
    const store = new KurrentDbEventStore(connectionString);
    return { store, cleanup: () => store.close() };
  });
} else {
  console.log('EventStoreDB contract tests skipped: set EVENTSTORE_CONNECTION_STRING to run them');
  describe('event store contract: eventstoredb', () => {
    it.skip('runs when EVENTSTORE_CONNECTION_STRING names a server', () => undefined);
  });
}
