import Database from 'better-sqlite3';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { workflowDefinitions } from '../../workflows/registry';
import { KEYS_FILE } from '../../src/privacy/key-store';
import { ProjectionsService } from '../../src/projections/projections.service';
import { READ_MODELS } from '../../src/projections/projections.tokens';
import type { ReadModelDatabase } from '../../src/projections/read-model.database';
import { startApp, type HttpClient, type RunningApp } from '../support/app';

const example = (workflow: string, command: string) =>
  workflowDefinitions.find((d) => d.name === workflow)!.commands.find((c) => c.type === command)!.example as Record<string, unknown>;

/** The person consented to the disposal of their information (within the Privacy Act's retention period). */
const CONSENT = { consent: { givenBy: 'subject', givenAt: '2026-03-02T12:00:00Z' } };
const NAME = 'Zéphyrine Quackenbush-7731';
const CONTACT = 'zq7731@example.invalid';
const NARRATIVE = 'narrative-marker QX98765: the session was cancelled twice';
const RESPONSE = 'response-marker RS24680: we apologise';

/** Every file under the data directory, byte for byte (database, WAL, journals). */
function storedBytes(dir: string): Buffer {
  return Buffer.concat(readdirSync(dir).map((file) => readFileSync(join(dir, file))));
}

function rows(readModels: ReadModelDatabase): string {
  return JSON.stringify(
    ['cases', 'case_assignees', 'complaint_board'].map((table) => readModels.db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all()),
  );
}

/**
 * Personal information is sealed per person; destroying the person's key erases it everywhere at
 * once ("crypto-shredding"): history still replays, read models rebuild, hashes still verify, and
 * the fields read `[erased]`.
 */
