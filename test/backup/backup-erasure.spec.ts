import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { takeBackup } from '../../src/backup/backup';
import { BackupError, type BackupManifest } from '../../src/backup/backup-files';
import { restoreBackup, type RestoreReport } from '../../src/backup/restore';
import { ChainVerification, type CreatedCheckpoint } from '../../src/audit/verification.service';
import { KEYS_FILE, SqliteKeyStore } from '../../src/privacy/key-store';
import { startApp, type HttpClient, type RunningApp } from '../support/app';
import { storedEvents } from '../support/event-file';
import { configFor, filesContaining, secrets } from './backup-support';

const ERASED_NAME = 'Gwenaëlle Effacée-3141';
const KEPT_NAME = 'Théodore Conservé-2718';

async function openComplaint(supervisor: HttpClient, name: string): Promise<{ caseId: string; subjectId: string }> {
  const opened = await supervisor.post('/cases', {
    workflow: 'complaint',
    command: 'ReceiveComplaint',
    data: { channel: 'mail', receivedAt: '2026-03-09T10:00:00-04:00', region: 'ON', complainant: { name, contact: `${name}@example.invalid` }, text: `About ${name}.` },
  });
  expect(opened.status).toBe(201);
  const history = await supervisor.get(`/cases/${opened.body.caseId}/history`);
  return { caseId: opened.body.caseId, subjectId: history.body.items[0].data.complainant.subjectId };
}

async function keyOf(dataDir: string, subjectId: string): Promise<Buffer> {
  const keys = new SqliteKeyStore(join(dataDir, KEYS_FILE));
  try {
    return (await keys.key(subjectId))!;
  } finally {
    await keys.close();
  }
}

/**
 * Crypto-shredding survives disaster recovery: a person erased after a backup was taken stays
 * erased when that backup is restored, because the erasure ledger (outside the data directory)
 * re-applies the erasure and the restore never writes their key.
 */
describe('restoring a backup taken before an erasure', () => {
  const vault = secrets();
  const work = mkdtempSync(join(tmpdir(), 'mend-backup-erasure-'));
  const dataDir = join(work, 'data');
  const backupDir = join(work, 'backup');
  const restoredDir = join(work, 'restored');
  let running: RunningApp;
  let erased: { caseId: string; subjectId: string };
  let kept: { caseId: string; subjectId: string };
  let erasedKey: Buffer;
  let keptKey: Buffer;
  let report: RestoreReport;
  let checkpoint: CreatedCheckpoint;
  let manifest: BackupManifest;
  // Signed audit checkpoints, their keys outside the data directory as well.
  const auditKey = join(vault.dir, 'audit.key');
  const auditPublicKey = join(vault.dir, 'audit.pub');
  const env = { ...vault.env, MEND_AUDIT_KEY_FILE: auditKey, MEND_AUDIT_PUBLIC_KEY_FILE: auditPublicKey };

  beforeAll(async () => {
    const pair = generateKeyPairSync('ed25519');
    writeFileSync(auditKey, pair.privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    writeFileSync(auditPublicKey, pair.publicKey.export({ type: 'spki', format: 'pem' }));
    running = await startApp({ dataDir, start: '2026-03-09T15:00:00Z', env });
    const supervisor = await running.as('supervisor', 'supervisor-1');
    erased = await openComplaint(supervisor, ERASED_NAME);
    kept = await openComplaint(supervisor, KEPT_NAME);
    erasedKey = await keyOf(dataDir, erased.subjectId);
    keptKey = await keyOf(dataDir, kept.subjectId);
    const created = await running.app.get(ChainVerification).checkpoint({ id: 'admin-1', role: 'admin' });
    if ('refused' in created) throw new Error(`checkpoint refused: ${created.refused.message}`);
    checkpoint = created;
    manifest = (await takeBackup(configFor(dataDir, env), backupDir)).manifest;
    const erasure = await (await running.as('admin', 'admin-1')).post(`/subjects/${erased.subjectId}/erase`, {});
    expect(erasure.status).toBe(200);
    await running.close();
    report = await restoreBackup(configFor(restoredDir, env), backupDir);
  });

  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
    rmSync(vault.dir, { recursive: true, force: true });
  });

  it('names the latest signed audit checkpoint in the manifest, with the digest to compare', () => {
    expect(manifest.auditCheckpoint).toEqual({
      sequence: checkpoint.sequence,
      position: checkpoint.position,
      events: checkpoint.events,
      streams: checkpoint.streams,
      createdAt: expect.any(String),
      keyId: checkpoint.keyId,
      digest: checkpoint.digest,
    });
  });

  it('recorded the erasure in the ledger, outside the data directory, and the backup still holds the key (encrypted)', () => {
    const lines = readFileSync(vault.ledger, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toEqual([expect.objectContaining({ subjectId: erased.subjectId, actor: { id: 'admin-1', role: 'admin' } })]);
    expect(filesContaining(backupDir, erasedKey)).toEqual([]);
  });

  it('re-applies the erasure: no byte of their key anywhere in the restored directory', () => {
    expect(report.ledger).toMatchObject({ configured: true, entries: 1, reapplied: 1 });
    expect(erasedKey.length).toBe(32);
    expect(filesContaining(restoredDir, erasedKey)).toEqual([]);
    // The scan finds keys that are there: the other person's key was restored.
    expect(filesContaining(restoredDir, keptKey)).toEqual([join(restoredDir, KEYS_FILE)]);
  });

  it('records the erasure in the restored log under the id the ledger gave it', () => {
    const entry = JSON.parse(readFileSync(vault.ledger, 'utf8').trim()) as { eventId: string };
    expect(storedEvents(restoredDir).filter((e) => e.streamId === `erasure-${erased.subjectId}`).map((e) => e.id)).toEqual([entry.eventId]);
  });

  it("shows the erased person's fields as [erased], the other person's as recorded, and the chain still verifies", async () => {
    const restored = await startApp({ dataDir: restoredDir, start: '2026-03-10T15:00:00Z', env });
    try {
      const verified = await (await restored.as('auditor', 'auditor-1')).get('/audit/verify');
      expect(verified.body).toMatchObject({ ok: true });
      const supervisor = await restored.as('supervisor', 'supervisor-1');
      const gone = (await supervisor.get(`/cases/${erased.caseId}/history`)).body.items[0].data;
      expect(gone.complainant).toMatchObject({ name: '[erased]', contact: '[erased]', subjectId: erased.subjectId });
      expect(gone.text).toBe('[erased]');
      const still = (await supervisor.get(`/cases/${kept.caseId}/history`)).body.items[0].data;
      expect(still.complainant.name).toBe(KEPT_NAME);
    } finally {
      await restored.close();
    }
  });

  it('refuses to restore without a ledger unless told to, writing nothing', async () => {
    const target = join(work, 'no-ledger');
    const refused = restoreBackup(configFor(target, { MEND_BACKUP_KEY: vault.key }), backupDir);
    await expect(refused).rejects.toThrow(BackupError);
    await expect(refused).rejects.toThrow(/MEND_ERASURE_LEDGER is not set/);
    expect(existsSync(target)).toBe(false);
  });
});
