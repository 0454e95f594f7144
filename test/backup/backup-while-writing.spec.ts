import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Actor, PersonRole } from '../../domain/roles';
import { takeBackup, type BackupResult } from '../../src/backup/backup';
import { restoreBackup, type RestoreReport } from '../../src/backup/restore';
import { READ_MODELS_FILE } from '../../src/projections/read-model.database';
import { startApp, type RunningApp } from '../support/app';
import { storedEvents } from '../support/event-file';
import { HttpTraffic } from '../support/http-traffic';
import { Random } from '../support/random';
import { differences, rebuiltReadModels, snapshotReadModels } from '../support/read-models';
import { writeCases } from '../support/store-writer';
import { configFor, secrets } from './backup-support';

const WRITERS = 5;

// A log filled, five writers, a backup, a restore and a rebuild comparison: minutes on a loaded machine.
jest.setTimeout(240_000);
const NAME = 'Oriane Backup-Vérifiée 5521';

/**
 * `mend backup` while Mend serves five writers, then `mend restore` into a new directory: every
 * write acknowledged up to the backup's head is there and nothing else, the chain verifies, the
 * read models equal a fresh rebuild, and the restored Mend serves commands.
 */
describe('a backup taken while five writers append', () => {
  const vault = secrets();
  const work = mkdtempSync(join(tmpdir(), 'mend-backup-'));
  const dataDir = join(work, 'data');
  const backupDir = join(work, 'backup');
  const restoredDir = join(work, 'restored');
  let running: RunningApp;
  let traffic: HttpTraffic;
  let backup: BackupResult;
  let writesDuringBackup = 0;
  let namedCase = '';
  let report: RestoreReport;

  beforeAll(async () => {
    running = await startApp({ dataDir, start: '2026-03-09T15:00:00Z', env: vault.env });
    // A log of some size first, so that the snapshot takes a while.
    await writeCases(running.app, { random: new Random(41), cases: 200, clock: running.clock });
    const supervisor = await running.as('supervisor', 'supervisor-1');
    const opened = await supervisor.post('/cases', {
      workflow: 'complaint',
      command: 'ReceiveComplaint',
      data: { channel: 'mail', receivedAt: '2026-03-09T10:00:00-04:00', region: 'ON', complainant: { name: NAME }, text: 'Backed up.' },
    });
    expect(opened.status).toBe(201);
    namedCase = opened.body.caseId;

    traffic = new HttpTraffic({
      baseUrl: () => running.baseUrl,
      token: (actor: Actor) => running.token(actor.role as PersonRole, actor.id),
      random: new Random(43),
    });
    let stop = false;
    const writers = traffic.run(WRITERS, () => stop);
    try {
      while (traffic.stats.acknowledged < 40 && traffic.stats.serverErrors.length === 0) await new Promise((r) => setTimeout(r, 20));
      const before = traffic.stats.acknowledged;
      backup = await takeBackup(configFor(dataDir, vault.env), backupDir);
      writesDuringBackup = traffic.stats.acknowledged - before;
      const after = traffic.stats.acknowledged;
      while (traffic.stats.acknowledged < after + 20 && traffic.stats.serverErrors.length === 0) await new Promise((r) => setTimeout(r, 20));
    } finally {
      stop = true;
      await writers;
    }
    await running.close();
    report = await restoreBackup(configFor(restoredDir, vault.env), backupDir);
  });

  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
    rmSync(vault.dir, { recursive: true, force: true });
  });

  it('was taken while the writers kept being answered, without a server error', () => {
    expect(traffic.stats.serverErrors).toEqual([]);
    expect(writesDuringBackup).toBeGreaterThan(0);
    expect(traffic.writes.some((w) => w.position > backup.manifest.headPosition)).toBe(true);
  });

  it('holds every write acknowledged up to its head, and exactly the log up to there', () => {
    const head = backup.manifest.headPosition;
    const original = storedEvents(dataDir, head);
    expect(original.length).toBe(backup.manifest.eventCount);
    const restored = storedEvents(restoredDir);
    expect(restored).toEqual(original);
    const byPosition = new Map(restored.map((e) => [e.position, e]));
    const covered = traffic.writes.filter((w) => w.position <= head);
    expect(covered.length).toBeGreaterThan(0);
    for (const write of covered) {
      expect({ position: write.position, event: byPosition.get(write.position) && { streamId: byPosition.get(write.position)!.streamId, revision: byPosition.get(write.position)!.revision } }).toEqual({
        position: write.position,
        event: { streamId: write.streamId, revision: write.revision },
      });
    }
  });

  it('restores with a verified chain and read models equal to a fresh rebuild', async () => {
    expect(report.verifiedEvents).toBe(backup.manifest.eventCount);
    expect(report.ledger).toMatchObject({ configured: true, entries: 0, reapplied: 0 });
    expect(existsSync(join(restoredDir, READ_MODELS_FILE))).toBe(true);
    expect(differences(snapshotReadModels(join(restoredDir, READ_MODELS_FILE)), await rebuiltReadModels(restoredDir))).toEqual([]);
  });

  it('starts as usual on the restored directory: personal data opens, the chain verifies, commands are served', async () => {
    const restored = await startApp({ dataDir: restoredDir, start: '2026-03-10T15:00:00Z', env: vault.env });
    try {
      const verified = await (await restored.as('auditor', 'auditor-1')).get('/audit/verify');
      // (An auditor's verification counts only the streams an auditor may know exist; the restore verified them all.)
      expect(verified.body).toMatchObject({ ok: true });
      const supervisor = await restored.as('supervisor', 'supervisor-1');
      const history = await supervisor.get(`/cases/${namedCase}/history`);
      expect(history.status).toBe(200);
      expect(history.body.items[0].data.complainant.name).toBe(NAME);
      const assigned = await supervisor.post(`/cases/${namedCase}/commands/AssignHandler`, { handlerId: 'practitioner-9' });
      expect(assigned.status).toBe(200);
      expect(assigned.body.position).toBeGreaterThan(backup.manifest.headPosition);
    } finally {
      await restored.close();
    }
  });
});
