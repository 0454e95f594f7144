import { POSTGRES_SCHEMA_NAME } from '../config/config';
import { DatabaseError, type Pool, type PoolClient, type QueryResultRow } from 'pg';


/** `"schema".name`, after checking the schema name (it is spliced into SQL text). */
export function qualified(schema: string, name: string): string {
  if (!POSTGRES_SCHEMA_NAME.test(schema)) throw new Error(`Invalid PostgreSQL schema name: ${schema}`);
  return `"${schema}".${name}`;
}

/** Mend's advisory locks: one namespace (the first key); the second names the schema and purpose. */
export const LOCK_NAMESPACE = 0x6d656e64; // 'mend'

/**
 * Creates or upgrades one component's tables, once per version, across every node: the first
 * node to start takes a transaction lock, the others wait and then find the version recorded.
 * A node that finds its version already recorded runs no DDL, so the nodes can run under a role
 * without CREATE (docs/deploy-postgres.md).
 */
export async function migrate(pool: Pool, schema: string, component: string, version: number, ddl: string): Promise<void> {
  const versions = qualified(schema, 'mend_schema_versions');
  if (await hasVersion(pool, versions, component, version)) return;
  const client: PoolClient = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCK_NAMESPACE, `${schema}.migrate`]);
    // Only when missing: CREATE SCHEMA IF NOT EXISTS asks for CREATE on the database even when the
    // schema exists, which a schema's owner need not have (docs/deploy-postgres.md, least privilege).
    const exists = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
    if (exists.rowCount === 0) await client.query(`CREATE SCHEMA "${schema}"`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${versions} (component text PRIMARY KEY, version integer NOT NULL)`);
    const found = await client.query<{ version: number }>(`SELECT version FROM ${versions} WHERE component = $1`, [component]);
    if ((found.rows[0]?.version ?? 0) < version) {
      await client.query(ddl);
      await client.query(
        `INSERT INTO ${versions} (component, version) VALUES ($1, $2) ON CONFLICT (component) DO UPDATE SET version = EXCLUDED.version`,
        [component, version],
      );
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

async function hasVersion(pool: Pool, versions: string, component: string, version: number): Promise<boolean> {
  const table = await pool.query<{ exists: string | null }>('SELECT to_regclass($1) AS exists', [versions]);
  if (!table.rows[0]?.exists) return false;
  const found = await pool.query<{ version: number }>(`SELECT version FROM ${versions} WHERE component = $1`, [component]);
  return (found.rows[0]?.version ?? 0) >= version;
}

/** Connection failures and server states worth a retry: the store is unavailable, not the request wrong. */
export function isTransient(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return error instanceof Error && /Connection terminated|connection timeout|Client has encountered a connection error/i.test(error.message);
  return (
    code.startsWith('08') || // connection exception
    code === '57P01' || // admin shutdown
    code === '57P02' || // crash shutdown
    code === '57P03' || // cannot connect now (starting up)
    code === '53300' || // too many connections
    code === '40001' || // serialization failure
    code === '40P01' || // deadlock detected
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH'].includes(code)
  );
}

/**
 * PostgreSQL refusing the role, its password, the database or a privilege the connection URL
 * gives (SQLSTATE class 28, 3D000, 3F000, 42501): configuration to fix, not an outage to wait out.
 */
export function isRefusal(error: unknown): error is DatabaseError {
  return error instanceof DatabaseError && typeof error.code === 'string' && /^(28|3D000|3F000|42501)/.test(error.code);
}

/**
 * A query on a pooled connection. Unlike `pool.query`, an error the server reports (a conflict a
 * function raised, a constraint) gives the connection back to the pool: `pool.query` closes it,
 * and every conflict would pay for a new connection. Only a broken connection is discarded.
 */
export async function pooledQuery<Row extends QueryResultRow>(pool: Pool, text: string, values: unknown[] = []): Promise<Row[]> {
  const client = await pool.connect();
  let broken: Error | undefined;
  // A connection lost while checked out is emitted as an error event, which would end the process
  // unheard: it is the query's (or the next checkout's) failure to report, and the connection is discarded.
  const lost = (error: Error) => (broken = error);
  client.on('error', lost);
  try {
    return (await client.query<Row>(text, values)).rows;
  } catch (error) {
    if (!(error instanceof DatabaseError) || isTransient(error)) broken = error as Error;
    throw error;
  } finally {
    client.off('error', lost);
    client.release(broken);
  }
}
