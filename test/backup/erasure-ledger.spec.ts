import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../src/config/config';
import { ErasureLedger } from '../../src/privacy/erasure-ledger';
import { KEYS_FILE, SqliteKeyStore } from '../../src/privacy/key-store';
import { startApp, type RunningApp } from '../support/app';
import { secrets } from './backup-support';

/** The person consented to the disposal of their information (within the Privacy Act's retention period). */
const CONSENT = { consent: { givenBy: 'subject', givenAt: '2026-03-01T12:00:00Z' } };

/** The erasure ledger: outside the data directory, written before any key is destroyed, or nothing is erased. */
describe('the erasure ledger', () => {
  const vault = secrets();
  const dataDir = mkdtempSync(join(tmpdir(), 'mend-ledger-'));
  let running: RunningApp;
  let subjectId = '';

  beforeAll(async () => {
    running = await startApp({ dataDir, start: '2026-03-09T15:00:00Z', env: vault.env });
    const supervisor = await running.as('supervisor', 'supervisor-1');
    const opened = await supervisor.post('/cases', {
      workflow: 'complaint',
      command: 'ReceiveComplaint',
      data: { channel: 'mail', receivedAt: '2026-03-09T10:00:00-04:00', region: 'ON', complainant: { name: 'Ledger Person' }, text: 'Ledger.' },
    });
    subjectId = (await supervisor.get(`/cases/${opened.body.caseId}/history`)).body.items[0].data.complainant.subjectId;
  });

  afterAll(async () => {
    await running.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(vault.dir, { recursive: true, force: true });
  });

  it('is created when Mend starts, and must lie outside the data directory', () => {
    expect(readFileSync(vault.ledger, 'utf8')).toBe('');
    expect(() => loadConfig({ MEND_DATA_DIR: dataDir, MEND_ERASURE_LEDGER: join(dataDir, 'ledger.jsonl') })).toThrow(ConfigError);
    expect(() => loadConfig({ MEND_DATA_DIR: dataDir, MEND_ERASURE_LEDGER: join(dataDir, 'ledger.jsonl') })).toThrow(/MEND_ERASURE_LEDGER: must be outside MEND_DATA_DIR/);
  });

  it('refuses the erasure with a 503 in the caller\'s language when the ledger cannot be written, and destroys nothing', async () => {
    rmSync(vault.ledger);
    mkdirSync(vault.ledger); // a directory where the file was: every append fails
    try {
      const admin = await running.as('admin', 'admin-1');
      const english = await admin.post(`/subjects/${subjectId}/erase`, CONSENT);
      expect({ status: english.status, code: english.body.code }).toEqual({ status: 503, code: 'SERVICE.ERASURE_LEDGER_UNAVAILABLE' });
      expect(english.body.message).toContain('nothing was erased');
      const french = await admin.post(`/subjects/${subjectId}/erase`, CONSENT, { 'accept-language': 'fr' });
      expect(french.body.message).toContain('rien n’a été effacé');
      const keys = new SqliteKeyStore(join(dataDir, KEYS_FILE));
      try {
        expect(await keys.key(subjectId)).toBeInstanceOf(Buffer);
      } finally {
        await keys.close();
      }
    } finally {
      rmSync(vault.ledger, { recursive: true });
      ErasureLedger.open(vault.ledger);
    }
  });

  it('appends one synced line per erasure; a line torn by a crash is skipped, and the next append marks it so and stands alone', async () => {
    const admin = await running.as('admin', 'admin-1');
    expect((await admin.post(`/subjects/${subjectId}/erase`, CONSENT)).status).toBe(200);
    appendFileSync(vault.ledger, '{"subjectId":"half-writ');
    expect(ErasureLedger.read(vault.ledger)).toMatchObject({ entries: [expect.objectContaining({ subjectId, actor: { id: 'admin-1', role: 'admin' } })], tornLines: [2] });
    // Another subject: a repeated erasure of the first is answered from the log and writes nothing.
    expect((await admin.post('/subjects/never-recorded-2/erase', CONSENT)).status).toBe(200);
    const { entries, tornLines } = ErasureLedger.read(vault.ledger);
    expect(entries.map((e) => e.subjectId)).toEqual([subjectId, 'never-recorded-2']);
    expect(tornLines).toEqual([2]);
    // Closed with the mark that tells a torn line from damage: only an unmarked last line may be cut short.
    expect(readFileSync(vault.ledger, 'utf8').split('\n')[1]).toBe('{"subjectId":"half-writ # cut short by a crash, not an erasure');
  });
});
