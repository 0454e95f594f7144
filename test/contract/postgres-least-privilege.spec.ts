import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { PostgresEventStore } from '../../src/event-store/postgres-event-store';
import { PostgresKeyStore } from '../../src/privacy/postgres-key-store';
import { describeWithPostgres } from '../support/postgres';

/** The SQL of docs/deploy-postgres.md's least-privilege section, in two parts: before and after the owner's first start. */
function documentedSql(): { setup: string; grants: string } {
  const doc = readFileSync(join(__dirname, '..', '..', 'docs', 'deploy-postgres.md'), 'utf8');
  const section = doc.slice(doc.indexOf('## A least-privilege role'));
  const block = /```sql\n([\s\S]*?)```/.exec(section)![1]!;
  const cut = block.indexOf('-- once, as mend_owner');
  return { setup: block.slice(0, cut), grants: block.slice(cut) };
}

/**
 * The least-privilege roles exactly as docs/deploy-postgres.md writes them (roles, schema and
 * passwords renamed for this run): the owner creates the tables on its first start without any
 * privilege on the database, and a node running as the application role appends, reads and keeps
 * keys, but can neither change nor delete an event.
 */
describeWithPostgres('the least-privilege roles of docs/deploy-postgres.md', (url) => {
  const suffix = randomBytes(4).toString('hex');
  const names = { owner: `mend_owner_${suffix}`, app: `mend_app_${suffix}`, backup: `mend_backup_${suffix}`, schema: `mend_lp_${suffix}` };
  const rename = (sql: string) =>
    sql
      .replace(/\bmend_owner\b/g, names.owner)
      .replace(/\bmend_app\b/g, names.app)
      .replace(/\bmend_backup\b/g, names.backup)
      .replaceAll('SCHEMA mend ', `SCHEMA ${names.schema} `)
      .replaceAll('mend.', `${names.schema}.`)
      .replaceAll("'…'", "'a-password'");
  const as = (role?: string) => {
    const target = new URL(url);
    if (role) {
      target.username = role;
      target.password = 'a-password';
    }
    return target.toString();
  };
  const sql = async (role: string | undefined, text: string) => {
    const client = new Client({ connectionString: as(role) });
    await client.connect();
    try {
      return await client.query(text);
    } finally {
      await client.end();
    }
  };

  afterAll(async () => {
    await sql(
      undefined,
      `DROP SCHEMA IF EXISTS ${names.schema} CASCADE; DROP OWNED BY ${names.backup}; DROP ROLE IF EXISTS ${names.backup}; DROP ROLE IF EXISTS ${names.app}; DROP ROLE IF EXISTS ${names.owner};`,
    );
  });

  it('lets the owner create the tables and the application role append, read and keep keys, never change an event', async () => {
    const { setup, grants } = documentedSql();
    await sql(undefined, rename(setup));
    // The owner's first start: it creates what the nodes need in its own schema, with no CREATE on the database.
    const owned = await PostgresEventStore.open({ connectionString: as(names.owner), schema: names.schema });
    const ownedKeys = await PostgresKeyStore.open({ connectionString: as(names.owner), schema: names.schema });
    await Promise.all([owned.close(), ownedKeys.close()]);
    await sql(names.owner, rename(grants));

    const store = await PostgresEventStore.open({ connectionString: as(names.app), schema: names.schema });
    const keys = await PostgresKeyStore.open({ connectionString: as(names.app), schema: names.schema });
    try {
      const appended = await store.append('complaint-1', [{ id: uuidv7(), type: 'ComplaintReceived', data: { text: 'sealed' }, metadata: {} }], { expectedRevision: 'no_stream' });
      expect(appended.nextExpectedRevision).toBe(0);
      expect((await store.readStream('complaint-1')).map((event) => event.type)).toEqual(['ComplaintReceived']);
      const key = await keys.keyFor('subject-1');
      expect(await keys.key('subject-1')).toEqual(key);
      expect(await keys.erase('subject-1')).toMatchObject({ hadKey: true });
      for (const change of [`UPDATE ${names.schema}.mend_events SET type = 'Forged'`, `DELETE FROM ${names.schema}.mend_events`]) {
        await expect(sql(names.app, change)).rejects.toThrow(/permission denied/);
      }
    } finally {
      await Promise.all([store.close(), keys.close()]);
    }
  });

  it('lets the backup role dump the schema and the administrator restore it, the application role working on as before', async () => {
    const work = mkdtempSync(join(tmpdir(), 'mend-lp-dump-'));
    try {
      const dump = join(work, 'mend.dump');
      execFileSync('pg_dump', ['--format=custom', `--schema=${names.schema}`, `--file=${dump}`, as(names.backup)], { stdio: 'pipe' });
      // The backup role reads; it changes nothing.
      await expect(sql(names.backup, `DELETE FROM ${names.schema}.mend_subject_keys`)).rejects.toThrow(/permission denied/);
      await sql(undefined, `DROP SCHEMA ${names.schema} CASCADE`);
      execFileSync('pg_restore', [`--dbname=${as()}`, dump], { stdio: 'pipe' });
      const owner = await sql(undefined, `SELECT nspowner::regrole::text AS owner FROM pg_namespace WHERE nspname = '${names.schema}'`);
      expect(owner.rows[0]).toEqual({ owner: names.owner });

      const store = await PostgresEventStore.open({ connectionString: as(names.app), schema: names.schema });
      try {
        expect((await store.readStream('complaint-1')).map((event) => event.type)).toEqual(['ComplaintReceived']);
        await store.append('complaint-1', [{ id: uuidv7(), type: 'ComplaintAcknowledged', data: {}, metadata: {} }], { expectedRevision: 0 });
        expect((await store.readStream('complaint-1')).map((event) => event.type)).toEqual(['ComplaintReceived', 'ComplaintAcknowledged']);
        await expect(sql(names.app, `DELETE FROM ${names.schema}.mend_events`)).rejects.toThrow(/permission denied/);
      } finally {
        await store.close();
      }
      // The next night's dump still works on the restored schema.
      execFileSync('pg_dump', ['--format=custom', `--schema=${names.schema}`, `--file=${join(work, 'next.dump')}`, as(names.backup)], { stdio: 'pipe' });
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
