import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * The PostgreSQL server the suites run against: `MEND_TEST_POSTGRES_URL`, which
 * `scripts/with-postgres.sh` sets (CI runs every suite through it). Without it the PostgreSQL suites
 * say so in one line and skip.
 */
export const postgresUrl = process.env.MEND_TEST_POSTGRES_URL;

/** `describe` when a server is given, otherwise one skipped test that says how to run the suite. */
export function describeWithPostgres(name: string, body: (url: string) => void): void {
  if (postgresUrl) {
    describe(name, () => body(postgresUrl));
    return;
  }
  console.log(`${name}: skipped, no PostgreSQL (run it with scripts/with-postgres.sh, or set MEND_TEST_POSTGRES_URL)`);
  describe(name, () => {
    it.skip('runs when MEND_TEST_POSTGRES_URL names a server (scripts/with-postgres.sh starts one)', () => undefined);
  });
}

/** A fresh, empty schema name, so that suites running at once on one server never see each other's events. */
export function freshSchema(prefix = 'mend_test'): string {
  return `${prefix}_${randomBytes(6).toString('hex')}`;
}

/** Drops a schema made by a test, with everything in it. */
export async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
