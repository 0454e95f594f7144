import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VerificationSchema } from '../../src/audit/audit.schemas';
import { workflowDefinitions } from '../../workflows/registry';
import { eventsFile } from '../audit/audit-support';
import { startApp, type HttpClient } from '../support/app';

const example = (workflow: string, command: string) =>
  workflowDefinitions.find((d) => d.name === workflow)!.commands.find((c) => c.type === command)!.example;

const RO = 'restorative-opportunities';

/**
 * A complaint about an RO case is read as an RO case: the roles that read it (the Restorative
 * Justice Unit, the RO-cleared auditor) verify its chain and read who read it, as they do for the
 * RO case itself; the departmental auditor, to whom it does not exist, learns nothing of it from
 * the audit views, even when it is damaged.
 */
describe('a complaint about an RO case in the audit views', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mend-ro-complaint-audit-'));
  let roCaseId: string;
  let roComplaintId: string;
  let complaintId: string;
  /** The streams of the RO case and of the complaint about it: each, its case-id and reference reservations and its access log. */
  let roStreams: string[];

  beforeAll(async () => {
    const running = await startApp({ dataDir, start: '2026-03-02T15:00:00Z' });
    const rju = await running.as('rju', 'rju-1');
    const ro = await rju.post('/cases', { workflow: RO, command: 'ReceiveReferral', data: example(RO, 'ReceiveReferral') });
    expect(ro.status).toBe(201);
    roCaseId = ro.body.caseId;
    const roComplaint = await rju.post('/cases', {
      workflow: 'complaint',
      command: 'ReceiveComplaint',
      data: { ...example('complaint', 'ReceiveComplaint'), concerns: { program: RO, caseId: roCaseId } },
    });
    expect(roComplaint.status).toBe(201);
    roComplaintId = roComplaint.body.caseId;
    expect((await rju.get(`/cases/${roCaseId}?minPosition=${roComplaint.body.position}`)).status).toBe(200);
    expect((await rju.get(`/cases/${roComplaintId}?minPosition=${roComplaint.body.position}`)).status).toBe(200);
    const supervisor = await running.as('supervisor', 'supervisor-1');
    const complaint = await supervisor.post('/cases', { workflow: 'complaint', command: 'ReceiveComplaint', data: example('complaint', 'ReceiveComplaint') });
    expect(complaint.status).toBe(201);
    complaintId = complaint.body.caseId;
    expect((await supervisor.get(`/cases/${complaintId}?minPosition=${complaint.body.position}`)).status).toBe(200);
    const references = [ro.body.reference as string, roComplaint.body.reference as string];
    const events = await running.store.readAll();
    roStreams = [...new Set(events.map((e) => e.streamId))].filter((id) => [roCaseId, roComplaintId, ...references].some((hidden) => id.endsWith(hidden)));
    await running.close();
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  async function withApp(work: (as: (role: 'auditor' | 'roAuditor' | 'rju') => Promise<HttpClient>) => Promise<void>) {
    const running = await startApp({ dataDir });
    try {
      await work((role) => running.as(role, `${role}-7`));
    } finally {
      await running.close();
    }
  }

  it('the RO-cleared auditor verifies it and reads who read it', async () => {
    await withApp(async (as) => {
      const roAuditor = await as('roAuditor');
      expect((await roAuditor.get(`/cases/${roComplaintId}`)).status).toBe(200);
      const one = await roAuditor.get(`/audit/verify?caseId=${roComplaintId}`);
      expect({ status: one.status, ok: one.body.ok, streams: one.body.streams }).toEqual({ status: 200, ok: true, streams: 2 });
      const reads = await roAuditor.get(`/audit/access?caseId=${roComplaintId}`);
      expect(reads.status).toBe(200);
      expect(reads.body.items.map((i: { actor: { id: string } }) => i.actor.id)).toEqual(expect.arrayContaining(['rju-1', 'roAuditor-7']));
      const log = await roAuditor.get('/audit/access?limit=500');
      const logged = new Set(log.body.items.map((i: { caseId: string }) => i.caseId));
      expect([...logged].sort()).toEqual([roCaseId, roComplaintId].sort());
      const all = VerificationSchema.parse((await roAuditor.get('/audit/verify')).body);
      expect(all).toMatchObject({ ok: true, streams: roStreams.length });
      // Nothing of the departmental complaint.
      expect((await roAuditor.get(`/audit/verify?caseId=${complaintId}`)).status).toBe(404);
      expect((await roAuditor.get(`/audit/access?caseId=${complaintId}`)).body.items).toEqual([]);
      expect((await (await as('rju')).get(`/audit/verify?caseId=${roComplaintId}`)).status).toBe(403);
    });
  });

  it('is named when damaged to the RO-cleared auditor, and stays unknown to the departmental auditor', async () => {
    const db = new Database(eventsFile(dataDir));
    db.prepare(`UPDATE events SET data = json_set(data, '$.forged', 1) WHERE stream_id = ? AND revision = 0`).run(`complaint-${roComplaintId}`);
    db.close();
    await withApp(async (as) => {
      const roAuditor = await as('roAuditor');
      const one = await roAuditor.get(`/audit/verify?caseId=${roComplaintId}`);
      expect({ status: one.status, ok: one.body.ok, verdict: one.body.verdict }).toEqual({ status: 200, ok: false, verdict: 'tampered' });
      const all = VerificationSchema.parse((await roAuditor.get('/audit/verify')).body);
      expect(all).toMatchObject({ ok: false, verdict: 'tampered', streams: roStreams.length, tamperedStreams: 1 });
      expect(all.problems[0]!.streamId).toBe(`complaint-${roComplaintId}`);

      const auditor = await as('auditor');
      const hidden = await auditor.get(`/audit/verify?caseId=${roComplaintId}`);
      expect({ status: hidden.status, code: hidden.body.code }).toEqual({ status: 404, code: 'CASE.NOT_FOUND' });
      expect((await auditor.get(`/audit/access?caseId=${roComplaintId}`)).body.items).toEqual([]);
      const log = await auditor.get('/audit/access?limit=500');
      expect(new Set(log.body.items.map((i: { caseId: string }) => i.caseId))).toEqual(new Set([complaintId]));
      const departmental = await auditor.get('/audit/verify');
      // The departmental complaint's stream, its case-id and reference reservations and its access log.
      expect(VerificationSchema.parse(departmental.body)).toMatchObject({ ok: true, verdict: 'verified', streams: 4, tamperedStreams: 0 });
      expect(JSON.stringify(departmental.body)).not.toContain(roComplaintId);
    });
  });
});
