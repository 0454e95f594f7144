import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from '../clock/clock';
import Database from 'better-sqlite3';
import { ConfigError, type MendConfig } from '../config/config';
import type { EventStore } from './event-store';
import { SqliteEventStore } from './sqlite-event-store';
import { ensurePrivateDir } from '../security/private-files';

export const EVENTS_FILE = 'events.sqlite';

/** The configured engine: the embedded SQLite store by default, PostgreSQL or EventStoreDB/KurrentDB when chosen. */
export async function createEventStore(config: MendConfig, clock: Clock): Promise<EventStore> {
  checkLogIdentity(config);
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
    wakeIntervalMs: config.store.wakeIntervalMs,
    now: () => clock.now().getTime(),
  });
}

/** Which log a data directory's read models were built from. */
export const LOG_IDENTITY_FILE = 'log-identity.json';
const READ_MODELS = 'read-models.sqlite';

/** The log a configuration names: the engine, and for a server the database and schema (never credentials). */
export function logIdentity(config: MendConfig): string {
  const store = config.store;
  if (store.engine === 'sqlite') return 'sqlite';
  if (store.engine === 'postgres') {
    const url = new URL(store.connectionString);
    return `postgres ${url.hostname}:${url.port || '5432'}${url.pathname} schema ${store.schema}`;
  }
  return 'eventstoredb';
}

/**
 * Whether read models in this file have taken any event of their log: read models a run made
 * without ever reaching its log (a mistyped URL, a server down) hold nothing to mix up.
 */
function projectedAnything(file: string): boolean {
  if (!existsSync(file)) return false;
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return (db.prepare('SELECT max(checkpoint) AS checkpoint FROM projection_state').get() as { checkpoint: number | null }).checkpoint! > 0;
    } finally {
      db.close();
    }
  } catch {
    // A file that cannot be read as read models is not known to be empty: keep it from another log.
    return true;
  }
}

/**
 * Read-model checkpoints are positions in one log: a data directory whose read models were built
 * from SQLite, and then pointed at PostgreSQL or KurrentDB, would resume at a position of the other
 * log and skip events (or loop). The directory records the log it was used with; a different one
 * is refused while read models exist, with what to do.
 */
export function checkLogIdentity(config: MendConfig): void {
  const file = join(config.dataDir, LOG_IDENTITY_FILE);
  const current = logIdentity(config);
  const recorded = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { log?: string }).log : undefined;
  if (recorded === current) return;
  if (recorded !== undefined && projectedAnything(join(config.dataDir, READ_MODELS))) {
    throw new ConfigError([
      {
        variable: 'MEND_DATA_DIR',
        message: {
          en:
            `the read models in ${config.dataDir} were built from another log (${recorded}), not ${current}: their checkpoints mean nothing there. ` +
            `Use an empty MEND_DATA_DIR for this log, or delete ${READ_MODELS}* in it so that they are rebuilt from the new log.`,
          fr:
            `les modèles de lecture de ${config.dataDir} ont été construits à partir d’un autre journal (${recorded}), pas de ${current}\u00a0: leurs points de reprise n’y veulent rien dire. ` +
            `Utilisez un MEND_DATA_DIR vide pour ce journal, ou supprimez-y ${READ_MODELS}* pour qu’ils soient reconstruits à partir du nouveau journal.`,
        },
      },
    ]);
  }
  ensurePrivateDir(config.dataDir);
  writeFileSync(file, `${JSON.stringify({ log: current })}\n`, { mode: 0o600 });
}
