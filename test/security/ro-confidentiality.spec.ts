import { randomUUID } from 'node:crypto';
import { PersonRole } from '../../domain/roles';
import { workflowDefinitions } from '../../workflows/registry';
import { startApp, type HttpClient, type RunningApp } from '../support/app';

const example = (workflow: string, command: string) =>
  workflowDefinitions.find((d) => d.name === workflow)!.commands.find((c) => c.type === command)!.example;

const ro = workflowDefinitions.find((d) => d.name === 'restorative-opportunities')!;
/**
 * Every role to which this RO case does not exist, from the read scope (so a new role is covered):
 * the roles it is hidden from, and those that see only the cases assigned to them (a mediator to
 * whom it is not assigned).
 */
const outsiders = PersonRole.options.filter((role) => ['hidden', 'needToKnow'].includes(ro.readScope[role]));

/**
 * RO case content stays with the Restorative Justice Unit: to every other role an RO case does
 * not exist. They cannot read it, list it, export it, act on it, or infer it — every answer is
 * the one a case that never existed gets.
 */
describe('restorative opportunities: confidential to the Restorative Justice Unit', () => {
  let running: RunningApp;
  let rju: HttpClient;
  let roCaseId: string;
  let position: number;
  const absent = randomUUID();

  beforeAll(async () => {
    running = await startApp({ start: '2026-03-02T15:00:00Z' });
    rju = await running.as('rju', 'rju-1');
    const opened = await rju.post('/cases', { workflow: 'restorative-opportunities', command: 'ReceiveReferral', data: example('restorative-opportunities', 'ReceiveReferral') });
    expect(opened.status).toBe(201);
    roCaseId = opened.body.caseId;
    position = opened.body.position;
    const supervisor = await running.as('supervisor', 'supervisor-1');
    const complaint = await supervisor.post('/cases', { workflow: 'complaint', command: 'ReceiveComplaint', data: example('complaint', 'ReceiveComplaint') });
    expect(complaint.status).toBe(201);
    position = Math.max(position, complaint.body.position);
  });
  afterAll(async () => running.close());

  it('the Restorative Justice Unit sees and acts on the case', async () => {
    const view = await rju.get(`/cases/${roCaseId}?minPosition=${position}`);
    expect(view.status).toBe(200);
    expect(view.body.workflow).toBe('restorative-opportunities');
    expect(view.body.allowedCommands.length).toBeGreaterThan(0);
    const list = await rju.get(`/cases?minPosition=${position}`);
    expect(list.body.items.map((c: { caseId: string }) => c.caseId)).toEqual([roCaseId]);
  });

  it('covers every role but the unit and the RO auditor', () => {
    expect(outsiders).toEqual(PersonRole.options.filter((role) => role !== 'rju' && role !== 'roAuditor'));
  });

  describe.each(outsiders)('to a %s', (role) => {
    let http: HttpClient;
    beforeAll(async () => {
      http = await running.as(role, `${role}-9`);
    });

    const sameAsAbsent = async (path: (id: string) => string, method: 'GET' | 'POST' = 'GET') => {
      const send = (id: string) => (method === 'GET' ? http.get(path(id)) : http.post(path(id), {}));
      const [ro, none] = [await send(roCaseId), await send(absent)];
      expect(ro.status).toBe(none.status);
      expect(ro.body.code).toBe(none.body.code);
      expect(String(ro.body.message).replace(roCaseId, 'ID')).toBe(String(none.body.message).replace(absent, 'ID'));
      return ro;
    };

    it('reading the case answers exactly as for a case that does not exist', async () => {
      const ro = await sameAsAbsent((id) => `/cases/${id}?minPosition=${position}`);
      expect([403, 404]).toContain(ro.status);
    });

    it('its history, state and export answer as for a case that does not exist', async () => {
      await sameAsAbsent((id) => `/cases/${id}/history`);
      await sameAsAbsent((id) => `/cases/${id}/state?revision=0`);
      await sameAsAbsent((id) => `/cases/${id}/export?format=ndjson`);
    });

    it('commands on it answer as for a case that does not exist', async () => {
      await sameAsAbsent((id) => `/cases/${id}/commands/AssessIntake`, 'POST');
      await sameAsAbsent((id) => `/cases/${id}/commands/Withdraw`, 'POST');
    });

    it('lists never include it nor count it', async () => {
      const list = await http.get(`/cases?minPosition=${position}&limit=200`);
      if (list.status === 200) {
        expect(list.body.items.map((c: { caseId: string }) => c.caseId)).not.toContain(roCaseId);
        expect(list.body.items.every((c: { workflow: string }) => c.workflow !== 'restorative-opportunities')).toBe(true);
        const filtered = await http.get(`/cases?workflow=restorative-opportunities&minPosition=${position}`);
        expect(filtered.body).toMatchObject({ items: [], total: 0 });
      } else {
        expect(list.status).toBe(403);
      }
    });

    it('the audit endpoints do not reveal it', async () => {
      const verify = await http.get(`/audit/verify?caseId=${roCaseId}`);
      const verifyAbsent = await http.get(`/audit/verify?caseId=${absent}`);
      expect(verify.status).toBe(verifyAbsent.status);
      const access = await http.get(`/audit/access?caseId=${roCaseId}`);
      if (access.status === 200) expect(access.body.items).toEqual([]);
    });
  });

  it('the RO case has been read by the unit, and that read is logged for the unit, not shown to others', async () => {
    const auditor = await running.as('auditor', 'auditor-2');
    const all = await auditor.get('/audit/access?limit=500');
    expect(all.status).toBe(200);
    expect(all.body.items.every((item: { caseId: string }) => item.caseId !== roCaseId)).toBe(true);
  });
});