describe('crypto-shredding', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mend-shred-'));
  let running: RunningApp;
  let supervisor: HttpClient;
  let practitioner: HttpClient;
  let caseId: string;
  let subjectId: string;
  let position: number;

  beforeAll(async () => {
    running = await startApp({ dataDir, start: '2026-03-02T15:00:00Z' });
    supervisor = await running.as('supervisor', 'supervisor-1');
    practitioner = await running.as('practitioner', 'practitioner-1');
    const data = { ...example('complaint', 'ReceiveComplaint'), complainant: { name: NAME, contact: CONTACT }, text: NARRATIVE };
    const opened = await supervisor.post('/cases', { workflow: 'complaint', command: 'ReceiveComplaint', data });
    expect(opened.status).toBe(201);
    caseId = opened.body.caseId;
    expect((await supervisor.post(`/cases/${caseId}/commands/AssignHandler`, { handlerId: 'practitioner-1' })).status).toBe(200);
    expect((await practitioner.post(`/cases/${caseId}/commands/AcknowledgeComplaint`, {})).status).toBe(200);
    const responded = await practitioner.post(`/cases/${caseId}/commands/Respond`, {
      ...example('complaint', 'Respond'),
      response: RESPONSE,
    });
    expect(responded.status).toBe(200);
    position = responded.body.position;
    const history = await supervisor.get(`/cases/${caseId}/history`);
    subjectId = history.body.items[0].data.complainant.subjectId;
    expect(typeof subjectId).toBe('string');
    await supervisor.get(`/cases/${caseId}?minPosition=${position}`);
    // Every read model, not the cases one alone: the checks below read the files and the complaint board's rows.
    const projections = running.app.get(ProjectionsService);
    for (const name of projections.names()) await projections.awaitPosition(name, position);
  });

  afterAll(async () => {
    await running.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('never stores personal information in plain text, in the log, the read models or anywhere else', () => {
    const bytes = storedBytes(dataDir);
    for (const secret of [NAME, CONTACT, NARRATIVE, RESPONSE]) expect(bytes.includes(Buffer.from(secret))).toBe(false);
  });

  it('opens it for the roles that may see it and redacts it for auditors', async () => {
    const seen = (await supervisor.get(`/cases/${caseId}/history`)).body.items[0].data;
    expect(seen.complainant).toMatchObject({ name: NAME, contact: CONTACT });
    expect(seen.text).toBe(NARRATIVE);
    const audited = (await (await running.as('auditor', 'auditor-1')).get(`/cases/${caseId}/history`)).body.items[0].data;
    expect(audited.complainant).toMatchObject({ name: '[redacted]', contact: '[redacted]', subjectId });
    expect(audited.text).toBe('[redacted]');
  });

  it('lets only an admin erase a subject', async () => {
    const refused = await supervisor.post(`/subjects/${subjectId}/erase`, CONSENT);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('ACCESS.ROLE_FORBIDDEN');
  });

  describe('after erasure', () => {
    let keyBytes: Buffer;
    let rowsBefore: string;

    beforeAll(async () => {
      const keys = new Database(join(dataDir, KEYS_FILE), { readonly: true });
      keyBytes = (keys.prepare('SELECT key FROM subject_keys WHERE subject_id = ?').get(subjectId) as { key: Buffer }).key;
      keys.close();
      rowsBefore = rows(running.app.get<ReadModelDatabase>(READ_MODELS));
      const admin = await running.as('admin', 'admin-1');
      const erased = await admin.post(`/subjects/${subjectId}/erase`, CONSENT);
      expect(erased.status).toBe(200);
      expect(erased.body).toMatchObject({ subjectId, keyDestroyed: true });
    });

    it('destroys the key: its bytes are nowhere in the data directory', () => {
      expect(keyBytes.length).toBe(32);
      expect(storedBytes(dataDir).includes(keyBytes)).toBe(false);
    });

    it('history still replays, every field of the person reading [erased]', async () => {
      const items = (await supervisor.get(`/cases/${caseId}/history`)).body.items;
      expect(items[0].data.complainant).toMatchObject({ name: '[erased]', contact: '[erased]', subjectId });
      expect(items[0].data.text).toBe('[erased]');
      const responded = items.find((item: { type: string }) => item.type === 'ComplaintResponded');
      expect(responded.data.response).toBe('[erased]');
      // The next level's contact belongs to another person, whose key still exists.
      expect(responded.data.nextLevel.name).toBe((example('complaint', 'Respond')['nextLevel'] as { name: string }).name);
    });

    it('an auditor, who may not see personal information, sees that it was erased: [erased], not [redacted]', async () => {
      const auditor = await running.as('auditor', 'auditor-1');
      const items = (await auditor.get(`/cases/${caseId}/history`)).body.items;
      expect(items[0].data.complainant).toMatchObject({ name: '[erased]', contact: '[erased]', subjectId });
      expect(items[0].data.text).toBe('[erased]');
      const responded = items.find((item: { type: string }) => item.type === 'ComplaintResponded');
      expect(responded.data.response).toBe('[erased]');
      // Another person's, whose key is kept, still reads [redacted] to them.
      expect(responded.data.nextLevel.name).toBe('[redacted]');
      const exported = await auditor.get<string>(`/cases/${caseId}/export?format=ndjson`);
      expect(exported.status).toBe(200);
      expect(String(exported.body)).toContain('[erased]');
    });

    it('the hash chain still verifies', async () => {
      const verified = await (await running.as('auditor', 'auditor-1')).get('/audit/verify');
      expect(verified.status).toBe(200);
      expect(verified.body.ok).toBe(true);
    });

    it('read models rebuild to the same rows', async () => {
      await running.app.get(ProjectionsService).rebuild('cases');
      await running.app.get(ProjectionsService).rebuild('complaint-board');
      expect(rows(running.app.get<ReadModelDatabase>(READ_MODELS))).toBe(rowsBefore);
    });

    it('the case still replays from its stream and takes commands', async () => {
      await running.close();
      running = await startApp({ dataDir, start: '2026-03-03T15:00:00Z' });
      supervisor = await running.as('supervisor', 'supervisor-1');
      const accepted = await (await running.as('practitioner', 'practitioner-1')).post(`/cases/${caseId}/commands/AcceptResponse`, {});
      expect(accepted.status).toBe(200);
      expect(accepted.body.state).toBe('resolved');
    });

    it('refuses to record new personal information for the erased person', async () => {
      const data = { ...example('complaint', 'ReceiveComplaint'), complainant: { subjectId, name: 'New name' } };
      const refused = await supervisor.post('/cases', { workflow: 'complaint', command: 'ReceiveComplaint', data }, { 'accept-language': 'fr' });
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe('SUBJECT.ERASED');
      // What the step would have recorded, as the form names it, and what is still possible.
      expect(refused.body.message).toBe(
        `Les renseignements personnels du sujet ${subjectId} ont été effacés, et cette étape en consignerait d’autres («\u00a0Nom\u00a0», «\u00a0Préoccupations, plainte ou commentaires, dans les mots de la personne plaignante\u00a0»), qui ne peuvent plus être conservés. Les étapes qui ne consignent rien sur cette personne restent possibles\u00a0; si la personne revient, consignez-la sous un nouvel identifiant.`,
      );
    });
  });
});
