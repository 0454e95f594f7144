import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withContextOf } from '../../src/cli/context';
import { StaffDirectory } from '../../src/staff/staff-directory.service';
import { workflowDefinitions } from '../../workflows/registry';
import { startApp, type HttpClient, type RunningApp } from '../support/app';

const example = (workflow: string, command: string) =>
  workflowDefinitions.find((d) => d.name === workflow)!.commands.find((c) => c.type === command)!.example;

/**
 * Marking someone inactive in the staff directory cuts them off: every request they send, with a
 * token they already hold or one minted after, is refused with ACCESS.STAFF_INACTIVE, in their
 * language, and nothing they send is stored. Someone the directory does not hold is unaffected
 * (the directory is optional), and someone marked active again is served again.
 */
describe('a person the staff directory marks inactive', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mend-inactive-staff-'));
  let running: RunningApp;
  let admin: HttpClient;
  let caseId: string;

  beforeAll(async () => {
    running = await startApp({ dataDir, start: '2026-03-02T15:00:00Z' });
    admin = await running.as('admin', 'admin-1');
    for (const staffId of ['supervisor-5', 'supervisor-6']) {
      expect((await admin.post('/staff', { staffId, displayName: `Person ${staffId}`, role: 'supervisor', region: 'ON', languages: ['en'] })).status).toBe(201);
    }
    const opened = await (await running.as('supervisor', 'supervisor-5')).post('/cases', { workflow: 'complaint', command: 'ReceiveComplaint', data: example('complaint', 'ReceiveComplaint') });
    expect(opened.status).toBe(201);
    caseId = opened.body.caseId;
  });
  afterAll(async () => {
    await running.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Every kind of request: reads, lists, a command, their own entry. */
  async function statuses(http: HttpClient): Promise<Record<string, number>> {
    return {
      read: (await http.get(`/cases/${caseId}`)).status,
      list: (await http.get('/cases?workflow=complaint')).status,
      command: (await http.post(`/cases/${caseId}/commands/AcknowledgeComplaint`, { method: 'email' })).status,
      me: (await http.get('/staff/me')).status,
    };
  }
  const refused = { read: 403, list: 403, command: 403, me: 403 };

  it('is refused at once, with the token they hold and with one minted after, in English and French; nothing they send is stored', async () => {
    const before = await running.as('supervisor', 'supervisor-5');
    expect((await before.get(`/cases/${caseId}`)).status).toBe(200);
    const left = await admin.post('/staff/supervisor-5', { active: false });
    expect({ status: left.status, active: left.body.active }).toEqual({ status: 200, active: false });
    const head = await running.store.headPosition();

    expect(await statuses(before)).toEqual(refused);
    const after = await running.as('supervisor', 'supervisor-5');
    expect(await statuses(after)).toEqual(refused);
    const english = await after.get('/cases');
    expect(english.body).toMatchObject({
      code: 'ACCESS.STAFF_INACTIVE',
      message: 'supervisor-5 is marked inactive in the staff directory: Mend serves none of their requests. If this is a mistake, ask an administrator to mark them active again.',
    });
    const french = await after.get('/cases', { 'accept-language': 'fr-CA' });
    expect({ status: french.status, code: french.body.code }).toEqual({ status: 403, code: 'ACCESS.STAFF_INACTIVE' });
    expect(french.body.message).toBe(
      'La personne supervisor-5 est inscrite comme inactive dans le répertoire du personnel\u00a0: Mend ne répond à aucune de ses requêtes. S’il s’agit d’une erreur, demandez à une administratrice ou à un administrateur de réactiver sa fiche.',
    );
    // Whatever token they hold, even one naming another role.
    expect((await (await running.as('admin', 'supervisor-5')).get('/staff')).status).toBe(403);
    expect(await running.store.headPosition()).toBe(head);
  });

  it('leaves everyone else served: an active member, and someone the directory does not hold', async () => {
    expect(await statuses(await running.as('supervisor', 'supervisor-6'))).toEqual({ read: 200, list: 200, command: 200, me: 200 });
    const outsider = await running.as('supervisor', 'supervisor-77');
    expect((await outsider.get(`/cases/${caseId}`)).status).toBe(200);
    expect((await outsider.get('/staff/me')).status).toBe(404);
  });

  it('is still refused after a restart, and served again once marked active', async () => {
    await running.close();
    running = await startApp({ dataDir });
    admin = await running.as('admin', 'admin-1');
    const token = await running.as('supervisor', 'supervisor-5');
    expect((await token.get(`/cases/${caseId}`)).status).toBe(403);
    expect((await admin.post('/staff/supervisor-5', { active: true })).status).toBe(200);
    expect((await token.get(`/cases/${caseId}`)).status).toBe(200);
  });

  it('is refused once marked inactive by another process writing the same log (the CLI, another node)', async () => {
    const token = await running.as('supervisor', 'supervisor-6');
    expect((await token.get(`/cases/${caseId}`)).status).toBe(200);
    // As `mend staff update supervisor-6 --inactive` does: a context of its own, which runs no projection.
    const written = await withContextOf(running.config, (context) =>
      context.get(StaffDirectory).update('supervisor-6', { active: false }, { actor: { id: 'admin-1', role: 'admin' }, correlationId: 'c', causationId: 'c' }),
    );
    // This server's staff read model takes the change; its projector tells the guard.
    expect((await admin.get(`/staff?active=false&minPosition=${written.position}`)).body.items.map((p: { staffId: string }) => p.staffId)).toEqual(['supervisor-6']);
    const after = await token.get(`/cases/${caseId}`);
    expect({ status: after.status, code: after.body.code }).toEqual({ status: 403, code: 'ACCESS.STAFF_INACTIVE' });
  });
});
