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
 * (the documented step) erases them again from the ledgers kept outside the database. Two nodes
 * share the store, each with its own ledger (its own volume): each erases one person, and the
 * reapply is given both ledgers — given only one, the other node's erasure would come back.
 */
describeWithPostgres('PostgreSQL recovery: pg_dump, pg_restore, mend erasure reapply with every node’s ledger', (url) => {
  const vault = secrets();
  const otherLedger = join(vault.dir, 'node-2-erasure-ledger.jsonl');
  const work = mkdtempSync(join(tmpdir(), 'mend-pg-recovery-'));
  const schema = freshSchema('mend_recovery');
  const env = { MEND_STORE: 'postgres', MEND_POSTGRES_URL: url, MEND_POSTGRES_SCHEMA: schema, MEND_ERASURE_LEDGER: vault.ledger };
  const dump = join(work, 'mend.dump');
  const nodes: RunningApp[] = [];
  let running: RunningApp | undefined;
  const cases: { caseId: string; subjectId: string }[] = [];

  beforeAll(async () => {
    nodes.push(await startApp({ dataDir: join(work, 'node-1'), start: '2026-03-09T15:00:00Z', env }));
    nodes.push(await startApp({ dataDir: join(work, 'node-2'), start: '2026-03-09T15:00:00Z', env: { ...env, MEND_ERASURE_LEDGER: otherLedger } }));
    const supervisor = await nodes[0]!.as('supervisor', 'supervisor-1');
    for (const name of [NAME, `${NAME}-bis`]) {
      const opened = await supervisor.post('/cases', {
        workflow: 'complaint',
        command: 'ReceiveComplaint',
        data: { channel: 'mail', receivedAt: '2026-03-09T10:00:00-04:00', region: 'ON', complainant: { name }, text: 'Dumped.' },
      });
      expect(opened.status).toBe(201);
      const caseId = opened.body.caseId as string;
      cases.push({ caseId, subjectId: (await supervisor.get(`/cases/${caseId}/history`)).body.items[0].data.complainant.subjectId });
    }
    execFileSync('pg_dump', ['--format=custom', `--schema=${schema}`, `--file=${dump}`, url]);
    // Each person erased through a different node: each erasure is in that node's ledger only.
    for (const [i, node] of nodes.entries()) {
      expect((await (await node.as('admin', 'admin-1')).post(`/subjects/${cases[i]!.subjectId}/erase`, CONSENT)).status).toBe(200);
    }
    for (const node of nodes.splice(0)) await node.close();
    // The disaster: the database is lost and restored from the dump taken before the erasures.
    await dropSchema(url, schema);
    execFileSync('pg_restore', [`--dbname=${url}`, dump]);
  });

  afterAll(async () => {
    for (const node of nodes) await node.close();
    await running?.close();
    await dropSchema(url, schema);
    rmSync(work, { recursive: true, force: true });
    rmSync(vault.dir, { recursive: true, force: true });
  });

  it('the dump brought the keys back; erasure reapply with both ledgers destroys them again and records the erasures', async () => {
    for (const { subjectId } of cases) expect(await keyRows(url, schema, subjectId)).toBe(1);
    const reapplied = await mend(['erasure', 'reapply', vault.ledger, otherLedger], { MEND_DATA_DIR: join(work, 'node-3'), ...env });
    expect({ code: reapplied.code, stdout: reapplied.stdout }).toEqual({ code: ExitCode.ok, stdout: expect.stringContaining('2 erasures in 2 ledgers; 2 were missing') });
    for (const { subjectId } of cases) expect(await keyRows(url, schema, subjectId)).toBe(0);
    // Again with this node's ledger alone: nothing was missing.
    const again = await mend(['erasure', 'reapply'], { MEND_DATA_DIR: join(work, 'node-3'), ...env });
    expect({ code: again.code, stdout: again.stdout }).toEqual({ code: ExitCode.ok, stdout: expect.stringContaining('1 erasure in the ledger; 0 were missing') });

    running = await startApp({ dataDir: join(work, 'node-3'), start: '2026-03-10T15:00:00Z', env });
    for (const { caseId, subjectId } of cases) {
      const items = (await (await running.as('supervisor', 'supervisor-1')).get(`/cases/${caseId}/history`)).body.items;
      expect(items[0].data.complainant).toMatchObject({ name: '[erased]', subjectId });
    }
    expect((await (await running.as('auditor', 'auditor-1')).get('/audit/verify')).body).toMatchObject({ ok: true });
  });
});
