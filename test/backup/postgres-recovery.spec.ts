import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { ExitCode } from '../../src/cli/exit-codes';
import { startApp, type RunningApp } from '../support/app';
import { describeWithPostgres, dropSchema, freshSchema } from '../support/postgres';
import { mend } from '../ops/cli-process';
import { secrets } from './backup-support';

/** The person consented to the disposal of their information (within the Privacy Act's retention period). */
const CONSENT = { consent: { givenBy: 'subject', givenAt: '2026-03-01T12:00:00Z' } };

jest.setTimeout(180_000);

const NAME = 'Perrine Restaurée-1618';

async function keyRows(url: string, schema: string, subjectId: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(`SELECT 1 FROM "${schema}".mend_subject_keys WHERE subject_id = $1`, [subjectId])).rowCount ?? 0;
  } finally {
    await client.end();
  }
}

/**
 * On PostgreSQL the log and the keys are backed up together by PostgreSQL's own pg_dump. A dump
 * taken before an erasure holds the erased person's key; after pg_restore, `mend erasure reapply`
 * (the documented step) erases them again from the ledger kept outside the database.
 */
describeWithPostgres('PostgreSQL recovery: pg_dump, pg_restore, mend erasure reapply', (url) => {
  const vault = secrets();
  const work = mkdtempSync(join(tmpdir(), 'mend-pg-recovery-'));
  const schema = freshSchema('mend_recovery');
  const env = { MEND_STORE: 'postgres', MEND_POSTGRES_URL: url, MEND_POSTGRES_SCHEMA: schema, MEND_ERASURE_LEDGER: vault.ledger };
  const dump = join(work, 'mend.dump');
  let running: RunningApp | undefined;
  let caseId = '';
  let subjectId = '';

  beforeAll(async () => {
    running = await startApp({ dataDir: join(work, 'node-1'), start: '2026-03-09T15:00:00Z', env });
    const supervisor = await running.as('supervisor', 'supervisor-1');
    const opened = await supervisor.post('/cases', {
      workflow: 'complaint',
      command: 'ReceiveComplaint',
      data: { channel: 'mail', receivedAt: '2026-03-09T10:00:00-04:00', region: 'ON', complainant: { name: NAME }, text: 'Dumped.' },
    });
    expect(opened.status).toBe(201);
    caseId = opened.body.caseId;
    subjectId = (await supervisor.get(`/cases/${caseId}/history`)).body.items[0].data.complainant.subjectId;
    execFileSync('pg_dump', ['--format=custom', `--schema=${schema}`, `--file=${dump}`, url]);
    expect((await (await running.as('admin', 'admin-1')).post(`/subjects/${subjectId}/erase`, CONSENT)).status).toBe(200);
    await running.close();
    running = undefined;
    // The disaster: the database is lost and restored from the dump taken before the erasure.
    await dropSchema(url, schema);
    execFileSync('pg_restore', [`--dbname=${url}`, dump]);
  });

  afterAll(async () => {
    await running?.close();
    await dropSchema(url, schema);
    rmSync(work, { recursive: true, force: true });
    rmSync(vault.dir, { recursive: true, force: true });
  });

  it('the dump brought the key back; erasure reapply destroys it again and records the erasure', async () => {
    expect(await keyRows(url, schema, subjectId)).toBe(1);
    const reapplied = await mend(['erasure', 'reapply'], { MEND_DATA_DIR: join(work, 'node-2'), ...env });
    expect({ code: reapplied.code, stdout: reapplied.stdout }).toEqual({ code: ExitCode.ok, stdout: expect.stringContaining('1 erasure in the ledger; 1 was missing') });
    expect(await keyRows(url, schema, subjectId)).toBe(0);

    running = await startApp({ dataDir: join(work, 'node-2'), start: '2026-03-10T15:00:00Z', env });
    const items = (await (await running.as('supervisor', 'supervisor-1')).get(`/cases/${caseId}/history`)).body.items;
    expect(items[0].data.complainant).toMatchObject({ name: '[erased]', subjectId });
    expect((await (await running.as('auditor', 'auditor-1')).get('/audit/verify')).body).toMatchObject({ ok: true });
  });
});
