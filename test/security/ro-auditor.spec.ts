import { randomUUID } from 'node:crypto';
import { workflowDefinitions } from '../../workflows/registry';
import { startApp, type HttpClient, type RunningApp } from '../support/app';

const ro = workflowDefinitions.find((d) => d.name === 'restorative-opportunities')!;
const example = (workflow: string, command: string) =>
  workflowDefinitions.find((d) => d.name === workflow)!.commands.find((c) => c.type === command)!.example;

/**
 * Someone must be able to audit RO: the RO-cleared auditor (`roAuditor`) reads every RO case — its
 * view, history, state at any moment, export, verification — with personal information redacted
 * as for every auditor, and writes nothing. The departmental programs are not theirs: to them
 * those cases do not exist. Ordinary auditors still see nothing of RO.
 */
describe('the RO-cleared auditor', () => {
  let running: RunningApp;
  let roAuditor: HttpClient;
  let auditor: HttpClient;
  let roCaseId: string;
  let complaintId: string;
  let position = 0;
  const absent = randomUUID();
  const referral = example(ro.name, 'ReceiveReferral') as { victim: { name: string }; offender: { name: string } };

  beforeAll(async () => {
    running = await startApp({ start: '2026-03-02T15:00:00Z' });
    const rju = await running.as('rju', 'rju-1');
    const opened = await rju.post('/cases', { workflow: ro.name, command: 'ReceiveReferral', data: referral });
    expect(opened.status).toBe(201);
    roCaseId = opened.body.caseId;
    const begun = await rju.post(`/cases/${roCaseId}/commands/BeginIntakeAssessment`, { intakeOfficerId: 'rju-1' });
    expect(begun.status).toBe(200);
    const supervisor = await running.as('supervisor', 'supervisor-1');
    const complaint = await supervisor.post('/cases', { workflow: 'complaint', command: 'ReceiveComplaint', data: example('complaint', 'ReceiveComplaint') });
    expect(complaint.status).toBe(201);
    complaintId = complaint.body.caseId;
    position = Math.max(begun.body.position, complaint.body.position);
    roAuditor = await running.as('roAuditor', 'ro-auditor-1');
    auditor = await running.as('auditor', 'auditor-1');
  });
  afterAll(async () => running.close());

  it('reads an RO case and is offered no command', async () => {
    const view = await roAuditor.get(`/cases/${roCaseId}?minPosition=${position}`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ workflow: ro.name, state: 'intakeAssessment', allowedCommands: [] });
    const list = await roAuditor.get(`/cases?minPosition=${position}`);
    expect(list.body.items.map((c: { caseId: string }) => c.caseId)).toEqual([roCaseId]);
    expect(list.body.total).toBe(1);
  });

  it('reads its history, its state at any revision and its export, personal information redacted', async () => {
    const history = await roAuditor.get(`/cases/${roCaseId}/history`);
    expect(history.status).toBe(200);
    expect(history.body.items.map((item: { type: string }) => item.type)).toEqual(['ReferralReceived', 'IntakeAssessmentBegun']);
    expect(history.body.items[0].data.victim.name).toBe('[redacted]');
    expect(history.body.items[0].data.offender.name).toBe('[redacted]');
    const state = await roAuditor.get(`/cases/${roCaseId}/state?revision=0`);
    expect({ status: state.status, state: state.body.state }).toEqual({ status: 200, state: 'referralReceived' });
    for (const format of ['ndjson', 'csv']) {
      const exported = await roAuditor.request('GET', `/cases/${roCaseId}/export?format=${format}`);
      expect(exported.status).toBe(200);
      const text = typeof exported.body === 'string' ? exported.body : JSON.stringify(exported.body);
      expect(text).toContain('[redacted]');
      expect(text).not.toContain(referral.victim.name);
    }
  });

  it('verifies the RO case’s chain', async () => {
    const verified = await roAuditor.get(`/audit/verify?caseId=${roCaseId}`);
    expect(verified.status).toBe(200);
    expect(verified.body.ok).toBe(true);
  });

  it('writes nothing: a command is a 403 naming the role, in French when asked', async () => {
    const refused = await roAuditor.post(`/cases/${roCaseId}/commands/AssessIntake`, example(ro.name, 'AssessIntake'), { 'accept-language': 'fr' });
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 403, code: 'ACCESS.ROLE_FORBIDDEN' });
    expect(refused.body.message).toContain('vérificateur des Possibilités de justice réparatrice');
  });

  it('sees nothing of the departmental programs: their cases answer as cases that do not exist', async () => {
    for (const path of [(id: string) => `/cases/${id}`, (id: string) => `/cases/${id}/history`, (id: string) => `/cases/${id}/export?format=ndjson`, (id: string) => `/audit/verify?caseId=${id}`]) {
      const [hidden, none] = [await roAuditor.get(path(complaintId)), await roAuditor.get(path(absent))];
      expect({ status: hidden.status, code: hidden.body.code }).toEqual({ status: 404, code: 'CASE.NOT_FOUND' });
      expect(String(hidden.body.message).replace(complaintId, 'ID')).toBe(String(none.body.message).replace(absent, 'ID'));
    }
    expect((await roAuditor.get(`/cases?workflow=complaint&minPosition=${position}`)).body).toMatchObject({ items: [], total: 0 });
    // The complaint's acknowledgement clock is running; the RO auditor's SLA views leave it out.
    const clocks = await roAuditor.get(`/sla/clocks?minPosition=${position}`);
    expect(clocks.status).toBe(200);
    expect(clocks.body.items).toEqual([]);
    const summary = await roAuditor.get(`/sla/summary?minPosition=${position}`);
    expect(JSON.stringify(summary.body)).not.toContain('complaint');
    expect((await auditor.get(`/sla/clocks?minPosition=${position}`)).body.items.map((c: { caseId: string }) => c.caseId)).toContain(complaintId);
  });

  it('while an ordinary auditor still sees nothing of RO', async () => {
    const [hidden, none] = [await auditor.get(`/cases/${roCaseId}/history`), await auditor.get(`/cases/${absent}/history`)];
    expect({ status: hidden.status, code: hidden.body.code }).toEqual({ status: 404, code: 'CASE.NOT_FOUND' });
    expect(String(hidden.body.message).replace(roCaseId, 'ID')).toBe(String(none.body.message).replace(absent, 'ID'));
    const list = await auditor.get(`/cases?minPosition=${position}`);
    expect(list.body.items.map((c: { caseId: string }) => c.caseId)).toEqual([complaintId]);
    expect(list.body.total).toBe(1);
  });
});
