import { randomBytes } from 'node:crypto';
import { Pool, type QueryResultRow } from 'pg';
import { poolConfig } from '../event-store/postgres-event-store';
import { isTransient, migrate, pooledQuery, qualified } from '../event-store/postgres-schema';
import { KeyStoreUnavailableError, type KeyStore } from './key-store';

export interface PostgresKeyStoreOptions {
  readonly connectionString: string;
  /** The schema that holds the key tables (created when missing). Default `mend`. */
  readonly schema?: string;
  readonly now?: () => number;
}

const SCHEMA_VERSION = 1;

function ddl(schema: string): string {
  const keys = qualified(schema, 'mend_subject_keys');
  const erased = qualified(schema, 'mend_erased_subjects');
  return `
    CREATE TABLE IF NOT EXISTS ${keys} (subject_id text PRIMARY KEY, key bytea NOT NULL, created_at timestamptz NOT NULL);
    CREATE TABLE IF NOT EXISTS ${erased} (subject_id text PRIMARY KEY, erased_at timestamptz NOT NULL);

    -- The key of a subject, created on first use, unless the subject was erased. Serialised per
    -- subject with erase(): a key is never created after, or alongside, the erasure of its subject.
    CREATE OR REPLACE FUNCTION ${qualified(schema, 'mend_key_for')}(p_subject text, p_new_key bytea, p_at timestamptz)
    RETURNS bytea LANGUAGE plpgsql AS $fn$
    DECLARE v_key bytea;
    BEGIN
      PERFORM pg_advisory_xact_lock(hashtext('${schema}.subject'), hashtext(p_subject));
      IF EXISTS (SELECT 1 FROM ${erased} WHERE subject_id = p_subject) THEN RETURN NULL; END IF;
      INSERT INTO ${keys} (subject_id, key, created_at) VALUES (p_subject, p_new_key, p_at) ON CONFLICT (subject_id) DO NOTHING;
      SELECT key INTO v_key FROM ${keys} WHERE subject_id = p_subject;
      RETURN v_key;
    END
    $fn$;

    CREATE OR REPLACE FUNCTION ${qualified(schema, 'mend_erase_subject')}(p_subject text, p_at timestamptz)
    RETURNS TABLE (had_key boolean, erased_at timestamptz) LANGUAGE plpgsql AS $fn$
    DECLARE v_had boolean;
    BEGIN
      PERFORM pg_advisory_xact_lock(hashtext('${schema}.subject'), hashtext(p_subject));
      DELETE FROM ${keys} WHERE subject_id = p_subject;
      v_had := FOUND;
      INSERT INTO ${erased} (subject_id, erased_at) VALUES (p_subject, p_at) ON CONFLICT (subject_id) DO NOTHING;
      RETURN QUERY SELECT v_had, e.erased_at FROM ${erased} e WHERE e.subject_id = p_subject;
    END
    $fn$;
  `;
}

/**
 * The personal-data keys of several Mend nodes, in the PostgreSQL database they share (the log's
 * own when MEND_STORE=postgres; a separate one beside KurrentDB). Every read asks the database —
 * nothing is cached — so an erasure on one node reads `[erased]` on every node at once.
 *
 * Deleted rows stay in PostgreSQL's pages until vacuum reuses them, and in WAL and backups until
 * they age out: docs/deploy-postgres.md says what that means for crypto-shredding.
 */
export class PostgresKeyStore implements KeyStore {
  private readonly pool: Pool;
  private readonly schema: string;
  private readonly now: () => number;
  private closed = false;

  private constructor(options: PostgresKeyStoreOptions) {
    this.schema = options.schema ?? 'mend';
    this.now = options.now ?? Date.now;
    this.pool = new Pool(poolConfig(options.connectionString, 5));
    this.pool.on('error', () => undefined);
  }

  static async open(options: PostgresKeyStoreOptions): Promise<PostgresKeyStore> {
    const store = new PostgresKeyStore(options);
    try {
      await migrate(store.pool, store.schema, 'key-store', SCHEMA_VERSION, ddl(store.schema));
    } catch (error) {
      await store.pool.end().catch(() => undefined);
      throw error;
    }
    return store;
  }

  async key(subjectId: string): Promise<Buffer | undefined> {
    const rows = await this.query<{ key: Buffer }>(
      `SELECT key FROM ${qualified(this.schema, 'mend_subject_keys')} WHERE subject_id = $1`,
      [subjectId],
    );
    return rows[0]?.key;
  }

  async keys(subjectIds: readonly string[]): Promise<ReadonlyMap<string, Buffer>> {
    const rows = await this.query<{ subject_id: string; key: Buffer }>(
      `SELECT subject_id, key FROM ${qualified(this.schema, 'mend_subject_keys')} WHERE subject_id = ANY($1::text[])`,
      [subjectIds],
    );
    return new Map(rows.map((row) => [row.subject_id, row.key]));
  }

  async keyFor(subjectId: string): Promise<Buffer | undefined> {
    const rows = await this.query<{ key: Buffer | null }>(
      `SELECT ${qualified(this.schema, 'mend_key_for')}($1, $2, $3) AS key`,
      [subjectId, randomBytes(32), new Date(this.now())],
    );
    return rows[0]?.key ?? undefined;
  }

  async erase(subjectId: string): Promise<{ hadKey: boolean; erasedAt: Date }> {
    const rows = await this.query<{ had_key: boolean; erased_at: Date }>(
      `SELECT had_key, erased_at FROM ${qualified(this.schema, 'mend_erase_subject')}($1, $2)`,
      [subjectId, new Date(this.now())],
    );
    return { hadKey: rows[0]!.had_key, erasedAt: rows[0]!.erased_at };
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.pool.end();
  }

  /** A query, its failure to reach PostgreSQL said as the key store being unavailable (a 503, to retry), not as a defect. */
  private async query<Row extends QueryResultRow>(text: string, values: unknown[]): Promise<Row[]> {
    try {
      return await pooledQuery<Row>(this.pool, text, values);
    } catch (error) {
      if (this.closed || isTransient(error)) throw new KeyStoreUnavailableError(`The PostgreSQL key store is unavailable: ${(error as Error).message}`, { cause: error });
      throw error;
    }
  }
}
