import { join } from 'node:path';
import type { Clock } from '../clock/clock';
import type { MendConfig } from '../config/config';
import { KEYS_FILE, SqliteKeyStore, type KeyStore } from './key-store';

/** The configured key store: the data directory's SQLite file for one node, PostgreSQL for several. */
export async function createKeyStore(config: MendConfig, clock: Clock): Promise<KeyStore> {
  const now = () => clock.now().getTime();
  if (config.keyStore.engine === 'postgres') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { PostgresKeyStore } = require('./postgres-key-store') as typeof import('./postgres-key-store');
    return PostgresKeyStore.open({ connectionString: config.keyStore.connectionString, schema: config.keyStore.schema, now });
  }
  return new SqliteKeyStore(join(config.dataDir, KEYS_FILE), now);
}
