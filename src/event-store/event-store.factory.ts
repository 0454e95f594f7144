import { join } from 'node:path';
import type { Clock } from '../clock/clock';
import type { MendConfig } from '../config/config';
import type { EventStore } from './event-store';
import { SqliteEventStore } from './sqlite-event-store';

export const EVENTS_FILE = 'events.sqlite';

/** The configured engine: the embedded SQLite store by default, PostgreSQL or EventStoreDB/KurrentDB when chosen. */
export async function createEventStore(config: MendConfig, clock: Clock): Promise<EventStore> {
  if (config.store.engine === 'postgres') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { PostgresEventStore } = require('./postgres-event-store') as typeof import('./postgres-event-store');
    const { connectionString, schema } = config.store;
    return PostgresEventStore.open({ connectionString, schema, now: () => clock.now().getTime() });
  }
  if (config.store.engine === 'eventstoredb') {
    // Loaded only when chosen, so the embedded mode never loads gRPC.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { KurrentDbEventStore } = require('./kurrentdb-event-store') as typeof import('./kurrentdb-event-store');
    return new KurrentDbEventStore(config.store.connectionString);
  }
  return new SqliteEventStore({
    filename: join(config.dataDir, EVENTS_FILE),
    durability: config.store.durability,
    now: () => clock.now().getTime(),
  });
}
