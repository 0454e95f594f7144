import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VerificationSchema } from '../../src/audit/audit.schemas';
import { workflowDefinitions } from '../../workflows/registry';
import { eventsFile, runCli } from '../audit/audit-support';
import { startApp, type HttpClient } from '../support/app';

const example = (workflow: string, command: string) =>
  workflowDefinitions.find((d) => d.name === workflow)!.commands.find((c) => c.type === command)!.example;

/**
 * The audit views count and name only what the caller may know exists: an auditor or an
 * administrator learns nothing of RO cases from /audit/access pages and cursors or from
 * /audit/verify counts and problems, even when an RO stream is damaged. Someone must audit RO: the
 * RO-cleared auditor (`roAuditor`) sees exactly the RO side, and nothing of the other programs.
 */
describe('RO cases stay invisible in the audit views', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mend-ro-audit-'));
  let roCaseId: string;
  let complaintId: string;

  beforeAll(async () => {
    const running = await startApp({ dataDir, start: '2026-03-02T15:00:00Z' });
    const rju = await running.as('rju', 'rju-1');
    const ro = await rju.post('/cases', { workflow: 'restorative-opportunities', command: 'ReceiveReferral', data: example('restorative-opportunities', 'ReceiveReferral') });
    expect(ro.status).toBe(201);
    roCaseId = ro.body.caseId;
    // An id may be spelled in upper case: it names the same case, and its reads go to the same log.
    for (const spelled of [roCaseId, roCaseId, roCaseId.toUpperCase()]) expect((await rju.get(`/cases/${spelled}?minPosition=${ro.body.position}`)).status).toBe(200);
    const supervisor = await running.as('supervisor', 'supervisor-1');
    const complaint = await supervisor.post('/cases', { workflow: 'complaint', command: 'ReceiveComplaint', data: example('complaint', 'ReceiveComplaint') });
    complaintId = complaint.body.caseId;
    for (const spelled of [complaintId, complaintId.toUpperCase()]) expect((await supervisor.get(`/cases/${spelled}?minPosition=${complaint.body.position}`)).status).toBe(200);
    await running.close();
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  async function withApp(work: (as: (role: 'auditor' | 'admin' | 'supervisor' | 'roAuditor') => Promise<HttpClient>) => Promise<void>) {
    const running = await startApp({ dataDir });
    try {
      await work((role) => running.as(role, `${role}-7`));
    } finally {
      await running.close();
    }
  }

  it('/audit/access fills its pages after filtering: no empty page with a cursor, no RO read', async () => {
    await withApp(async (as) => {
      // Administrators may not read case content, nor so who read it.
      expect((await (await as('admin')).get('/audit/access')).status).toBe(403);
      for (const [role, expected] of [
        ['auditor', [complaintId, complaintId]],
        ['supervisor', [complaintId, complaintId]],
        ['roAuditor', [roCaseId, roCaseId, roCaseId]],
      ] as const) {
        const http = await as(role);
        const seen: string[] = [];
        let cursor: number | null = -1;
        while (cursor !== null) {
          const page = await http.get(`/audit/access?limit=1${cursor >= 0 ? `&cursor=${cursor}` : ''}`);
          expect(page.status).toBe(200);
          const { items, next } = page.body as { items: { caseId: string }[]; next: number | null };
          if (next !== null) expect(items).toHaveLength(1);
          seen.push(...items.map((item) => item.caseId));
          cursor = next;
        }
        expect(seen).toEqual(expected);
      }
      const byCase = await (await as('roAuditor')).get(`/audit/access?caseId=${roCaseId}`);
      expect((byCase.body as { items: unknown[] }).items).toHaveLength(3);
    });
  });

  it('/audit/verify counts only the streams the caller may see, and never names a damaged RO stream', async () => {
    const db = new Database(eventsFile(dataDir));
    db.prepare(`UPDATE events SET data = json_set(data, '$.forged', 1) WHERE stream_id LIKE ? AND revision = 0`).run(`%-${roCaseId}`);
    db.close();
    await withApp(async (as) => {
      for (const role of ['auditor', 'admin'] as const) {
        const response = await (await as(role)).get('/audit/verify');
        expect(response.status).toBe(200);
        const verdict = VerificationSchema.parse(response.body);
        // The complaint's stream, its case-id and reference reservations and its access log; nothing of the RO case.
        expect(verdict).toMatchObject({ ok: true, streams: 4, tamperedStreams: 0, problems: [] });
        expect(JSON.stringify(response.body)).not.toMatch(/RO-\d{4}-/);
        expect(JSON.stringify(response.body)).not.toContain(roCaseId);
      }
      // The RO-cleared auditor: the RO case's stream, its case-id and reference reservations and its access log, the
      // damage named; nothing of the complaint.
      const ro = await (await as('roAuditor')).get('/audit/verify');
      expect(ro.status).toBe(200);
      const verdict = VerificationSchema.parse(ro.body);
      // The forgery above touched the first event of the three streams named by the case id (the reference's is named by the reference).
      expect(verdict).toMatchObject({ ok: false, streams: 4, tamperedStreams: 3 });
      expect(JSON.stringify(ro.body)).toContain(roCaseId);
      expect(JSON.stringify(ro.body)).not.toContain(complaintId);
      const one = await (await as('roAuditor')).get(`/audit/verify?caseId=${roCaseId}`);
      expect({ status: one.status, ok: one.body.ok }).toEqual({ status: 200, ok: false });
      const other = await (await as('roAuditor')).get(`/audit/verify?caseId=${complaintId}`);
      expect({ status: other.status, code: other.body.code }).toEqual({ status: 404, code: 'CASE.NOT_FOUND' });
      // An administrator may not read a complaint, but verifies its chains one case at a time as in the whole store; an RO case stays unknown.
      const admin = await as('admin');
      expect((await admin.get(`/cases/${complaintId}`)).status).toBe(403);
      const complaint = await admin.get(`/audit/verify?caseId=${complaintId}`);
      expect({ status: complaint.status, ok: complaint.body.ok }).toEqual({ status: 200, ok: true });
      const hidden = await admin.get(`/audit/verify?caseId=${roCaseId}`);
      expect({ status: hidden.status, code: hidden.body.code }).toEqual({ status: 404, code: 'CASE.NOT_FOUND' });
    });
    // The operator, who holds the data directory, is told.
    const cli = await runCli(['audit', 'verify'], dataDir);
    expect(cli.code).toBe(1);
    expect(cli.stdout).toContain(roCaseId);
  });
});
